// The kernel's view of TCP sockets, including those no process holds any more: the
// connection a server closed first, still in TIME_WAIT for a minute and still holding its
// port (why a restarted server gets Errno 98); a client's SYN_SENT socket whose SYNs the
// kernel resends while a full accept queue drops them. Read from sock_diag, as `ss -tan`
// does, so these rows can be shown beside the sockets SocketLab traces.
#pragma once

#include "Result.h"
#include "SocketAddress.h"

#include <cstdint>
#include <sys/socket.h>
#include <vector>

namespace socketlab {

// The timer the kernel runs on a socket (ss -o prints it as timer:(name,expires,count)).
enum class KernelTimer { None, Retransmit, KeepAlive, TimeWait, ZeroWindowProbe };

// A row of the kernel's TCP table, or of its UDP table (protocol IPPROTO_UDP: tcpState is
// TCP_CLOSE for an unconnected socket, TCP_ESTABLISHED for a connected one, as `ss -u` shows
// UNCONN and ESTAB; the receive queue counts the memory its datagrams take, as ss's Recv-Q).
struct KernelTcpSocket {
    int protocol = 0;                  // IPPROTO_TCP or IPPROTO_UDP
    int tcpState = 0;                  // TCP_TIME_WAIT ...; tcpStateName() spells it as ss does
    SocketAddress local;
    SocketAddress peer;
    std::uint64_t inode = 0;           // 0: no descriptor of any process refers to it
    KernelTimer timer = KernelTimer::None;
    std::int64_t timerMs = -1;         // until the timer fires (TIME_WAIT: until the row is gone); -1: none
    int retransmits = 0;               // under the retransmit timer: times resent (a SYN_SENT socket's SYNs)
    std::uint32_t receiveQueue = 0;    // a listener: connections waiting for accept(); else unread bytes (as SIOCINQ: a FIN is no byte)
    std::uint32_t sendQueue = 0;       // a listener: the accept queue's limit; else unacknowledged bytes

    bool heldByNoProcess() const { return inode == 0; }
    bool isListening() const;
    bool usesPort(std::uint16_t port) const { return local.port() == port || peer.port() == port; }
};

// Every TCP socket of the family (AF_INET or AF_INET6) whose state bit (1 << TCP_xxx) is in
// stateMask, as the kernel lists them. A SocketError when sock_diag is unavailable.
Result<std::vector<KernelTcpSocket>> kernelTcpSockets(int family, std::uint32_t stateMask = ~0u);

// Those of the families (AF_INET, AF_INET6) that use one of the ports at either end (the kernel
// picks them out): what a lab on those ports left behind. At most 256 ports (E2BIG). Each family
// is a dump of its own, and each walks every TCP socket of the machine.
inline const std::vector<int> kInetFamilies{AF_INET, AF_INET6};
Result<std::vector<KernelTcpSocket>> kernelTcpSocketsOnPorts(const std::vector<std::uint16_t> &ports,
                                                             std::uint32_t stateMask = ~0u,
                                                             const std::vector<int> &families = kInetFamilies);
inline Result<std::vector<KernelTcpSocket>> kernelTcpSocketsOnPort(std::uint16_t port, std::uint32_t stateMask = ~0u)
{
    return kernelTcpSocketsOnPorts({port}, stateMask);
}

// The UDP sockets of both families bound or connected to one of the ports (at most 256).
Result<std::vector<KernelTcpSocket>> kernelUdpSocketsOnPorts(const std::vector<std::uint16_t> &ports);
// Every socket of both families of one protocol (IPPROTO_TCP or IPPROTO_UDP) whose state is in
// stateMask: what a process holds, picked out by inode, when its ports are not known beforehand.
Result<std::vector<KernelTcpSocket>> kernelInetSockets(int protocol, std::uint32_t stateMask = ~0u);

constexpr std::uint32_t tcpStateBit(int tcpState) { return 1u << static_cast<unsigned>(tcpState); }

} // namespace socketlab
