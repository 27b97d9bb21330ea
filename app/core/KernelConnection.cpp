#include "KernelConnection.h"

#include "sys/TcpConnectionDiag.h"

#include <netinet/tcp.h>

namespace socketlab {

std::optional<KernelConnection> findKernelConnection(const SocketAddress &local, const SocketAddress &peer)
{
    if (!local.isValid() || !peer.isValid() || local.family() != peer.family())
        return std::nullopt;
    sys::TcpDiagEntry entry;
    if (!sys::tcpConnectionDiag(local.raw(), peer.raw(), entry).ok())
        return std::nullopt;
    KernelConnection c{entry.state, entry.receiveQueue, entry.sendQueue, entry.inode, false};
    // A client may also have closed its end before the accept (CLOSE_WAIT): still queued.
    c.queuedForAccept = entry.inode == 0
        && (entry.state == TCP_ESTABLISHED || entry.state == TCP_SYN_RECV || entry.state == TCP_CLOSE_WAIT);
    return c;
}

} // namespace socketlab
