// Every socket of a registry at one moment: each record's state, typed endpoints and kernel
// sample read once, and each connected socket paired with the socket at its other end
// (PeerPairing). The window takes one per tick on the GUI thread and hands the same snapshot
// to every live view, so a socket is probed once per tick however many views show it, and
// all views agree on what they show.
#pragma once

#include "KernelProbe.h"
#include "SocketAddress.h"
#include "SocketRecord.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace socketlab {

class SocketRegistry;

// A socket's byte and call counters as read once, when its sample was taken: every view of
// one tick shows the same figures even while the socket's thread keeps counting.
struct SocketCounters {
    std::uint64_t bytesSent = 0;
    std::uint64_t bytesReceived = 0;
    std::uint64_t messagesSent = 0;
    std::uint64_t messagesReceived = 0;
    std::uint64_t calls = 0;

    static SocketCounters of(const SocketRecord &record);
    bool operator==(const SocketCounters &o) const
    {
        return bytesSent == o.bytesSent && bytesReceived == o.bytesReceived && messagesSent == o.messagesSent
               && messagesReceived == o.messagesReceived && calls == o.calls;
    }
};

struct SocketSample {
    std::shared_ptr<const SocketRecord> record;  // identity, owner, family, type and live counters
    std::uint32_t id = 0;
    int fd = -1;
    SocketState state = SocketState::Created;
    TraceCall blockedIn = TraceCall::None;
    std::int64_t blockedSinceNs = 0;
    SocketAddress local;             // typed endpoints; invalid while there is none
    SocketAddress peer;
    std::uint64_t inode = 0;
    std::uint64_t peerInode = 0;     // connected Unix sockets: the kernel's name of the other end
    KernelSample kernel;             // unavailable once closed
    SocketCounters counters;         // the record's counters when this sample was taken
    std::uint32_t peerId = 0;        // the socket at the other end of its connection; 0 if none traced

    bool isDatagram() const { return record->isDatagram(); }
    bool isOpen() const { return state != SocketState::Closed; }
};

class SocketSnapshot {
public:
    SocketSnapshot() = default;
    // Reads and probes every record of the registry once, in the registry's order, and pairs them.
    static SocketSnapshot take(const SocketRegistry &registry);
    // The same from records already in hand (tests; a registry-less view).
    static SocketSnapshot of(const std::vector<std::shared_ptr<SocketRecord>> &records);
    // Samples already taken (a saved run, replayed): nothing is read or probed again, and
    // each sample keeps the peer it had.
    static SocketSnapshot fromSamples(std::vector<SocketSample> samples);
    // The samples keep() accepts, as they are (nothing probed again); a kept socket's peer
    // stays named even when it was left out.
    SocketSnapshot filtered(const std::function<bool(const SocketSample &)> &keep) const;

    const std::vector<SocketSample> &sockets() const { return m_sockets; }
    const SocketSample *find(std::uint32_t socketId) const;
    std::uint32_t peerOf(std::uint32_t socketId) const;  // 0 if unpaired or unknown
    // The open datagram socket, other than the sender, that a datagram sent to `target`
    // arrives at (its local endpoint is the target, or a wildcard on its port); 0 if none.
    std::uint32_t datagramReceiver(const SocketAddress &target, std::uint32_t senderId) const;

private:
    std::vector<SocketSample> m_sockets;
    std::unordered_map<std::uint32_t, std::size_t> m_index;
};

} // namespace socketlab
