// TCPServer and the request loop of BaseServer, on real loopback connections: the tutorial's
// timestamp and upper-case echo servers, the traced flow of a request, construction
// (bind_and_activate, request_queue_size, allow_reuse_address), handle_request with a timeout,
// a refusing verify_request, a raising handler, shutdown and Stop while serving, and
// ForkingMixIn's clear error in a process without the fork helper.
#include "tst_socketserver_support.h"

#include <CancelToken.h>
#include "SampleHandlers.h"

#include <QElapsedTimer>
#include <atomic>
#include <stdexcept>

using namespace sstest;

namespace {

const std::string kFixedTime = "Sat Jun  6 16:11:23 2020";

SocketAddress anyLoopbackPort() { return SocketAddress::loopback(AF_INET, 0); }

// A handler that raises on "boom" and records that finish() ran anyway.
std::atomic<int> g_finishes{0};
class RaisingHandler : public StreamRequestHandler {
public:
    void handle() override
    {
        const Bytes line = orRaise(rfile().readline());
        if (line == "boom\n")
            throw std::runtime_error("boom");
        orRaise(wfile().write("ok " + line));
    }
    void finish() override
    {
        ++g_finishes;
        StreamRequestHandler::finish();
    }
};

class TimeoutCountingServer : public TCPServer {
public:
    using TCPServer::TCPServer;
    std::atomic<int> timeouts{0};
    void handleTimeout() override { ++timeouts; }
};

} // namespace

class tst_socketserver_tcp : public QObject {
    Q_OBJECT
private slots:
    void timestampServerRepliesLikeTsTservSS();
    void upperCaseEcho();
    void requestFlowIsTraced();
    void constructionBindsAndActivates();
    void bindAndActivateFalseWaitsForTheCaller();
    void addressInUseIsReported();
    void handleRequestServesOne();
    void handleRequestTimesOut();
    void verifyRequestRefusesOtherHosts();
    void exceptionInHandleKeepsServing();
    void shutdownStopsServeForeverAtOnce();
    void shutdownWithoutServeForeverDoesNotHang();
    void cancelTokenStopsServeForever();
    void forkingWithoutHelperFailsClearly();
};

void tst_socketserver_tcp::timestampServerRepliesLikeTsTservSS()
{
    std::vector<std::string> console;
    std::mutex consoleMutex;
    auto print = [&](const std::string &line) {
        std::lock_guard lock(consoleMutex);
        console.push_back(line);
    };
    TCPServer server(anyLoopbackPort(), tutorial::timestampHandler(print, [] { return kFixedTime; }));
    QVERIFY2(server.initStatus(), server.initStatus().error().pythonString().c_str());
    ServerThread serving(server);
    // tsTclntSS: a new connection per line, 'line\r\n' sent, the reply read.
    Socket client = connectTo(server.serverAddress());
    const std::uint16_t clientPort = testsupport::portOf(client);
    QVERIFY(client.sendAll("hello\r\n"));
    QCOMPARE(qs(readAll(client)), qs("[" + kFixedTime + "] hello\r\n"));
    QCOMPARE(qs(exchange(server.serverAddress(), "second\r\n")), qs("[" + kFixedTime + "] second\r\n"));
    QVERIFY(serving.stop());
    std::lock_guard lock(consoleMutex);
    QCOMPARE(console.size(), std::size_t(2));
    QCOMPARE(qs(console[0]), QStringLiteral("...connected from: ('127.0.0.1', %1)").arg(clientPort));
    server.serverClose();
}

void tst_socketserver_tcp::upperCaseEcho()
{
    std::vector<std::string> console;
    TCPServer server(anyLoopbackPort(), tutorial::upperEchoHandler([&](const std::string &l) { console.push_back(l); }));
    QVERIFY(server.initStatus());
    ServerThread serving(server);
    QCOMPARE(qs(exchange(server.serverAddress(), "hello world\n")), QStringLiteral("HELLO WORLD"));
    QVERIFY(serving.stop());
    QCOMPARE(toList(console), QStringList({QStringLiteral("127.0.0.1 wrote:"), QStringLiteral("b'hello world'")}));
}

void tst_socketserver_tcp::requestFlowIsTraced()
{
    TraceLog log;
    SocketContext context{log.stream(), nullptr, nullptr, "server"};
    TCPServer server(anyLoopbackPort(), tutorial::timestampHandler([](const std::string &) {}), context);
    QVERIFY(server.initStatus());
    ServerThread serving(server);
    QVERIFY(!exchange(server.serverAddress(), "x\n").empty());
    QVERIFY(serving.stop());

    const auto got = log.stages(TraceCall::GetRequest, TracePhase::Returned);
    QCOMPARE(got.size(), std::size_t(1));
    const std::uint64_t id = requestIdOf(got[0]);
    QVERIFY(id > 0);
    QVERIFY(got[0].relatedSocketId != 0);             // the connection accepted for it
    QCOMPARE(got[0].socketId, server.serverSocketId());
    QCOMPARE(got[0].address.host(), std::string("127.0.0.1"));
    QCOMPARE(toList(log.flowOf(id)),
             QStringList({"get_request", "verify_request", "process_request", "finish_request", "setup", "handle",
                          "finish", "shutdown_request", "close_request"}));
    const auto verified = log.stages(TraceCall::VerifyRequest, TracePhase::Returned);
    QCOMPARE(verified.size(), std::size_t(1));
    QCOMPARE(verified[0].result, std::int64_t(1));
    // Around them, the socket calls Python would make: accept, recv_into, sendall, shutdown(SHUT_WR), close.
    std::vector<TraceCall> connectionCalls;
    for (const TraceEvent &e : log.events())
        if (e.socketId == got[0].relatedSocketId && e.phase == TracePhase::Begin && !isServerStage(e.call))
            connectionCalls.push_back(e.call);
    const std::vector<TraceCall> expected{TraceCall::RecvInto, TraceCall::SendAll, TraceCall::Send,
                                          TraceCall::Shutdown, TraceCall::Close};
    QVERIFY(connectionCalls == expected);
    QVERIFY(log.count(TraceCall::ServeForever, TracePhase::Blocked) >= 1);
    QCOMPARE(log.count(TraceCall::ServeForever, TracePhase::Returned), 1);
    QCOMPARE(log.count(TraceCall::ServerShutdown, TracePhase::Returned), 1);
}

void tst_socketserver_tcp::constructionBindsAndActivates()
{
    TCPServer server(anyLoopbackPort(), tutorial::upperEchoHandler());
    QVERIFY(server.initStatus());
    QVERIFY(server.serverAddress().port() != 0);  // server_address is getsockname() after bind
    QCOMPARE(server.requestQueueSize, 5);
    QCOMPARE(server.socket().record()->probe().acceptQueueLimit, 5u);  // listen(request_queue_size)
    QCOMPARE(server.socket().option(SOL_SOCKET, SO_REUSEADDR).value(), 0);  // allow_reuse_address = False
    UDPServer udp(anyLoopbackPort(), tutorial::upperEchoHandler());
    QVERIFY(udp.initStatus());
    QCOMPARE(udp.allowReuseAddress, false);
    QCOMPARE(udp.socket().option(SOL_SOCKET, SO_REUSEADDR).value(), 0);
    QCOMPARE(udp.maxPacketSize, std::size_t(8192));
    QVERIFY(!udp.timeout.has_value());
}

void tst_socketserver_tcp::bindAndActivateFalseWaitsForTheCaller()
{
    TCPServer server(anyLoopbackPort(), tutorial::upperEchoHandler(), {}, false);
    QVERIFY(server.initStatus());
    QCOMPARE(server.socket().record()->state.load(), SocketState::Created);
    server.allowReuseAddress = true;
    server.requestQueueSize = 2;
    QVERIFY(server.bindAndActivate());
    QCOMPARE(server.socket().option(SOL_SOCKET, SO_REUSEADDR).value(), 1);
    QCOMPARE(server.socket().record()->probe().acceptQueueLimit, 2u);
    QCOMPARE(server.socket().record()->state.load(), SocketState::Listening);
}

void tst_socketserver_tcp::addressInUseIsReported()
{
    TCPServer first(anyLoopbackPort(), tutorial::upperEchoHandler());
    QVERIFY(first.initStatus());
    TCPServer second(first.serverAddress(), tutorial::upperEchoHandler());
    QVERIFY(!second.initStatus());
    QCOMPARE(qs(second.initStatus().error().pythonString()), QStringLiteral("OSError: [Errno 98] Address already in use"));
    QVERIFY(!second.socket().isOpen());  // server_close ran, as Python's constructor does before raising
}

void tst_socketserver_tcp::handleRequestServesOne()
{
    TCPServer server(anyLoopbackPort(), tutorial::upperEchoHandler([](const std::string &) {}));
    Socket client = connectTo(server.serverAddress());
    QVERIFY(client.sendAll("one\n"));
    QVERIFY(server.handleRequest());  // the connection is already waiting: no timeout needed
    QCOMPARE(qs(readAll(client)), QStringLiteral("ONE"));
}

void tst_socketserver_tcp::handleRequestTimesOut()
{
    TraceLog log;
    TimeoutCountingServer server(anyLoopbackPort(), tutorial::upperEchoHandler(), {log.stream(), {}, {}, ""});
    server.timeout = 0.2;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(server.handleRequest());
    QVERIFY2(clock.elapsed() >= 195, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.timeouts.load(), 1);
    QCOMPARE(log.count(TraceCall::HandleTimeout, TracePhase::Returned), 1);
    QCOMPARE(log.count(TraceCall::GetRequest, TracePhase::Begin), 0);
    // The socket's own timeout counts too: the smaller of the two wins.
    server.timeout = 30;
    QVERIFY(server.socket().setTimeout(0.05));
    clock.restart();
    QVERIFY(server.handleRequest());
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(server.timeouts.load(), 2);
}

void tst_socketserver_tcp::verifyRequestRefusesOtherHosts()
{
    TraceLog log;
    ErrorText errors;
    tutorial::AllowOneHost<TCPServer> server(SocketAddress::loopback(AF_INET, 0),
                                             tutorial::upperEchoHandler([](const std::string &) {}),
                                             {log.stream(), {}, {}, ""});
    server.setErrorOutput(errors.sink());
    ServerThread serving(server);
    // 127.0.0.2 is loopback too on Linux: a second client host on one machine.
    QCOMPARE(qs(exchange(server.serverAddress(), "let me in\n", "127.0.0.2")), QString());  // closed, unanswered
    QCOMPARE(qs(exchange(server.serverAddress(), "hi\n", "127.0.0.1")), QStringLiteral("HI"));
    QVERIFY(serving.stop());
    const auto verdicts = log.stages(TraceCall::VerifyRequest, TracePhase::Returned);
    QCOMPARE(verdicts.size(), std::size_t(2));
    QCOMPARE(verdicts[0].result, std::int64_t(0));
    QCOMPARE(verdicts[0].address.host(), std::string("127.0.0.2"));
    QCOMPARE(verdicts[1].result, std::int64_t(1));
    QCOMPARE(toList(log.flowOf(requestIdOf(verdicts[0]))),
             QStringList({"get_request", "verify_request", "shutdown_request", "close_request"}));
    QCOMPARE(qs(errors.text()), QString());
}

void tst_socketserver_tcp::exceptionInHandleKeepsServing()
{
    TraceLog log;
    ErrorText errors;
    g_finishes = 0;
    TCPServer server(anyLoopbackPort(), RequestHandlerClass::of<RaisingHandler>(), {log.stream(), {}, {}, ""});
    server.setErrorOutput(errors.sink());
    ServerThread serving(server);
    Socket failing = connectTo(server.serverAddress());
    const std::uint16_t failingPort = testsupport::portOf(failing);
    QVERIFY(failing.sendAll("boom\n"));
    QCOMPARE(qs(readAll(failing)), QString());  // shut down after handle_error
    QCOMPARE(qs(exchange(server.serverAddress(), "fine\n")), QStringLiteral("ok fine\n"));
    QVERIFY(serving.stop());
    QCOMPARE(g_finishes.load(), 2);  // finish ran after the raising handle too
    const QString text = qs(errors.text());
    QVERIFY2(text.contains(QStringLiteral("Exception occurred during processing of request from ('127.0.0.1', %1)")
                               .arg(failingPort)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("std::runtime_error: boom")), qPrintable(text));
    QCOMPARE(log.count(TraceCall::Handle, TracePhase::Failed), 1);
    QCOMPARE(log.count(TraceCall::HandleError, TracePhase::Returned), 1);
    QCOMPARE(log.count(TraceCall::Finish, TracePhase::Returned), 2);
}

void tst_socketserver_tcp::shutdownStopsServeForeverAtOnce()
{
    TCPServer server(anyLoopbackPort(), tutorial::upperEchoHandler([](const std::string &) {}));
    ServerThread serving(server, 30.0);  // Python would notice shutdown only at the next poll tick
    QCOMPARE(qs(exchange(server.serverAddress(), "a\n")), QStringLiteral("A"));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(serving.stop());
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    // serve_forever may run again after a shutdown, as in Python.
    ServerThread again(server, 30.0);
    QCOMPARE(qs(exchange(server.serverAddress(), "b\n")), QStringLiteral("B"));
    QVERIFY(again.stop());
}

void tst_socketserver_tcp::shutdownWithoutServeForeverDoesNotHang()
{
    TCPServer server(anyLoopbackPort(), tutorial::upperEchoHandler());
    server.shutdown();  // Python would wait forever here
    // ... and, as in Python, the request stays: the next serve_forever returns at once.
    QVERIFY(server.serveForever(30.0));
}

void tst_socketserver_tcp::cancelTokenStopsServeForever()
{
    auto cancel = CancelToken::create();
    TCPServer server(anyLoopbackPort(), tutorial::upperEchoHandler([](const std::string &) {}), {nullptr, cancel, nullptr, ""});
    ServerThread serving(server, 30.0);
    QCOMPARE(qs(exchange(server.serverAddress(), "c\n")), QStringLiteral("C"));
    cancel->cancel();
    const Status status = serving.join();
    QVERIFY(!status);
    QCOMPARE(status.error().kind(), ErrorKind::Cancelled);
}

void tst_socketserver_tcp::forkingWithoutHelperFailsClearly()
{
    QVERIFY(!ForkHelper::isRunning());  // this suite never starts it
    ErrorText errors;
    ForkingTCPServer server(anyLoopbackPort(), tutorial::upperEchoHandler());
    QCOMPARE(server.timeout, std::optional<double>(300));
    server.setErrorOutput(errors.sink());
    ServerThread serving(server);
    QCOMPARE(qs(exchange(server.serverAddress(), "x\n")), QString());  // refused by handle_error's path
    QCOMPARE(qs(exchange(server.serverAddress(), "y\n")), QString());  // and still serving
    QVERIFY(serving.stop());
    QVERIFY(server.activeChildren().empty());
    QVERIFY2(qs(errors.text()).contains(QStringLiteral("ForkHelper::startFromMain()")), errors.text().c_str());
}

QTEST_GUILESS_MAIN(tst_socketserver_tcp)
#include "tst_socketserver_tcp.moc"
