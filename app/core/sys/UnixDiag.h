// The kernel's table of Unix sockets, asked through sock_diag (NETLINK_SOCK_DIAG, unix_diag:
// what `ss -xa` reads): each socket's type and state, its inode and its peer's, the bytes
// waiting in its queues and the name it is bound to. Raw kernel fields here;
// KernelUnixSockets.h gives them names.
#pragma once

#include "Syscalls.h"

#include <cstdint>
#include <functional>
#include <string>

namespace socketlab::sys {

struct UnixDiagEntry {
    int type = 0;                   // SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET
    int state = 0;                  // TCP_LISTEN, TCP_ESTABLISHED, TCP_CLOSE (unconnected) ...
    std::uint32_t inode = 0;
    std::uint32_t peerInode = 0;    // 0: not connected
    std::uint32_t receiveQueue = 0; // a listener: connections waiting for accept(); else unread bytes
    std::uint32_t sendQueue = 0;    // a listener: the accept queue's limit; else bytes sent and not yet read
    std::string name;               // the bound path; an abstract name starts with '\0'; "" if unbound
};

// Dumps every Unix socket of the machine's network namespace, calling each() once per socket.
// Never blocks.
SysResult unixDiagDump(const std::function<void(const UnixDiagEntry &)> &each);

} // namespace socketlab::sys
