// The kernel's own tables of sockets, read without the core (whose probes are what the
// tests check): /proc/net/tcp and /proc/net/udp, as `ss` reads them. KernelTcpBytes.h
// asks a descriptor for its byte counts.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <cstdint>

namespace testsupport {

// The columns of the line in /proc/net/<file> ("tcp", "udp") for 127.0.0.1:localPort (and
// remotePort, if given; listening sockets have 0): the kernel's own view, as `ss` shows it.
// Empty when there is none.
inline QList<QByteArray> procNetRow(const char *file, std::uint16_t localPort, std::uint16_t remotePort = 0)
{
    QFile f(QStringLiteral("/proc/net/") + QLatin1String(file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto hex = [](std::uint16_t port) {
        return "0100007F:" + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    };
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> cols = line.simplified().split(' ');
        if (cols.size() > 4 && cols[1] == hex(localPort) && (remotePort == 0 || cols[2] == hex(remotePort)))
            return cols;
    }
    return {};
}

// How many connections wait in the accept queue of the TCP listener on 127.0.0.1:port, as
// /proc/net/tcp gives it (rx_queue of a LISTEN row; `ss -ltn` prints it as Recv-Q); -1
// when no listener is there.
inline int acceptQueueInProc(std::uint16_t port)
{
    const QList<QByteArray> row = procNetRow("tcp", port);
    if (row.isEmpty() || row[3] != "0A" || row[2] != "00000000:0000")
        return -1;
    return row[4].split(':').value(1).toInt(nullptr, 16);
}

} // namespace testsupport
