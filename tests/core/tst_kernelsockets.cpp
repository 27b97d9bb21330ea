// tst_kernelsockets: the kernel's TCP socket table read through sock_diag (KernelSockets.h),
// checked against `ss -tan` and /proc on real loopback sockets: the TIME_WAIT row a server
// leaves when it closes first (no process holds it, and its timer counts down), a listener's
// accept queue and the SYN_SENT clients it makes wait (their SYNs resent), and the inode
// that ties a row to this process's descriptor.
#include "CoreTestSupport.h"

#include <KernelProbe.h>
#include <KernelSockets.h>
#include <Socket.h>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <cerrno>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace socketlab;
using testsupport::boundLoopback;
using testsupport::portOf;

namespace {

// `ss -tanH state STATE ( sport = :PORT or dport = :PORT )`: one "local peer" pair per row.
QStringList ssRows(const QString &ss, const QString &state, std::uint16_t port)
{
    QProcess p;
    p.start(ss, {QStringLiteral("-tanH"), QStringLiteral("state"), state, QStringLiteral("("), QStringLiteral("sport"),
                 QStringLiteral("="), QStringLiteral(":%1").arg(port), QStringLiteral("or"), QStringLiteral("dport"),
                 QStringLiteral("="), QStringLiteral(":%1").arg(port), QStringLiteral(")")});
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(2000);
        return {QStringLiteral("ss did not finish")};
    }
    QStringList rows;
    for (const QString &line : QString::fromLocal8Bit(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (f.size() >= 4)  // with a state filter, ss leaves the state column out
            rows << f[f.size() - 2] + QLatin1Char(' ') + f[f.size() - 1];
    }
    rows.sort();
    return rows;
}

QStringList rowsOf(const std::vector<KernelTcpSocket> &sockets)
{
    QStringList rows;
    for (const KernelTcpSocket &s : sockets)
        rows << QString::fromStdString(s.local.toString() + ' ' + s.peer.toString());
    rows.sort();
    return rows;
}

std::vector<KernelTcpSocket> onPort(std::uint16_t port, int tcpState)
{
    auto r = kernelTcpSocketsOnPort(port, tcpStateBit(tcpState));
    return r ? std::move(r).value() : std::vector<KernelTcpSocket>{};
}

// The inode /proc/self/fd/N names ("socket:[12345]"): the kernel's name of our descriptor.
std::uint64_t procInode(int fd)
{
    const QString target = QFile::symLinkTarget(QStringLiteral("/proc/self/fd/%1").arg(fd));
    const qsizetype open = target.indexOf(QLatin1Char('['));
    return open < 0 ? 0 : target.mid(open + 1, target.size() - open - 2).toULongLong();
}

} // namespace

class TestKernelSockets : public QObject {
    Q_OBJECT

private:
    QString m_ss;

private slots:
    void initTestCase()
    {
        m_ss = QStandardPaths::findExecutable(QStringLiteral("ss"));
        auto all = kernelTcpSockets(AF_INET);
        QVERIFY2(all.ok(), all.ok() ? "" : all.error().pythonString().c_str());
    }

    void timeWaitRowOutlivesTheServer()
    {
        Socket listener = boundLoopback(SOCK_STREAM, 5);
        const std::uint16_t port = portOf(listener);
        Socket client = Socket::create(AF_INET, SOCK_STREAM).value();
        QVERIFY(client.connect(SocketAddress::loopback(AF_INET, port)));
        Accepted accepted = listener.accept().value();
        const SocketAddress clientAddress = client.getSockName().value();

        // The server closes first and exits; the client reads the end and closes too.
        QVERIFY(accepted.socket.close());
        QVERIFY(listener.close());
        auto end = client.recv(16);
        QVERIFY(end && end->empty());
        QVERIFY(client.close());

        std::vector<KernelTcpSocket> waiting;
        QTRY_VERIFY_WITH_TIMEOUT((waiting = onPort(port, TCP_TIME_WAIT)).size() == 1, 5000);
        const KernelTcpSocket &row = waiting.front();
        QCOMPARE(row.local, SocketAddress::loopback(AF_INET, port));  // the server's port is still taken
        QCOMPARE(row.peer, clientAddress);
        QVERIFY(row.heldByNoProcess());
        QCOMPARE(row.timer, KernelTimer::TimeWait);
        QVERIFY2(row.timerMs > 0 && row.timerMs <= 60000, qPrintable(QString::number(row.timerMs)));
        QCOMPARE(QString::fromLatin1(tcpStateName(row.tcpState)), QStringLiteral("TIME_WAIT"));
        QVERIFY(onPort(port, TCP_LISTEN).empty());  // nothing listens: only the TIME_WAIT row holds the port

        if (!m_ss.isEmpty())
            QCOMPARE(ssRows(m_ss, QStringLiteral("time-wait"), port), rowsOf(waiting));

        // It counts down.
        const std::int64_t first = row.timerMs;
        QTRY_VERIFY_WITH_TIMEOUT((waiting = onPort(port, TCP_TIME_WAIT)).size() == 1 && waiting.front().timerMs < first - 300, 5000);
    }

    void listenerQueueAndSynSentClients()
    {
        Socket listener = boundLoopback(SOCK_STREAM, 1);  // queue limit 1: Linux holds 2
        const std::uint16_t port = portOf(listener);
        std::vector<Socket> clients;
        for (int i = 0; i < 4; ++i) {
            Socket c = Socket::create(AF_INET, SOCK_STREAM).value();
            c.setBlocking(false);
            const int rc = c.connectEx(SocketAddress::loopback(AF_INET, port));
            QVERIFY2(rc == EINPROGRESS || rc == 0, qPrintable(QString::number(rc)));
            clients.push_back(std::move(c));
            // One handshake at a time, so none races another into the last place.
            if (i < 2)
                QTRY_COMPARE_WITH_TIMEOUT(int(onPort(port, TCP_ESTABLISHED).size()), 2 * (i + 1), 5000);
        }

        const std::vector<KernelTcpSocket> listening = onPort(port, TCP_LISTEN);
        QCOMPARE(listening.size(), std::size_t(1));
        QCOMPARE(listening.front().receiveQueue, 2u);  // backlog + 1 connections wait for accept()
        QCOMPARE(listening.front().sendQueue, 1u);     // the limit listen(1) set
        QCOMPARE(listening.front().inode, procInode(listener.fileno()));
        const KernelSample probe = listener.record()->probe();
        QCOMPARE(probe.acceptQueueLength, listening.front().receiveQueue);

        std::vector<KernelTcpSocket> synSent;
        QTRY_COMPARE_WITH_TIMEOUT((synSent = onPort(port, TCP_SYN_SENT)).size(), std::size_t(2), 5000);
        for (const KernelTcpSocket &s : synSent) {
            QCOMPARE(s.timer, KernelTimer::Retransmit);
            QVERIFY(!s.heldByNoProcess());
        }
        if (!m_ss.isEmpty())
            QCOMPARE(ssRows(m_ss, QStringLiteral("syn-sent"), port), rowsOf(synSent));
        // The kernel resends their SYNs (after about a second) while the queue stays full.
        QTRY_VERIFY_WITH_TIMEOUT((synSent = onPort(port, TCP_SYN_SENT)).size() == 2 && synSent.front().retransmits >= 1, 8000);
    }

    void kernelFiltersByPort()
    {
        // Two listeners, one connection to each: the kernel's filtered answer for both ports is
        // what the whole table holds on them, and a third port of this process is left out.
        std::vector<Socket> held;
        std::vector<std::uint16_t> ports;
        for (int i = 0; i < 3; ++i) {
            Socket listener = boundLoopback(SOCK_STREAM, 5);
            ports.push_back(portOf(listener));
            Socket client = Socket::create(AF_INET, SOCK_STREAM).value();
            QVERIFY(client.connect(SocketAddress::loopback(AF_INET, ports.back())));
            held.push_back(std::move(listener));
            held.push_back(std::move(client));
        }
        const std::vector<std::uint16_t> asked{ports[0], ports[1]};
        auto filtered = kernelTcpSocketsOnPorts(asked);
        QVERIFY(filtered.ok());
        auto all = kernelTcpSockets(AF_INET);  // kept: the loop below reads inside it
        QVERIFY(all.ok());
        std::vector<KernelTcpSocket> expected;
        for (KernelTcpSocket &s : *all) {
            if (s.usesPort(asked[0]) || s.usesPort(asked[1]))
                expected.push_back(std::move(s));
        }
        QCOMPARE(rowsOf(*filtered), rowsOf(expected));
        QCOMPARE(filtered->size(), std::size_t(6));  // per port: LISTEN, and each end of the connection

        const std::vector<std::uint16_t> tooMany(300, ports[0]);
        const auto refused = kernelTcpSocketsOnPorts(tooMany);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), E2BIG);
    }

    void unreadBytesLeaveTheFinOut()
    {
        // A client sends 5 bytes and closes before the server accepts: the server's end, in
        // CLOSE_WAIT in the accept queue, has 5 bytes to read (the kernel's count says 6, the
        // FIN included); after accept() SIOCINQ says the same 5.
        Socket listener = boundLoopback(SOCK_STREAM, 1);
        const std::uint16_t port = portOf(listener);
        Socket client = Socket::create(AF_INET, SOCK_STREAM).value();
        QVERIFY(client.connect(SocketAddress::loopback(AF_INET, port)));
        QVERIFY(client.sendAll("hello"));
        QVERIFY(client.close());
        std::vector<KernelTcpSocket> ended;
        QTRY_COMPARE_WITH_TIMEOUT((ended = onPort(port, TCP_CLOSE_WAIT)).size(), std::size_t(1), 5000);
        QCOMPARE(ended.front().receiveQueue, 5u);
        Accepted accepted = listener.accept().value();
        QCOMPARE(accepted.socket.record()->probe().receiveQueue, std::int64_t(5));
        auto bytes = accepted.socket.recv(16);
        QVERIFY(bytes && bytes->size() == 5);
        ended = onPort(port, TCP_CLOSE_WAIT);  // the bytes read, the FIN not yet: nothing to read but b''
        QCOMPARE(ended.size(), std::size_t(1));
        QCOMPARE(ended.front().receiveQueue, 0u);
        QCOMPARE(accepted.socket.record()->probe().receiveQueue, std::int64_t(0));
    }

    void refusesAFamilyItCannotList()
    {
        const auto r = kernelTcpSockets(AF_UNIX);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), EAFNOSUPPORT);
    }
};

QTEST_GUILESS_MAIN(TestKernelSockets)
#include "tst_kernelsockets.moc"
