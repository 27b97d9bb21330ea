// Internal to app/core/sys: a netlink socket to the kernel's sock_diag (NETLINK_SOCK_DIAG,
// the interface `ss` uses), for the one request and its replies of a query.
#pragma once

#include "SyscallResult.h"

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <functional>
#include <optional>
#include <vector>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
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

// Calls visit(type, data, length) for each rtattr after the fixed header (headerBytes) of a
// message's payload; stops at a malformed attribute.
template <typename Visit>
void forEachAttribute(const NetlinkMessage &m, std::size_t headerBytes, Visit visit)
{
    std::size_t at = NLMSG_ALIGN(headerBytes);
    while (at + sizeof(rtattr) <= m.payloadLength) {
        rtattr attribute;
        std::memcpy(&attribute, m.payload + at, sizeof attribute);
        if (attribute.rta_len < sizeof attribute || at + attribute.rta_len > m.payloadLength)
            return;
        visit(attribute.rta_type, m.payload + at + RTA_LENGTH(0), attribute.rta_len - RTA_LENGTH(0));
        at += RTA_ALIGN(attribute.rta_len);
    }
}

// Reads the replies of a dump request sent on diag until NLMSG_DONE, calling each(message)
// for every SOCK_DIAG_BY_FAMILY message of the sequence. The number of them, or the error
// of an NLMSG_ERROR, EPROTO for a malformed reply, EMSGSIZE for a truncated one. Never
// blocks: the kernel makes a dump's next part inside the recv that empties the queue, so a
// part is always waiting; MSG_DONTWAIT only guards against a kernel that behaved otherwise,
// which then reads as EAGAIN instead of a hang.
inline SysResult readDump(const DiagSocket &diag, std::uint32_t sequence,
                          const std::function<void(const NetlinkMessage &)> &each)
{
    constexpr long long kMore = 0;
    constexpr long long kDone = 1;
    std::vector<char> buffer(64 * 1024);
    long long messages = 0;
    for (;;) {
        iovec iov{buffer.data(), buffer.size()};
        msghdr header{};
        header.msg_iov = &iov;
        header.msg_iovlen = 1;
        const SysResult got = retryOnEintr([&] { return static_cast<long long>(::recvmsg(diag.fd(), &header, MSG_DONTWAIT)); });
        if (!got.ok())
            return got;
        if (header.msg_flags & MSG_TRUNC)
            return SysResult{-1, EMSGSIZE};
        const SysResult parsed = forEachMessage(buffer.data(), static_cast<std::size_t>(got.value), SysResult{kMore, 0},
                                                [&](const NetlinkMessage &m) -> std::optional<SysResult> {
                                                    if (m.header.nlmsg_seq != sequence)
                                                        return std::nullopt;
                                                    if (m.header.nlmsg_type == NLMSG_DONE)
                                                        return SysResult{kDone, 0};
                                                    if (m.header.nlmsg_type == NLMSG_ERROR)
                                                        return SysResult{-1, m.error()};
                                                    if (m.header.nlmsg_type == SOCK_DIAG_BY_FAMILY) {
                                                        ++messages;
                                                        each(m);
                                                    }
                                                    return std::nullopt;
                                                });
        if (!parsed.ok())
            return parsed;
        if (parsed.value == kDone)
            return SysResult{messages, 0};
    }
}

} // namespace socketlab::sys::detail
