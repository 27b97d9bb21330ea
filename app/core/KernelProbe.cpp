// Kernel probes, through the sys wrappers only.
#include "KernelProbe.h"

#include "sys/Syscalls.h"

#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace socketlab {

KernelSample probeDescriptor(int fd, int family, int type)
{
    KernelSample s;
    if (fd < 0)
        return s;
    s.available = true;

    // SO_MEMINFO gives both buffer sizes in one call (the values SO_RCVBUF/SO_SNDBUF read):
    // probes run for every socket many times a second.
    std::uint32_t memory[SK_MEMINFO_VARS] = {};
    unsigned len = sizeof memory;
    if (sys::getsockopt(fd, SOL_SOCKET, SO_MEMINFO, memory, &len).ok() && len >= sizeof(std::uint32_t) * (SK_MEMINFO_SNDBUF + 1)) {
        s.receiveBuffer = static_cast<int>(memory[SK_MEMINFO_RCVBUF]);
        s.sendBuffer = static_cast<int>(memory[SK_MEMINFO_SNDBUF]);
    }

    const bool isTcp = (family == AF_INET || family == AF_INET6) && type == SOCK_STREAM;
    if (isTcp) {
        tcp_info info{};
        len = sizeof info;
        if (sys::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len).ok()) {
            s.tcpState = info.tcpi_state;
            s.rttUs = info.tcpi_rtt;
            if (info.tcpi_state == TCP_LISTEN) {
                // For listeners the kernel reuses these fields for the accept queue.
                s.listening = true;
                s.acceptQueueLength = info.tcpi_unacked;
                s.acceptQueueLimit = info.tcpi_sacked;
                return s;  // SIOCINQ on a listener is EINVAL
            }
        }
    }
    const sys::SysResult inq = sys::ioctlInq(fd);
    if (inq.ok())
        s.receiveQueue = inq.value;
    const sys::SysResult outq = sys::ioctlOutq(fd);
    if (outq.ok())
        s.sendQueue = outq.value;
    return s;
}

bool KernelSample::readable() const
{
    if (!available)
        return false;
    if (listening)
        return acceptQueueLength > 0;
    return receiveQueue > 0 || tcpState == TCP_CLOSE_WAIT;
}

const char *tcpStateName(int tcpState)
{
    switch (tcpState) {
    case TCP_ESTABLISHED: return "ESTABLISHED";
    case TCP_SYN_SENT: return "SYN_SENT";
    case TCP_SYN_RECV: return "SYN_RECV";
    case TCP_FIN_WAIT1: return "FIN_WAIT1";
    case TCP_FIN_WAIT2: return "FIN_WAIT2";
    case TCP_TIME_WAIT: return "TIME_WAIT";
    case TCP_CLOSE: return "CLOSE";
    case TCP_CLOSE_WAIT: return "CLOSE_WAIT";
    case TCP_LAST_ACK: return "LAST_ACK";
    case TCP_LISTEN: return "LISTEN";
    case TCP_CLOSING: return "CLOSING";
    default: return "";
    }
}

} // namespace socketlab
