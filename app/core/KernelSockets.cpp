// The kernel's TCP and UDP socket tables, typed: sys::inetDiagDump's raw entries made KernelTcpSockets.
#include "KernelSockets.h"

#include "sys/InetDiag.h"

#include <netinet/in.h>
#include <netinet/tcp.h>

namespace socketlab {
namespace {

KernelTimer timerOf(int timer)
{
    switch (timer) {
    case 1: return KernelTimer::Retransmit;
    case 2: return KernelTimer::KeepAlive;
    case 3: return KernelTimer::TimeWait;
    case 4: return KernelTimer::ZeroWindowProbe;
    default: return KernelTimer::None;
    }
}

// inet_diag counts a received FIN that no recv() has reached as one more byte waiting
// (rcv_nxt - copied_seq), so `ss` shows 40 for 39 bytes and an end; SIOCINQ leaves it out.
// The views put both side by side: the count here is SIOCINQ's, bytes only.
std::uint32_t unreadBytes(int tcpState, std::uint32_t receiveQueue)
{
    const bool finReceived = tcpState == TCP_CLOSE_WAIT || tcpState == TCP_LAST_ACK || tcpState == TCP_CLOSING;
    return finReceived && receiveQueue > 0 ? receiveQueue - 1 : receiveQueue;
}

KernelTcpSocket typed(const sys::InetDiagEntry &e, int protocol)
{
    KernelTcpSocket s;
    s.protocol = protocol;
    s.tcpState = e.state;
    s.local = SocketAddress::fromRaw(reinterpret_cast<const sockaddr *>(&e.local), e.addressLength);
    s.peer = SocketAddress::fromRaw(reinterpret_cast<const sockaddr *>(&e.peer), e.addressLength);
    s.inode = e.inode;
    s.timer = timerOf(e.timer);
    s.timerMs = s.timer == KernelTimer::None ? -1 : static_cast<std::int64_t>(e.expiresMs);
    s.retransmits = e.retransmits;
    s.receiveQueue = unreadBytes(e.state, e.receiveQueue);
    s.sendQueue = e.sendQueue;
    return s;
}

} // namespace

bool KernelTcpSocket::isListening() const
{
    return tcpState == TCP_LISTEN;
}

Result<std::vector<KernelTcpSocket>> kernelTcpSockets(int family, std::uint32_t stateMask)
{
    std::vector<KernelTcpSocket> sockets;
    const sys::SysResult r = sys::inetDiagDump(family, IPPROTO_TCP, stateMask, {}, [&](const sys::InetDiagEntry &e) { sockets.push_back(typed(e, IPPROTO_TCP)); });
    if (!r.ok())
        return SocketError::fromErrno(r.error);
    return sockets;
}

namespace {

Result<std::vector<KernelTcpSocket>> onPorts(int protocol, const std::vector<std::uint16_t> &ports, std::uint32_t stateMask,
                                             const std::vector<int> &families)
{
    std::vector<KernelTcpSocket> found;
    if (ports.empty())
        return found;
    for (const int family : families) {
        const sys::SysResult r = sys::inetDiagDump(family, protocol, stateMask, ports, [&](const sys::InetDiagEntry &e) { found.push_back(typed(e, protocol)); });
        if (!r.ok())
            return SocketError::fromErrno(r.error);
    }
    return found;
}

} // namespace

Result<std::vector<KernelTcpSocket>> kernelTcpSocketsOnPorts(const std::vector<std::uint16_t> &ports, std::uint32_t stateMask,
                                                             const std::vector<int> &families)
{
    return onPorts(IPPROTO_TCP, ports, stateMask, families);
}

Result<std::vector<KernelTcpSocket>> kernelUdpSocketsOnPorts(const std::vector<std::uint16_t> &ports)
{
    return onPorts(IPPROTO_UDP, ports, ~0u, kInetFamilies);
}

Result<std::vector<KernelTcpSocket>> kernelInetSockets(int protocol, std::uint32_t stateMask)
{
    std::vector<KernelTcpSocket> found;
    for (const int family : {AF_INET, AF_INET6}) {
        const sys::SysResult r = sys::inetDiagDump(family, protocol, stateMask, {}, [&](const sys::InetDiagEntry &e) { found.push_back(typed(e, protocol)); });
        if (!r.ok())
            return SocketError::fromErrno(r.error);
    }
    return found;
}

} // namespace socketlab
