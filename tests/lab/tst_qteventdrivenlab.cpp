// tst_qteventdrivenlab: the qt-event-driven lab on real loopback sockets. The Qt server
// (QTcpServer and QTcpSocket on the pane's thread) answers client 2 while client 1 stays
// silent, which tsTserv cannot; its descriptors are listed beside the clients' and probed by
// the kernel (LISTEN, ESTABLISHED, paired with the clients' sockets); while its event loop
// waits every one of them is marked blocked in poll(); what Qt did underneath is traced
// under the BSD names with the right byte counts; a client that leaves shows as closed;
// and Stop wakes the event loop at once, leaving no socket or descriptor behind.
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <KernelProbe.h>
#include <SocketSnapshot.h>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

#include <netinet/tcp.h>

using namespace socketlab;
using testsupport::stampedReply;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;     // generous for sanitizer builds; a pass takes milliseconds
constexpr int kPromptlyMs = 1000;

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

std::vector<std::shared_ptr<SocketRecord>> recordsOf(const LabSession &session, const std::string &owner)
{
    std::vector<std::shared_ptr<SocketRecord>> out;
    for (const auto &r : session.registry()->snapshot())
        if (r->owner == owner)
            out.push_back(r);
    return out;
}

// The server's open sockets, all waiting in the event loop's poll().
bool allOpenBlockedInPoll(const LabSession &session, std::size_t expected)
{
    std::size_t waiting = 0;
    for (const auto &r : recordsOf(session, "server")) {
        if (r->state.load() == SocketState::Closed)
            continue;
        if (r->blockedIn.load() != TraceCall::Poll)
            return false;
        ++waiting;
    }
    return waiting == expected;
}

} // namespace

class TestQtEventDrivenLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

    static std::uint16_t startServer(LabSession &session)
    {
        return testsupport::startOnFreePort(session.pane(QStringLiteral("server")));
    }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("qt-event-driven")));
    }

    // The point of the lesson: one thread, no blocking call, every client served at once.
    void secondClientServedWhileFirstIsSilent()
    {
        LabSession session(*m_catalog.find(QStringLiteral("qt-event-driven")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client1 = session.pane(QStringLiteral("client1"));
        PaneRunner *client2 = session.pane(QStringLiteral("client2"));
        QSignalSpy serverSteps(server, &PaneRunner::stepReached);
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy client2Output(client2, &PaneRunner::output);
        QVERIFY(startServer(session) != 0);
        QTRY_VERIFY_WITH_TIMEOUT(allOpenBlockedInPoll(session, 1), kWaitMs);  // the listener alone

        client1->start();  // connects, then waits for a line that never comes
        QTRY_COMPARE_WITH_TIMEOUT(client1->state(), State::WaitingForInput, kWaitMs);
        client2->sendInput(QStringLiteral("héllo"));
        client2->start();
        QTRY_COMPARE_WITH_TIMEOUT(answers(client2Output), QStringList{QStringLiteral("héllo")}, kWaitMs);
        QCOMPARE(client1->state(), State::WaitingForInput);  // still silent: nobody waited for it

        QCOMPARE(texts(serverOutput).filter(QRegularExpression(QStringLiteral(R"(^\.\.\.connected from: 127\.0\.0\.1 \d+$)"))).size(), 2);
        // Listener plus two connections, all waiting in the one poll() once the loop is idle.
        QTRY_VERIFY_WITH_TIMEOUT(allOpenBlockedInPoll(session, 3), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(server->currentStep(), QStringLiteral("exec"), kWaitMs);
        QVERIFY(server->isSettled());  // blocked for good: the window may step the next pane
        QStringList steps;
        for (const QList<QVariant> &args : serverSteps)
            steps << args.at(0).toString();
        for (const char *step : {"listen", "exec", "new-connection", "next-pending", "ready-read", "read-all", "write"})
            QVERIFY2(steps.contains(QLatin1String(step)), step);
        QCOMPARE(steps.first(), QStringLiteral("connect-new-connection"));
        session.stopAll();
    }

    // Qt's sockets in the table: probed by the kernel like the core's, paired with the clients.
    void qtSocketsAreListedProbedAndPaired()
    {
        LabSession session(*m_catalog.find(QStringLiteral("qt-event-driven")));
        PaneRunner *client1 = session.pane(QStringLiteral("client1"));
        QSignalSpy client1Output(client1, &PaneRunner::output);
        const std::uint16_t port = startServer(session);
        QVERIFY(port != 0);
        client1->sendInput(QStringLiteral("hello"));
        client1->start();
        QTRY_COMPARE_WITH_TIMEOUT(answers(client1Output).size(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(allOpenBlockedInPoll(session, 2), kWaitMs);

        const SocketSnapshot snapshot = SocketSnapshot::take(*session.registry());
        const SocketSample *listener = nullptr, *connection = nullptr, *client = nullptr;
        for (const SocketSample &s : snapshot.sockets()) {
            if (s.record->owner == "server" && s.kernel.listening)
                listener = &s;
            else if (s.record->owner == "server")
                connection = &s;
            else if (s.record->owner == "client1")
                client = &s;
        }
        QVERIFY(listener && connection && client);
        QVERIFY(listener->record->isBorrowed() && connection->record->isBorrowed());
        QCOMPARE(listener->state, SocketState::Listening);
        QCOMPARE(listener->local.port(), port);
        QCOMPARE(listener->kernel.acceptQueueLimit, 50u);  // QTcpServer's listen backlog, as the kernel holds it
        QVERIFY(connection->kernel.available);
        QCOMPARE(connection->kernel.tcpState, int(TCP_ESTABLISHED));
        QCOMPARE(connection->peerId, client->id);  // the same pairing as the core's own sockets
        QCOMPARE(client->peerId, connection->id);
        // What Qt read and wrote, counted on its socket: "hello" in, the stamped reply out.
        QCOMPARE(connection->record->bytesReceived.load(), std::uint64_t(5));
        QCOMPARE(connection->record->bytesSent.load(), client->record->bytesReceived.load());
        session.stopAll();
    }

    // A client that sends its line and its FIN together, as a script does: Qt closes the socket
    // as soon as it reads the FIN, so without flush() the reply still in its buffer is lost.
    void aLineSentWithItsFinIsAnswered()
    {
        LabSession session(*m_catalog.find(QStringLiteral("qt-event-driven")));
        const std::uint16_t port = startServer(session);
        QVERIFY(port != 0);
        for (int i = 0; i < 20; ++i) {
            auto s = Socket::create(AF_INET, SOCK_STREAM);
            QVERIFY(s && s->setTimeout(double(kWaitMs) / 1000));
            QVERIFY(s->connect(SocketAddress::loopback(AF_INET, port)));
            const std::string line = "line " + std::to_string(i);
            QVERIFY(s->sendAll(line));
            QVERIFY(s->shutdown(SHUT_WR));
            std::string reply;
            for (auto chunk = s->recv(4096); chunk && !chunk->empty(); chunk = s->recv(4096))
                reply += *chunk;
            const QRegularExpressionMatch m = stampedReply().match(QString::fromStdString(reply));
            QVERIFY2(m.hasMatch() && m.captured(1) == QString::fromStdString(line), reply.c_str());
        }
        session.stopAll();
    }

    // The trace tells what Qt did underneath, in order, and a client that leaves closes.
    void traceShowsTheCallsQtMade()
    {
        LabSession session(*m_catalog.find(QStringLiteral("qt-event-driven")));
        PaneRunner *client1 = session.pane(QStringLiteral("client1"));
        QSignalSpy serverOutput(session.pane(QStringLiteral("server")), &PaneRunner::output);
        QSignalSpy finished(client1, &PaneRunner::finished);
        QVERIFY(startServer(session) != 0);
        client1->sendInput(QStringLiteral("hello"));
        client1->sendInput(QString());  // then leave
        client1->start();
        QVERIFY(finished.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(texts(serverOutput).contains(QStringLiteral("...disconnected")), kWaitMs);

        std::vector<TraceEvent> events;
        session.trace()->drain(events);
        const auto server = recordsOf(session, "server");
        QCOMPARE(server.size(), std::size_t(2));
        const std::uint32_t listenerId = server[0]->id, connectionId = server[1]->id;
        QStringList calls;  // the connection's and the listener's returned calls, "accept→fd", "recv 5" ...
        for (const TraceEvent &e : events) {
            if (e.phase != TracePhase::Returned || (e.socketId != listenerId && e.socketId != connectionId)
                || e.call == TraceCall::Poll)
                continue;
            QString call = QString::fromLatin1(traceCallName(e.call));
            if (e.call == TraceCall::Recv || e.call == TraceCall::Send)
                call += QStringLiteral(" %1").arg(e.result);
            if (e.call == TraceCall::Accept)
                QCOMPARE(e.relatedSocketId, connectionId);
            calls << call;
        }
        const QString reply = QStringLiteral("send %1").arg(server[1]->bytesSent.load());
        QCOMPARE(calls, (QStringList{QStringLiteral("socket"), QStringLiteral("bind"), QStringLiteral("listen"),
                                      QStringLiteral("accept"), QStringLiteral("recv 5"), reply,
                                      QStringLiteral("recv 0"), QStringLiteral("close")}));
        QCOMPARE(server[1]->state.load(), SocketState::Closed);
        QCOMPARE(server[1]->fd(), -1);  // forgotten: the number may be another socket's now
        QVERIFY(!server[1]->probe().available);
        // The event loop's waits, on the listener, each ended.
        int polls = 0;
        for (const TraceEvent &e : events)
            polls += (e.call == TraceCall::Poll && e.phase == TracePhase::Returned) ? 1 : 0;
        QVERIFY(polls >= 2);
        session.stopAll();
    }

    void stopWakesTheEventLoop()
    {
        const int before = testsupport::openDescriptorCount();
        {
            LabSession session(*m_catalog.find(QStringLiteral("qt-event-driven")));
            PaneRunner *server = session.pane(QStringLiteral("server"));
            PaneRunner *client1 = session.pane(QStringLiteral("client1"));
            QSignalSpy errors(server, &PaneRunner::errorOutput);
            QVERIFY(startServer(session) != 0);
            client1->start();
            QTRY_VERIFY_WITH_TIMEOUT(allOpenBlockedInPoll(session, 2), kWaitMs);
            QCOMPARE(server->blockedIn(), TraceCall::Poll);
            QElapsedTimer clock;
            clock.start();
            session.stopAll();
            QCOMPARE(server->state(), State::Stopped);
            QVERIFY2(clock.elapsed() < kPromptlyMs, qPrintable(QString::number(clock.elapsed())));
            QVERIFY(errors.isEmpty());
            QCOMPARE(session.registry()->openCount(), std::size_t(0));
        }
        QCOMPARE(testsupport::openDescriptorCount(), before);
    }

    // Stepping: held in a slot, the one thread serves nobody; Run lets everything through.
    void aServerHeldInASlotServesNobody()
    {
        LabSession session(*m_catalog.find(QStringLiteral("qt-event-driven")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client1 = session.pane(QStringLiteral("client1"));
        PaneRunner *client2 = session.pane(QStringLiteral("client2"));
        QSignalSpy client2Output(client2, &PaneRunner::output);
        QVERIFY(startServer(session) != 0);
        client1->start();
        QTRY_COMPARE_WITH_TIMEOUT(client1->state(), State::WaitingForInput, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(allOpenBlockedInPoll(session, 2), kWaitMs);
        server->pause();
        client1->sendInput(QStringLiteral("first"));
        QTRY_COMPARE_WITH_TIMEOUT(server->currentStep(), QStringLiteral("ready-read"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(server->state(), State::Paused, kWaitMs);
        client2->sendInput(QStringLiteral("second"));
        client2->start();
        QTRY_COMPARE_WITH_TIMEOUT(client2->blockedIn(), TraceCall::Recv, kWaitMs);
        // Client 2 waits in the kernel's accept queue: the one thread that would take it
        // out is held in client 1's slot.
        const auto listening = [&] {
            for (const auto &r : recordsOf(session, "server"))
                if (r->state.load() == SocketState::Listening)
                    return r;
            return std::shared_ptr<SocketRecord>();
        }();
        QVERIFY(listening);
        QTRY_COMPARE_WITH_TIMEOUT(listening->probe().acceptQueueLength, 1u, kWaitMs);
        QCOMPARE(server->currentStep(), QStringLiteral("ready-read"));
        QVERIFY(answers(client2Output).isEmpty());
        server->run();
        QTRY_COMPARE_WITH_TIMEOUT(answers(client2Output), QStringList{QStringLiteral("second")}, kWaitMs);
        session.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestQtEventDrivenLab)
#include "tst_qteventdrivenlab.moc"
