// SocketRecord: ids, state names, and the close-versus-probe lock.
#include "SocketRecord.h"

#include "sys/Syscalls.h"

#include <sys/socket.h>

namespace socketlab {
namespace {
std::atomic<std::uint32_t> nextSocketId{1};
}

const char *socketStateName(SocketState state)
{
    switch (state) {
    case SocketState::Created: return "created";
    case SocketState::Bound: return "bound";
    case SocketState::Listening: return "listening";
    case SocketState::Connecting: return "connecting";
    case SocketState::Connected: return "connected";
    case SocketState::PeerClosed: return "peer closed";
    case SocketState::ShutDown: return "shut down";
    case SocketState::Closed: return "closed";
    }
    return "";
}

SocketKind socketKind(int family, int type)
{
    const bool stream = type == SOCK_STREAM;
    const bool datagram = type == SOCK_DGRAM;
    if (!stream && !datagram)
        return SocketKind::Other;
    switch (family) {
    case AF_INET: return stream ? SocketKind::Tcp : SocketKind::Udp;
    case AF_INET6: return stream ? SocketKind::Tcp6 : SocketKind::Udp6;
    case AF_UNIX: return stream ? SocketKind::UnixStream : SocketKind::UnixDatagram;
    default: return SocketKind::Other;
    }
}

SocketRecord::SocketRecord(int fd, int family_, int type_, std::string owner_)
    : id(nextSocketId.fetch_add(1, std::memory_order_relaxed)), family(family_), type(type_),
      owner(std::move(owner_)), m_fd(fd)
{
}

int SocketRecord::fd() const
{
    std::lock_guard lock(m_mutex);
    return m_fd;
}

KernelSample SocketRecord::probe() const
{
    std::lock_guard lock(m_mutex);
    return probeDescriptor(m_fd, family, type);
}

int SocketRecord::closeDescriptor()
{
    std::lock_guard lock(m_mutex);
    if (m_fd < 0)
        return 0;
    const sys::SysResult r = sys::close(m_fd);
    m_fd = -1;
    return r.error;
}

std::string SocketRecord::localAddress() const
{
    std::lock_guard lock(m_mutex);
    return m_local;
}

std::string SocketRecord::peerAddress() const
{
    std::lock_guard lock(m_mutex);
    return m_peer;
}

void SocketRecord::setAddresses(std::string local, std::string peer)
{
    std::lock_guard lock(m_mutex);
    m_local = std::move(local);
    m_peer = std::move(peer);
}

} // namespace socketlab
