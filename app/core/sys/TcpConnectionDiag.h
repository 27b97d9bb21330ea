// One TCP connection looked up in the kernel by its two endpoints, through sock_diag
// (NETLINK_SOCK_DIAG, inet_diag's exact lookup, the one `ss` uses with a filter). It finds
// sockets no descriptor of ours refers to: a connection the kernel completed and queued for
// accept() (its bytes already wait there), or one a forked child holds.
#pragma once

#include "Syscalls.h"

#include <cstdint>

namespace socketlab::sys {

struct TcpDiagEntry {
    int state = 0;                  // TCP_ESTABLISHED ... (as netinet/tcp.h numbers them)
    std::uint32_t receiveQueue = 0; // bytes that arrived and wait for recv()
    std::uint32_t sendQueue = 0;    // bytes sent and not yet acknowledged
    std::uint64_t inode = 0;        // 0 while no process holds a descriptor (in the accept queue)
};

// The socket whose own address is `local` and whose peer is `peer` (both AF_INET or both
// AF_INET6, as sockaddr). value 0 and `out` filled when found; error ENOENT when the kernel
// has no such connection (only a listener on that port, or nothing). Never waits: the
// kernel answers a single lookup before the request's send returns.
SysResult tcpConnectionDiag(const sockaddr *local, const sockaddr *peer, TcpDiagEntry &out);

} // namespace socketlab::sys
