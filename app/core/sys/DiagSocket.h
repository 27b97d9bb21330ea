// Internal to app/core/sys: a netlink socket to the kernel's sock_diag (NETLINK_SOCK_DIAG,
// the interface `ss` uses), for the one request and its replies of a query.
#pragma once

#include "SyscallResult.h"

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <optional>
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

// One message of a netlink reply. The reply buffer gives no alignment guarantee for the
// structures inside it: the payload is read with memcpy.
struct NetlinkMessage {
    nlmsghdr header;
    const char *payload;
    std::size_t payloadLength;

    // An NLMSG_ERROR message's errno (EPROTO when it carries none).
    int error() const
    {
        nlmsgerr e{};
        if (payloadLength >= sizeof e)
            std::memcpy(&e, payload, sizeof e);
        return e.error < 0 ? -e.error : EPROTO;
    }
};

// Calls visit(message) for each message of a reply until one gives a result; EPROTO for a
// malformed message; `otherwise` when no message gave a result.
template <typename Visit>
SysResult forEachMessage(const char *reply, std::size_t length, SysResult otherwise, Visit visit)
{
    std::size_t offset = 0;
    while (offset + sizeof(nlmsghdr) <= length) {
        NetlinkMessage m{};
        std::memcpy(&m.header, reply + offset, sizeof m.header);
        if (m.header.nlmsg_len < sizeof m.header || offset + m.header.nlmsg_len > length)
            return SysResult{-1, EPROTO};
        m.payload = reply + offset + NLMSG_HDRLEN;
        m.payloadLength = m.header.nlmsg_len - NLMSG_HDRLEN;
        if (const std::optional<SysResult> result = visit(m))
            return *result;
        offset += NLMSG_ALIGN(m.header.nlmsg_len);
    }
    return otherwise;
}

} // namespace socketlab::sys::detail
