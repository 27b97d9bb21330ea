// The one place SocketLab calls the BSD socket API (after muduo's SocketsOps).
// Each function wraps one system call: it retries EINTR where that is safe, never
// raises SIGPIPE, and returns the raw result with errno captured, so callers above
// never read errno themselves and never touch the C API directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sys/types.h>

struct sockaddr;
struct pollfd;

namespace socketlab::sys {

// value >= 0 on success; on failure value is -1 and error holds errno.
struct SysResult {
    long long value = -1;
    int error = 0;
    bool ok() const { return error == 0; }
};

SysResult socket(int family, int type, int protocol);       // always SOCK_NONBLOCK | SOCK_CLOEXEC
SysResult socketpair(int family, int type, int protocol, int fds[2]);
SysResult bind(int fd, const sockaddr *addr, unsigned addrlen);
SysResult listen(int fd, int backlog);
SysResult accept(int fd, sockaddr *addr, unsigned *addrlen);  // accept4, non-blocking, close-on-exec
SysResult connect(int fd, const sockaddr *addr, unsigned addrlen);
// connect() to AF_UNSPEC: the kernel forgets a failed connection attempt, as its own blocking
// connect() does on failure; a later connect() then starts afresh instead of ECONNABORTED.
SysResult dissolveConnectAttempt(int fd);
SysResult send(int fd, const void *data, std::size_t len, int flags);    // adds MSG_NOSIGNAL
SysResult sendto(int fd, const void *data, std::size_t len, int flags, const sockaddr *to, unsigned tolen);
SysResult recv(int fd, void *buf, std::size_t len, int flags);
// recvfrom that also reports whether a datagram was longer than buf (MSG_TRUNC).
SysResult recvfrom(int fd, void *buf, std::size_t len, int flags, sockaddr *from, unsigned *fromlen,
                   bool *truncated);
SysResult shutdown(int fd, int how);
// Never retried on EINTR: on Linux the descriptor is gone either way and may already be reused.
SysResult close(int fd);
SysResult getsockname(int fd, sockaddr *addr, unsigned *addrlen);
SysResult getpeername(int fd, sockaddr *addr, unsigned *addrlen);
SysResult setsockopt(int fd, int level, int name, const void *value, unsigned len);
SysResult getsockopt(int fd, int level, int name, void *value, unsigned *len);
SysResult poll(pollfd *fds, unsigned count, int timeoutMs);
SysResult pendingSocketError(int fd);  // SO_ERROR: value holds the pending errno (0 if none)

// eventfd used to wake a thread blocked in poll from another thread.
SysResult eventfdCreate();
SysResult eventfdSignal(int fd);
SysResult eventfdDrain(int fd);

// Kernel probes (read-only).
SysResult ioctlInq(int fd);   // SIOCINQ: bytes waiting to be read (first datagram's size for UDP)
SysResult ioctlOutq(int fd);  // SIOCOUTQ: bytes not yet acknowledged / sent
SysResult socketInode(int fd);  // fstat: the socket's inode number, as `ss -e` and `ss -x` print it
// sock_diag (NETLINK_SOCK_DIAG, what `ss -x` asks): the inode of the socket connected to the
// Unix socket with this inode; 0 when it has none, or its peer is a connection not yet
// accepted. Never waits: the kernel answers before the request's send returns. (SockDiag.cpp)
SysResult unixPeerInode(std::uint64_t inode);

} // namespace socketlab::sys
