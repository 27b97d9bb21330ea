// inet_diag's exact lookup of one TCP connection (see TcpConnectionDiag.h).
#include "TcpConnectionDiag.h"

#include "SyscallResult.h"

#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace socketlab::sys {
namespace {

struct InetDiagRequest {
    nlmsghdr header;
    inet_diag_req_v2 request;
};

// A netlink socket to sock_diag, closed when it goes out of scope.
class DiagFd {
public:
    DiagFd() : m_fd(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)), m_error(m_fd < 0 ? errno : 0) {}
    ~DiagFd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    DiagFd(const DiagFd &) = delete;
    DiagFd &operator=(const DiagFd &) = delete;
    int fd() const { return m_fd; }
    int error() const { return m_error; }

private:
    int m_fd;
    int m_error;
};

// The address and port of an endpoint in inet_diag's form (network byte order, four words).
bool fillEndpoint(const sockaddr *address, int family, __be16 &port, __be32 (&words)[4])
{
    if (!address || address->sa_family != family)
        return false;
    std::memset(words, 0, sizeof words);
    if (family == AF_INET) {
        sockaddr_in in{};
        std::memcpy(&in, address, sizeof in);
        port = in.sin_port;
        std::memcpy(&words[0], &in.sin_addr, sizeof in.sin_addr);
        return true;
    }
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    port = in6.sin6_port;
    std::memcpy(words, &in6.sin6_addr, sizeof in6.sin6_addr);
    return true;
}

bool sameId(const inet_diag_sockid &a, const inet_diag_sockid &b)
{
    return a.idiag_sport == b.idiag_sport && a.idiag_dport == b.idiag_dport
        && std::memcmp(a.idiag_src, b.idiag_src, sizeof a.idiag_src) == 0
        && std::memcmp(a.idiag_dst, b.idiag_dst, sizeof a.idiag_dst) == 0;
}

// The reply to one lookup, read with memcpy: netlink gives no alignment guarantee inside it.
SysResult entryFromReply(const char *reply, std::size_t length, const inet_diag_sockid &asked, TcpDiagEntry &out)
{
    std::size_t offset = 0;
    while (offset + sizeof(nlmsghdr) <= length) {
        nlmsghdr header;
        std::memcpy(&header, reply + offset, sizeof header);
        if (header.nlmsg_len < sizeof header || offset + header.nlmsg_len > length)
            return SysResult{-1, EPROTO};
        const char *payload = reply + offset + NLMSG_HDRLEN;
        const std::size_t payloadLength = header.nlmsg_len - NLMSG_HDRLEN;
        if (header.nlmsg_type == NLMSG_ERROR && payloadLength >= sizeof(nlmsgerr)) {
            nlmsgerr error;
            std::memcpy(&error, payload, sizeof error);
            return SysResult{-1, error.error < 0 ? -error.error : EPROTO};
        }
        if (header.nlmsg_type == SOCK_DIAG_BY_FAMILY && payloadLength >= sizeof(inet_diag_msg)) {
            inet_diag_msg message;
            std::memcpy(&message, payload, sizeof message);
            // With no connection of those endpoints the kernel's lookup may answer with the
            // listener on the port: that is not the connection asked about.
            if (message.idiag_state == TCP_LISTEN || !sameId(message.id, asked))
                return SysResult{-1, ENOENT};
            out.state = message.idiag_state;
            out.receiveQueue = message.idiag_rqueue;
            out.sendQueue = message.idiag_wqueue;
            out.inode = message.idiag_inode;
            return SysResult{0, 0};
        }
        offset += NLMSG_ALIGN(header.nlmsg_len);
    }
    return SysResult{-1, EPROTO};
}

} // namespace

SysResult tcpConnectionDiag(const sockaddr *local, const sockaddr *peer, TcpDiagEntry &out)
{
    const int family = local ? local->sa_family : AF_UNSPEC;
    if (family != AF_INET && family != AF_INET6)
        return SysResult{-1, EAFNOSUPPORT};
    InetDiagRequest message{};
    inet_diag_req_v2 &request = message.request;
    if (!fillEndpoint(local, family, request.id.idiag_sport, request.id.idiag_src)
        || !fillEndpoint(peer, family, request.id.idiag_dport, request.id.idiag_dst))
        return SysResult{-1, EINVAL};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST;  // one socket: no dump
    request.sdiag_family = static_cast<__u8>(family);
    request.sdiag_protocol = IPPROTO_TCP;
    request.idiag_states = ~0u;
    request.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
    request.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;

    const DiagFd diag;
    if (diag.fd() < 0)
        return SysResult{-1, diag.error()};
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    const SysResult sent = detail::retryOnEintr([&] {
        return static_cast<long long>(::sendto(diag.fd(), &message, sizeof message, 0,
                                               reinterpret_cast<const sockaddr *>(&kernel), sizeof kernel));
    });
    if (!sent.ok())
        return sent;
    // The kernel answers a single lookup inside sendto: MSG_DONTWAIT never lets a kernel
    // that behaved otherwise block the caller (the GUI thread).
    alignas(nlmsghdr) char reply[1024];
    const SysResult got = detail::retryOnEintr([&] {
        return static_cast<long long>(::recv(diag.fd(), reply, sizeof reply, MSG_DONTWAIT));
    });
    if (!got.ok())
        return got;
    return entryFromReply(reply, static_cast<std::size_t>(got.value), request.id, out);
}

} // namespace socketlab::sys
