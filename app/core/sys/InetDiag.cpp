// inet_diag over NETLINK_SOCK_DIAG: one dump request, its replies read until NLMSG_DONE.
#include "InetDiag.h"

#include "SyscallResult.h"

#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace socketlab::sys {
namespace {

// A netlink socket to sock_diag, closed when it goes out of scope.
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

private:
    int m_fd;
    int m_error;
};

struct DumpRequest {
    nlmsghdr header;
    inet_diag_req_v2 request;
};

// One endpoint of inet_diag_sockid (network byte order there and in sockaddr alike).
void fillAddress(sockaddr_storage &out, int family, const __be32 (&address)[4], __be16 port)
{
    if (family == AF_INET6) {
        sockaddr_in6 a{};
        a.sin6_family = AF_INET6;
        a.sin6_port = port;
        std::memcpy(&a.sin6_addr, address, sizeof a.sin6_addr);
        std::memcpy(&out, &a, sizeof a);
    } else {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = port;
        std::memcpy(&a.sin_addr, address, sizeof a.sin_addr);
        std::memcpy(&out, &a, sizeof a);
    }
}

InetDiagEntry entryOf(const inet_diag_msg &m)
{
    InetDiagEntry e;
    e.family = m.idiag_family;
    e.state = m.idiag_state;
    e.timer = m.idiag_timer;
    e.retransmits = m.idiag_retrans;
    e.expiresMs = m.idiag_expires;
    e.receiveQueue = m.idiag_rqueue;
    e.sendQueue = m.idiag_wqueue;
    e.uid = m.idiag_uid;
    e.inode = m.idiag_inode;
    fillAddress(e.local, e.family, m.id.idiag_src, m.id.idiag_sport);
    fillAddress(e.peer, e.family, m.id.idiag_dst, m.id.idiag_dport);
    e.addressLength = e.family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
    return e;
}

constexpr long long kMore = 0;
constexpr long long kDone = 1;

// The messages of one reply datagram, read with memcpy: the buffer gives no alignment
// guarantee for the structures inside it. Value kDone at NLMSG_DONE, else kMore; the
// error of an NLMSG_ERROR, or EPROTO for a malformed message.
SysResult parseReply(const char *reply, std::size_t length, std::uint32_t sequence,
                          const std::function<void(const InetDiagEntry &)> &each);

} // namespace

SysResult inetDiagDump(int family, std::uint32_t stateMask, const std::function<void(const InetDiagEntry &)> &each)
{
    if (family != AF_INET && family != AF_INET6)
        return SysResult{-1, EAFNOSUPPORT};
    const DiagSocket diag;
    if (diag.fd() < 0)
        return SysResult{-1, diag.error()};

    constexpr std::uint32_t kSequence = 1;
    DumpRequest message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.header.nlmsg_seq = kSequence;
    message.request.sdiag_family = static_cast<__u8>(family);
    message.request.sdiag_protocol = IPPROTO_TCP;
    message.request.idiag_states = stateMask;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    const SysResult sent = detail::retryOnEintr([&] {
        return static_cast<long long>(::sendto(diag.fd(), &message, sizeof message, 0,
                                               reinterpret_cast<const sockaddr *>(&kernel), sizeof kernel));
    });
    if (!sent.ok())
        return sent;

    // The kernel makes the dump's first part inside sendto and each next part inside the recv
    // that empties the queue, so a part is always waiting: MSG_DONTWAIT only guards against a
    // kernel that behaved otherwise, which then reads as EAGAIN instead of a hang.
    std::vector<char> buffer(64 * 1024);
    long long entries = 0;
    for (;;) {
        iovec iov{buffer.data(), buffer.size()};
        msghdr header{};
        header.msg_iov = &iov;
        header.msg_iovlen = 1;
        const SysResult got = detail::retryOnEintr([&] { return static_cast<long long>(::recvmsg(diag.fd(), &header, MSG_DONTWAIT)); });
        if (!got.ok())
            return got;
        if (header.msg_flags & MSG_TRUNC)
            return SysResult{-1, EMSGSIZE};
        const SysResult parsed = parseReply(buffer.data(), static_cast<std::size_t>(got.value), kSequence,
                                            [&](const InetDiagEntry &e) {
                                                ++entries;
                                                each(e);
                                            });
        if (!parsed.ok())
            return parsed;
        if (parsed.value == kDone)
            return SysResult{entries, 0};
    }
}

namespace {

SysResult parseReply(const char *reply, std::size_t length, std::uint32_t sequence,
                     const std::function<void(const InetDiagEntry &)> &each)
{
    std::size_t offset = 0;
    while (offset + sizeof(nlmsghdr) <= length) {
        nlmsghdr header;
        std::memcpy(&header, reply + offset, sizeof header);
        if (header.nlmsg_len < sizeof header || offset + header.nlmsg_len > length)
            return SysResult{-1, EPROTO};
        const char *payload = reply + offset + NLMSG_HDRLEN;
        const std::size_t payloadLength = header.nlmsg_len - NLMSG_HDRLEN;
        if (header.nlmsg_seq == sequence) {
            if (header.nlmsg_type == NLMSG_DONE)
                return SysResult{kDone, 0};
            if (header.nlmsg_type == NLMSG_ERROR) {
                nlmsgerr error{};
                if (payloadLength >= sizeof error)
                    std::memcpy(&error, payload, sizeof error);
                return SysResult{-1, error.error < 0 ? -error.error : EPROTO};
            }
            if (header.nlmsg_type == SOCK_DIAG_BY_FAMILY && payloadLength >= sizeof(inet_diag_msg)) {
                inet_diag_msg message;
                std::memcpy(&message, payload, sizeof message);
                each(entryOf(message));
            }
        }
        offset += NLMSG_ALIGN(header.nlmsg_len);
    }
    return SysResult{kMore, 0};
}

} // namespace
} // namespace socketlab::sys
