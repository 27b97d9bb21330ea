// The kernel's byte counts for a TCP descriptor, asked directly with getsockopt(TCP_INFO) and
// ioctl(FIONREAD), not through the core: the figures the core's counters must agree with.
//
// Includes <linux/tcp.h> for the counters glibc's struct tcp_info lacks: do not mix with
// <netinet/tcp.h> in one test file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

namespace testsupport {

// Bytes of payload the kernel received on a TCP socket and bytes the peer acknowledged, over
// the socket's life (TCP_INFO's tcpi_bytes_received and tcpi_bytes_acked), and what it still
// holds: segments sent and not yet acknowledged, bytes not yet sent, bytes not yet read.
struct KernelTcpBytes {
    bool available = false;
    std::uint64_t received = 0;
    std::uint64_t acked = 0;
    std::uint32_t unacked = 0;  // segments
    std::uint32_t notSent = 0;
    int unread = 0;
};

inline KernelTcpBytes kernelTcpBytes(int fd)
{
    KernelTcpBytes k;
    tcp_info info{};
    socklen_t length = sizeof info;
    if (fd < 0 || ::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0
        || length < offsetof(tcp_info, tcpi_notsent_bytes) + sizeof info.tcpi_notsent_bytes
        || ::ioctl(fd, FIONREAD, &k.unread) != 0)
        return k;
    k.available = true;
    k.received = info.tcpi_bytes_received;
    k.acked = info.tcpi_bytes_acked;
    k.unacked = info.tcpi_unacked;
    k.notSent = info.tcpi_notsent_bytes;
    return k;
}

} // namespace testsupport
