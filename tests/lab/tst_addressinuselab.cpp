// tst_addressinuselab: the address-in-use lab on real loopback sockets. The server serves
// its client, closes first and exits; the kernel then lists a TIME_WAIT row on the server's
// port that no process holds; the restart (the same program) fails with Errno 98 without
// SO_REUSEADDR and binds with it while that row is still there; the first server run again
// beside that live listener fails with Errno 98 even with SO_REUSEADDR; and a TIME_WAIT left
// by a socket without SO_REUSEADDR stops even a restart that sets it (Linux).
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <KernelSockets.h>
#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <QSignalSpy>
#include <QtTest>

#include <cerrno>
#include <netinet/tcp.h>

using namespace socketlab;
using testsupport::stepLabUntil;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;
const QString kErrno98 = QStringLiteral("OSError: [Errno 98] Address already in use");

// The rows in tcpState whose own end is on port: the lab's server side. The kernel also
// lists rows that only face the port (another suite's client that once talked to a server
// on this port and closed first keeps a TIME_WAIT with that peer port); they are not ours.
std::vector<KernelTcpSocket> kernelRows(std::uint16_t port, int tcpState)
{
    auto rows = kernelTcpSocketsOnPort(port, tcpStateBit(tcpState));
    std::vector<KernelTcpSocket> own;
    if (rows)
        for (KernelTcpSocket &row : rows.value())
            if (row.local.port() == port)
                own.push_back(std::move(row));
    return own;
}

} // namespace

class TestAddressInUseLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

    // The first run on a free port with the chosen REUSE, its client served and closed:
    // the port, or 0. The server has exited; the kernel holds a TIME_WAIT row on the port.
    std::uint16_t firstRun(LabSession &session, const QString &reuse)
    {
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        if (!server->setParam(QStringLiteral("port"), QStringLiteral("0")).isEmpty()
            || !server->setParam(QStringLiteral("reuse"), reuse).isEmpty())
            return 0;
        QSignalSpy published(server, &PaneRunner::published);
        QSignalSpy serverFinished(server, &PaneRunner::finished);
        QSignalSpy clientFinished(client, &PaneRunner::finished);
        QSignalSpy clientOutput(client, &PaneRunner::output);
        server->start();
        if (!published.wait(kWaitMs))
            return 0;
        const auto port = static_cast<std::uint16_t>(published.last().at(1).toString().toUInt());
        client->start();
        if ((clientFinished.isEmpty() && !clientFinished.wait(kWaitMs)) || (serverFinished.isEmpty() && !serverFinished.wait(kWaitMs)))
            return 0;
        if (server->state() != State::Finished || client->state() != State::Finished || clientOutput.isEmpty())
            return 0;  // the client printed the time the server sent, then saw b''
        return port;
    }

    // Runs a server pane of the lab on port with REUSE; waits until it listens or ends.
    static void runServer(PaneRunner *pane, std::uint16_t port, const QString &reuse)
    {
        QCOMPARE(pane->setParam(QStringLiteral("port"), QString::number(port)), QString());
        QCOMPARE(pane->setParam(QStringLiteral("reuse"), reuse), QString());
        QSignalSpy finished(pane, &PaneRunner::finished);
        QSignalSpy published(pane, &PaneRunner::published);
        pane->start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || pane->blockedIn() == TraceCall::Accept, kWaitMs);
    }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("address-in-use")));
    }

    void restartMeetsTimeWaitThenASecondListener()
    {
        LabSession session(*m_catalog.find(QStringLiteral("address-in-use")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        PaneRunner *restart = session.pane(QStringLiteral("restart"));
        const std::uint16_t port = firstRun(session, QStringLiteral("1"));
        QVERIFY(port != 0);

        // The kernel's view: nothing listens, one TIME_WAIT row that no process holds, on the
        // server's port, facing the client's old port, with its minute running.
        QVERIFY(kernelRows(port, TCP_LISTEN).empty());
        std::vector<KernelTcpSocket> timeWait;
        QTRY_COMPARE_WITH_TIMEOUT((timeWait = kernelRows(port, TCP_TIME_WAIT)).size(), std::size_t(1), kWaitMs);
        QCOMPARE(timeWait.front().local.port(), port);
        QVERIFY(timeWait.front().heldByNoProcess());
        QVERIFY(timeWait.front().timerMs > 0 && timeWait.front().timerMs <= 60000);
        QCOMPARE(session.registry()->openCount(), std::size_t(0));  // and no socket of the lab is open
        QCOMPARE(client->exitCode(), 0);

        // The tutorial's server, run again: no SO_REUSEADDR, Errno 98 at bind().
        QSignalSpy restartErrors(restart, &PaneRunner::errorOutput);
        runServer(restart, port, QStringLiteral("0"));
        QCOMPARE(restart->state(), State::Failed);
        QCOMPARE(restart->lastSocketError().code(), EADDRINUSE);
        QCOMPARE(texts(restartErrors), QStringList{kErrno98});
        QCOMPARE(restart->currentStep(), QStringLiteral("bind"));

        // With SO_REUSEADDR: it binds and listens, beside the TIME_WAIT row that is still there.
        runServer(restart, port, QStringLiteral("1"));
        QCOMPARE(restart->blockedIn(), TraceCall::Accept);
        QCOMPARE(kernelRows(port, TCP_LISTEN).size(), std::size_t(1));
        QCOMPARE(kernelRows(port, TCP_TIME_WAIT).size(), std::size_t(1));

        // A second live listener on the port, SO_REUSEADDR on both: Errno 98 all the same.
        QSignalSpy serverErrors(server, &PaneRunner::errorOutput);
        runServer(server, port, QStringLiteral("1"));
        QCOMPARE(server->state(), State::Failed);
        QCOMPARE(server->lastSocketError().code(), EADDRINUSE);
        QCOMPARE(texts(serverErrors), QStringList{kErrno98});
        QCOMPARE(restart->blockedIn(), TraceCall::Accept);  // the first listener is untouched

        session.stopAll();
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
    }

    void timeWaitOfASocketWithoutReuseStopsEvenAReuseRestart()
    {
        LabSession session(*m_catalog.find(QStringLiteral("address-in-use")));
        PaneRunner *restart = session.pane(QStringLiteral("restart"));
        const std::uint16_t port = firstRun(session, QStringLiteral("0"));
        QVERIFY(port != 0);
        QTRY_COMPARE_WITH_TIMEOUT(kernelRows(port, TCP_TIME_WAIT).size(), std::size_t(1), kWaitMs);

        runServer(restart, port, QStringLiteral("1"));
        QCOMPARE(restart->state(), State::Failed);
        QCOMPARE(restart->lastSocketError().code(), EADDRINUSE);
        session.stopAll();
    }

    void stepsWalkToTheFailedRestart()
    {
        // The lab stepped as the window's Step does: server, then client, then the restart,
        // each only when the panes before it cannot move.
        LabSession session(*m_catalog.find(QStringLiteral("address-in-use")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *restart = session.pane(QStringLiteral("restart"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy published(server, &PaneRunner::published);
        QSignalSpy restartFinished(restart, &PaneRunner::finished);
        bool restartStartedAfterServerEnded = false;  // else its Errno 98 would be the live listener's
        connect(restart, &PaneRunner::stepReached, this, [&](const QString &step) {
            if (step == QLatin1String("socket"))
                restartStartedAfterServerEnded = server->state() == State::Finished;
        });
        bool portSet = false;
        const auto restartEnded = [&] {
            if (!portSet && !published.isEmpty()) {  // the restart binds the port the server really bound
                portSet = restart->setParam(QStringLiteral("port"), published.last().at(1).toString()).isEmpty();
            }
            return !restartFinished.isEmpty();
        };
        QVERIFY(stepLabUntil(session, restartEnded, 80));
        QTRY_VERIFY_WITH_TIMEOUT(!restartFinished.isEmpty(), kWaitMs);
        QVERIFY(portSet);
        QVERIFY(restartStartedAfterServerEnded);
        QCOMPARE(server->state(), State::Finished);
        QCOMPARE(restart->state(), State::Failed);
        QCOMPARE(restart->lastSocketError().code(), EADDRINUSE);
        session.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestAddressInUseLab)
#include "tst_addressinuselab.moc"
