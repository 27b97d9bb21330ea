// tst_socketobserver: observe mode's engine on a server in another process (python3): the
// port's LISTEN row with its accept queue, both ends of a connection with the bytes the
// server has not read, the process named; the PID's Unix sockets too; every row closed when
// the process exits; what a bad port or a dead PID is told. Prints what a refresh and a
// /proc scan cost.
#include "ObservedServer.h"

#include <observe/ObserveTarget.h>
#include <observe/SocketObserver.h>

#include <SocketSnapshot.h>

#include <QSignalSpy>
#include <QtTest>

#include <sys/socket.h>

using namespace socketlab;
using testsupport::kObservedUnreadBytes;
using testsupport::ObservedServer;

namespace {

const SocketSample *findSample(const SocketSnapshot &snapshot, const std::function<bool(const SocketSample &)> &match)
{
    for (const SocketSample &s : snapshot.sockets()) {
        if (match(s))
            return &s;
    }
    return nullptr;
}

bool allClosed(const SocketRegistry &registry)
{
    for (const auto &r : registry.snapshot()) {
        if (r->state.load() != SocketState::Closed)
            return false;
    }
    return true;
}

} // namespace

class TestSocketObserver : public QObject {
    Q_OBJECT
private slots:
    void observesEverySocketOnAPort();
    void observesAProcessWithItsUnixSockets();
    void rowsCloseWhenTheProcessExits();
    void badTargetsAreRefusedWithAReason_data();
    void badTargetsAreRefusedWithAReason();
    void deadProcessIsRefused();
};

void TestSocketObserver::observesEverySocketOnAPort()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the observed server");
    ObservedServer server;
    QVERIFY2(server.ready(), qPrintable(server.diagnostics()));
    const quint16 port = server.port();
    const QString owner = QStringLiteral("python3 (%1)").arg(server.pid());

    auto registry = std::make_shared<SocketRegistry>();
    SocketObserver observer(ObserveTarget::onPort(port), registry);
    SocketSnapshot snapshot;
    const SocketSample *unread = nullptr;
    // The bytes cross loopback inside sendall(), but wait on the condition, not on luck.
    QTRY_VERIFY_WITH_TIMEOUT((observer.refreshNow(), snapshot = SocketSnapshot::take(*registry),
                              unread = findSample(snapshot, [&](const SocketSample &s) { return s.local.port() == port && s.peer.port() != 0; }),
                              unread && unread->kernel.receiveQueue == kObservedUnreadBytes),
                             10000);
    QVERIFY(observer.problem().isEmpty());

    const SocketSample *listening = findSample(snapshot, [](const SocketSample &s) { return s.state == SocketState::Listening; });
    QVERIFY(listening);
    QCOMPARE(listening->local.port(), port);
    QVERIFY(listening->kernel.listening);
    QCOMPARE(listening->kernel.acceptQueueLength, 1u);  // the second client, not accepted
    QCOMPARE(listening->kernel.acceptQueueLimit, 4u);
    QCOMPARE(QString::fromStdString(listening->record->owner), owner);

    // Both ends of the accepted connection, and the waiting client's end (its server end
    // is in the accept queue, held by no process yet: not observed).
    QCOMPARE(unread->state, SocketState::Connected);
    QCOMPARE(QString::fromStdString(unread->record->owner), owner);
    const SocketSample *client = findSample(snapshot, [&](const SocketSample &s) { return s.peer.port() == port && s.local.port() == unread->peer.port(); });
    QVERIFY(client);
    QCOMPARE(client->state, SocketState::Connected);
    QCOMPARE(client->kernel.receiveQueue, 0);
    QCOMPARE(client->peerId, unread->id);  // paired, as a lab's own connection is
    int clientsOnPort = 0;
    for (const SocketSample &s : snapshot.sockets()) {
        QCOMPARE(s.record->type, SOCK_STREAM);
        QCOMPARE(s.fd, -1);  // nothing of ours refers to them
        clientsOnPort += s.peer.port() == port ? 1 : 0;
    }
    QCOMPARE(clientsOnPort, 2);
    QCOMPARE(snapshot.sockets().size(), std::size_t(4));

    const ObserverTimings t = observer.timings();
    QVERIFY(t.ownerScans >= 1);
    qInfo("observe port: refresh %.2f ms, /proc owner scan %.2f ms (longest %.2f ms, %llu scans in %llu refreshes)",
          double(t.lastRefreshNs) / 1e6, double(t.lastOwnerScanNs) / 1e6, double(t.longestOwnerScanNs) / 1e6,
          static_cast<unsigned long long>(t.ownerScans), static_cast<unsigned long long>(t.refreshes));
    QVERIFY(server.end());
}

void TestSocketObserver::observesAProcessWithItsUnixSockets()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the observed server");
    ObservedServer server;
    QVERIFY2(server.ready(), qPrintable(server.diagnostics()));
    auto registry = std::make_shared<SocketRegistry>();
    SocketObserver observer(ObserveTarget::ofProcess(server.pid()), registry);
    observer.refreshNow();
    const SocketSnapshot snapshot = SocketSnapshot::take(*registry);
    int unixEnds = 0, tcp = 0;
    for (const SocketSample &s : snapshot.sockets()) {
        if (s.record->family == AF_UNIX) {
            ++unixEnds;
            QCOMPARE(s.state, SocketState::Connected);
            QVERIFY(s.peerInode != 0);
            QVERIFY(s.kernel.available);
        } else {
            ++tcp;
        }
    }
    QCOMPARE(unixEnds, 2);
    QCOMPARE(tcp, 4);  // listener, the accepted end, both clients
    const SocketSample *unixEnd = findSample(snapshot, [](const SocketSample &s) { return s.record->family == AF_UNIX; });
    QVERIFY(unixEnd && unixEnd->peerId != 0);  // the socketpair's ends paired by peer inode
    QCOMPARE(observer.timings().ownerScans, std::uint64_t(0));  // a PID names its own sockets: no /proc scan
    qInfo("observe pid: refresh %.2f ms (the TCP table but its TIME_WAIT and SYN_RECV rows, the UDP and Unix tables)", double(observer.timings().lastRefreshNs) / 1e6);
    QVERIFY(server.end());
}

void TestSocketObserver::rowsCloseWhenTheProcessExits()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the observed server");
    ObservedServer server;
    QVERIFY2(server.ready(), qPrintable(server.diagnostics()));
    auto registry = std::make_shared<SocketRegistry>();
    SocketObserver observer(ObserveTarget::ofProcess(server.pid()), registry);
    QSignalSpy exited(&observer, &SocketObserver::processExited);
    observer.start(50);
    QTRY_COMPARE_WITH_TIMEOUT(observer.openCount(), std::size_t(6), 10000);
    QVERIFY(!allClosed(*registry));
    QVERIFY(server.end());
    QTRY_VERIFY_WITH_TIMEOUT(allClosed(*registry), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(exited.count(), 1, 10000);
    QCOMPARE(observer.openCount(), std::size_t(0));
    QCOMPARE(registry->snapshot().size(), std::size_t(6));  // closed rows stay, to fade
    observer.stop();
}

void TestSocketObserver::badTargetsAreRefusedWithAReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("zero") << "0" << "is not a port";
    QTest::newRow("too large") << "65536" << "is not a port";
    QTest::newRow("words") << "http" << "is not a port";
    QTest::newRow("negative pid") << "pid:-3" << "is not a process number";
    QTest::newRow("pid without number") << "pid:" << "is not a process number";
}

void TestSocketObserver::badTargetsAreRefusedWithAReason()
{
    QFETCH(QString, text);
    QFETCH(QString, says);
    QString problem;
    QVERIFY(!ObserveTarget::parse(text, &problem));
    QVERIFY2(problem.contains(says), qPrintable(problem));
    const auto good = ObserveTarget::parse(QStringLiteral(" 8080 "), &problem);
    QVERIFY(good && good->kind == ObserveTarget::Kind::Port && good->port == 8080);
}

void TestSocketObserver::deadProcessIsRefused()
{
    // One past the largest number the kernel gives a process: none can have it.
    QFile pidMax(QStringLiteral("/proc/sys/kernel/pid_max"));
    QVERIFY(pidMax.open(QIODevice::ReadOnly));
    const qint64 beyond = pidMax.readAll().trimmed().toLongLong() + 1;
    QVERIFY(beyond > 1);
    QString problem;
    QVERIFY(!ObserveTarget::parse(QStringLiteral("pid:%1").arg(beyond), &problem));
    QVERIFY2(problem.contains(QStringLiteral("No process")), qPrintable(problem));
    const auto self = ObserveTarget::parse(QStringLiteral("pid:%1").arg(QCoreApplication::applicationPid()), &problem);
    QVERIFY(self && self->kind == ObserveTarget::Kind::Process);
}

QTEST_GUILESS_MAIN(TestSocketObserver)
#include "tst_socketobserver.moc"
