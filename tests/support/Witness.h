// The outside witnesses the suites compare SocketLab with — python3, ss, the system's
// services and protocols files (netbase), IPv6 on loopback — each found without the code
// under test. A test whose witness is missing skips on a developer's machine; in CI
// (SOCKETLAB_REQUIRE_WITNESSES=1, set by .ci/run) it fails instead, because ctest counts a
// skip as a pass and a check that did not run proves nothing.
#pragma once

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QtTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace testsupport {

inline bool witnessesRequired()
{
    return qEnvironmentVariableIntValue("SOCKETLAB_REQUIRE_WITNESSES") == 1;
}

// Empty when not on PATH.
inline QString python3() { return QStandardPaths::findExecutable(QStringLiteral("python3")); }
inline QString ssCommand() { return QStandardPaths::findExecutable(QStringLiteral("ss")); }

// Whether a system file (/etc/services, /etc/protocols) has a line matching pattern.
inline bool systemFileHas(const char *path, const char *pattern)
{
    QFile f(QString::fromLatin1(path));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QRegularExpression re(QString::fromLatin1(pattern), QRegularExpression::MultilineOption);
    return re.match(QString::fromLatin1(f.readAll())).hasMatch();
}

// ::1 on the loopback interface, asked of the kernel directly: /proc/net/if_inet6 lists it,
// and a plain socket() + bind() to [::1]:0 succeeds. Not the core's Socket: an IPv6 bug in
// the core must fail its tests, not skip them.
inline bool ipv6Loopback()
{
    QFile interfaces(QStringLiteral("/proc/net/if_inet6"));
    if (!interfaces.open(QIODevice::ReadOnly))
        return false;
    static const QRegularExpression loopback(QStringLiteral(R"(^0{31}1 [0-9a-f]+ [0-9a-f]+ [0-9a-f]+ [0-9a-f]+ +lo$)"),
                                             QRegularExpression::MultilineOption);
    if (!loopback.match(QString::fromLatin1(interfaces.readAll())).hasMatch())
        return false;
    const int fd = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_addr = in6addr_loopback;
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

} // namespace testsupport

// Use where a test needs a witness: skips with why when it is missing, or fails in CI.
#define REQUIRE_WITNESS(present, why)                                                        \
    do {                                                                                     \
        if (!(present)) {                                                                    \
            if (testsupport::witnessesRequired())                                            \
                QFAIL("required witness missing (SOCKETLAB_REQUIRE_WITNESSES=1): " why);     \
            QSKIP(why);                                                                      \
        }                                                                                    \
    } while (false)
