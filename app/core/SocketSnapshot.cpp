// SocketSnapshot: one read of every record, then the pairing over what was read.
#include "SocketSnapshot.h"

#include "ForeignSockets.h"
#include "PeerPairing.h"
#include "SocketRegistry.h"

#include <algorithm>
#include <iterator>

namespace socketlab {

SocketCounters SocketCounters::of(const SocketRecord &r)
{
    return {r.bytesSent.load(std::memory_order_relaxed), r.bytesReceived.load(std::memory_order_relaxed),
            r.messagesSent.load(std::memory_order_relaxed), r.messagesReceived.load(std::memory_order_relaxed),
            r.calls.load(std::memory_order_relaxed)};
}

SocketSnapshot SocketSnapshot::take(const SocketRegistry &registry)
{
    return of(registry.snapshot());
}

SocketSnapshot SocketSnapshot::of(const std::vector<std::shared_ptr<SocketRecord>> &records)
{
    SocketSnapshot s;
    s.m_sockets.reserve(records.size());
    s.m_index.reserve(records.size());
    for (const std::shared_ptr<SocketRecord> &r : records) {
        SocketSample sample;
        sample.record = r;
        sample.id = r->id;
        sample.state = r->state.load(std::memory_order_acquire);
        sample.blockedIn = r->blockedIn.load(std::memory_order_acquire);
        sample.blockedSinceNs = r->blockedSinceNs.load(std::memory_order_relaxed);
        SocketRecord::Endpoints where = r->endpoints();
        sample.fd = where.fd;
        sample.local = std::move(where.local);
        sample.peer = std::move(where.peer);
        sample.inode = r->inode;
        sample.peerInode = where.peerInode;
        sample.kernel = r->probe();  // the one probe of this socket this tick
        sample.counters = SocketCounters::of(*r);
        s.m_index.emplace(sample.id, s.m_sockets.size());
        s.m_sockets.push_back(std::move(sample));
    }
    sampleForeignSockets(s.m_sockets);  // a learner's program's or an observed process's sockets: no descriptor to probe
    pairPeers(s.m_sockets);
    return s;
}

SocketSnapshot SocketSnapshot::fromSamples(std::vector<SocketSample> samples)
{
    SocketSnapshot s;
    s.m_sockets = std::move(samples);
    s.m_index.reserve(s.m_sockets.size());
    for (std::size_t i = 0; i < s.m_sockets.size(); ++i)
        s.m_index.emplace(s.m_sockets[i].id, i);
    return s;
}

SocketSnapshot SocketSnapshot::filtered(const std::function<bool(const SocketSample &)> &keep) const
{
    std::vector<SocketSample> kept;
    std::copy_if(m_sockets.begin(), m_sockets.end(), std::back_inserter(kept), keep);
    return fromSamples(std::move(kept));
}

const SocketSample *SocketSnapshot::find(std::uint32_t socketId) const
{
    const auto it = m_index.find(socketId);
    return it == m_index.end() ? nullptr : &m_sockets[it->second];
}

std::uint32_t SocketSnapshot::peerOf(std::uint32_t socketId) const
{
    const SocketSample *s = find(socketId);
    return s ? s->peerId : 0;
}

std::uint32_t SocketSnapshot::datagramReceiver(const SocketAddress &target, std::uint32_t senderId) const
{
    std::uint32_t found = 0;
    for (const SocketSample &s : m_sockets) {
        if (s.id != senderId && s.isDatagram() && s.isOpen() && SocketAddress::sameEndpoint(target, s.local))
            found = s.id;  // the newest, if a closed one's port was taken again
    }
    return found;
}

} // namespace socketlab
