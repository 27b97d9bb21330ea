// unix_diag over NETLINK_SOCK_DIAG: one dump request with names, peers and queue lengths.
#include "UnixDiag.h"

#include "DiagSocket.h"

#include <cstring>
#include <linux/inet_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>

namespace socketlab::sys {
namespace {

struct UnixDumpRequest {
    nlmsghdr header;
    unix_diag_req request;
};

UnixDiagEntry entryOf(const detail::NetlinkMessage &m)
{
    unix_diag_msg message;
    std::memcpy(&message, m.payload, sizeof message);
    UnixDiagEntry e;
    e.type = message.udiag_type;
    e.state = message.udiag_state;
    e.inode = message.udiag_ino;
    detail::forEachAttribute(m, sizeof message, [&](unsigned type, const char *data, std::size_t length) {
        if (type == UNIX_DIAG_NAME) {
            e.name.assign(data, length);
        } else if (type == UNIX_DIAG_PEER && length >= sizeof(std::uint32_t)) {
            std::memcpy(&e.peerInode, data, sizeof e.peerInode);
        } else if (type == UNIX_DIAG_RQLEN && length >= sizeof(unix_diag_rqlen)) {
            unix_diag_rqlen queues;
            std::memcpy(&queues, data, sizeof queues);
            e.receiveQueue = queues.udiag_rqueue;
            e.sendQueue = queues.udiag_wqueue;
        }
    });
    return e;
}

} // namespace

SysResult unixDiagDump(const std::function<void(const UnixDiagEntry &)> &each)
{
    const detail::DiagSocket diag;
    if (diag.fd() < 0)
        return SysResult{-1, diag.error()};
    constexpr std::uint32_t kSequence = 1;
    UnixDumpRequest message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.header.nlmsg_seq = kSequence;
    message.request.sdiag_family = AF_UNIX;
    message.request.udiag_states = ~0u;
    message.request.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN;
    message.request.udiag_cookie[0] = INET_DIAG_NOCOOKIE;
    message.request.udiag_cookie[1] = INET_DIAG_NOCOOKIE;
    const SysResult sent = diag.request(&message, sizeof message);
    if (!sent.ok())
        return sent;
    return detail::readDump(diag, kSequence, [&](const detail::NetlinkMessage &m) {
        if (m.payloadLength >= sizeof(unix_diag_msg))
            each(entryOf(m));
    });
}

} // namespace socketlab::sys
