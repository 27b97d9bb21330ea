// What waits in each socket's receive buffer, and which sends put it there. The kernel
// tells us only a byte count (SIOCINQ; for datagram sockets the size of the next datagram);
// the boundaries between the peer's send()/sendall()/sendto() calls are what the trace
// shows, matched to this socket by the one pairing of connected peers (SocketSnapshot), or
// for a datagram by the address it was sent to. A recv takes bytes from the front, across boundaries on a stream - three sends,
// one recv - and exactly one datagram on a datagram socket.
//
// The traced segments follow the kernel: when the kernel says the buffer is empty they are
// dropped, so a lost or late event cannot leave phantom bytes behind for long. Memory is
// bounded: a buffer is kept only while its socket is open and has bytes waiting (or just had
// them taken), and holds at most kMaxSegments segments - older ones merge, keeping the bytes.
// Plain C++ over the core; the widget is ReceiveBufferView.
#pragma once

#include <SocketAddress.h>
#include <TraceEvent.h>

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace socketlab {
class SocketSnapshot;
}

class ReceiveBufferModel {
public:
    static constexpr std::size_t kMaxSegments = 256;
    static constexpr std::int64_t kTakeShownNs = 2'000'000'000;  // a recv's merged bytes stay drawn this long

    // The bytes one traced send put in the buffer (still waiting).
    struct Segment {
        std::uint64_t id = 0;
        std::int64_t bytes = 0;
        std::uint32_t sends = 1;   // more than 1 when old segments were merged to bound memory
        socketlab::TraceCall call = socketlab::TraceCall::Send;
        bool open = false;         // a sendall still under way: its bytes keep arriving
        std::uint64_t generation = 0;  // the refresh it arrived before (see refresh())
    };
    // The last recv that took bytes: how many, and across how many send boundaries.
    struct Take {
        std::int64_t bytes = 0;
        int segments = 0;
        std::int64_t atNs = 0;
        socketlab::TraceCall call = socketlab::TraceCall::Recv;
    };
    struct Buffer {
        std::uint32_t socketId = 0;
        bool datagram = false;
        std::string owner, local, peer;
        std::deque<Segment> segments;
        std::int64_t kernelBytes = -1;  // last probe: stream bytes waiting, or next datagram's size
        int bufferSize = 0;             // SO_RCVBUF
        Take lastTake;
        std::int64_t tracedBytes() const;
        // Stream bytes the kernel holds that no traced send explains (an untraced peer,
        // a send whose event is still on its way).
        std::int64_t untracedBytes() const;
    };

    // The tick's events, with the snapshot taken after they were traced; true if any were about buffers.
    bool addEvents(const std::vector<socketlab::TraceEvent> &events, const socketlab::SocketSnapshot &sockets);
    // Reconciles with the kernel's count in each open, non-listening socket's sample, forgets
    // what went; true when anything a view draws changed.
    bool refresh(const socketlab::SocketSnapshot &sockets, std::int64_t nowNs);
    void clear();

    // Buffers with something to show, by socket id.
    const std::map<std::uint32_t, Buffer> &buffers() const { return m_buffers; }
    const Buffer *buffer(std::uint32_t socketId) const;
    // The traced sends of a stream socket whose receiver does not exist yet (a connection
    // the server has not accepted): they wait in the kernel all the same.
    const std::deque<Segment> *unclaimed(std::uint32_t senderId) const;

private:
    std::uint32_t receiverOf(const socketlab::TraceEvent &send);
    Buffer &bufferFor(std::uint32_t receiverId);
    void onSend(const socketlab::TraceEvent &e);
    void onRecv(const socketlab::TraceEvent &e);
    void forgetSocket(std::uint32_t socketId);
    void claim(std::uint32_t senderId, std::uint32_t receiverId);
    static Segment *findSegment(std::deque<Segment> &segments, std::uint64_t id);
    static void append(std::deque<Segment> &segments, Segment segment);

    struct AddressHash {
        std::size_t operator()(const socketlab::SocketAddress &a) const { return a.hash(); }
    };
    const socketlab::SocketSnapshot *m_sockets = nullptr;  // during one addEvents() / refresh()
    std::map<std::uint32_t, Buffer> m_buffers;
    // Per addEvents: datagram target -> receiver, so a burst of sendto to one port looks once.
    std::unordered_map<socketlab::SocketAddress, std::uint32_t, AddressHash> m_datagramTargets;
    struct OpenSendAll {
        std::uint32_t receiver = 0;
        std::uint64_t segment = 0;
    };
    std::unordered_map<std::uint32_t, OpenSendAll> m_sendAlls;      // sender in sendall -> its segment
    // Stream sends whose receiver is not known yet: a client may send before the server has
    // accepted the connection, so the accepted socket appears later. Keyed by sender.
    std::unordered_map<std::uint32_t, std::deque<Segment>> m_unclaimed;
    std::uint64_t m_nextSegment = 1;
    std::uint64_t m_generation = 0;
};
