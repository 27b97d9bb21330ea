// Tests of the Socket object on real loopback sockets: each call's success path, the
// failures a learner meets (refused, in use, reset, timed out, would block, closed), and
// the facts the core promises (close-on-exec, MSG_NOSIGNAL, no descriptor leaks).
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <Socket.h>
#include <TraceStream.h>

#include "TestSupport.h"

#include <algorithm>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>

#include "SocketTestHelpers.h"

using namespace socketlab;
using namespace socktest;

class TestSocket : public QObject {
    Q_OBJECT

private slots:
    void create_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("type");
        const std::pair<int, const char *> families[] = {{AF_INET, "inet"}, {AF_INET6, "inet6"}, {AF_UNIX, "unix"}};
        for (const auto &[family, familyName] : families) {
            QTest::addRow("%s stream", familyName) << int(family) << int(SOCK_STREAM);
            QTest::addRow("%s dgram", familyName) << int(family) << int(SOCK_DGRAM);
        }
    }

    void create()
    {
        QFETCH(int, family);
        QFETCH(int, type);
        if (family == AF_INET6)
            REQUIRE_WITNESS(testsupport::ipv6Loopback(), "no IPv6 on this machine");
        auto created = Socket::create(family, type);
        QVERIFY2(created, qPrintable(pyError(created.error())));
        Socket s = std::move(created).value();
        const int fd = s.fileno();
        QVERIFY(fd >= 0 && s.isOpen());
        QCOMPARE(s.family(), family);
        QCOMPARE(s.type(), type);
        QVERIFY2(closeOnExec(fd), "every descriptor must be close-on-exec");
        QCOMPARE(stateOf(s), QStringLiteral("created"));

        QVERIFY(s.close());
        QCOMPARE(s.fileno(), -1);
        QCOMPARE(stateOf(s), QStringLiteral("closed"));
        QCOMPARE(::fcntl(fd, F_GETFD), -1);  // the kernel descriptor is really gone
        QVERIFY2(s.close(), "closing twice is harmless");
        QCOMPARE(s.fileno(), -1);
    }

    void acceptedAndPairedDescriptorsAreCloseOnExec()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        QVERIFY2(closeOnExec(c->server.fileno()), "accept must use accept4(SOCK_CLOEXEC)");
        auto pair = Socket::pair(AF_UNIX, SOCK_STREAM);
        QVERIFY(pair);
        QVERIFY(closeOnExec(pair->first.fileno()));
        QVERIFY(closeOnExec(pair->second.fileno()));
    }

    // The walk of Qt's platformsocketengine test, with our state after every step.
    void tcpWalkThroughStates()
    {
        Socket listener = make(AF_INET, SOCK_STREAM);
        QCOMPARE(stateOf(listener), QStringLiteral("created"));
        QVERIFY(listener.bind(SocketAddress::loopback(AF_INET, 0)));
        QCOMPARE(stateOf(listener), QStringLiteral("bound"));
        const SocketAddress bound = nameOf(listener.getSockName());
        QVERIFY(bound.port() != 0);
        QCOMPARE(qs(bound.host()), QStringLiteral("127.0.0.1"));
        QVERIFY(listener.listen(5));
        QCOMPARE(stateOf(listener), QStringLiteral("listening"));

        Socket client = make(AF_INET, SOCK_STREAM);
        QVERIFY(client.connect(SocketAddress::loopback(AF_INET, bound.port())));
        QCOMPARE(stateOf(client), QStringLiteral("connected"));
        const SocketAddress clientName = nameOf(client.getSockName());
        QVERIFY(clientName.isValid());
        QCOMPARE(nameOf(client.getPeerName()), bound);

        auto accepted = listener.accept();
        QVERIFY(accepted);
        Socket server = guarded(std::move(accepted->socket));
        QCOMPARE(qs(accepted->address.toString()), qs(clientName.toString()));
        QCOMPARE(nameOf(server.getPeerName()), clientName);
        QCOMPARE(nameOf(server.getSockName()), bound);
        QCOMPARE(stateOf(server), QStringLiteral("connected"));
        QCOMPARE(stateOf(listener), QStringLiteral("listening"));

        QCOMPARE(valueOr(client.send("hello"), std::size_t(0)), std::size_t(5));
        QCOMPARE(text(server.recv(1024)), QStringLiteral("hello"));
        QCOMPARE(server.record()->bytesReceived.load(), std::uint64_t(5));
        QCOMPARE(client.record()->bytesSent.load(), std::uint64_t(5));

        QVERIFY(client.shutdown(SHUT_WR));
        QCOMPARE(stateOf(client), QStringLiteral("shut down"));
        QCOMPARE(text(server.recv(1024)), QString());
        QCOMPARE(stateOf(server), QStringLiteral("peer closed"));

        for (Socket *s : {&server, &client, &listener}) {
            QVERIFY(s->close());
            QCOMPARE(stateOf(*s), QStringLiteral("closed"));
        }
    }

    void bindToListeningPortIsAddressInUse()
    {
        Socket listener = testsupport::boundLoopback();
        QVERIFY(listener.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        const std::uint16_t port = testsupport::portOf(listener);
        for (const int reuse : {0, 1}) {  // SO_REUSEADDR does not help while a server listens
            Socket second = make(AF_INET, SOCK_STREAM);
            QVERIFY(second.setOption(SOL_SOCKET, SO_REUSEADDR, reuse));
            const Status st = second.bind(SocketAddress::loopback(AF_INET, port));
            QCOMPARE(pyError(st.error()), QStringLiteral("OSError: [Errno 98] Address already in use"));
            QCOMPARE(stateOf(second), QStringLiteral("created"));
        }
    }

    void timeWaitBlocksRebindUntilReuseAddr()
    {
        // The lesson's server sets SO_REUSEADDR: on Linux a TIME_WAIT connection lets a new
        // socket share its port only if both the old socket and the new one asked for it.
        Socket listener = testsupport::boundLoopback();
        QVERIFY(listener.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        const std::uint16_t port = testsupport::portOf(listener);
        Socket client = make(AF_INET, SOCK_STREAM);
        QVERIFY(client.connect(SocketAddress::loopback(AF_INET, port)));
        const std::uint16_t clientPort = testsupport::portOf(client);
        auto accepted = listener.accept();
        QVERIFY(accepted);

        QVERIFY(accepted->socket.close());  // the server closes first: its side gets TIME_WAIT
        QCOMPARE(text(client.recv(16)), QString());
        QVERIFY(client.close());
        QVERIFY(listener.close());
        QTRY_COMPARE_WITH_TIMEOUT(procNetRow("tcp", port, clientPort).value(3), QByteArray("06"), 5000);  // TIME_WAIT

        Socket plain = make(AF_INET, SOCK_STREAM);
        const Status refused = plain.bind(SocketAddress::loopback(AF_INET, port));  // no SO_REUSEADDR
        QCOMPARE(pyError(refused.error()), QStringLiteral("OSError: [Errno 98] Address already in use"));

        Socket reusing = make(AF_INET, SOCK_STREAM);
        QVERIFY(reusing.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        const Status st = reusing.bind(SocketAddress::loopback(AF_INET, port));
        QVERIFY2(st, qPrintable(pyError(st.error())));
        QVERIFY(reusing.listen(5));
        QCOMPARE(testsupport::portOf(reusing), port);
    }

    void connectToClosedPortIsRefused()
    {
        // A bound socket that never listens holds the port, so nobody else can take it meanwhile.
        Socket holder = make(AF_INET, SOCK_STREAM);
        QVERIFY(holder.bind(SocketAddress::loopback(AF_INET, 0)));
        const SocketAddress closedPort = SocketAddress::loopback(AF_INET, testsupport::portOf(holder));

        Socket a = make(AF_INET, SOCK_STREAM);
        QVERIFY(a.isOpen());
        QCOMPARE(a.connectEx(closedPort), 111);  // ECONNREFUSED
        QCOMPARE(stateOf(a), QStringLiteral("created"));

        Socket b = make(AF_INET, SOCK_STREAM);
        const Status st = b.connect(closedPort);
        QCOMPARE(pyError(st.error()), QStringLiteral("ConnectionRefusedError: [Errno 111] Connection refused"));
        QCOMPARE(stateOf(b), QStringLiteral("created"));
    }

    void refusedBlockingSocketConnectsOnceSomethingListens()
    {
        // As CPython on Linux: a blocking socket refused once connects on the next try; one with
        // a timeout (non-blocking underneath in CPython too) meets [Errno 103] on that try.
        Socket holder = make(AF_INET, SOCK_STREAM);
        QVERIFY(holder.bind(SocketAddress::loopback(AF_INET, 0)));
        const SocketAddress there = SocketAddress::loopback(AF_INET, testsupport::portOf(holder));

        Socket blocking = make(AF_INET, SOCK_STREAM);
        QVERIFY(blocking.setTimeout(std::nullopt));  // truly blocking: no connect here can hang
        Socket timed = make(AF_INET, SOCK_STREAM);
        QVERIFY(timed.setTimeout(5.0));
        QCOMPARE(blocking.connectEx(there), 111);
        QCOMPARE(timed.connectEx(there), 111);

        QVERIFY(holder.listen(2));
        const Status connected = blocking.connect(there);
        QVERIFY2(connected, qPrintable(pyError(connected.error())));
        QCOMPARE(stateOf(blocking), QStringLiteral("connected"));
        QCOMPARE(pyError(timed.connect(there).error()),
                 QStringLiteral("ConnectionAbortedError: [Errno 103] Software caused connection abort"));
    }

    void acceptBeforeListenIsInvalid()
    {
        Socket s = make(AF_INET, SOCK_STREAM);
        QVERIFY(s.bind(SocketAddress::loopback(AF_INET, 0)));
        QVERIFY(s.setTimeout(2.0));  // a wrongly blocking accept fails the test instead of hanging it
        QCOMPARE(pyError(s.accept().error()), QStringLiteral("OSError: [Errno 22] Invalid argument"));
    }

    void recvReturnsEmptyWhenPeerCloses()
    {
        auto trace = std::make_shared<TraceStream>();
        auto c = tcpConnection(AF_INET, SocketContext{trace, {}, {}, "test"});
        QVERIFY(c);
        QVERIFY(c->client.sendAll("bye"));
        QVERIFY(c->client.close());
        QCOMPARE(text(c->server.recv(1024)), QStringLiteral("bye"));
        QCOMPARE(stateOf(c->server), QStringLiteral("connected"));
        QCOMPARE(text(c->server.recv(1024)), QString());
        QCOMPARE(stateOf(c->server), QStringLiteral("peer closed"));

        std::vector<TraceEvent> events;
        trace->drain(events);
        const auto it = std::find_if(events.rbegin(), events.rend(), [&](const TraceEvent &e) {
            return e.socketId == c->server.id() && e.call == TraceCall::Recv && e.phase == TracePhase::Returned;
        });
        QVERIFY(it != events.rend());
        QCOMPARE(it->result, std::int64_t(0));
        QVERIFY(it->flags & TraceFlagPeerClosed);
    }

    void ownShutdownIsNotPeerClosed()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        QVERIFY(c->server.shutdown(SHUT_RD));
        QCOMPARE(text(c->server.recv(1024)), QString());
        QCOMPARE(stateOf(c->server), QStringLiteral("shut down"));
    }

    void threeSendsOneRecv()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        for (const char *word : {"one", "two", "three"})
            QVERIFY(c->client.send(word));
        QTRY_COMPARE_WITH_TIMEOUT(c->server.record()->probe().receiveQueue, std::int64_t(11), 5000);
        QCOMPARE(text(c->server.recv(1024)), QStringLiteral("onetwothree"));
        QCOMPARE(c->client.record()->messagesSent.load(), std::uint64_t(3));
        QCOMPARE(c->server.record()->messagesReceived.load(), std::uint64_t(1));
    }

    void sendAfterPeerResetIsAnErrorNotSigpipe()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        const linger hardClose{1, 0};
        QCOMPARE(::setsockopt(c->server.fileno(), SOL_SOCKET, SO_LINGER, &hardClose, sizeof hardClose), 0);
        QVERIFY(c->server.close());  // sends RST
        QVERIFY(c->client.setTimeout(5.0));
        SocketError error;
        for (int i = 0; i < 100000 && !error.isError(); ++i) {
            const auto n = c->client.send("x");
            if (!n)
                error = n.error();
        }
        const QString shown = pyError(error);
        QVERIFY2(shown == QStringLiteral("BrokenPipeError: [Errno 32] Broken pipe")
                     || shown == QStringLiteral("ConnectionResetError: [Errno 104] Connection reset by peer"),
                 qPrintable(shown));
        const auto again = c->client.send("x");  // we are still alive, and it stays an error
        QVERIFY(!again);
        QCOMPARE(again.error().code(), EPIPE);
    }

    void sendAllLargeMessageAcrossThreads()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        std::string message(8u << 20, '\0');
        for (std::size_t i = 0; i < message.size(); ++i)
            message[i] = static_cast<char>((i * 7) % 251);

        std::string received;
        SocketError readError;
        std::thread reader([&] {
            Socket &s = c->server;
            (void)s.setTimeout(20.0);
            while (received.size() < message.size()) {
                const auto chunk = s.recv(256 * 1024);
                if (!chunk || chunk->empty()) {
                    readError = chunk ? SocketError(ErrorKind::Os, ECONNRESET) : chunk.error();
                    return;
                }
                received += *chunk;
            }
        });
        const Status sent = c->client.sendAll(message);
        reader.join();
        QVERIFY2(sent, qPrintable(pyError(sent.error())));
        QVERIFY2(!readError.isError(), qPrintable(pyError(readError)));
        QCOMPARE(received.size(), message.size());
        QVERIFY(received == message);
        QCOMPARE(c->client.record()->bytesSent.load(), std::uint64_t(message.size()));
        QCOMPARE(c->server.record()->bytesReceived.load(), std::uint64_t(message.size()));
    }

    void callsOnClosedSocketAreBadDescriptor()
    {
        Socket s = make(AF_INET, SOCK_STREAM);
        QVERIFY(s.isOpen());
        QVERIFY(s.close());
        const SocketAddress there = SocketAddress::loopback(AF_INET, 9);
        char buffer[8];
        const std::vector<std::pair<const char *, SocketError>> calls = {
            {"bind", s.bind(there).error()},
            {"listen", s.listen().error()},
            {"accept", s.accept().error()},
            {"connect", s.connect(there).error()},
            {"send", s.send("x").error()},
            {"sendall", s.sendAll("x").error()},
            {"sendto", s.sendTo("x", there).error()},
            {"recv", s.recv(8).error()},
            {"recv_into", s.recvInto(buffer, sizeof buffer).error()},
            {"recvfrom", s.recvFrom(8).error()},
            {"shutdown", s.shutdown(SHUT_RDWR).error()},
            {"getsockname", s.getSockName().error()},
            {"getpeername", s.getPeerName().error()},
            {"setsockopt", s.setOption(SOL_SOCKET, SO_REUSEADDR, 1).error()},
            {"getsockopt", s.option(SOL_SOCKET, SO_REUSEADDR).error()},
        };
        for (const auto &[name, error] : calls)
            QVERIFY2(error.pythonString() == "OSError: [Errno 9] Bad file descriptor", name);
        QCOMPARE(s.connectEx(there), EBADF);

        Socket movedTo = make(AF_INET, SOCK_STREAM);
        Socket movedFrom = std::move(movedTo);  // a moved-from socket behaves as a closed one
        QCOMPARE(movedTo.fileno(), -1);
        QCOMPARE(text(movedTo.recv(1)), QStringLiteral("<OSError: [Errno 9] Bad file descriptor>"));
        QVERIFY(movedFrom.isOpen());
    }

    void recvHugeBufsizeReturnsWhatIsThere()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        QVERIFY(c->client.sendAll("hello"));
        QCOMPARE(text(c->server.recv(std::size_t(1) << 40)), QStringLiteral("hello"));
        QCOMPARE(c->server.record()->bytesReceived.load(), std::uint64_t(5));
    }

    void noDescriptorLeaks()
    {
        const int before = testsupport::openDescriptorCount();
        {
            auto c = tcpConnection();
            QVERIFY(c);
            QVERIFY(c->client.sendAll("x"));
            QCOMPARE(text(c->server.recv(8)), QStringLiteral("x"));
            QVERIFY(!make(AF_INET, SOCK_STREAM).bind(nameOf(c->listener.getSockName())));  // in use
            Socket holder = make(AF_INET, SOCK_STREAM);
            QVERIFY(holder.bind(SocketAddress::loopback(AF_INET, 0)));
            QVERIFY(!make(AF_INET, SOCK_STREAM).connect(nameOf(holder.getSockName())));  // refused
            QVERIFY(!holder.accept());  // not listening
            auto pair = Socket::pair(AF_UNIX, SOCK_DGRAM);
            QVERIFY(pair);
            Socket moved = std::move(pair->first);
            moved = std::move(pair->second);  // move-assigning closes the socket it replaces
            QVERIFY(!Socket::create(AF_INET, 12345));
            QVERIFY(testsupport::openDescriptorCount() > before);
        }
        QCOMPARE(testsupport::openDescriptorCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestSocket)
#include "tst_socket.moc"
