// Which traced call's bytes went to which, for the sequence diagram: connect -> accept,
// send -> recv on a connection (matched by stream offset, so three sends read by one recv
// are three arrows into it), and sendto -> recvfrom (one datagram, one arrow). The sockets
// at the two ends of a connection come from the one pairing (SocketSnapshot::peerOf); this
// class pairs calls, not sockets. It holds the calls still waiting for a partner, each queue
// capped, and reports every arrow it finds to the sink.
#pragma once

#include <SocketAddress.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <unordered_map>
#include <vector>

namespace socketlab {
class SocketSnapshot;
}

class SequenceMatcher {
public:
    static constexpr std::size_t kMaxWaiting = 256;  // sends, recvs, connects waiting for a partner

    enum class Kind { Connect, Stream, Datagram };
    // from, to: call serials; bytes of `from` that `to` took (Connect: 0).
    using Sink = std::function<void(Kind kind, std::uint64_t from, std::uint64_t to, std::int64_t bytes, bool truncated)>;
    explicit SequenceMatcher(Sink sink) : m_sink(std::move(sink)) {}

    void connectStarted(std::uint64_t serial, std::uint32_t socketId);
    void connectFailed(std::uint64_t serial);
    void accepted(std::uint64_t serial, std::uint32_t connectionId);
    // Accepts whose client is known by now get their connect arrow; returns each pair of
    // sockets so joined (client, connection).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> matchAccepts(const socketlab::SocketSnapshot &sockets);

    // The two ends of a connection, once known: bytes already waiting on either side match.
    void joinPeers(std::uint32_t a, std::uint32_t b);
    void streamSent(std::uint32_t socketId, std::uint64_t serial, std::uint64_t bytes);
    void streamReceived(std::uint32_t socketId, std::uint64_t serial, std::uint64_t bytes);

    // from: the sender's own endpoint (invalid or unnamed: unknown); to: where it went.
    void datagramSent(std::uint64_t serial, const socketlab::SocketAddress &from, const socketlab::SocketAddress &to,
                      std::int64_t bytes);
    void datagramReceived(std::uint64_t serial, const socketlab::SocketAddress &from, const socketlab::SocketAddress &to,
                          std::int64_t bytes, bool truncated);

    // Forgets waiting calls the diagram dropped, and the sockets it no longer draws.
    void prune(const std::function<bool(std::uint64_t serial)> &dropped);
    void forgetSocket(std::uint32_t socketId);
    void clear();
    std::size_t waitingCount() const;

private:
    // One direction of a byte stream: absolute offsets of the bytes each call moved.
    struct Segment {
        std::uint64_t serial;
        std::uint64_t begin, end;
    };
    struct Stream {
        std::uint32_t peerId = 0;
        std::uint64_t sentOffset = 0, receivedOffset = 0;
        std::deque<Segment> outbound, inbound;  // not yet matched with the peer's
    };
    struct Connector {
        std::uint64_t serial;
        std::uint32_t socketId;
    };
    struct AcceptDone {
        std::uint64_t serial;
        std::uint32_t connectionId;
    };
    struct Datagram {
        std::uint64_t serial;
        socketlab::SocketAddress from, to;
        std::int64_t bytes;
        bool truncated;
    };

    static void appendSegment(std::deque<Segment> &segments, std::uint64_t &offset, std::uint64_t serial, std::uint64_t bytes);
    void matchStream(std::uint32_t senderId, std::uint32_t receiverId);
    void matchDatagrams();

    Sink m_sink;
    std::unordered_map<std::uint32_t, Stream> m_streams;
    std::deque<Connector> m_connectors;
    std::deque<AcceptDone> m_accepts;
    std::deque<Datagram> m_sentDatagrams, m_receivedDatagrams;
};
