// ThreadingMixIn against plain TCPServer with two slow clients: the threads' handling
// measurably overlaps (the second handler starts while the first still waits), the plain
// server's does not. Also block_on_close and daemon_threads at server_close, the threads'
// traced start and end, and no descriptor or thread left after 1000 requests.
#include "tst_socketserver_support.h"

#include "SampleHandlers.h"

#include <chrono>

using namespace sstest;

namespace {

// "name\n" -> "started name\n", then waits for a second line before "done name\n".
class SlowHandler : public StreamRequestHandler {
public:
    void handle() override
    {
        const Bytes name = tutorial::strip(orRaise(rfile().readline()));
        orRaise(wfile().write("started " + name + "\n"));
        (void)orRaise(rfile().readline());  // the release signal
        orRaise(wfile().write("done " + name + "\n"));
    }
};

class EchoLineHandler : public StreamRequestHandler {
public:
    void handle() override { orRaise(wfile().write(orRaise(rfile().readline()))); }
};

class EchoPacketHandler : public DatagramRequestHandler {
public:
    void handle() override { wfile().write(tutorial::upper(packet())); }
};

struct Span {
    std::int64_t begin = -1, end = -1;
};

// When the handle() of the request from this client port began and returned.
Span handleSpan(TraceLog &log, std::uint16_t clientPort)
{
    std::uint64_t id = 0;
    for (const TraceEvent &e : log.stages(TraceCall::GetRequest, TracePhase::Returned))
        if (e.address.port() == clientPort)
            id = requestIdOf(e);
    Span s;
    for (const TraceEvent &e : log.events())
        if (e.call == TraceCall::Handle && requestIdOf(e) == id && id != 0)
            (e.phase == TracePhase::Begin ? s.begin : s.end) = e.timeNs;
    return s;
}

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

class tst_socketserver_threading : public QObject {
    Q_OBJECT
private slots:
    void threadingOverlapsTwoSlowClients();
    void plainServerServesThemOneAfterTheOther();
    void blockOnCloseWaitsForHandlerThreads();
    void daemonThreadsAreNotWaitedFor();
    void threadingUdpAnswersEachDatagram();
    void noDescriptorOrThreadLeftAfter1000Requests();
};

void tst_socketserver_threading::threadingOverlapsTwoSlowClients()
{
    TraceLog log;
    ThreadingTCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<SlowHandler>(),
                              {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    Socket a = connectTo(server.serverAddress());
    QVERIFY(a.sendAll("A\n"));
    QCOMPARE(qs(readLine(a)), QStringLiteral("started A\n"));
    Socket b = connectTo(server.serverAddress());
    QVERIFY(b.sendAll("B\n"));
    // Only a second thread can say this: A's handler is still waiting for its release.
    QCOMPARE(qs(readLine(b)), QStringLiteral("started B\n"));
    QVERIFY(a.sendAll("go\n") && b.sendAll("go\n"));
    QCOMPARE(qs(readAll(a)), QStringLiteral("done A\n"));
    QCOMPARE(qs(readAll(b)), QStringLiteral("done B\n"));
    QVERIFY(serving.stop());
    server.serverClose();

    const Span sa = handleSpan(log, testsupport::portOf(a));
    const Span sb = handleSpan(log, testsupport::portOf(b));
    QVERIFY(sa.begin > 0 && sa.end > 0 && sb.begin > 0 && sb.end > 0);
    const std::int64_t overlap = std::min(sa.end, sb.end) - std::max(sa.begin, sb.begin);
    QVERIFY2(overlap > 0, qPrintable(QStringLiteral("overlap %1 ns").arg(overlap)));
    const auto started = log.stages(TraceCall::ThreadStarted, TracePhase::Returned);
    const auto ended = log.stages(TraceCall::ThreadEnded, TracePhase::Returned);
    QCOMPARE(started.size(), std::size_t(2));
    QCOMPARE(ended.size(), std::size_t(2));
    QVERIFY(started[0].result != started[1].result);  // two threads, by their kernel ids
    QVERIFY(requestIdOf(started[0]) != requestIdOf(started[1]));
}

void tst_socketserver_threading::plainServerServesThemOneAfterTheOther()
{
    TraceLog log;
    TCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<SlowHandler>(), {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    Socket a = connectTo(server.serverAddress());
    QVERIFY(a.sendAll("A\n"));
    QCOMPARE(qs(readLine(a)), QStringLiteral("started A\n"));
    Socket b = connectTo(server.serverAddress());  // completes in the kernel's accept queue
    QVERIFY(b.sendAll("B\n"));
    QVERIFY(a.sendAll("go\n"));
    QCOMPARE(qs(readAll(a)), QStringLiteral("done A\n"));
    QCOMPARE(qs(readLine(b)), QStringLiteral("started B\n"));
    QVERIFY(b.sendAll("go\n"));
    QCOMPARE(qs(readAll(b)), QStringLiteral("done B\n"));
    QVERIFY(serving.stop());

    const Span sa = handleSpan(log, testsupport::portOf(a));
    const Span sb = handleSpan(log, testsupport::portOf(b));
    QVERIFY(sa.end > 0 && sb.begin > 0);
    QVERIFY2(sb.begin >= sa.end, qPrintable(QStringLiteral("B began %1 ns before A ended").arg(sa.end - sb.begin)));
    QCOMPARE(log.count(TraceCall::ThreadStarted, TracePhase::Returned), 0);
}

void tst_socketserver_threading::blockOnCloseWaitsForHandlerThreads()
{
    TraceLog log;
    ThreadingTCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<SlowHandler>(),
                              {log.stream(), {}, {}, ""});
    QVERIFY(server.blockOnClose && !server.daemonThreads);  // Python's defaults
    ServerThread serving(server);
    Socket a = connectTo(server.serverAddress());
    QVERIFY(a.sendAll("A\n"));
    QCOMPARE(qs(readLine(a)), QStringLiteral("started A\n"));
    QVERIFY(serving.stop());  // the loop ends; the handler thread goes on
    QCOMPARE(server.runningThreads(), std::size_t(1));
    std::int64_t closedAt = 0;
    std::thread closer([&] {
        server.serverClose();
        closedAt = nowNs();
    });
    QTRY_VERIFY_WITH_TIMEOUT(log.count(TraceCall::ServerClose, TracePhase::Returned) == 1, 10000);
    QVERIFY(a.sendAll("go\n"));
    QCOMPARE(qs(readAll(a)), QStringLiteral("done A\n"));
    closer.join();
    const auto ended = log.stages(TraceCall::ThreadEnded, TracePhase::Returned);
    QCOMPARE(ended.size(), std::size_t(1));
    QVERIFY(ended[0].timeNs < closedAt);  // server_close returned only after the thread ended
}

void tst_socketserver_threading::daemonThreadsAreNotWaitedFor()
{
    TraceLog log;
    Socket a;
    std::int64_t closedAt = 0;
    {
        ThreadingTCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<SlowHandler>(),
                                  {log.stream(), {}, {}, ""});
        server.daemonThreads = true;
        ServerThread serving(server);
        a = connectTo(server.serverAddress());
        QVERIFY(a.sendAll("A\n"));
        QCOMPARE(qs(readLine(a)), QStringLiteral("started A\n"));
        QVERIFY(serving.stop());
        server.serverClose();  // returns with the daemon thread still waiting for "go"
        closedAt = nowNs();
        QCOMPARE(log.count(TraceCall::ThreadEnded, TracePhase::Returned), 0);
        QVERIFY(a.sendAll("go\n"));
        QCOMPARE(qs(readAll(a)), QStringLiteral("done A\n"));
    }  // the destructor joins it: a C++ thread may not outlive the server it uses
    const auto ended = log.stages(TraceCall::ThreadEnded, TracePhase::Returned);
    QCOMPARE(ended.size(), std::size_t(1));
    QVERIFY(ended[0].timeNs > closedAt);
}

void tst_socketserver_threading::threadingUdpAnswersEachDatagram()
{
    ThreadingUDPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<EchoPacketHandler>());
    QVERIFY(server.initStatus());
    ServerThread serving(server);
    for (const char *text : {"one", "two", "three"}) {
        auto client = Socket::create(AF_INET, SOCK_DGRAM);
        QVERIFY(client && client->setTimeout(kClientTimeout));
        QVERIFY(client->sendTo(text, server.serverAddress()));
        auto reply = client->recvFrom(100);
        QVERIFY(reply);
        QCOMPARE(qs(reply->data), qs(tutorial::upper(text)));
    }
    QVERIFY(serving.stop());
    server.serverClose();
}

void tst_socketserver_threading::noDescriptorOrThreadLeftAfter1000Requests()
{
    // Warm up once: lazily made things (thread-local buffers, Qt's) are not leaks.
    {
        ThreadingTCPServer warm(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<EchoLineHandler>());
        ServerThread serving(warm);
        QCOMPARE(qs(exchange(warm.serverAddress(), "warm\n")), QStringLiteral("warm\n"));
        QVERIFY(serving.stop());
        warm.serverClose();
    }
    const int fdsBefore = testsupport::openDescriptorCount();
    const int threadsBefore = threadCount();
    int peakThreads = 0;
    {
        TraceLog log(1 << 12);  // traced, as in the app; the ring simply wraps
        ThreadingTCPServer tcp(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<EchoLineHandler>(),
                               {log.stream(), {}, {}, ""});
        ThreadingUDPServer udp(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<EchoPacketHandler>(),
                               {log.stream(), {}, {}, ""});
        TCPServer plain(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<EchoLineHandler>(),
                        {log.stream(), {}, {}, ""});
        ServerThread servingTcp(tcp), servingUdp(udp), servingPlain(plain);
        auto client = Socket::create(AF_INET, SOCK_DGRAM);
        QVERIFY(client && client->setTimeout(kClientTimeout));
        for (int i = 0; i < 1000; ++i) {
            const std::string line = "request " + std::to_string(i) + "\n";
            if (exchange(tcp.serverAddress(), line) != line || exchange(plain.serverAddress(), line) != line)
                QFAIL(qPrintable(QStringLiteral("TCP request %1 failed").arg(i)));
            if (!client->sendTo(line, udp.serverAddress()) || !client->recvFrom(100))
                QFAIL(qPrintable(QStringLiteral("UDP request %1 failed").arg(i)));
            peakThreads = std::max(peakThreads, threadCount());
        }
        (void)client->close();
        QVERIFY(servingTcp.stop());
        QVERIFY(servingUdp.stop());
        QVERIFY(servingPlain.stop());
        plain.serverClose();
        tcp.serverClose();
        udp.serverClose();
        QCOMPARE(tcp.runningThreads(), std::size_t(0));
    }
    QCOMPARE(testsupport::openDescriptorCount(), fdsBefore);
    QCOMPARE(threadCount(), threadsBefore);
    // Finished handler threads are reaped as new ones start: they never pile up.
    QVERIFY2(peakThreads <= threadsBefore + 8, qPrintable(QString::number(peakThreads)));
}

QTEST_GUILESS_MAIN(tst_socketserver_threading)
#include "tst_socketserver_threading.moc"
