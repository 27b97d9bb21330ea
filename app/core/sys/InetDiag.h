// The kernel's own tables of TCP and UDP sockets, asked through sock_diag (NETLINK_SOCK_DIAG,
// inet_diag: what `ss -tuan` reads). Unlike a probe of a descriptor, it also lists the
// sockets no process holds any more: a connection in TIME_WAIT after close(), an orphan
// in FIN_WAIT2, a handshake the kernel is still completing (SYN_RECV). Raw kernel fields
// here; KernelSockets.h gives them types and names.
#pragma once

#include "Syscalls.h"

#include <cstdint>
#include <cstddef>
#include <functional>
#include <sys/socket.h>
#include <vector>

namespace socketlab::sys {

// One inet_diag_msg, with the addresses already in sockaddr form.
struct InetDiagEntry {
    int family = 0;                 // AF_INET or AF_INET6
    int state = 0;                  // TCP_ESTABLISHED ... (netinet/tcp.h); UDP: TCP_CLOSE unconnected, TCP_ESTABLISHED connected
    int timer = 0;                  // 0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe
    int retransmits = 0;            // timer 1: times resent so far (a SYN_SENT socket's SYNs)
    std::uint32_t expiresMs = 0;    // until the timer fires (TIME_WAIT: until the entry is gone)
    std::uint32_t receiveQueue = 0; // a listener: connections waiting for accept(); TCP: unread bytes; UDP: memory the queued datagrams take
    std::uint32_t sendQueue = 0;    // a listener: the accept queue's limit; else unacknowledged bytes
    std::uint32_t uid = 0;
    std::uint64_t inode = 0;        // 0: no descriptor refers to the socket
    sockaddr_storage local{};
    sockaddr_storage peer{};
    unsigned addressLength = 0;     // of local and peer: sizeof(sockaddr_in) or sizeof(sockaddr_in6)
};

// Dumps the sockets of one family (AF_INET, AF_INET6) and protocol (IPPROTO_TCP, IPPROTO_UDP) whose state is in stateMask (bit 1 << TCP_xxx; ~0u for
// all) and, when ports are given, that use one of them at either end (the kernel filters:
// a busy machine's thousands of sockets never reach us), calling each() once per socket, in
// the kernel's order. Never blocks: a dump's next part is made by the kernel while the
// previous one is read. E2BIG for more than kMaxFilteredPorts ports.
constexpr std::size_t kMaxFilteredPorts = 256;
SysResult inetDiagDump(int family, int protocol, std::uint32_t stateMask, const std::vector<std::uint16_t> &ports,
                       const std::function<void(const InetDiagEntry &)> &each);

} // namespace socketlab::sys
