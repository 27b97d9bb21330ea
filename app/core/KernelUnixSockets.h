// The kernel's view of Unix sockets (sock_diag's unix_diag, as `ss -xa` shows them): state,
// inode and the peer's inode, the queues, and the name each is bound to. A Unix socket of
// another process has no address anyone can probe: this is how its queues are seen.
#pragma once

#include "Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace socketlab {

struct KernelUnixSocket {
    int type = 0;                      // SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET
    int state = 0;                     // TCP_LISTEN, TCP_ESTABLISHED, TCP_CLOSE (unconnected), as ss names them
    std::uint64_t inode = 0;
    std::uint64_t peerInode = 0;       // 0: not connected
    std::uint32_t receiveQueue = 0;    // a listener: connections waiting for accept(); else unread bytes
    std::uint32_t sendQueue = 0;       // a listener: the accept queue's limit; else bytes written, not yet read
    std::string path;                  // the bound file; "" when unbound or abstract
    std::string abstractName;          // the name after the leading '\0' of an abstract address

    bool isListening() const;
    bool isBound() const { return !path.empty() || !abstractName.empty(); }
    // How ss prints the name: the path, "@name" for an abstract one, "*" when unbound.
    std::string displayName() const;
};

// Every Unix socket of this network namespace. A SocketError when sock_diag is unavailable.
Result<std::vector<KernelUnixSocket>> kernelUnixSockets();

} // namespace socketlab
