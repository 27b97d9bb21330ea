// The servers on other address families: UnixStreamServer and UnixDatagramServer (files as
// addresses, clients that must bind a path of their own to be answered), their threading
// variants, and TCPServer / UDPServer on IPv6.
#include "tst_socketserver_support.h"

#include "SampleHandlers.h"

#include <QTemporaryDir>

using namespace sstest;

namespace {

class EchoPacketHandler : public DatagramRequestHandler {
public:
    void handle() override { wfile().write("echo: " + packet()); }
};

SocketAddress pathIn(const QTemporaryDir &dir, const char *name)
{
    return *SocketAddress::unixPath(dir.filePath(QLatin1String(name)).toStdString());
}

Socket unixClient(int type, const SocketAddress *bindTo = nullptr)
{
    auto s = Socket::create(AF_UNIX, type);
    if (!s || !s->setTimeout(kClientTimeout) || (bindTo && !s->bind(*bindTo)))
        return {};
    return std::move(s).value();
}

} // namespace

class tst_socketserver_families : public QObject {
    Q_OBJECT
private slots:
    void unixStreamServerServesTimestamps();
    void unixDatagramServerAnswersBoundClients();
    void unixDatagramServerCannotAnswerUnboundClients();
    void threadingUnixStreamServer();
    void ipv6Servers();
};

void tst_socketserver_families::unixStreamServerServesTimestamps()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<std::string> console;
    UnixStreamServer server(pathIn(dir, "ts.sock"),
                            tutorial::timestampHandler([&](const std::string &l) { console.push_back(l); },
                                                       [] { return std::string("Mon Jan  1 00:00:00 2024"); }));
    QVERIFY2(server.initStatus(), server.initStatus().error().pythonString().c_str());
    QCOMPARE(server.serverAddress().host(), pathIn(dir, "ts.sock").host());
    QCOMPARE(socketKind(server.socket().family(), server.socket().type()), SocketKind::UnixStream);
    ServerThread serving(server);
    Socket client = unixClient(SOCK_STREAM);
    QVERIFY(client.connect(server.serverAddress()));
    QVERIFY(client.sendAll("over a file\r\n"));
    QCOMPARE(qs(readAll(client)), QStringLiteral("[Mon Jan  1 00:00:00 2024] over a file\r\n"));
    QVERIFY(serving.stop());
    server.serverClose();
    // An unbound Unix client has an empty address: print() shows nothing after the colon.
    QCOMPARE(toList(console), QStringList{QStringLiteral("...connected from: ")});
}

void tst_socketserver_families::unixDatagramServerAnswersBoundClients()
{
    QTemporaryDir dir;
    UnixDatagramServer server(pathIn(dir, "dgram.sock"), RequestHandlerClass::of<EchoPacketHandler>());
    QVERIFY(server.initStatus());
    ServerThread serving(server);
    const SocketAddress me = pathIn(dir, "client.sock");
    Socket client = unixClient(SOCK_DGRAM, &me);
    QVERIFY(client.sendTo("ping", server.serverAddress()));
    auto reply = client.recvFrom(100);
    QVERIFY(reply);
    QCOMPARE(qs(reply->data), QStringLiteral("echo: ping"));
    QCOMPARE(reply->from.host(), server.serverAddress().host());
    QVERIFY(serving.stop());
    server.serverClose();
}

void tst_socketserver_families::unixDatagramServerCannotAnswerUnboundClients()
{
    // Python's own note in DatagramRequestHandler: recvfrom gives no usable address for a
    // client that did not bind, so finish()'s sendto fails and handle_error reports it.
    QTemporaryDir dir;
    TraceLog log;
    ErrorText errors;
    UnixDatagramServer server(pathIn(dir, "dgram.sock"), RequestHandlerClass::of<EchoPacketHandler>(),
                              {log.stream(), {}, {}, ""});
    server.setErrorOutput(errors.sink());
    ServerThread serving(server);
    Socket client = unixClient(SOCK_DGRAM);
    QVERIFY(client.sendTo("anyone?", server.serverAddress()));
    QTRY_VERIFY_WITH_TIMEOUT(log.count(TraceCall::HandleError, TracePhase::Returned) == 1, 10000);
    QVERIFY(serving.stop());
    server.serverClose();
    QCOMPARE(log.count(TraceCall::Finish, TracePhase::Failed), 1);
    QVERIFY2(qs(errors.text()).contains(QStringLiteral("Exception occurred during processing of request from")),
             errors.text().c_str());
}

void tst_socketserver_families::threadingUnixStreamServer()
{
    QTemporaryDir dir;
    TraceLog log;
    ThreadingUnixStreamServer server(pathIn(dir, "t.sock"), tutorial::upperEchoHandler([](const std::string &) {}),
                                     {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    for (const char *word : {"alpha", "beta"}) {
        Socket client = unixClient(SOCK_STREAM);
        QVERIFY(client.connect(server.serverAddress()));
        QVERIFY(client.sendAll(word));
        QCOMPARE(qs(readAll(client)), qs(tutorial::upper(word)));
    }
    QVERIFY(serving.stop());
    server.serverClose();
    QCOMPARE(log.count(TraceCall::ThreadEnded, TracePhase::Returned), 2);
}

void tst_socketserver_families::ipv6Servers()
{
    REQUIRE_WITNESS(testsupport::ipv6Loopback(), "no IPv6 loopback (::1) on this machine");
    TCPServer tcp(SocketAddress::loopback(AF_INET6, 0), tutorial::upperEchoHandler([](const std::string &) {}));
    UDPServer udp(SocketAddress::loopback(AF_INET6, 0), RequestHandlerClass::of<EchoPacketHandler>());
    QVERIFY(tcp.initStatus() && udp.initStatus());
    QCOMPARE(tcp.socket().family(), AF_INET6);
    ServerThread a(tcp), b(udp);
    QCOMPARE(qs(exchange(tcp.serverAddress(), "six")), QStringLiteral("SIX"));
    auto client = Socket::create(AF_INET6, SOCK_DGRAM);
    QVERIFY(client && client->setTimeout(kClientTimeout));
    QVERIFY(client->sendTo("v6", udp.serverAddress()));
    auto reply = client->recvFrom(100);
    QVERIFY(reply);
    QCOMPARE(qs(reply->data), QStringLiteral("echo: v6"));
}

QTEST_GUILESS_MAIN(tst_socketserver_families)
#include "tst_socketserver_families.moc"
