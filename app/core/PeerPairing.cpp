// PeerPairing: two hash lookups per socket, by endpoints and by inode.
#include "PeerPairing.h"

#include "SocketSnapshot.h"

#include <sys/socket.h>
#include <unordered_map>

namespace socketlab {
namespace {

struct EndpointPair {
    SocketAddress local, peer;
    bool operator==(const EndpointPair &o) const { return local == o.local && peer == o.peer; }
};
struct EndpointPairHash {
    std::size_t operator()(const EndpointPair &p) const { return p.local.hash() * 31u ^ p.peer.hash(); }
};

bool mayHavePeer(const SocketSample &s)
{
    return s.state != SocketState::Listening && s.peer.isValid();
}

// A later socket with the same endpoints (a port used again) wins over a closed one.
bool better(const SocketSample &candidate, const SocketSample &held)
{
    return candidate.isOpen() || !held.isOpen();
}

void link(SocketSample &a, SocketSample &b)
{
    a.peerId = b.id;
    b.peerId = a.id;
}

} // namespace

void pairPeers(std::vector<SocketSample> &sockets)
{
    std::unordered_map<EndpointPair, std::size_t, EndpointPairHash> byEndpoints;
    std::unordered_map<std::uint64_t, std::size_t> byInode;
    byEndpoints.reserve(sockets.size());
    byInode.reserve(sockets.size());
    for (std::size_t i = 0; i < sockets.size(); ++i) {
        const SocketSample &s = sockets[i];
        if (s.inode != 0)
            byInode[s.inode] = i;
        if (s.record->family != AF_UNIX && !s.isDatagram() && mayHavePeer(s) && s.local.isValid()) {
            const auto [it, inserted] = byEndpoints.emplace(EndpointPair{s.local, s.peer}, i);
            if (!inserted && better(s, sockets[it->second]))
                it->second = i;
        }
    }
    for (std::size_t i = 0; i < sockets.size(); ++i) {
        SocketSample &s = sockets[i];
        if (s.peerId != 0 || !mayHavePeer(s))
            continue;
        if (s.record->family == AF_UNIX) {
            const auto peer = s.peerInode != 0 ? byInode.find(s.peerInode) : byInode.end();
            if (peer == byInode.end() || peer->second == i)
                continue;
            SocketSample &other = sockets[peer->second];
            // A stream connection is named from one side (a client's names no socket until
            // accepted); datagram sockets only pair when each names the other.
            if (other.isDatagram() == s.isDatagram() && (!s.isDatagram() || other.peerInode == s.inode))
                link(s, other);
        } else if (!s.isDatagram()) {
            const auto peer = byEndpoints.find(EndpointPair{s.peer, s.local});
            if (peer != byEndpoints.end() && peer->second != i)
                link(s, sockets[peer->second]);
        }
    }
}

} // namespace socketlab
