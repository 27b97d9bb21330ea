// A TCP connection as the kernel holds it, found by its two endpoints, for sockets no
// descriptor of ours refers to: the server's end of a connection the kernel completed but
// the program has not accept()ed yet (the client's bytes already wait in it), and the end a
// ForkingMixIn child holds after the parent closed its copy.
#pragma once

#include "SocketAddress.h"

#include <cstdint>
#include <optional>

namespace socketlab {

struct KernelConnection {
    int tcpState = -1;               // tcpStateName() spells it as ss does
    std::uint32_t receiveQueue = 0;  // bytes waiting for recv()
    std::uint32_t sendQueue = 0;     // bytes sent, not yet acknowledged
    std::uint64_t inode = 0;         // 0: no process holds a descriptor (still in the accept queue)
    // Completed by the kernel and waiting for accept(): held by no process, and not an end
    // a server already accepted and closed (FIN_WAIT, TIME_WAIT ...).
    bool queuedForAccept = false;
};

// The socket whose own address is `local` and whose peer is `peer` (TCP over IPv4 or IPv6);
// nullopt when the kernel has none, or sock_diag is unavailable. Never blocks.
std::optional<KernelConnection> findKernelConnection(const SocketAddress &local, const SocketAddress &peer);

} // namespace socketlab
