// tst_backloglab: the backlog lab on real loopback sockets. The server listens with a small
// backlog and is held before accept(); the clients connect at once. While no accept() has
// run, the accept queue reaches its limit (backlog + 1 on Linux), that many clients' connect()
// has returned, and the others wait in SYN_SENT, blocked in connect(), their SYNs resent by
// the kernel. Then each Run of the server accepts exactly one connection, and every client is
// served in the end.
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <KernelSockets.h>
#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <TraceEvent.h>

#include <QSignalSpy>
#include <QtTest>

#include <netinet/tcp.h>

using namespace socketlab;
using testsupport::heldAt;
using testsupport::stepLabUntil;
using testsupport::texts;
using testsupport::tracedResults;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;
// A waiting client's connect() completes at its next resent SYN: 1 s apart at first, then
// doubling (tcp_syn_linear_timeouts, tcp_syn_retries), so a place freed late may wait longer.
constexpr int kResentSynWaitMs = 40000;

int linesWith(const QSignalSpy &output, const QString &text)
{
    return int(texts(output).filter(text).size());
}

struct ClientSockets {
    int synSent = 0;
    int blockedInConnect = 0;
    int blocked = 0;  // in any call
};

ClientSockets clientSockets(const LabSession &session)
{
    ClientSockets c;
    for (const auto &record : session.registry()->snapshot()) {
        if (record->owner != "clients")
            continue;
        c.synSent += record->probe().tcpState == TCP_SYN_SENT ? 1 : 0;
        c.blockedInConnect += record->blockedIn.load() == TraceCall::Connect ? 1 : 0;
        c.blocked += record->blockedIn.load() != TraceCall::None ? 1 : 0;
    }
    return c;
}

KernelSample listenerProbe(const LabSession &session)
{
    for (const auto &record : session.registry()->snapshot()) {
        if (record->owner == "server") {
            const KernelSample s = record->probe();
            if (s.listening)
                return s;
        }
    }
    return {};
}

// Accept calls the server began, from the lab's trace.
int acceptCalls(LabSession &session, std::vector<TraceEvent> &seen)
{
    return int(tracedResults(session, seen, TraceCall::Accept, TracePhase::Begin).size());
}

} // namespace

class TestBacklogLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("backlog")));
    }

    void queueFillsBeforeAnyAcceptThenDrainsOneByOne_data()
    {
        QTest::addColumn<int>("backlog");
        QTest::addColumn<int>("clients");
        QTest::newRow("listen(1), 6 clients") << 1 << 6;
        QTest::newRow("listen(2), 5 clients") << 2 << 5;

    }

    void queueFillsBeforeAnyAcceptThenDrainsOneByOne()
    {
        QFETCH(int, backlog);
        QFETCH(int, clients);
        LabSession session(*m_catalog.find(QStringLiteral("backlog")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *clientPane = session.pane(QStringLiteral("clients"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QCOMPARE(server->setParam(QStringLiteral("backlog"), QString::number(backlog)), QString());
        QCOMPARE(clientPane->setParam(QStringLiteral("clients"), QString::number(clients)), QString());
        QSignalSpy published(server, &PaneRunner::published);
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy clientOutput(clientPane, &PaneRunner::output);
        QSignalSpy clientsFinished(clientPane, &PaneRunner::finished);
        std::vector<TraceEvent> trace;

        session.runAll();  // the clients start once the server has published its port
        QVERIFY(published.wait(kWaitMs));
        const auto port = static_cast<std::uint16_t>(published.last().at(1).toUInt());
        QTRY_VERIFY_WITH_TIMEOUT(heldAt(server, QStringLiteral("accept")), kWaitMs);  // held: the lab's "hold"

        // The queue fills to backlog + 1 while no accept() has run; those clients are connected,
        // the rest wait in SYN_SENT inside connect().
        const int limit = backlog + 1;
        QTRY_COMPARE_WITH_TIMEOUT(int(listenerProbe(session).acceptQueueLength), limit, kWaitMs);
        QCOMPARE(int(listenerProbe(session).acceptQueueLimit), backlog);
        const auto settled = [&] {
            const ClientSockets c = clientSockets(session);
            const int connected = linesWith(clientOutput, QStringLiteral("connected from"));
            return connected >= limit && c.synSent == clients - connected && c.blockedInConnect == c.synSent;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), kWaitMs);
        const int connected = linesWith(clientOutput, QStringLiteral("connected from"));
        // A client answered with a SYN cookie whose last ACK met the full queue also counts as
        // connected, though the server keeps nothing of it yet; but never all of them.
        QVERIFY2(connected < clients, qPrintable(texts(clientOutput).join(QLatin1Char('|'))));
        QCOMPARE(acceptCalls(session, trace), 0);
        QCOMPARE(linesWith(clientOutput, QStringLiteral("served at")), 0);
        QVERIFY(heldAt(server, QStringLiteral("accept")));

        // The kernel's table agrees, and resends the waiting clients' SYNs as time goes by.
        std::vector<KernelTcpSocket> synSent;
        QTRY_COMPARE_WITH_TIMEOUT((synSent = kernelTcpSocketsOnPort(port, tcpStateBit(TCP_SYN_SENT)).value()).size(),
                                  std::size_t(clients - connected), kWaitMs);
        for (const KernelTcpSocket &s : synSent)
            QCOMPARE(s.timer, KernelTimer::Retransmit);
        QTRY_VERIFY_WITH_TIMEOUT(!kernelTcpSocketsOnPort(port, tcpStateBit(TCP_SYN_SENT)).value().empty()
                                     && kernelTcpSocketsOnPort(port, tcpStateBit(TCP_SYN_SENT)).value().front().retransmits >= 1,
                                 kWaitMs);

        // Each Run lets one accept() through; the server is held again before the next.
        for (int k = 1; k <= clients; ++k) {
            server->run();
            QTRY_COMPARE_WITH_TIMEOUT(linesWith(serverOutput, QStringLiteral("...accepted ('127.0.0.1', ")), k, kResentSynWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(heldAt(server, QStringLiteral("accept")), kWaitMs);
            QCOMPARE(acceptCalls(session, trace), k);
            QTRY_COMPARE_WITH_TIMEOUT(linesWith(clientOutput, QStringLiteral("served at")), k, kWaitMs);
        }
        QVERIFY(clientsFinished.wait(kWaitMs) || !clientsFinished.isEmpty());
        QCOMPARE(clientPane->state(), State::Finished);
        QCOMPARE(linesWith(clientOutput, QStringLiteral("connected from")), clients);
        QVERIFY(texts(clientOutput).filter(QStringLiteral("Exception")).isEmpty());
        session.stopAll();
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
    }

    void stopEndsClientsBlockedInConnect()
    {
        LabSession session(*m_catalog.find(QStringLiteral("backlog")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *clientPane = session.pane(QStringLiteral("clients"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy clientOutput(clientPane, &PaneRunner::output);
        session.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(clientSockets(session).blockedInConnect >= 3, kWaitMs);
        session.stopAll();
        QCOMPARE(clientPane->state(), State::Stopped);
        QTRY_COMPARE_WITH_TIMEOUT(session.registry()->openCount(), std::size_t(0), kWaitMs);
        QVERIFY(texts(clientOutput).filter(QStringLiteral("Exception")).isEmpty());  // a Stop is no error
    }

    void stepsFillTheQueueBeforeTheServerAccepts()
    {
        // Stepping the lab as the window's Step does: the clients (first pane) move whenever
        // they can, so the server's held accept() runs only when every client waits.
        LabSession session(*m_catalog.find(QStringLiteral("backlog")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *clientPane = session.pane(QStringLiteral("clients"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy clientOutput(clientPane, &PaneRunner::output);
        // The moment before the server's first accept(): it waits there, and every client waits
        // in a call (connect() or recv()), none at its gate.
        const auto serverAboutToAccept = [&] {
            return server->currentStep() == QLatin1String("accept") && !session.canStep(clientPane)
                && clientSockets(session).blocked == 6;
        };
        QVERIFY(stepLabUntil(session, serverAboutToAccept, 200));
        QCOMPARE(int(listenerProbe(session).acceptQueueLength), 2);  // listen(1): full before the first accept()
        QCOMPARE(linesWith(clientOutput, QStringLiteral("connected from")), 2);  // one handshake at a time: no race
        QCOMPARE(clientSockets(session).synSent, 4);
        QVERIFY(session.stepNext() == server);  // and now the server accepts
        session.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestBacklogLab)
#include "tst_backloglab.moc"
