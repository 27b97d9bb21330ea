// tst_kernelprobe: what SocketRecord::probe() reads from the kernel, checked against the
// kernel itself on real loopback sockets: the accept queue of a listener (compared with
// what `ss -ltn` prints), TCP states, receive and send queues, buffer sizes, UDP's first
// pending datagram, closed sockets, and probing from another thread while the owner closes
// sockets (which must never reach a reused descriptor).
#include "CoreTestSupport.h"

#include <KernelProbe.h>
#include <Socket.h>
#include <SocketRecord.h>

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace socketlab;
using testsupport::makeTcpPair;
using testsupport::TcpPair;
using testsupport::waitUntil;
using SteadyClock = std::chrono::steady_clock;

namespace {

// One LISTEN line of `ss -ltnH sport = :PORT`: Recv-Q is the accept queue, Send-Q its limit.
struct SsListenRow {
    bool found = false;
    int recvQ = -1;
    int sendQ = -1;
    QString output;
};

SsListenRow ssListenRow(const QString &ss, std::uint16_t port)
{
    SsListenRow row;
    QProcess p;
    p.start(ss, {QStringLiteral("-ltnH"), QStringLiteral("sport"), QStringLiteral("="),
                 QStringLiteral(":%1").arg(port)});
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(2000);
        row.output = QStringLiteral("ss did not finish");
        return row;
    }
    row.output = QString::fromLocal8Bit(p.readAllStandardOutput() + p.readAllStandardError());
    const QString suffix = QStringLiteral(":%1").arg(port);
    for (const QString &line : row.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (f.size() >= 4 && f[0] == QLatin1String("LISTEN") && f[3].endsWith(suffix)) {
            row.found = true;
            row.recvQ = f[1].toInt();
            row.sendQ = f[2].toInt();
        }
    }
    return row;
}


KernelSample probeOf(const Socket &s)
{
    return s.record()->probe();
}

} // namespace

class TestKernelProbe : public QObject {
    Q_OBJECT

private:
    void expectAcceptQueue(const Socket &listener, std::uint32_t length, std::uint32_t limit);

private slots:
    // First, before any QProcess: Qt 6.4 starts processes with glibc clone(CLONE_VM |
    // CLONE_VFORK), and GCC 12's ThreadSanitizer runs its fork-child hook for that clone on
    // the parent's own thread state. From then on it ignores this thread and refuses to
    // start new threads ("starting new threads after multi-threaded fork").
    void probingWhileTheOwnerClosesNeverReachesAReusedDescriptor();
    void establishedConnectionQueues();
    void sendQueueHoldsWhatThePeerHasNotTaken();
    void peerCloseShowsCloseWait();
    void buffersAreTheSocketOptions();
    void udpReceiveQueueIsTheFirstDatagram();
    void closedSocketIsUnavailable();
    void acceptQueueAgreesWithSs();  // runs ss through QProcess
};

// Waits for the queue length the kernel should reach; the probe then says it is a listener.
void TestKernelProbe::expectAcceptQueue(const Socket &listener, std::uint32_t length, std::uint32_t limit)
{
    QVERIFY2(waitUntil([&] { return probeOf(listener).acceptQueueLength == length; }),
             qPrintable(QStringLiteral("accept queue stayed at %1, expected %2")
                            .arg(probeOf(listener).acceptQueueLength)
                            .arg(length)));
    const KernelSample s = probeOf(listener);
    QVERIFY(s.available);
    QVERIFY(s.listening);
    QCOMPARE(s.tcpState, int(TCP_LISTEN));
    QCOMPARE(tcpStateName(s.tcpState), "LISTEN");
    QCOMPARE(s.acceptQueueLength, length);
    QCOMPARE(s.acceptQueueLimit, limit);
}

void TestKernelProbe::acceptQueueAgreesWithSs()
{
    const QString ss = testsupport::ssCommand();
    REQUIRE_WITNESS(!ss.isEmpty(), "ss (iproute2) is not installed: the probe cannot be compared with it");
    constexpr int backlog = 3;
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, backlog);
    QVERIFY(listener.isOpen());
    const std::uint16_t port = testsupport::portOf(listener);
    const SocketAddress target = SocketAddress::loopback(AF_INET, port);

    auto compareWithSs = [&](std::uint32_t expected) {
        const KernelSample s = probeOf(listener);
        const SsListenRow row = ssListenRow(ss, port);
        QVERIFY2(row.found, qPrintable(QStringLiteral("no LISTEN row for port %1 in: %2").arg(port).arg(row.output)));
        QCOMPARE(s.acceptQueueLength, expected);
        QCOMPARE(row.recvQ, int(s.acceptQueueLength));
        QCOMPARE(row.sendQ, int(s.acceptQueueLimit));
    };

    expectAcceptQueue(listener, 0, backlog);
    if (QTest::currentTestFailed())
        return;
    compareWithSs(0);
    if (QTest::currentTestFailed())
        return;

    // K = 2 clients, none accepted: both wait in the queue.
    std::vector<Socket> clients;
    auto connectOne = [&](bool blocking) {
        auto c = Socket::create(AF_INET, SOCK_STREAM, 0);
        QVERIFY(c);
        if (blocking) {
            QVERIFY(c->setTimeout(5.0));
            const Status st = c->connect(target);
            QVERIFY2(st, st.error().pythonString().c_str());
        } else {
            c->setBlocking(false);
            const Status st = c->connect(target);
            QVERIFY(!st);
            QCOMPARE(st.error().code(), EINPROGRESS);
        }
        clients.push_back(std::move(c).value());
    };
    for (int i = 0; i < 2; ++i) {
        connectOne(true);
        if (QTest::currentTestFailed())
            return;
    }
    expectAcceptQueue(listener, 2, backlog);
    if (QTest::currentTestFailed())
        return;
    compareWithSs(2);
    if (QTest::currentTestFailed())
        return;

    // Linux completes backlog + 1 handshakes before the queue counts as full...
    while (clients.size() < std::size_t(backlog + 1)) {
        connectOne(true);
        if (QTest::currentTestFailed())
            return;
    }
    expectAcceptQueue(listener, backlog + 1, backlog);
    if (QTest::currentTestFailed())
        return;

    // ... and then drops further SYNs: these clients stay in SYN_SENT and the queue stays full.
    for (int i = 0; i < 2; ++i) {
        connectOne(false);
        if (QTest::currentTestFailed())
            return;
    }
    const std::size_t firstExtra = std::size_t(backlog + 1);
    for (std::size_t i = firstExtra; i < clients.size(); ++i) {
        QCOMPARE(probeOf(clients[i]).tcpState, int(TCP_SYN_SENT));
        QCOMPARE(tcpStateName(probeOf(clients[i]).tcpState), "SYN_SENT");
    }
    for (std::size_t i = 0; i < firstExtra; ++i)
        QCOMPARE(probeOf(clients[i]).tcpState, int(TCP_ESTABLISHED));
    compareWithSs(backlog + 1);
    if (QTest::currentTestFailed())
        return;

    // One accept makes room; a waiting client's retransmitted SYN (about 1 s later) gets in.
    auto accepted = listener.accept();
    QVERIFY(accepted);
    QTRY_VERIFY_WITH_TIMEOUT(probeOf(listener).acceptQueueLength == std::uint32_t(backlog + 1), 15000);
    bool extraEstablished = false;
    for (std::size_t i = firstExtra; i < clients.size(); ++i)
        extraEstablished = extraEstablished || probeOf(clients[i]).tcpState == TCP_ESTABLISHED;
    QVERIFY2(extraEstablished, "the queue refilled, but no waiting client completed its handshake");
    compareWithSs(backlog + 1);
}

void TestKernelProbe::establishedConnectionQueues()
{
    TcpPair p;
    QVERIFY(makeTcpPair(p));
    const KernelSample s = probeOf(p.server);
    QVERIFY(s.available);
    QVERIFY(!s.listening);
    QCOMPARE(s.tcpState, int(TCP_ESTABLISHED));
    QCOMPARE(tcpStateName(s.tcpState), "ESTABLISHED");
    QCOMPARE(s.receiveQueue, std::int64_t{0});
    QCOMPARE(s.sendQueue, std::int64_t{0});
    QCOMPARE(s.acceptQueueLength, 0u);

    const std::string data(1000, 'q');
    QVERIFY(p.client.sendAll(data));
    QVERIFY2(waitUntil([&] { return probeOf(p.server).receiveQueue == 1000; }),
             qPrintable(QStringLiteral("receive queue %1").arg(probeOf(p.server).receiveQueue)));
    // Loopback acknowledges at once: nothing stays unacknowledged on the sender.
    QVERIFY(waitUntil([&] { return probeOf(p.client).sendQueue == 0; }));

    auto part = p.server.recv(400);
    QVERIFY(part);
    QCOMPARE(part->size(), std::size_t{400});
    QCOMPARE(probeOf(p.server).receiveQueue, std::int64_t{600});
    auto rest = p.server.recv(4096);
    QVERIFY(rest);
    QCOMPARE(rest->size(), std::size_t{600});
    QCOMPARE(probeOf(p.server).receiveQueue, std::int64_t{0});
    QVERIFY(probeOf(p.server).rttUs > 0);
}

// A peer that does not read: what we sent is either in its receive queue or still
// unacknowledged in our send queue.
void TestKernelProbe::sendQueueHoldsWhatThePeerHasNotTaken()
{
    TcpPair p;
    QVERIFY(makeTcpPair(p, {}, 8192, 8192));
    p.client.setBlocking(false);
    const std::string chunk(4096, 's');
    std::uint64_t sent = 0;
    for (int i = 0; i < 100000; ++i) {
        auto n = p.client.send(chunk);
        if (!n) {
            QCOMPARE(n.error().code(), EAGAIN);
            break;
        }
        sent += *n;
    }
    QVERIFY(sent > 0);
    QVERIFY2(waitUntil([&] {
                 const KernelSample c = probeOf(p.client), s = probeOf(p.server);
                 return c.sendQueue > 0 && std::uint64_t(c.sendQueue + s.receiveQueue) == sent;
             }),
             qPrintable(QStringLiteral("sent %1, send queue %2, peer's receive queue %3")
                            .arg(sent)
                            .arg(probeOf(p.client).sendQueue)
                            .arg(probeOf(p.server).receiveQueue)));
    QCOMPARE(probeOf(p.server).sendQueue, std::int64_t{0});
    QCOMPARE(p.client.record()->bytesSent.load(), sent);
}

void TestKernelProbe::peerCloseShowsCloseWait()
{
    TcpPair p;
    QVERIFY(makeTcpPair(p));
    QVERIFY(p.client.shutdown(SHUT_WR));
    QVERIFY(waitUntil([&] { return probeOf(p.server).tcpState == TCP_CLOSE_WAIT; }));
    QCOMPARE(tcpStateName(probeOf(p.server).tcpState), "CLOSE_WAIT");
    QVERIFY(waitUntil([&] { return probeOf(p.client).tcpState == TCP_FIN_WAIT2; }));
    QCOMPARE(tcpStateName(probeOf(p.client).tcpState), "FIN_WAIT2");

    QVERIFY(p.client.close());
    auto eof = p.server.recv(16);
    QVERIFY(eof && eof->empty());
    QCOMPARE(probeOf(p.server).tcpState, int(TCP_CLOSE_WAIT));  // until we close too
    QCOMPARE(probeOf(p.server).receiveQueue, std::int64_t{0});
}

void TestKernelProbe::buffersAreTheSocketOptions()
{
    for (int type : {SOCK_STREAM, SOCK_DGRAM}) {
        auto made = Socket::create(AF_INET, type, 0);
        QVERIFY(made);
        Socket s = std::move(made).value();
        KernelSample before = probeOf(s);
        QCOMPARE(before.receiveBuffer, s.option(SOL_SOCKET, SO_RCVBUF).value());
        QCOMPARE(before.sendBuffer, s.option(SOL_SOCKET, SO_SNDBUF).value());

        // Linux doubles what is asked (room for its bookkeeping): the probe shows what it set.
        const int rcv = before.receiveBuffer == 2 * 6000 ? 7000 : 6000;
        const int snd = before.sendBuffer == 2 * 9000 ? 11000 : 9000;
        QVERIFY(s.setOption(SOL_SOCKET, SO_RCVBUF, rcv));
        QVERIFY(s.setOption(SOL_SOCKET, SO_SNDBUF, snd));
        const KernelSample after = probeOf(s);
        QCOMPARE(after.receiveBuffer, s.option(SOL_SOCKET, SO_RCVBUF).value());
        QCOMPARE(after.sendBuffer, s.option(SOL_SOCKET, SO_SNDBUF).value());
        QCOMPARE(after.receiveBuffer, 2 * rcv);
        QCOMPARE(after.sendBuffer, 2 * snd);
    }
}

void TestKernelProbe::udpReceiveQueueIsTheFirstDatagram()
{
    Socket udp = testsupport::boundLoopback(SOCK_DGRAM);
    Socket marker = testsupport::boundLoopback(SOCK_DGRAM);
    auto made = Socket::create(AF_INET, SOCK_DGRAM, 0);
    QVERIFY(udp.isOpen() && marker.isOpen() && made);
    Socket sender = std::move(made).value();

    KernelSample s = probeOf(udp);
    QVERIFY(s.available);
    QCOMPARE(s.tcpState, -1);
    QCOMPARE(tcpStateName(s.tcpState), "");
    QVERIFY(!s.listening);
    QCOMPARE(s.receiveQueue, std::int64_t{0});

    const SocketAddress to = SocketAddress::loopback(AF_INET, testsupport::portOf(udp));
    QCOMPARE(sender.sendTo(std::string(100, 'a'), to).value(), std::size_t{100});
    QCOMPARE(sender.sendTo(std::string(30, 'b'), to).value(), std::size_t{30});
    // Loopback delivers one sender's datagrams in order: once the marker sent after them has
    // arrived, both are queued, and the probe must show 100 (the first), not 130.
    QCOMPARE(sender.sendTo("m", SocketAddress::loopback(AF_INET, testsupport::portOf(marker))).value(), std::size_t{1});
    QVERIFY(marker.setTimeout(5.0));
    QVERIFY(marker.recvFrom(16));

    QCOMPARE(probeOf(udp).receiveQueue, std::int64_t{100});
    QCOMPARE(probeOf(udp).tcpState, -1);
    auto first = udp.recvFrom(4096);
    QVERIFY(first);
    QCOMPARE(first->data.size(), std::size_t{100});
    QCOMPARE(probeOf(udp).receiveQueue, std::int64_t{30});
    auto second = udp.recvFrom(4096);
    QVERIFY(second);
    QCOMPARE(second->data.size(), std::size_t{30});
    QCOMPARE(probeOf(udp).receiveQueue, std::int64_t{0});
}

void TestKernelProbe::closedSocketIsUnavailable()
{
    TcpPair p;
    QVERIFY(makeTcpPair(p));
    Socket udp = testsupport::boundLoopback(SOCK_DGRAM);
    const std::shared_ptr<SocketRecord> listener = p.listener.record();
    const std::shared_ptr<SocketRecord> server = p.server.record();
    const std::shared_ptr<SocketRecord> datagram = udp.record();
    for (const auto &r : {listener, server, datagram})
        QVERIFY(r->probe().available);

    QVERIFY(p.listener.close());
    QVERIFY(udp.close());
    { Socket gone = std::move(p.server); }  // the destructor closes as well
    for (const auto &r : {listener, server, datagram}) {
        const KernelSample s = r->probe();
        QVERIFY(!s.available);
        QCOMPARE(s.tcpState, -1);
        QCOMPARE(s.receiveQueue, std::int64_t{-1});
        QCOMPARE(s.sendQueue, std::int64_t{-1});
        QCOMPARE(s.receiveBuffer, 0);
        QCOMPARE(r->fd(), -1);
        QCOMPARE(r->state.load(), SocketState::Closed);
    }
}

// The owner opens and closes sockets while another thread probes their records. A probe
// that reached a closed socket's old descriptor number would find whatever reused it: here
// a UDP socket (a TCP record then shows no TCP state) or a fresh TCP socket (a record seen
// listening then shows no listener).
void TestKernelProbe::probingWhileTheOwnerClosesNeverReachesAReusedDescriptor()
{
    constexpr int kRounds = 400;
    std::mutex mutex;
    std::vector<std::shared_ptr<SocketRecord>> records;
    std::atomic<bool> ownerDone{false};
    std::atomic<int> ownerFailures{0};
    std::atomic<std::uint64_t> probeCount{0};

    std::thread owner([&] {
        for (int i = 0; i < kRounds; ++i) {
            const bool tcp = i % 2 == 0;
            Socket s = testsupport::boundLoopback(tcp ? SOCK_STREAM : SOCK_DGRAM);
            Socket reuser;  // grabs the number just freed, when the kernel hands it out again
            if (!s.isOpen()) {
                ++ownerFailures;
                continue;
            }
            {
                std::lock_guard lock(mutex);
                records.push_back(s.record());
            }
            // Let the prober reach the open socket, then close it under its feet.
            const std::uint64_t seen = probeCount.load();
            (void)waitUntil([&] { return probeCount.load() >= seen + 2; }, 1000);
            if (!s.close())
                ++ownerFailures;
            auto r = Socket::create(AF_INET, tcp ? SOCK_DGRAM : SOCK_STREAM, 0);
            if (r)
                reuser = std::move(r).value();
        }
        ownerDone = true;
    });

    std::uint64_t probes = 0, available = 0, unavailable = 0;
    int violations = 0;
    QString firstViolation;
    auto violation = [&](const QString &what) {
        if (violations++ == 0)
            firstViolation = what;
    };
    while (!ownerDone.load()) {
        std::vector<std::shared_ptr<SocketRecord>> recent;
        {
            std::lock_guard lock(mutex);
            const std::size_t n = records.size();
            for (std::size_t k = n > 3 ? n - 3 : 0; k < n; ++k)
                recent.push_back(records[k]);
        }
        for (const auto &r : recent) {
            const SocketState stateBefore = r->state.load();
            const KernelSample s = r->probe();
            ++probes;
            probeCount.store(probes);
            if (!s.available) {
                ++unavailable;
                continue;
            }
            ++available;
            if (stateBefore == SocketState::Closed)
                violation(QStringLiteral("record %1 was closed, yet its probe found a socket").arg(r->id));
            if (r->type == SOCK_STREAM && s.tcpState == -1)
                violation(QStringLiteral("TCP record %1 probed a socket without TCP state").arg(r->id));
            if (r->type == SOCK_STREAM && stateBefore == SocketState::Listening && !s.listening)
                violation(QStringLiteral("listening record %1 probed a socket that is not listening").arg(r->id));
            if (s.receiveBuffer <= 0)
                violation(QStringLiteral("record %1: available sample without SO_RCVBUF").arg(r->id));
        }
        std::this_thread::yield();
    }
    owner.join();

    qInfo("%llu probes: %llu available, %llu unavailable", static_cast<unsigned long long>(probes),
          static_cast<unsigned long long>(available), static_cast<unsigned long long>(unavailable));
    QCOMPARE(ownerFailures.load(), 0);
    QVERIFY2(violations == 0, qPrintable(QStringLiteral("%1 violations, first: %2").arg(violations).arg(firstViolation)));
    QVERIFY(probes > 0);
    QCOMPARE(records.size(), std::size_t{kRounds});
    for (const auto &r : records) {
        QCOMPARE(r->state.load(), SocketState::Closed);
        QVERIFY(!r->probe().available);
    }
}

QTEST_GUILESS_MAIN(TestKernelProbe)
#include "tst_kernelprobe.moc"
