// The kernel's own socket list, as `ss` (iproute2) prints it, for tests that check what a
// lab shows against an outside witness. Rows are found by the socket's inode, which every
// SocketRecord keeps, so other sockets of the machine never confuse a test.
#pragma once

#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace testsupport {

struct SsRow {
    QString state;          // "ESTAB", "LISTEN", "UNCONN" ...
    QString local;          // "127.0.0.1:80", "[::1]:80", a Unix path, or "*" when unnamed
    QString peer;           // "127.0.0.1:40062", "0.0.0.0:*", a Unix path or "*"
    quint64 peerInode = 0;  // Unix sockets: the inode of the socket at the other end (0: none)
};

inline QString ssPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("ss"));  // empty: not installed
}

inline QString runSs(const QStringList &args)
{
    QProcess p;
    p.start(ssPath(), args);
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(2000);
        return {};
    }
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

// `ss -tanHe` / `ss -uanHe`: "ESTAB 0 0 127.0.0.1:40062 127.0.0.1:44839 ino:153479 sk:8db ...".
inline QHash<quint64, SsRow> ssInet(const QString &protocolFlag /* "-t" or "-u" */)
{
    QHash<quint64, SsRow> rows;
    const QString out = runSs({protocolFlag + QStringLiteral("anHe")});
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        for (const QString &field : f) {
            if (f.size() > 5 && field.startsWith(QLatin1String("ino:")))
                rows.insert(field.mid(4).toULongLong(), SsRow{f[0], f[3], f[4], 0});
        }
    }
    return rows;
}

// `ss -xaH`: "u_str ESTAB 0 0 /tmp/x.sock 153477 * 153476": the local name, the socket's own
// inode, the peer's name and inode.
inline QHash<quint64, SsRow> ssUnix()
{
    QHash<quint64, SsRow> rows;
    for (const QString &line : runSs({QStringLiteral("-xaH")}).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (f.size() >= 8)
            rows.insert(f[5].toULongLong(), SsRow{f[1], f[4], f[6], f[7].toULongLong()});
    }
    return rows;
}

} // namespace testsupport
