// KernelSocketRows: the inet and Unix dumps, filtered to what an observer asked.
#include "KernelSocketRows.h"

#include <algorithm>
#include <netinet/in.h>
#include <netinet/tcp.h>

namespace socketlab {
namespace {

template <typename Row, typename Drop>
void eraseIf(std::vector<Row> &rows, Drop drop)
{
    rows.erase(std::remove_if(rows.begin(), rows.end(), drop), rows.end());
}

} // namespace

Result<KernelSocketRows> kernelSocketsOnPort(std::uint16_t port)
{
    KernelSocketRows rows;
    Result<std::vector<KernelTcpSocket>> tcp = kernelTcpSocketsOnPort(port);
    if (!tcp)
        return tcp.error();
    Result<std::vector<KernelTcpSocket>> udp = kernelUdpSocketsOnPorts({port});
    if (!udp)
        return udp.error();
    rows.inetSockets = std::move(*tcp);
    rows.inetSockets.insert(rows.inetSockets.end(), udp->begin(), udp->end());
    eraseIf(rows.inetSockets, [](const KernelTcpSocket &s) { return s.heldByNoProcess(); });
    return rows;
}

Result<KernelSocketRows> kernelSocketsWithInodes(const std::unordered_set<std::uint64_t> &inodes)
{
    KernelSocketRows rows;
    if (inodes.empty())
        return rows;
    // No process holds a socket in TIME_WAIT or a half-open handshake, and a busy machine has
    // tens of thousands of them (20 000 here made a dump of everything take 50 ms): the kernel
    // leaves them out.
    const std::uint32_t heldStates = ~(tcpStateBit(TCP_TIME_WAIT) | tcpStateBit(TCP_SYN_RECV));
    for (const int protocol : {IPPROTO_TCP, IPPROTO_UDP}) {
        Result<std::vector<KernelTcpSocket>> found = kernelInetSockets(protocol, protocol == IPPROTO_TCP ? heldStates : ~0u);
        if (!found)
            return found.error();
        for (KernelTcpSocket &s : *found) {
            if (inodes.count(s.inode))
                rows.inetSockets.push_back(std::move(s));
        }
    }
    Result<std::vector<KernelUnixSocket>> unixFound = kernelUnixSockets();
    if (!unixFound)
        return unixFound.error();
    for (KernelUnixSocket &s : *unixFound) {
        if (inodes.count(s.inode))
            rows.unixSockets.push_back(std::move(s));
    }
    return rows;
}

} // namespace socketlab
