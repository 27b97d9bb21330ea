// inet_diag over NETLINK_SOCK_DIAG: one dump request, its replies read until NLMSG_DONE.
#include "InetDiag.h"

#include "DiagSocket.h"
#include "SyscallResult.h"

#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <vector>

namespace socketlab::sys {
namespace {

using detail::DiagSocket;

// A dump request: the header, the request, and when ports are given a bytecode filter the
// kernel runs on each socket (INET_DIAG_REQ_BYTECODE), so only those sockets come back.
std::vector<char> dumpRequest(int family, int protocol, std::uint32_t stateMask, const std::vector<std::uint16_t> &ports,
                              std::uint32_t sequence);

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

} // namespace

SysResult inetDiagDump(int family, int protocol, std::uint32_t stateMask, const std::vector<std::uint16_t> &ports,
                       const std::function<void(const InetDiagEntry &)> &each)
{
    if (family != AF_INET && family != AF_INET6)
        return SysResult{-1, EAFNOSUPPORT};
    if (protocol != IPPROTO_TCP && protocol != IPPROTO_UDP)
        return SysResult{-1, EPROTONOSUPPORT};
    const DiagSocket diag;
    if (diag.fd() < 0)
        return SysResult{-1, diag.error()};

    constexpr std::uint32_t kSequence = 1;
    if (ports.size() > kMaxFilteredPorts)
        return SysResult{-1, E2BIG};
    const std::vector<char> message = dumpRequest(family, protocol, stateMask, ports, kSequence);
    const SysResult sent = diag.request(message.data(), message.size());
    if (!sent.ok())
        return sent;

    return detail::readDump(diag, kSequence, [&](const detail::NetlinkMessage &m) {
        if (m.payloadLength < sizeof(inet_diag_msg))
            return;
        inet_diag_msg diagMessage;
        std::memcpy(&diagMessage, m.payload, sizeof diagMessage);
        each(entryOf(diagMessage));
    });
}

namespace {

std::vector<char> dumpRequest(int family, int protocol, std::uint32_t stateMask, const std::vector<std::uint16_t> &ports,
                              std::uint32_t sequence)
{
    // The filter: for each port "sport == P" then "dport == P", any of them accepts. A test
    // is two ops (the second holds the port); true jumps 8 bytes on to a JMP that leaves the
    // program at its end (accepted), false jumps 12 bytes past that JMP to the next test. The
    // last test's false jumps past the end: rejected. Every target is on the chain the
    // kernel's audit walks by "yes", as it requires.
    std::vector<inet_diag_bc_op> program;
    const std::size_t tests = ports.size() * 2;
    for (std::size_t i = 0; i < tests; ++i) {
        const bool source = i % 2 == 0;
        program.push_back({static_cast<unsigned char>(source ? INET_DIAG_BC_S_EQ : INET_DIAG_BC_D_EQ), 8, 12});
        program.push_back({0, 0, ports[i / 2]});
        if (i + 1 < tests) {
            const std::size_t left = (tests - i - 1) * 12 - 4;  // the bytes after this JMP
            program.push_back({INET_DIAG_BC_JMP, 4, static_cast<unsigned short>(left + 4)});
        }
    }
    const std::size_t programBytes = program.size() * sizeof(inet_diag_bc_op);
    const std::size_t attributeBytes = programBytes ? RTA_LENGTH(programBytes) : 0;
    const std::size_t length = NLMSG_LENGTH(sizeof(inet_diag_req_v2)) + RTA_ALIGN(attributeBytes);

    nlmsghdr header{};
    header.nlmsg_len = static_cast<__u32>(length);
    header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    header.nlmsg_seq = sequence;
    inet_diag_req_v2 request{};
    request.sdiag_family = static_cast<__u8>(family);
    request.sdiag_protocol = static_cast<__u8>(protocol);
    request.idiag_states = stateMask;

    std::vector<char> message(length, 0);
    std::memcpy(message.data(), &header, sizeof header);
    std::memcpy(message.data() + NLMSG_HDRLEN, &request, sizeof request);
    if (programBytes) {
        rtattr attribute{};
        attribute.rta_len = static_cast<unsigned short>(attributeBytes);
        attribute.rta_type = INET_DIAG_REQ_BYTECODE;
        char *at = message.data() + NLMSG_LENGTH(sizeof request);
        std::memcpy(at, &attribute, sizeof attribute);
        std::memcpy(at + RTA_LENGTH(0), program.data(), programBytes);
    }
    return message;
}

} // namespace
} // namespace socketlab::sys
