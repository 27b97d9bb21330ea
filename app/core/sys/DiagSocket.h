// Internal to app/core/sys: a netlink socket to the kernel's sock_diag (NETLINK_SOCK_DIAG,
// the interface `ss` uses), for the one request and its replies of a query.
#pragma once

#include "SyscallResult.h"

#include <cerrno>
#include <cstddef>
#include <linux/netlink.h>
#include <sys/socket.h>
#include <unistd.h>

namespace socketlab::sys::detail {

// Closed when it goes out of scope.
class DiagSocket {
public:
    DiagSocket() : m_fd(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)), m_error(m_fd < 0 ? errno : 0) {}
    ~DiagSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    DiagSocket(const DiagSocket &) = delete;
    DiagSocket &operator=(const DiagSocket &) = delete;
    int fd() const { return m_fd; }
    int error() const { return m_error; }

    // Sends one request message to the kernel. The kernel answers inside this call (a dump:
    // its first part), so the replies are read with MSG_DONTWAIT and never wait.
    SysResult request(const void *message, std::size_t length) const
    {
        sockaddr_nl kernel{};
        kernel.nl_family = AF_NETLINK;
        return retryOnEintr([&] {
            return static_cast<long long>(::sendto(m_fd, message, length, 0, reinterpret_cast<const sockaddr *>(&kernel), sizeof kernel));
        });
    }

private:
    int m_fd;
    int m_error;
};

} // namespace socketlab::sys::detail
