#include "SequenceMatcher.h"

#include <SocketSnapshot.h>

#include <algorithm>

using namespace socketlab;

namespace {

template <typename Queue>
void capQueue(Queue &queue, std::size_t max)
{
    while (queue.size() > max)
        queue.pop_front();
}

template <typename Queue, typename Pred>
void eraseIf(Queue &queue, Pred pred)
{
    queue.erase(std::remove_if(queue.begin(), queue.end(), pred), queue.end());
}

} // namespace

void SequenceMatcher::connectStarted(std::uint64_t serial, std::uint32_t socketId)
{
    m_connectors.push_back(Connector{serial, socketId});
    capQueue(m_connectors, kMaxWaiting);
}

void SequenceMatcher::connectFailed(std::uint64_t serial)
{
    eraseIf(m_connectors, [&](const Connector &k) { return k.serial == serial; });
}

void SequenceMatcher::accepted(std::uint64_t serial, std::uint32_t connectionId)
{
    m_accepts.push_back(AcceptDone{serial, connectionId});
    capQueue(m_accepts, kMaxWaiting);
}

// connect -> accept: the accepted connection's peer is the client. Until the pairing knows
// it (the client's address is read once its connect returns) the accept waits.
std::vector<std::pair<std::uint32_t, std::uint32_t>> SequenceMatcher::matchAccepts(const SocketSnapshot &sockets)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> joined;
    for (auto a = m_accepts.begin(); a != m_accepts.end();) {
        const std::uint32_t client = sockets.peerOf(a->connectionId);
        const auto k = client == 0 ? m_connectors.end()
                                   : std::find_if(m_connectors.begin(), m_connectors.end(),
                                                  [&](const Connector &c) { return c.socketId == client; });
        if (k == m_connectors.end()) {
            ++a;
            continue;
        }
        m_sink(Kind::Connect, k->serial, a->serial, 0, false);
        joined.emplace_back(client, a->connectionId);
        m_connectors.erase(k);
        a = m_accepts.erase(a);
    }
    return joined;
}

void SequenceMatcher::joinPeers(std::uint32_t a, std::uint32_t b)
{
    m_streams[a].peerId = b;
    m_streams[b].peerId = a;
    matchStream(a, b);
    matchStream(b, a);
}

// The next `bytes` of one direction of a stream, as the call `serial` moved them.
void SequenceMatcher::appendSegment(std::deque<Segment> &segments, std::uint64_t &offset, std::uint64_t serial,
                                    std::uint64_t bytes)
{
    segments.push_back(Segment{serial, offset, offset + bytes});
    offset += bytes;
    capQueue(segments, kMaxWaiting);
}

void SequenceMatcher::streamSent(std::uint32_t socketId, std::uint64_t serial, std::uint64_t bytes)
{
    Stream &s = m_streams[socketId];
    appendSegment(s.outbound, s.sentOffset, serial, bytes);
    if (s.peerId != 0)
        matchStream(socketId, s.peerId);
}

void SequenceMatcher::streamReceived(std::uint32_t socketId, std::uint64_t serial, std::uint64_t bytes)
{
    Stream &s = m_streams[socketId];
    appendSegment(s.inbound, s.receivedOffset, serial, bytes);
    if (s.peerId != 0)
        matchStream(s.peerId, socketId);
}

// The bytes of a stream, matched by offset: each recv takes a range of the peer's sent
// bytes, and every send overlapping that range gets an arrow with the overlap's size.
void SequenceMatcher::matchStream(std::uint32_t senderId, std::uint32_t receiverId)
{
    Stream &s = m_streams[senderId];
    Stream &r = m_streams[receiverId];
    while (!s.outbound.empty() && !r.inbound.empty()) {
        const Segment a = s.outbound.front(), b = r.inbound.front();
        if (a.end <= b.begin) {
            s.outbound.pop_front();  // bytes whose receiver was lost to a cap
            continue;
        }
        if (b.end <= a.begin) {
            r.inbound.pop_front();
            continue;
        }
        const std::uint64_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
        m_sink(Kind::Stream, a.serial, b.serial, static_cast<std::int64_t>(hi - lo), false);
        if (a.end == hi)
            s.outbound.pop_front();
        if (b.end == hi)
            r.inbound.pop_front();
    }
}

void SequenceMatcher::datagramSent(std::uint64_t serial, const SocketAddress &from, const SocketAddress &to,
                                   std::int64_t bytes)
{
    m_sentDatagrams.push_back(Datagram{serial, from, to, bytes, false});
    capQueue(m_sentDatagrams, kMaxWaiting);
    matchDatagrams();
}

void SequenceMatcher::datagramReceived(std::uint64_t serial, const SocketAddress &from, const SocketAddress &to,
                                       std::int64_t bytes, bool truncated)
{
    m_receivedDatagrams.push_back(Datagram{serial, from, to, bytes, truncated});
    capQueue(m_receivedDatagrams, kMaxWaiting);
    matchDatagrams();
}

// Datagrams keep their boundaries: each recvfrom takes the oldest datagram sent from its
// source address to its own address.
void SequenceMatcher::matchDatagrams()
{
    // An unnamed sender (a Unix socket that never bound, or one whose address is not known)
    // could be anyone: it does not rule a datagram out.
    for (auto got = m_receivedDatagrams.begin(); got != m_receivedDatagrams.end();) {
        const auto sent = std::find_if(m_sentDatagrams.begin(), m_sentDatagrams.end(), [&](const Datagram &d) {
            const bool fromOk = !d.from.isNamed() || !got->from.isNamed() || SocketAddress::sameEndpoint(d.from, got->from);
            return fromOk && SocketAddress::sameEndpoint(d.to, got->to);
        });
        if (sent == m_sentDatagrams.end()) {
            ++got;
            continue;
        }
        m_sink(Kind::Datagram, sent->serial, got->serial, sent->bytes, got->truncated);
        m_sentDatagrams.erase(sent);
        got = m_receivedDatagrams.erase(got);
    }
}

void SequenceMatcher::prune(const std::function<bool(std::uint64_t)> &dropped)
{
    eraseIf(m_connectors, [&](const Connector &k) { return dropped(k.serial); });
    eraseIf(m_accepts, [&](const AcceptDone &a) { return dropped(a.serial); });
    for (auto *queue : {&m_sentDatagrams, &m_receivedDatagrams})
        eraseIf(*queue, [&](const Datagram &d) { return dropped(d.serial); });
}

void SequenceMatcher::forgetSocket(std::uint32_t socketId)
{
    m_streams.erase(socketId);
}

void SequenceMatcher::clear()
{
    m_streams.clear();
    m_connectors.clear();
    m_accepts.clear();
    m_sentDatagrams.clear();
    m_receivedDatagrams.clear();
}

std::size_t SequenceMatcher::waitingCount() const
{
    std::size_t n = m_connectors.size() + m_accepts.size() + m_sentDatagrams.size() + m_receivedDatagrams.size();
    for (const auto &[id, s] : m_streams)
        n += s.outbound.size() + s.inbound.size();
    return n;
}
