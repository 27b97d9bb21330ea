// Helpers shared by the Socket suites (tst_socket, tst_socketmodes): making sockets with a
// hang guard, a loopback TCP connection, and reading the kernel's own tables.
#pragma once

#include <QFile>
#include <QString>
#include <QtTest>

#include <Socket.h>

#include "KernelWitness.h"
#include "TestSupport.h"

#include <algorithm>
#include <fcntl.h>
#include <optional>
#include <sys/socket.h>

using namespace socketlab;

namespace socktest {

QString qs(const std::string &s) { return QString::fromStdString(s); }
QString pyError(const SocketError &e) { return qs(e.pythonString()); }
// What a call returned, or its error as Python prints it: a failed call fails the comparison
// with a readable message instead of asserting inside Result::value().
QString text(const Result<Bytes> &r) { return r ? qs(*r) : QStringLiteral("<%1>").arg(pyError(r.error())); }
template <typename T>
T valueOr(const Result<T> &r, T fallback) { return r ? *r : fallback; }
SocketAddress nameOf(const Result<SocketAddress> &r) { return valueOr(r, SocketAddress()); }
QString stateOf(const Socket &s) { return QString::fromLatin1(socketStateName(s.record()->state.load())); }

// Blocking calls get a generous timeout, so a regression fails the test instead of hanging it.
constexpr double kHangGuardSeconds = 30.0;
Socket guarded(Socket s)
{
    (void)s.setTimeout(kHangGuardSeconds);
    return s;
}

// A new socket, or an empty one if creation failed: its first call then fails (EBADF).
Socket make(int family, int type)
{
    auto r = Socket::create(family, type);
    return guarded(r ? std::move(r).value() : Socket());
}

bool closeOnExec(int fd)
{
    const int flags = ::fcntl(fd, F_GETFD);
    return flags >= 0 && (flags & FD_CLOEXEC) != 0;
}

// A TCP connection over loopback: the listener, the connected client and the accepted end.
struct Connection {
    Socket listener, client, server;
    SocketAddress peerSeenByAccept;
};

std::optional<Connection> tcpConnection(int family = AF_INET, const SocketContext &context = {})
{
    Connection c;
    auto listener = Socket::create(family, SOCK_STREAM, 0, context);
    auto client = Socket::create(family, SOCK_STREAM, 0, context);
    if (!listener || !client)
        return std::nullopt;
    c.listener = guarded(std::move(listener).value());
    c.client = guarded(std::move(client).value());
    if (!c.listener.bind(SocketAddress::loopback(family, 0)) || !c.listener.listen(5))
        return std::nullopt;
    if (!c.client.connect(SocketAddress::loopback(family, testsupport::portOf(c.listener))))
        return std::nullopt;
    auto accepted = c.listener.accept();
    if (!accepted)
        return std::nullopt;
    c.server = guarded(std::move(accepted->socket));
    c.peerSeenByAccept = accepted->address;
    return c;
}

using testsupport::procNetRow;  // the kernel's /proc/net tables

// Twice what was asked, capped at twice the sysctl maximum: what Linux stores for SO_RCVBUF/SO_SNDBUF.
int doubledBuffer(int asked, const char *sysctlMax)
{
    QFile f(QString::fromLatin1(sysctlMax));
    const int max = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt() : asked;
    return 2 * std::min(asked, max);
}

} // namespace socktest
