// Helpers shared by the test suites: descriptor counting and a loopback listener on a
// free port. The outside witnesses (python3, ss ...) are in Witness.h.
#pragma once

#include "Witness.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <Socket.h>

#include <sys/socket.h>

namespace testsupport {

// A netlink socket: what the views open for a moment to ask the kernel for its sockets
// (sock_diag), on a thread of their own; it is no socket of the lab's, and it is closed when
// the answer has come. false for any other descriptor, and for one closed meanwhile.
inline bool isNetlinkSocket(int fd)
{
    int domain = 0;
    socklen_t size = sizeof domain;
    return ::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &size) == 0 && domain == AF_NETLINK;
}

// Open descriptors of this process, for "nothing leaked" assertions.
inline int openDescriptorCount()
{
    return static_cast<int>(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

// Open socket descriptors of this process, as the kernel lists them ("socket:[inode]"),
// netlink sockets left out.
inline int openSocketCount()
{
    int sockets = 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QFileInfo &fd : fds.entryInfoList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)) {
        if (fd.symLinkTarget().contains(QLatin1String("socket:[")) && !isNetlinkSocket(fd.fileName().toInt()))
            ++sockets;
    }
    return sockets;
}

// A TCP (or UDP) socket bound to 127.0.0.1 on a port the kernel chose; listening if TCP.
inline socketlab::Socket boundLoopback(int type = SOCK_STREAM, int backlog = 5, socketlab::SocketContext context = {})
{
    auto s = socketlab::Socket::create(AF_INET, type, 0, std::move(context));
    if (!s)
        return {};
    if (!s->bind(socketlab::SocketAddress::loopback(AF_INET, 0)))
        return {};
    if (type == SOCK_STREAM && !s->listen(backlog))
        return {};
    return std::move(s).value();
}

inline std::uint16_t portOf(socketlab::Socket &s)
{
    auto a = s.getSockName();
    return a ? a->port() : 0;
}

} // namespace testsupport
