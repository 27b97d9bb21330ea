// SocketRecord: ids, state names, endpoints, and the close-versus-probe lock.
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

bool isDatagramKind(SocketKind kind)
{
    return kind == SocketKind::Udp || kind == SocketKind::Udp6 || kind == SocketKind::UnixDatagram;
}

bool isUnixFamily(int family)
{
    return family == AF_UNIX;
}

namespace {
std::uint64_t inodeOf(int fd)
{
    const sys::SysResult r = fd >= 0 ? sys::socketInode(fd) : sys::SysResult{};
    return r.ok() ? static_cast<std::uint64_t>(r.value) : 0;
}
} // namespace

SocketRecord::SocketRecord(int fd, int family_, int type_, std::string owner_)
    : id(nextSocketId.fetch_add(1, std::memory_order_relaxed)), family(family_), type(type_),
      owner(std::move(owner_)), inode(inodeOf(fd)), m_fd(fd)
{
}

SocketRecord::SocketRecord(Replayed, std::uint32_t id_, int family_, int type_, std::string owner_, std::uint64_t inode_)
    : id(id_), family(family_), type(type_), owner(std::move(owner_)), inode(inode_), m_fd(-1)
{
}

std::shared_ptr<SocketRecord> SocketRecord::replayed(std::uint32_t id, int family, int type, std::string owner,
                                                     std::uint64_t inode)
{
    return std::shared_ptr<SocketRecord>(new SocketRecord(Replayed{}, id, family, type, std::move(owner), inode));
}

std::shared_ptr<SocketRecord> SocketRecord::foreign(int family, int type, std::string owner, std::uint64_t inode)
{
    return replayed(nextSocketId.fetch_add(1, std::memory_order_relaxed), family, type, std::move(owner), inode);
}

void SocketRecord::setEndpoints(const SocketAddress &local, const SocketAddress &peer)
{
    std::lock_guard lock(m_mutex);
    if (local.isValid())
        m_local = local;
    if (peer.isValid())
        m_peer = peer;
}

int SocketRecord::fd() const
{
    return m_fd.load(std::memory_order_acquire);
}

KernelSample SocketRecord::probe() const
{
    std::lock_guard lock(m_mutex);
    if (m_fd >= 0 && isBorrowed() && inodeOf(m_fd) != inode)
        return {};  // its owner closed it; the number is free, or another socket's now
    if (m_fd >= 0)
        m_probes.fetch_add(1, std::memory_order_relaxed);
    return probeDescriptor(m_fd, family, type);
}

int SocketRecord::closeDescriptor()
{
    std::lock_guard lock(m_mutex);
    if (m_fd < 0)
        return 0;
    if (isBorrowed()) {
        m_fd = -1;  // not ours to close
        return 0;
    }
    const sys::SysResult r = sys::close(m_fd);
    m_fd = -1;
    return r.error;
}

void SocketRecord::forgetDescriptor()
{
    std::lock_guard lock(m_mutex);
    m_fd = -1;
}

SocketAddress SocketRecord::localEndpoint() const
{
    std::lock_guard lock(m_mutex);
    return m_local;
}

SocketAddress SocketRecord::peerEndpoint() const
{
    std::lock_guard lock(m_mutex);
    return m_peer;
}

std::uint64_t SocketRecord::peerInode() const
{
    std::lock_guard lock(m_mutex);
    return m_peerInode;
}

SocketRecord::Endpoints SocketRecord::endpoints() const
{
    std::lock_guard lock(m_mutex);
    return Endpoints{m_fd, m_local, m_peer, m_peerInode};
}

std::string SocketRecord::localAddress() const
{
    const SocketAddress a = localEndpoint();
    return a.isValid() ? a.toString() : std::string();
}

std::string SocketRecord::peerAddress() const
{
    const SocketAddress a = peerEndpoint();
    return a.isValid() ? a.toString() : std::string();
}

void SocketRecord::readEndpoints(std::uint64_t knownPeerInode)
{
    // Only the owning thread closes m_fd, and only it calls this: the descriptor stays open
    // for the calls below without the lock, which then guards just the stored result.
    // Bookkeeping for the views, not a call the learner made: not traced.
    const int fd = m_fd;
    if (fd < 0)
        return;
    SocketAddress local, peer;
    unsigned len = SocketAddress::capacity();
    if (sys::getsockname(fd, local.raw(), &len).ok())
        local.setLength(len);
    len = SocketAddress::capacity();
    if (sys::getpeername(fd, peer.raw(), &len).ok())
        peer.setLength(len);
    std::uint64_t peerInode = knownPeerInode;
    if (peerInode == 0 && family == AF_UNIX && !isDatagram() && peer.isValid() && inode != 0) {
        const sys::SysResult r = sys::unixPeerInode(inode);
        peerInode = r.ok() ? static_cast<std::uint64_t>(r.value) : 0;
    }
    std::lock_guard lock(m_mutex);
    m_local = local;
    m_peer = peer;
    m_peerInode = peerInode;
}

} // namespace socketlab
