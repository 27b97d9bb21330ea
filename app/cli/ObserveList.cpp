#include "ObserveList.h"

#include "SocketText.h"

#include <observe/ObserveTarget.h>
#include <observe/SocketObserver.h>

#include <SocketSnapshot.h>

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace socketlab;

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ObserveList)
};

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

// ss's names: the protocol column and, where the kernel gives no TCP state, the state.
QString netid(const SocketSample &s)
{
    switch (socketKind(s.record->family, s.record->type)) {
    case SocketKind::Tcp:
    case SocketKind::Tcp6: return QStringLiteral("tcp");
    case SocketKind::Udp:
    case SocketKind::Udp6: return QStringLiteral("udp");
    case SocketKind::UnixStream: return QStringLiteral("u_str");
    case SocketKind::UnixDatagram: return QStringLiteral("u_dgr");
    case SocketKind::Other: break;
    }
    return isUnixFamily(s.record->family) ? QStringLiteral("u_seq") : QStringLiteral("?");  // the one other type observed
}

QString stateWord(const SocketSample &s)
{
    if (s.kernel.tcpState >= 0)
        return QString::fromLatin1(tcpStateName(s.kernel.tcpState));
    switch (s.state) {
    case SocketState::Listening: return QStringLiteral("LISTEN");
    case SocketState::Connecting: return QStringLiteral("SYN-SENT");
    case SocketState::Connected: return QStringLiteral("ESTAB");
    default: return QStringLiteral("UNCONN");
    }
}

// As ss prints them: "*" for a Unix socket without a name, HOST:* for a port not chosen yet.
QString endpoint(const SocketAddress &address, bool isUnixSocket)
{
    if (isUnixSocket)
        return address.path().empty() ? QStringLiteral("*") : QString::fromStdString(address.path());
    if (!address.isValid())
        return QStringLiteral("*:*");
    if (address.port() == 0)
        return SocketText::endpointText(address).chopped(1) + QLatin1Char('*');
    return SocketText::endpointText(address);
}

// Columns on a terminal: a Chinese character takes two cells.
int cellsOf(const QString &text)
{
    int cells = 0;
    for (const QChar c : text)
        cells += c.unicode() >= 0x1100 && !c.isLowSurrogate() ? 2 : 1;
    return cells;
}

QStringList rowOf(const SocketSample &s)
{
    const bool isUnix = isUnixFamily(s.record->family);
    const KernelSample &k = s.kernel;
    const qint64 receive = k.listening ? qint64(k.acceptQueueLength) : std::max<qint64>(k.receiveQueue, 0);
    const qint64 send = k.listening ? qint64(k.acceptQueueLimit) : std::max<qint64>(k.sendQueue, 0);
    QString peer = endpoint(s.peer, isUnix);
    if (isUnix && s.peerInode != 0)
        peer = QStringLiteral("* %1").arg(s.peerInode);  // as ss -x: the peer's inode
    return {netid(s), stateWord(s), QString::number(receive), QString::number(send), endpoint(s.local, isUnix), peer,
            QString::fromStdString(s.record->owner)};
}

void printTable(const QList<QStringList> &rows)
{
    QList<int> widths(rows.front().size(), 0);
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], cellsOf(row[i]));
    }
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i] + QString(widths[i] + 2 - cellsOf(row[i]), QLatin1Char(' ')) : row[i];
        std::printf("%s\n", line.toUtf8().constData());
    }
}

} // namespace

int listObservedSockets(const QString &targetText)
{
    QString problem;
    const std::optional<ObserveTarget> target = ObserveTarget::parse(targetText, &problem);
    if (!target) {
        printErr(Tr::tr("socketlab: --observe: %1").arg(problem));
        return 2;
    }
    auto registry = std::make_shared<SocketRegistry>();
    SocketObserver observer(*target, registry);
    observer.refreshNow();
    if (!observer.problem().isEmpty()) {
        printErr(QStringLiteral("socketlab: ") + observer.problem());
        return 1;
    }
    const SocketSnapshot snapshot = SocketSnapshot::take(*registry);
    if (snapshot.sockets().empty()) {
        printErr(target->kind == ObserveTarget::Kind::Port
                     ? Tr::tr("socketlab: nothing to observe: no socket a process holds uses port %1").arg(target->port)
                     : Tr::tr("socketlab: nothing to observe: process %1 holds no socket").arg(target->pid));
        return 1;
    }
    QList<QStringList> rows{{Tr::tr("Netid"), Tr::tr("State"), Tr::tr("Recv-Q"), Tr::tr("Send-Q"), Tr::tr("Local address"),
                             Tr::tr("Peer address"), Tr::tr("Process")}};
    for (const SocketSample &s : snapshot.sockets())
        rows << rowOf(s);
    printTable(rows);
    return 0;
}
