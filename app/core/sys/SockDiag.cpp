// Asking the kernel about sockets by inode: fstat for a socket's own inode, and one
// sock_diag request (NETLINK_SOCK_DIAG, the interface `ss` uses) for a Unix socket's peer.
#include "Syscalls.h"

#include "DiagSocket.h"
#include "SyscallResult.h"

#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace socketlab::sys {
namespace {

using detail::DiagSocket;

struct UnixDiagRequest {
    nlmsghdr header;
    unix_diag_req request;
};

// The UNIX_DIAG_PEER attribute of one SOCK_DIAG_BY_FAMILY reply, read with memcpy: the
// reply buffer gives no alignment guarantee for the structures inside it.
SysResult peerFromReply(const char *reply, std::size_t length, std::uint32_t inode)
{
    return detail::forEachMessage(reply, length, SysResult{-1, EPROTO}, [&](const detail::NetlinkMessage &m) -> std::optional<SysResult> {
        if (m.header.nlmsg_type == NLMSG_ERROR && m.payloadLength >= sizeof(nlmsgerr))
            return SysResult{-1, m.error()};
        if (m.header.nlmsg_type != SOCK_DIAG_BY_FAMILY || m.payloadLength < sizeof(unix_diag_msg))
            return std::nullopt;
        unix_diag_msg message;
        std::memcpy(&message, m.payload, sizeof message);
        if (message.udiag_ino != inode)
            return std::nullopt;
        std::optional<SysResult> peer;
        detail::forEachAttribute(m, sizeof message, [&](unsigned type, const char *data, std::size_t size) {
            if (type == UNIX_DIAG_PEER && size >= sizeof(std::uint32_t)) {
                std::uint32_t inodeOfPeer = 0;
                std::memcpy(&inodeOfPeer, data, sizeof inodeOfPeer);
                peer = SysResult{inodeOfPeer, 0};
            }
        });
        if (peer)
            return peer;
        return SysResult{0, 0};  // not connected
    });
}

} // namespace

SysResult socketInode(int fd)
{
    struct stat st{};
    if (::fstat(fd, &st) < 0)
        return SysResult{-1, errno};
    return SysResult{static_cast<long long>(st.st_ino), 0};
}

SysResult unixPeerInode(std::uint64_t inode)
{
    if (inode == 0 || inode > UINT32_MAX)  // unix_diag names sockets by 32-bit inode numbers
        return SysResult{-1, EINVAL};
    const DiagSocket diag;
    if (diag.fd() < 0)
        return SysResult{-1, diag.error()};

    UnixDiagRequest message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST;  // one socket by inode: no dump
    message.request.sdiag_family = AF_UNIX;
    message.request.udiag_states = ~0u;
    message.request.udiag_ino = static_cast<std::uint32_t>(inode);
    message.request.udiag_show = UDIAG_SHOW_PEER;
    message.request.udiag_cookie[0] = INET_DIAG_NOCOOKIE;
    message.request.udiag_cookie[1] = INET_DIAG_NOCOOKIE;
    const SysResult sent = diag.request(&message, sizeof message);
    if (!sent.ok())
        return sent;

    // The kernel handles a single-socket request inside sendto, so the reply is already
    // queued: MSG_DONTWAIT keeps a kernel that behaved otherwise from ever blocking us.
    alignas(nlmsghdr) char reply[512];
    const SysResult got = detail::retryOnEintr([&] {
        return static_cast<long long>(::recv(diag.fd(), reply, sizeof reply, MSG_DONTWAIT));
    });
    if (!got.ok())
        return got;
    return peerFromReply(reply, static_cast<std::size_t>(got.value), static_cast<std::uint32_t>(inode));
}

} // namespace socketlab::sys
