// tst_multiclientlab: the multi-client lab (seed 004's programs) on real loopback sockets.
// - One connection: client 2's connect() and sendall() succeed while it sits in the accept
//   queue, unread, and its recv() waits; client 1's "exit" ends the whole server, which
//   resets client 2's queued connection.
// - Threading: two clients served at once, each by its own thread; "exit" ends only that
//   client's thread, the server and the other client go on; a client that vanishes without
//   "exit" ends its thread with Python's "Exception in thread Thread-N (link_handler):".
// - UDP: one socket receives both clients' datagrams; either client's "exit" ends the server.
// - The graceful exit: Stop is Ctrl-C - the program prints its except clause, closes its
//   socket in finally, joins its threads and returns; no socket stays open.
// - The client pane's listing, run by python3, talks to the lab's threaded server as the
//   pane's own client does.
#include "LessonTestSupport.h"
#include "PythonProcess.h"

#include <CancelToken.h>
#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <Program.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

using namespace socketlab;
using testsupport::openSocketsOf;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;  // generous for sanitizer builds; a pass takes milliseconds
const QString kReply = QStringLiteral("The server got your message");

int replies(const QSignalSpy &output)
{
    return int(texts(output).count(kReply));
}

// A program's host without a pane: steps pass at once, prints are kept (a pane drops what a
// stopped program prints), and Stop is the token this test cancels.
class RecordingContext final : public ProgramContext {
public:
    explicit RecordingContext(std::map<std::string, std::string> params) : m_params(std::move(params)) {}

    bool step(std::string_view) override { return !isStopped(); }
    void print(std::string_view line) override
    {
        std::lock_guard lock(m_mutex);
        m_lines.emplace_back(line);
    }
    std::optional<std::string> input(std::string_view) override { return std::nullopt; }
    void error(const SocketError &e) override { print("error: " + e.pythonString()); }
    std::string param(std::string_view name) const override
    {
        const auto it = m_params.find(std::string(name));
        return it == m_params.end() ? std::string() : it->second;
    }
    void publish(std::string_view name, std::string value) override
    {
        std::lock_guard lock(m_mutex);
        m_published[std::string(name)] = std::move(value);
    }
    SocketContext socketContext() const override { return {trace, cancel, registry, "server", nullptr}; }
    bool isStopped() const override { return cancel->isCancelled(); }

    std::vector<std::string> lines() const
    {
        std::lock_guard lock(m_mutex);
        return m_lines;
    }
    std::string published(const std::string &name) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_published.find(name);
        return it == m_published.end() ? std::string() : it->second;
    }

    const std::shared_ptr<TraceStream> trace = std::make_shared<TraceStream>();
    const std::shared_ptr<CancelToken> cancel = CancelToken::create();
    const std::shared_ptr<SocketRegistry> registry = std::make_shared<SocketRegistry>();

private:
    const std::map<std::string, std::string> m_params;
    mutable std::mutex m_mutex;
    std::vector<std::string> m_lines;
    std::map<std::string, std::string> m_published;
};

} // namespace

class TestMultiClientLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

    // The server with SERVER = kind on a free port, started and listening (or bound, for UDP).
    bool startServer(LabSession &session, const QString &kind)
    {
        PaneRunner *server = session.pane(QStringLiteral("server"));
        if (!server->setParam(QStringLiteral("port"), QStringLiteral("0")).isEmpty()
            || !server->setParam(QStringLiteral("server"), kind).isEmpty())
            return false;
        QSignalSpy published(server, &PaneRunner::published);
        server->start();
        return QTest::qWaitFor([&] {
            for (const QList<QVariant> &args : published) {
                if (args.at(0).toString() == QLatin1String("port"))
                    return true;
            }
            return false;
        }, kWaitMs);
    }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("multi-client")));
    }

    void oneConnectionKeepsTheSecondClientWaitingAndExitEndsAll()
    {
        testsupport::ServerAndClients lab(*m_catalog.find(QStringLiteral("multi-client")));
        QVERIFY(startServer(lab.session, QStringLiteral("one connection")));
        QCOMPARE(lab.client1->paramValues().value(QStringLiteral("server")), QStringLiteral("one connection"));

        lab.client1->sendInput(QStringLiteral("hello"));
        lab.client1->start();
        QTRY_COMPARE_WITH_TIMEOUT(replies(lab.output1), 1, kWaitMs);
        QVERIFY(!testsupport::firstMatch(lab.serverOutput, QRegularExpression(QStringLiteral(
            R"(^From \('127\.0\.0\.1', \d+\): hello$)"))).captured().isEmpty());

        // Client 2: connected and its line sent, but never accepted, so never answered.
        lab.client2->sendInput(QStringLiteral("me too"));
        lab.client2->start();
        QTRY_COMPARE_WITH_TIMEOUT(lab.client2->blockedIn(), TraceCall::Recv, kWaitMs);
        // The step is marked when its report reaches this thread, a moment after the block.
        QTRY_COMPARE_WITH_TIMEOUT(lab.client2->currentStep(), QStringLiteral("recv"), kWaitMs);
        const auto client2Sockets = openSocketsOf(lab.session, "client2");
        QCOMPARE(client2Sockets.size(), std::size_t(1));
        QCOMPARE(client2Sockets.front()->bytesSent.load(), std::uint64_t(6));  // sendall() succeeded
        const auto serverSockets = openSocketsOf(lab.session, "server");
        QCOMPARE(serverSockets.size(), std::size_t(2));  // the listener and client 1's connection only
        const KernelSample listener = serverSockets.front()->probe();
        QVERIFY(listener.listening);
        QCOMPARE(listener.acceptQueueLength, 1u);  // client 2, completed by the kernel
        QVERIFY(texts(lab.serverOutput).filter(QStringLiteral("me too")).isEmpty());
        QCOMPARE(replies(lab.output2), 0);

        // Client 1's "exit": exit() ends the server, and client 2's queued connection is reset.
        QSignalSpy serverFinished(lab.server, &PaneRunner::finished);
        lab.client1->sendInput(QStringLiteral("exit"));
        QVERIFY(serverFinished.wait(kWaitMs));
        QCOMPARE(texts(lab.serverOutput).last(), QStringLiteral("Communication over"));
        QTRY_COMPARE_WITH_TIMEOUT(lab.client1->state(), State::Finished, kWaitMs);
        QVERIFY(texts(lab.output1).contains(QStringLiteral("Communication over!")));
        QTRY_COMPARE_WITH_TIMEOUT(lab.client2->state(), State::Failed, kWaitMs);
        QCOMPARE(lab.client2->lastError(), QStringLiteral("ConnectionResetError: [Errno 104] Connection reset by peer"));
        QCOMPARE(lab.session.registry()->openCount(), std::size_t(0));
    }

    void threadingServesBothAndExitEndsOnlyThatThread()
    {
        testsupport::ServerAndClients lab(*m_catalog.find(QStringLiteral("multi-client")));
        QVERIFY(startServer(lab.session, QStringLiteral("threading")));

        // Client 1 connects and stays silent: its thread waits in recv().
        lab.client1->start();
        QTRY_COMPARE_WITH_TIMEOUT(lab.client1->state(), State::WaitingForInput, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(texts(lab.serverOutput).filter(QStringLiteral("Serving [127.0.0.1:")).size(), 1, kWaitMs);
        // Client 2 is answered meanwhile: two threads serve at once.
        lab.client2->sendInput(QStringLiteral("two"));
        lab.client2->start();
        QTRY_COMPARE_WITH_TIMEOUT(replies(lab.output2), 1, kWaitMs);
        QCOMPARE(texts(lab.serverOutput).filter(QStringLiteral("Serving [127.0.0.1:")).size(), 2);
        QCOMPARE(lab.client1->state(), State::WaitingForInput);
        const auto inRecv = [&lab] {  // server sockets whose thread waits in recv()
            int n = 0;
            for (const auto &record : openSocketsOf(lab.session, "server"))
                n += record->blockedIn.load() == TraceCall::Recv ? 1 : 0;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(inRecv(), 2, kWaitMs);  // both connections waited on, each by its thread
        QCOMPARE(openSocketsOf(lab.session, "server").front()->blockedIn.load(), TraceCall::Accept);  // and the main thread accepts

        lab.client1->sendInput(QStringLiteral("one"));
        QTRY_COMPARE_WITH_TIMEOUT(replies(lab.output1), 1, kWaitMs);

        // Client 2 says exit: only its thread ends; client 1 is still served.
        const QString client2Address = QString::fromStdString(openSocketsOf(lab.session, "client2").front()->localAddress());
        lab.client2->sendInput(QStringLiteral("exit"));
        QTRY_VERIFY_WITH_TIMEOUT(texts(lab.serverOutput).contains(QStringLiteral("Done with [%1]").arg(client2Address)), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(openSocketsOf(lab.session, "server").size(), std::size_t(2), kWaitMs);  // listener + client 1
        QTRY_COMPARE_WITH_TIMEOUT(lab.client2->state(), State::Finished, kWaitMs);
        lab.client1->sendInput(QStringLiteral("still there?"));
        QTRY_COMPARE_WITH_TIMEOUT(replies(lab.output1), 2, kWaitMs);
        QVERIFY(lab.server->isActive());

        lab.session.stopAll();
        QCOMPARE(lab.server->state(), State::Stopped);
        QCOMPARE(lab.session.registry()->openCount(), std::size_t(0));
    }

    void aClientThatVanishesEndsItsThreadWithAnException()
    {
        testsupport::ServerAndClients lab(*m_catalog.find(QStringLiteral("multi-client")));
        QSignalSpy serverErrors(lab.server, &PaneRunner::errorOutput);
        QVERIFY(startServer(lab.session, QStringLiteral("threading")));
        lab.client1->start();
        lab.client2->start();
        QTRY_COMPARE_WITH_TIMEOUT(texts(lab.serverOutput).filter(QStringLiteral("Serving [127.0.0.1:")).size(), 2, kWaitMs);

        // Client 2 is stopped without "exit": its thread reads b'' as '' and answers it, until
        // a send or recv fails; the seed never checks for b''.
        lab.client2->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!testsupport::firstMatch(lab.serverOutput, QRegularExpression(QStringLiteral(
            R"(^Exception in thread Thread-\d \(link_handler\):$)"))).captured().isEmpty(), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(serverErrors.size(), 1, kWaitMs);
        const QString error = serverErrors.first().at(0).toString();
        QVERIFY2(error == QLatin1String("BrokenPipeError: [Errno 32] Broken pipe")
                     || error == QLatin1String("ConnectionResetError: [Errno 104] Connection reset by peer"),
                 qPrintable(error));
        // The server and the other client are unharmed.
        QVERIFY(lab.server->isActive());
        lab.client1->sendInput(QStringLiteral("hi"));
        QTRY_COMPARE_WITH_TIMEOUT(replies(lab.output1), 1, kWaitMs);
        lab.session.stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(lab.session.registry()->openCount(), std::size_t(0), 10000);  // a stopped program may take a moment to wind down
    }

    void udpOneSocketForAllAndAnyExitEndsIt()
    {
        testsupport::ServerAndClients lab(*m_catalog.find(QStringLiteral("multi-client")));
        QVERIFY(startServer(lab.session, QStringLiteral("udp")));
        QCOMPARE(lab.client2->paramValues().value(QStringLiteral("server")), QStringLiteral("udp"));

        lab.client1->sendInput(QStringLiteral("from one"));
        lab.client1->start();
        lab.client2->sendInput(QStringLiteral("from two"));
        lab.client2->start();
        QTRY_VERIFY_WITH_TIMEOUT(texts(lab.serverOutput).contains(QStringLiteral("from one"))
                                     && texts(lab.serverOutput).contains(QStringLiteral("from two")),
                                 kWaitMs);
        const auto serverSockets = openSocketsOf(lab.session, "server");
        QCOMPARE(serverSockets.size(), std::size_t(1));  // one socket, no accept(), no connection
        QCOMPARE(serverSockets.front()->type, int(SOCK_DGRAM));

        QSignalSpy serverFinished(lab.server, &PaneRunner::finished);
        lab.client2->sendInput(QStringLiteral("exit"));
        QVERIFY(serverFinished.wait(kWaitMs));
        QCOMPARE(lab.server->state(), State::Finished);
        QCOMPARE(texts(lab.serverOutput).last(), QStringLiteral("A client ended the server!"));
        QTRY_COMPARE_WITH_TIMEOUT(lab.client2->state(), State::Finished, kWaitMs);
        QCOMPARE(lab.client1->state(), State::WaitingForInput);  // nobody told client 1
        lab.session.stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(lab.session.registry()->openCount(), std::size_t(0), 10000);  // a stopped program may take a moment to wind down
    }

    void theClientListingInPythonTalksToTheThreadedServer()
    {
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed");
        testsupport::ServerAndClients lab(*m_catalog.find(QStringLiteral("multi-client")));
        QVERIFY(startServer(lab.session, QStringLiteral("threading")));
        // The listing as the pane shows it, with the port the server bound.
        const QByteArray script = lab.client1->listing().join(QLatin1Char('\n')).toUtf8();
        QVERIFY(script.contains("ip_port = ('127.0.0.1', "));
        testsupport::PythonProcess python(script.constData());
        QVERIFY(python.started());
        python.process().write("hello from python\nexit\n");
        python.process().closeWriteChannel();
        QVERIFY2(python.finish(), qPrintable(python.diagnostics()));
        QCOMPARE(python.out(), QByteArray("Message to send: The server got your message\n"
                                          "Message to send: Communication over!\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!texts(lab.serverOutput).filter(QStringLiteral("Done with [127.0.0.1:")).isEmpty(), kWaitMs);
        QVERIFY(!texts(lab.serverOutput).filter(QStringLiteral("] says: hello from python")).isEmpty());
        lab.session.stopAll();
    }

    void stopIsCtrlCTheExceptClausePrintsAndFinallyCloses()
    {
        const ProgramInfo *program = findProgram("multi-client-server");
        QVERIFY(program);
        RecordingContext ctx({{"server", "threading"}, {"host", "127.0.0.1"}, {"port", "0"}});
        std::atomic<int> code{-1};
        std::thread run([&] { code = runProgram(*program, ctx); });
        // A client is served by a thread, and the main thread waits in accept().
        const bool listening = QTest::qWaitFor([&] { return !ctx.published("port").empty(); }, kWaitMs);
        auto client = Socket::create(AF_INET, SOCK_STREAM);
        const bool connected = listening && client
            && client->connect(SocketAddress::loopback(AF_INET, static_cast<std::uint16_t>(std::stoi(ctx.published("port")))));
        const bool serving = connected && QTest::qWaitFor([&] {
            int blocked = 0;
            for (const auto &record : ctx.registry->snapshot())
                blocked += record->blockedIn.load() != TraceCall::None ? 1 : 0;
            return blocked == 2;  // accept() in the main thread, recv() in the client's
        }, kWaitMs);
        ctx.cancel->cancel();  // Ctrl-C
        run.join();             // the program ends, its thread joined
        QVERIFY(listening);
        QVERIFY(connected);
        QVERIFY(serving);
        QCOMPARE(code.load(), 0);
        QCOMPARE(ctx.published("server"), std::string("threading"));
        const std::vector<std::string> lines = ctx.lines();
        QVERIFY(!lines.empty());
        QCOMPARE(lines.back(), std::string("Server stopped"));
        QCOMPARE(ctx.registry->openCount(), std::size_t(0));
        // finally: the listening socket's close() comes after accept() was interrupted.
        std::vector<TraceEvent> events;
        ctx.trace->drain(events);
        const std::uint32_t listenerId = ctx.registry->snapshot().front()->id;
        int acceptCancelled = -1, closed = -1, i = 0;
        for (const TraceEvent &e : events) {
            if (e.socketId == listenerId && e.call == TraceCall::Accept && e.phase == TracePhase::Failed)
                acceptCancelled = i;
            if (e.socketId == listenerId && e.call == TraceCall::Close && e.phase == TracePhase::Returned)
                closed = i;
            ++i;
        }
        QVERIFY(acceptCancelled >= 0);
        QVERIFY(closed > acceptCancelled);
    }
};

QTEST_GUILESS_MAIN(TestMultiClientLab)
#include "tst_multiclientlab.moc"
