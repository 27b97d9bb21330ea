// tst_concurrencylab: the socketserver-concurrency lab on real loopback sockets. Client 1
// connects and stays silent (its handler waits in readline); client 2 sends a line. Under
// TCPServer client 2 is connected by the kernel but waits in the accept queue until client 1
// speaks and is answered (the trace shows client 1's reply before client 2's accept); under
// ThreadingTCPServer and ForkingTCPServer it is answered while client 1 is still silent.
// Forked children's print() and their start and exit show in the server's pane;
// verify_request refuses a client bound to another loopback address; and stepping handler
// threads keeps the pane paused while any of them still waits. Own main(): the fork helper
// must start before Qt's threads.
#include "KernelWitness.h"
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <socketserver/ForkHelper.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::stampedReply;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;  // generous for sanitizer builds; a pass takes milliseconds

QStringList answers(const QSignalSpy &clientOutput)
{
    QStringList out;
    for (const QString &text : texts(clientOutput)) {
        const QRegularExpressionMatch m = stampedReply().match(text);
        if (m.hasMatch())
            out << m.captured(1);
    }
    return out;
}

int connectedLines(const QSignalSpy &serverOutput)
{
    return int(texts(serverOutput).filter(QStringLiteral("...connected from: ('127.0.0.1', ")).size());
}

// Follows the lab's trace (draining it) for the server's first two accept()s and its reply
// to the first connection (the first write on it): their sequence numbers, in the order the
// calls ended. A forked child's events reach the trace a little later: update() until complete.
class ServingOrder {
public:
    explicit ServingOrder(TraceStream &trace) : m_trace(trace) {}

    bool update()
    {
        std::vector<TraceEvent> events;
        m_trace.drain(events);
        for (const TraceEvent &e : events) {
            if (e.phase != TracePhase::Returned)
                continue;
            if (e.call == TraceCall::Accept && !firstAccept) {
                firstAccept = e.sequence;
                m_firstConnection = e.relatedSocketId;
            } else if (e.call == TraceCall::Accept && !secondAccept) {
                secondAccept = e.sequence;
            } else if (m_firstConnection && e.socketId == m_firstConnection && !replyToFirst
                       && (e.call == TraceCall::WfileWrite || e.call == TraceCall::SendAll || e.call == TraceCall::Send)) {
                replyToFirst = e.sequence;
            }
        }
        return firstAccept && secondAccept && replyToFirst;
    }

    std::uint64_t firstAccept = 0, secondAccept = 0, replyToFirst = 0;

private:
    TraceStream &m_trace;
    std::uint32_t m_firstConnection = 0;
};

} // namespace

class TestConcurrencyLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

    // The server on a free port with the chosen class, started and listening: its port, or 0.
    std::uint16_t startServer(LabSession &session, const QString &serverClass, const QString &allowed = {})
    {
        PaneRunner *server = session.pane(QStringLiteral("server"));
        if (!server->setParam(QStringLiteral("port"), QStringLiteral("0")).isEmpty()
            || !server->setParam(QStringLiteral("server"), serverClass).isEmpty()
            || !server->setParam(QStringLiteral("allowed"), allowed).isEmpty())
            return 0;
        QSignalSpy published(server, &PaneRunner::published);
        server->start();
        if (!published.wait(kWaitMs))
            return 0;
        return static_cast<std::uint16_t>(published.last().at(1).toString().toUInt());
    }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("socketserver-concurrency")));
    }

    void serverClassIsAChoice()
    {
        LabSession session(*m_catalog.find(QStringLiteral("socketserver-concurrency")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        QVERIFY(!server->setParam(QStringLiteral("server"), QStringLiteral("AsyncTCPServer")).isEmpty());
        QCOMPARE(server->setParam(QStringLiteral("server"), QStringLiteral("ForkingTCPServer")), QString());
        QVERIFY(server->listing().contains(
            QStringLiteral("from socketserver import ForkingTCPServer as Server, StreamRequestHandler as SRH")));
    }

    void secondClientWaitsOnlyUnderTcpServer_data()
    {
        QTest::addColumn<QString>("serverClass");
        QTest::addColumn<bool>("concurrent");
        QTest::newRow("TCPServer") << QStringLiteral("TCPServer") << false;
        QTest::newRow("ThreadingTCPServer") << QStringLiteral("ThreadingTCPServer") << true;
        QTest::newRow("ForkingTCPServer") << QStringLiteral("ForkingTCPServer") << true;
    }

    void secondClientWaitsOnlyUnderTcpServer()
    {
        QFETCH(QString, serverClass);
        QFETCH(bool, concurrent);
        LabSession session(*m_catalog.find(QStringLiteral("socketserver-concurrency")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client1 = session.pane(QStringLiteral("client1"));
        PaneRunner *client2 = session.pane(QStringLiteral("client2"));
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy output1(client1, &PaneRunner::output);
        QSignalSpy output2(client2, &PaneRunner::output);
        const std::uint16_t port = startServer(session, serverClass);
        QVERIFY(port != 0);

        // Client 1 connects and says nothing: its handler holds the connection in readline().
        client1->start();
        QTRY_COMPARE_WITH_TIMEOUT(connectedLines(serverOutput), 1, kWaitMs);
        // Client 2 connects and sends its line at once.
        client2->sendInput(QStringLiteral("two"));
        client2->start();
        if (concurrent) {
            // Answered while client 1 is still silent: both handlers run at once.
            QTRY_COMPARE_WITH_TIMEOUT(answers(output2), QStringList{QStringLiteral("two")}, kWaitMs);
            QCOMPARE(client1->state(), State::WaitingForInput);
            QVERIFY(answers(output1).isEmpty());
            QVERIFY(connectedLines(serverOutput) >= 2);
        } else {
            // Connected by the kernel, its line sent, waiting in recv(); and the kernel holds
            // its connection in the listener's accept queue: the server, in client 1's
            // readline(), has not accepted it. (A server that served it would have emptied
            // the queue; the trace below says when it was accepted.)
            QTRY_COMPARE_WITH_TIMEOUT(client2->blockedIn(), TraceCall::Recv, kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(testsupport::acceptQueueInProc(port), 1, kWaitMs);
            QCOMPARE(connectedLines(serverOutput), 1);
            QVERIFY(answers(output2).isEmpty());
        }
        // Client 1 speaks: now everyone is answered.
        client1->sendInput(QStringLiteral("one"));
        QTRY_COMPARE_WITH_TIMEOUT(answers(output1), QStringList{QStringLiteral("one")}, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(answers(output2), QStringList{QStringLiteral("two")}, kWaitMs);
        QVERIFY(connectedLines(serverOutput) >= 2);
        // In which order, from the trace: TCPServer accepted client 2 only after it had written
        // client 1's reply; the others accepted it while client 1 was still silent.
        ServingOrder order(*session.trace());
        QTRY_VERIFY_WITH_TIMEOUT(order.update(), kWaitMs);
        if (concurrent)
            QVERIFY2(order.secondAccept < order.replyToFirst, "client 2 was accepted only after client 1 was answered");
        else
            QVERIFY2(order.replyToFirst < order.secondAccept, "client 2 was accepted before client 1 was answered");

        if (serverClass == QLatin1String("ForkingTCPServer")) {
            // The children's own print() reached this pane, and the pane said their lives.
            static const QRegularExpression started(QStringLiteral(R"(^child (\d+) started$)"));
            QStringList pids;
            for (const QString &line : texts(serverOutput)) {
                if (const QRegularExpressionMatch m = started.match(line); m.hasMatch())
                    pids << m.captured(1);
            }
            QVERIFY2(pids.size() >= 2, qPrintable(texts(serverOutput).join(QLatin1Char('|'))));
            QVERIFY(pids.at(0) != pids.at(1));
            QTRY_VERIFY_WITH_TIMEOUT(texts(serverOutput).contains(QStringLiteral("child %1 exited 0").arg(pids.at(0))), kWaitMs);
            QVERIFY(pids.at(0).toLongLong() != QCoreApplication::applicationPid());
        }
        session.stopAll();
        QCOMPARE(server->state(), State::Stopped);
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
    }

    void verifyRequestRefusesAnotherHost()
    {
        LabSession session(*m_catalog.find(QStringLiteral("socketserver-concurrency")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client1 = session.pane(QStringLiteral("client1"));
        PaneRunner *client2 = session.pane(QStringLiteral("client2"));
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy output1(client1, &PaneRunner::output);
        QSignalSpy output2(client2, &PaneRunner::output);
        QSignalSpy finished2(client2, &PaneRunner::finished);
        QVERIFY(startServer(session, QStringLiteral("ThreadingTCPServer"), QStringLiteral("127.0.0.1")) != 0);
        QCOMPARE(client2->setParam(QStringLiteral("source"), QStringLiteral("127.0.0.2")), QString());

        client2->sendInput(QStringLiteral("let me in"));
        client2->start();
        QVERIFY(finished2.wait(kWaitMs));  // recv() got b'': `if not data: break`
        QCOMPARE(client2->state(), State::Finished);
        QVERIFY(answers(output2).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!texts(serverOutput).filter(QStringLiteral("...refused: ('127.0.0.2', ")).isEmpty(), kWaitMs);

        client1->sendInput(QStringLiteral("me too"));  // no source: 127.0.0.1, let in
        client1->start();
        QTRY_COMPARE_WITH_TIMEOUT(answers(output1), QStringList{QStringLiteral("me too")}, kWaitMs);
        QCOMPARE(texts(serverOutput).filter(QStringLiteral("...refused")).size(), 1);
        session.stopAll();
    }

    void steppingHandlerThreadsStaysPausedWhileOneWaits()
    {
        LabSession session(*m_catalog.find(QStringLiteral("socketserver-concurrency")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        QSignalSpy steps(server, &PaneRunner::stepReached);
        const std::uint16_t serverPort = startServer(session, QStringLiteral("ThreadingTCPServer"));
        QVERIFY(serverPort != 0);
        QTRY_VERIFY_WITH_TIMEOUT(server->blockedIn() == TraceCall::ServeForever, kWaitMs);
        server->pause();
        const auto reports = [&steps](const char *id) {
            int n = 0;
            for (const QList<QVariant> &args : steps)
                n += args.at(0).toString() == QLatin1String(id) ? 1 : 0;
            return n;
        };
        const auto inReadline = [&session] {  // handler threads blocked in rfile.readline()
            int n = 0;
            for (const auto &record : session.registry()->snapshot())
                n += record->owner == "server" && record->blockedIn.load() == TraceCall::RecvInto ? 1 : 0;
            return n;
        };
        const auto connectClient = [serverPort](std::vector<Socket> &clients) {
            auto created = Socket::create(AF_INET, SOCK_STREAM);
            if (!created || !created->connect(SocketAddress::loopback(AF_INET, serverPort)))
                return false;
            clients.push_back(std::move(created).value());
            return true;
        };
        std::vector<Socket> clients;  // silent: each handler ends up waiting in readline()

        // Client 1's handler to its last step, handle-reply, one Step at a time.
        QVERIFY(connectClient(clients));
        QTRY_COMPARE_WITH_TIMEOUT(reports("verify"), 1, kWaitMs);
        server->step();
        QTRY_COMPARE_WITH_TIMEOUT(reports("handle-print"), 1, kWaitMs);
        server->step();
        QTRY_COMPARE_WITH_TIMEOUT(reports("handle-reply"), 1, kWaitMs);
        // Client 2: the serving thread now waits at verify too. From here every Step lets one
        // thread go, and each shows: a new step report, or a handler blocked in readline().
        QVERIFY(connectClient(clients));
        QTRY_COMPARE_WITH_TIMEOUT(reports("verify"), 2, kWaitMs);
        bool checked = false;
        for (int i = 0; i < 4 && !checked; ++i) {
            const qsizetype reached = steps.size();
            const int blocked = inReadline();
            server->step();
            QTRY_VERIFY_WITH_TIMEOUT(steps.size() > reached || inReadline() > blocked, kWaitMs);
            if (inReadline() > blocked) {
                // One handler went on into readline(); another thread still waits at the gate.
                QCoreApplication::processEvents();  // its report was queued before readline()
                QCOMPARE(server->state(), State::Paused);
                checked = true;
            }
        }
        QVERIFY(checked);
        session.stopAll();
        QCOMPARE(server->state(), State::Stopped);
    }
};

int main(int argc, char **argv)
{
    socketlab::socketserver::ForkHelper::startFromMain();  // before Qt starts any thread
    QCoreApplication app(argc, argv);
    TestConcurrencyLab test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_concurrencylab.moc"
