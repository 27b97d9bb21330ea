// The request handlers' file objects, as a learner meets them: readline() waits for the
// "\n" and returns a partial line at the end of the stream; rbufsize 0 reads byte by byte;
// a buffered wfile sends nothing until flushed; timeout and disable_nagle_algorithm reach
// the request socket; DatagramRequestHandler answers with one datagram from finish().
#include "tst_socketserver_support.h"

#include "SampleHandlers.h"

#include <atomic>
#include <netinet/in.h>
#include <netinet/tcp.h>

using namespace sstest;

namespace {

std::atomic<std::uint64_t> g_sentDuringHandle{0};

// Replies with what handle read: readline, readline again, then read(n) if n >= 0, joined by '|'.
class ReadingHandler : public StreamRequestHandler {
public:
    long readAfter = -2;  // -2: no read() call
    bool secondLine = false;
    void handle() override
    {
        std::string reply = orRaise(rfile().readline());
        if (secondLine)
            reply += "|" + orRaise(rfile().readline());
        if (readAfter > -2)
            reply += "|" + orRaise(rfile().read(readAfter));
        orRaise(wfile().write(reply));
    }
};

class WritingHandler : public StreamRequestHandler {
public:
    void handle() override
    {
        orRaise(wfile().write("a"));
        orRaise(wfile().write("b"));
        g_sentDuringHandle = connection().record()->bytesSent.load();
    }
};

class NagleHandler : public StreamRequestHandler {
public:
    void handle() override { orRaise(wfile().write(std::to_string(orRaise(connection().option(IPPROTO_TCP, TCP_NODELAY))))); }
};

class PacketHandler : public DatagramRequestHandler {
public:
    void handle() override
    {
        const Bytes first = rfile().readline();
        if (first.empty())
            return;  // nothing written: finish still sends, an empty datagram
        wfile().write(tutorial::upper(first));
        wfile().write("|");
        wfile().write(rfile().read());
    }
};

template <typename H, typename Configure>
RequestHandlerClass handlerWith(Configure configure)
{
    return RequestHandlerClass([configure] {
        auto h = std::make_unique<H>();
        configure(*h);
        return std::unique_ptr<BaseRequestHandler>(std::move(h));
    });
}

int callsOn(TraceLog &log, std::uint32_t socketId, TraceCall call)
{
    int n = 0;
    for (const TraceEvent &e : log.events())
        n += (e.socketId == socketId && e.call == call && e.phase == TracePhase::Begin) ? 1 : 0;
    return n;
}

std::uint32_t onlyConnection(TraceLog &log)
{
    const auto got = log.stages(TraceCall::GetRequest, TracePhase::Returned);
    return got.size() == 1 ? got[0].relatedSocketId : 0;
}

// True once the connection's recv_into has returned `bytes` and then blocked again.
bool blockedAfterReading(TraceLog &log, std::int64_t bytes)
{
    bool read = false;
    for (const TraceEvent &e : log.events()) {
        if (e.call != TraceCall::RecvInto)
            continue;
        if (e.phase == TracePhase::Returned && e.result == bytes)
            read = true;
        else if (read && e.phase == TracePhase::Blocked)
            return true;
    }
    return false;
}

} // namespace

class tst_socketserver_handlers : public QObject {
    Q_OBJECT
private slots:
    void readlineWaitsForTheNewline();
    void readlineReturnsPartialLineAtEnd();
    void readlineKeepsWhatFollowsTheNewline();
    void rbufsizeDecidesHowManyRecvs_data();
    void rbufsizeDecidesHowManyRecvs();
    void bufferedReadLoopsUnbufferedReadDoesNot_data();
    void bufferedReadLoopsUnbufferedReadDoesNot();
    void wbufsizeDecidesWhenBytesLeave_data();
    void wbufsizeDecidesWhenBytesLeave();
    void timeoutAppliesToTheRequestSocket();
    void disableNagleAlgorithmSetsTcpNodelay();
    void datagramHandlerRepliesWithOneDatagram();
};

void tst_socketserver_handlers::readlineWaitsForTheNewline()
{
    TraceLog log;
    TCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<ReadingHandler>(), {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    Socket client = connectTo(server.serverAddress());
    QVERIFY(client.sendAll("abc"));
    // The handler's readline got "abc", found no "\n", and asks the socket for more.
    QTRY_VERIFY_WITH_TIMEOUT(blockedAfterReading(log, 3), 10000);
    QCOMPARE(log.count(TraceCall::RfileReadline, TracePhase::Returned), 0);
    QVERIFY(client.sendAll("def\n"));
    QCOMPARE(qs(readAll(client)), QStringLiteral("abcdef\n"));
    QVERIFY(serving.stop());
}

void tst_socketserver_handlers::readlineReturnsPartialLineAtEnd()
{
    TCPServer server(SocketAddress::loopback(AF_INET, 0),
                     handlerWith<ReadingHandler>([](ReadingHandler &h) { h.secondLine = true; }));
    ServerThread serving(server);
    Socket client = connectTo(server.serverAddress());
    QVERIFY(client.sendAll("tail"));
    QVERIFY(client.shutdown(SHUT_WR));  // no "\n" will ever come
    QCOMPARE(qs(readAll(client)), QStringLiteral("tail|"));  // the partial line, then b''
    QVERIFY(serving.stop());
}

void tst_socketserver_handlers::readlineKeepsWhatFollowsTheNewline()
{
    // One recv_into brings a line and the start of the next; the next readline keeps that
    // start and appends what the socket brings later, even when it fills the whole buffer.
    TraceLog log;
    TCPServer server(SocketAddress::loopback(AF_INET, 0), handlerWith<ReadingHandler>([](ReadingHandler &h) {
                         h.secondLine = true;
                         h.rbufsize = 8;
                     }),
                     {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    Socket client = connectTo(server.serverAddress());
    QVERIFY(client.sendAll("ab\ncd"));
    QTRY_VERIFY_WITH_TIMEOUT(blockedAfterReading(log, 5), 10000);
    const std::string rest = std::string(20, 'e') + "\n";
    QVERIFY(client.sendAll(rest));
    QCOMPARE(qs(readAll(client)), QString::fromStdString("ab\n|cd" + rest));
    QVERIFY(serving.stop());
}

void tst_socketserver_handlers::rbufsizeDecidesHowManyRecvs_data()
{
    QTest::addColumn<int>("rbufsize");
    QTest::addColumn<int>("recvIntos");
    QTest::newRow("buffered (default -1): one recv_into of up to 8192") << -1 << 1;
    QTest::newRow("unbuffered (0): one recv_into per byte of the line, one for read(3)") << 0 << 4;
}

void tst_socketserver_handlers::rbufsizeDecidesHowManyRecvs()
{
    QFETCH(int, rbufsize);
    QFETCH(int, recvIntos);
    TraceLog log;
    TCPServer server(SocketAddress::loopback(AF_INET, 0), handlerWith<ReadingHandler>([rbufsize](ReadingHandler &h) {
                         h.rbufsize = rbufsize;
                         h.readAfter = 3;
                     }),
                     {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    // Both lines in one send: the buffered readline takes them all into its buffer, and
    // read(3) is served from there; unbuffered, no byte after the "\n" is consumed early.
    QCOMPARE(qs(exchange(server.serverAddress(), "ab\ncd\n")), QStringLiteral("ab\n|cd\n"));
    QVERIFY(serving.stop());
    QCOMPARE(callsOn(log, onlyConnection(log), TraceCall::RecvInto), recvIntos);
}

void tst_socketserver_handlers::bufferedReadLoopsUnbufferedReadDoesNot_data()
{
    QTest::addColumn<int>("rbufsize");
    QTest::addColumn<QString>("reply");
    QTest::newRow("buffered read(5) waits for all five bytes") << -1 << QStringLiteral("x\n|12345");
    QTest::newRow("unbuffered read(5) returns what one recv_into gave") << 0 << QStringLiteral("x\n|12");
}

void tst_socketserver_handlers::bufferedReadLoopsUnbufferedReadDoesNot()
{
    QFETCH(int, rbufsize);
    QFETCH(QString, reply);
    TraceLog log;
    TCPServer server(SocketAddress::loopback(AF_INET, 0), handlerWith<ReadingHandler>([rbufsize](ReadingHandler &h) {
                         h.rbufsize = rbufsize;
                         h.readAfter = 5;
                     }),
                     {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    Socket client = connectTo(server.serverAddress());
    QVERIFY(client.sendAll("x\n"));
    QTRY_VERIFY_WITH_TIMEOUT(log.count(TraceCall::RfileRead, TracePhase::Begin) == 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(log.count(TraceCall::RecvInto, TracePhase::Blocked) >= 1
                                 && log.stages(TraceCall::RecvInto, TracePhase::Blocked).back().timeNs
                                     > log.stages(TraceCall::RfileRead, TracePhase::Begin).back().timeNs,
                             10000);
    QVERIFY(client.sendAll("12"));
    if (rbufsize != 0) {  // the buffered read asks again after "12": wait until it blocks, then finish
        QTRY_VERIFY_WITH_TIMEOUT(blockedAfterReading(log, 2), 10000);
        QVERIFY(client.sendAll("345"));
    }
    QCOMPARE(qs(readAll(client)), reply);
    QVERIFY(serving.stop());
}

void tst_socketserver_handlers::wbufsizeDecidesWhenBytesLeave_data()
{
    QTest::addColumn<int>("wbufsize");
    QTest::addColumn<int>("sentDuringHandle");
    QTest::addColumn<int>("sends");
    QTest::newRow("unbuffered (default 0): each write is a sendall") << 0 << 2 << 2;
    QTest::newRow("buffered (64): nothing leaves before finish flushes") << 64 << 0 << 1;
}

void tst_socketserver_handlers::wbufsizeDecidesWhenBytesLeave()
{
    QFETCH(int, wbufsize);
    QFETCH(int, sentDuringHandle);
    QFETCH(int, sends);
    TraceLog log;
    TCPServer server(SocketAddress::loopback(AF_INET, 0),
                     handlerWith<WritingHandler>([wbufsize](WritingHandler &h) { h.wbufsize = wbufsize; }),
                     {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    QCOMPARE(qs(exchange(server.serverAddress(), "")), QStringLiteral("ab"));
    QVERIFY(serving.stop());
    QCOMPARE(int(g_sentDuringHandle.load()), sentDuringHandle);
    QCOMPARE(callsOn(log, onlyConnection(log), TraceCall::Send), sends);
    QCOMPARE(log.count(TraceCall::WfileWrite, TracePhase::Returned), 2);
}

void tst_socketserver_handlers::timeoutAppliesToTheRequestSocket()
{
    TraceLog log;
    ErrorText errors;
    TCPServer server(SocketAddress::loopback(AF_INET, 0),
                     handlerWith<ReadingHandler>([](ReadingHandler &h) { h.timeout = 0.2; }), {log.stream(), {}, {}, ""});
    server.setErrorOutput(errors.sink());
    ServerThread serving(server);
    Socket silent = connectTo(server.serverAddress());
    QCOMPARE(qs(readAll(silent)), QString());  // the handler gave up on us
    QVERIFY(serving.stop());
    const auto errorsTraced = log.stages(TraceCall::HandleError, TracePhase::Begin);
    QCOMPARE(errorsTraced.size(), std::size_t(1));
    QCOMPARE(errorsTraced[0].errorKind, ErrorKind::Timeout);
    QVERIFY2(qs(errors.text()).contains(QStringLiteral("timed out")), errors.text().c_str());
}

void tst_socketserver_handlers::disableNagleAlgorithmSetsTcpNodelay()
{
    TCPServer plain(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<NagleHandler>());
    TCPServer noDelay(SocketAddress::loopback(AF_INET, 0),
                      handlerWith<NagleHandler>([](NagleHandler &h) { h.disableNagleAlgorithm = true; }));
    ServerThread a(plain), b(noDelay);
    QCOMPARE(qs(exchange(plain.serverAddress(), "")), QStringLiteral("0"));
    QCOMPARE(qs(exchange(noDelay.serverAddress(), "")), QStringLiteral("1"));
}

void tst_socketserver_handlers::datagramHandlerRepliesWithOneDatagram()
{
    TraceLog log;
    UDPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<PacketHandler>(), {log.stream(), {}, {}, ""});
    QVERIFY(server.initStatus());
    ServerThread serving(server);
    auto client = Socket::create(AF_INET, SOCK_DGRAM);
    QVERIFY(client && client->setTimeout(kClientTimeout));
    QVERIFY(client->sendTo("first line\nand the rest", server.serverAddress()));
    auto reply = client->recvFrom(65536);
    QVERIFY(reply);
    QCOMPARE(qs(reply->data), QStringLiteral("FIRST LINE\n|and the rest"));  // one datagram, built in wfile
    QCOMPARE(reply->from.port(), server.serverAddress().port());
    QVERIFY(client->sendTo("", server.serverAddress()));
    auto empty = client->recvFrom(65536);
    QVERIFY(empty);
    QCOMPARE(empty->data.size(), std::size_t(0));  // finish() sends b'' too
    QVERIFY(serving.stop());
    QCOMPARE(callsOn(log, server.serverSocketId(), TraceCall::SendTo), 2);
    const auto got = log.stages(TraceCall::GetRequest, TracePhase::Returned);
    QCOMPARE(got.size(), std::size_t(2));
    QCOMPARE(got[0].relatedSocketId, 0u);  // a datagram request has no connection of its own
    QCOMPARE(toList(log.flowOf(requestIdOf(got[0]))),
             QStringList({"get_request", "verify_request", "process_request", "finish_request", "setup", "handle",
                          "finish", "shutdown_request", "close_request"}));
}

QTEST_GUILESS_MAIN(tst_socketserver_handlers)
#include "tst_socketserver_handlers.moc"
