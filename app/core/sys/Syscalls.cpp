// Thin wrappers over the BSD socket API; see Syscalls.h for the rules they keep.
#include "Syscalls.h"

#include "SyscallResult.h"

#include <cerrno>
#include <linux/sockios.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace socketlab::sys {
using detail::fromReturn;
using detail::retryOnEintr;

SysResult socket(int family, int type, int protocol)
{
    return fromReturn(::socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol));
}

SysResult socketpair(int family, int type, int protocol, int fds[2])
{
    return fromReturn(::socketpair(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol, fds));
}

SysResult bind(int fd, const sockaddr *addr, unsigned addrlen)
{
    return fromReturn(::bind(fd, addr, addrlen));
}

SysResult listen(int fd, int backlog)
{
    return fromReturn(::listen(fd, backlog));
}

SysResult accept(int fd, sockaddr *addr, unsigned *addrlen)
{
    return retryOnEintr([&] {
        socklen_t len = *addrlen;
        const int rc = ::accept4(fd, addr, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        *addrlen = len;
        return rc;
    });
}

SysResult connect(int fd, const sockaddr *addr, unsigned addrlen)
{
    // A connect interrupted by a signal keeps going in the kernel; retrying would give
    // EALREADY, so EINTR is reported to the caller, which waits for writability instead.
    return fromReturn(::connect(fd, addr, addrlen));
}

SysResult dissolveConnectAttempt(int fd)
{
    sockaddr unspecified{};
    unspecified.sa_family = AF_UNSPEC;
    return retryOnEintr([&] { return ::connect(fd, &unspecified, sizeof unspecified); });
}

SysResult send(int fd, const void *data, std::size_t len, int flags)
{
    return retryOnEintr([&] { return ::send(fd, data, len, flags | MSG_NOSIGNAL); });
}

SysResult sendto(int fd, const void *data, std::size_t len, int flags, const sockaddr *to, unsigned tolen)
{
    return retryOnEintr([&] { return ::sendto(fd, data, len, flags | MSG_NOSIGNAL, to, tolen); });
}

SysResult recv(int fd, void *buf, std::size_t len, int flags)
{
    return retryOnEintr([&] { return ::recv(fd, buf, len, flags); });
}

SysResult recvfrom(int fd, void *buf, std::size_t len, int flags, sockaddr *from, unsigned *fromlen,
                   bool *truncated)
{
    return retryOnEintr([&] {
        iovec iov{buf, len};
        msghdr msg{};
        msg.msg_name = from;
        msg.msg_namelen = from ? *fromlen : 0;
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        const ssize_t rc = ::recvmsg(fd, &msg, flags);
        if (rc >= 0) {
            if (fromlen)
                *fromlen = msg.msg_namelen;
            if (truncated)
                *truncated = (msg.msg_flags & MSG_TRUNC) != 0;
        }
        return rc;
    });
}

SysResult shutdown(int fd, int how)
{
    return fromReturn(::shutdown(fd, how));
}

SysResult close(int fd)
{
    const int rc = ::close(fd);
    if (rc < 0 && errno == EINTR)
        return SysResult{0, 0};  // the descriptor is released; nothing more to do
    return fromReturn(rc);
}

SysResult getsockname(int fd, sockaddr *addr, unsigned *addrlen)
{
    socklen_t len = *addrlen;
    const SysResult r = fromReturn(::getsockname(fd, addr, &len));
    *addrlen = len;
    return r;
}

SysResult getpeername(int fd, sockaddr *addr, unsigned *addrlen)
{
    socklen_t len = *addrlen;
    const SysResult r = fromReturn(::getpeername(fd, addr, &len));
    *addrlen = len;
    return r;
}

SysResult setsockopt(int fd, int level, int name, const void *value, unsigned len)
{
    return fromReturn(::setsockopt(fd, level, name, value, len));
}

SysResult getsockopt(int fd, int level, int name, void *value, unsigned *len)
{
    socklen_t l = *len;
    const SysResult r = fromReturn(::getsockopt(fd, level, name, value, &l));
    *len = l;
    return r;
}

SysResult poll(pollfd *fds, unsigned count, int timeoutMs)
{
    // EINTR is returned, not retried: the caller recomputes the time left before waiting again.
    return fromReturn(::poll(fds, count, timeoutMs));
}

SysResult pendingSocketError(int fd)
{
    int err = 0;
    socklen_t len = sizeof err;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        return SysResult{-1, errno};
    return SysResult{err, 0};
}

SysResult eventfdCreate()
{
    return fromReturn(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
}

SysResult eventfdSignal(int fd)
{
    const eventfd_t one = 1;
    return retryOnEintr([&] { return ::write(fd, &one, sizeof one); });
}

SysResult eventfdDrain(int fd)
{
    eventfd_t value = 0;
    const SysResult r = retryOnEintr([&] { return ::read(fd, &value, sizeof value); });
    if (!r.ok() && r.error == EAGAIN)
        return SysResult{0, 0};  // nothing was signalled
    return r;
}

SysResult ioctlInq(int fd)
{
    int n = 0;
    if (::ioctl(fd, SIOCINQ, &n) < 0)
        return SysResult{-1, errno};
    return SysResult{n, 0};
}

SysResult ioctlOutq(int fd)
{
    int n = 0;
    if (::ioctl(fd, SIOCOUTQ, &n) < 0)
        return SysResult{-1, errno};
    return SysResult{n, 0};
}

} // namespace socketlab::sys
