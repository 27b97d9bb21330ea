// The kernel's Unix socket table, typed: sys::unixDiagDump's raw entries made KernelUnixSockets.
#include "KernelUnixSockets.h"

#include "sys/UnixDiag.h"

#include <netinet/tcp.h>

namespace socketlab {

bool KernelUnixSocket::isListening() const
{
    return state == TCP_LISTEN;
}

std::string KernelUnixSocket::displayName() const
{
    if (!path.empty())
        return path;
    if (!abstractName.empty())
        return '@' + abstractName;
    return "*";
}

Result<std::vector<KernelUnixSocket>> kernelUnixSockets()
{
    std::vector<KernelUnixSocket> sockets;
    const sys::SysResult r = sys::unixDiagDump([&](const sys::UnixDiagEntry &e) {
        KernelUnixSocket s;
        s.type = e.type;
        s.state = e.state;
        s.inode = e.inode;
        s.peerInode = e.peerInode;
        s.receiveQueue = e.receiveQueue;
        s.sendQueue = e.sendQueue;
        if (!e.name.empty() && e.name.front() == '\0')
            s.abstractName = e.name.substr(1);
        else
            s.path = e.name.substr(0, e.name.find('\0'));  // a path as bound, without the padding some kernels keep
        sockets.push_back(std::move(s));
    });
    if (!r.ok())
        return SocketError::fromErrno(r.error);
    return sockets;
}

} // namespace socketlab
