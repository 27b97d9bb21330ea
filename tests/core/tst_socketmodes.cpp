// The Socket object beyond one TCP connection: UDP datagrams, blocking modes and timeouts,
// socket options, socketpair, IPv6 and Unix sockets, on real loopback sockets.
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

class TestSocketModes : public QObject {
    Q_OBJECT

private slots:
    void udpDatagramTruncatedToBufsize()
    {
        Socket receiver = guarded(testsupport::boundLoopback(SOCK_DGRAM));
        const SocketAddress to = nameOf(receiver.getSockName());
        Socket sender = make(AF_INET, SOCK_DGRAM);
        const std::string hundred(100, 'u');
        QCOMPARE(valueOr(sender.sendTo(hundred, to), std::size_t(0)), std::size_t(100));
        QCOMPARE(stateOf(sender), QStringLiteral("bound"));  // sendto bound it to an ephemeral port
        QCOMPARE(valueOr(sender.sendTo(hundred, to), std::size_t(0)), std::size_t(100));

        const auto d = receiver.recvFrom(10);
        QVERIFY(d);
        QCOMPARE(d->data.size(), std::size_t(10));
        QVERIFY(d->truncated);
        QCOMPARE(qs(d->from.host()), QStringLiteral("127.0.0.1"));
        QCOMPARE(d->from.port(), testsupport::portOf(sender));

        QCOMPARE(text(receiver.recv(10)), QString(10, QLatin1Char('u')));  // the rest of each datagram is lost
        receiver.setBlocking(false);
        QCOMPARE(receiver.recv(10).error().code(), EAGAIN);
        QCOMPARE(receiver.record()->messagesReceived.load(), std::uint64_t(2));
    }

    void udpDatagramLargerThanReceiveBuffer()
    {
        Socket receiver = guarded(testsupport::boundLoopback(SOCK_DGRAM));
        QVERIFY(receiver.setOption(SOL_SOCKET, SO_RCVBUF, 1));  // the kernel raises it to its minimum
        const int rcvbuf = valueOr(receiver.option(SOL_SOCKET, SO_RCVBUF), 0);
        QVERIFY(rcvbuf > 0);
        const std::string big(std::size_t(rcvbuf) * 2, 'B');
        const SocketAddress to = nameOf(receiver.getSockName());
        Socket sender = make(AF_INET, SOCK_DGRAM);
        QVERIFY(sender.sendTo(big, to));  // an empty queue takes one datagram of any size
        QTRY_VERIFY_WITH_TIMEOUT(receiver.record()->probe().receiveQueue > 0, 5000);
        QVERIFY(sender.sendTo(big, to));  // the queue is over its limit: this one is dropped
        QTRY_COMPARE_WITH_TIMEOUT(procNetRow("udp", testsupport::portOf(receiver)).value(12), QByteArray("1"), 5000);

        const auto d = receiver.recvFrom(100);
        QVERIFY(d);
        QCOMPARE(d->data.size(), std::size_t(100));
        QVERIFY(d->truncated);
        receiver.setBlocking(false);
        QCOMPARE(receiver.recv(100).error().code(), EAGAIN);  // the second datagram is lost
    }

    void sendToFullBufferWouldBlockOrTimesOut()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        QVERIFY(c->client.setOption(SOL_SOCKET, SO_SNDBUF, 4096));
        QVERIFY(c->server.setOption(SOL_SOCKET, SO_RCVBUF, 4096));  // and the server never reads
        const std::string chunk(16 * 1024, 'f');

        c->client.setBlocking(false);
        QCOMPARE(c->client.timeout().value_or(-1), 0.0);
        SocketError error;
        std::uint64_t total = 0;
        for (int i = 0; i < 100000 && !error.isError(); ++i) {
            const auto n = c->client.send(chunk);
            if (n)
                total += *n;
            else
                error = n.error();
        }
        QVERIFY(total > 0);
        QCOMPARE(pyError(error), QStringLiteral("BlockingIOError: [Errno 11] Resource temporarily unavailable"));

        // Acknowledgements still in flight may free a little room: send until a wait times out.
        QVERIFY(c->client.setTimeout(0.2));
        error = {};
        qint64 waitedMs = 0;
        for (int i = 0; i < 200 && !error.isError(); ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto n = c->client.send(chunk);
            waitedMs = timer.elapsed();
            if (!n)
                error = n.error();
        }
        QCOMPARE(pyError(error), QStringLiteral("TimeoutError: timed out"));
        QVERIFY2(waitedMs >= 199, qPrintable(QString::number(waitedMs)));
    }

    void recvWithoutDataWouldBlockOrTimesOut()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        c->server.setBlocking(false);
        QCOMPARE(text(c->server.recv(1024)),
                 QStringLiteral("<BlockingIOError: [Errno 11] Resource temporarily unavailable>"));

        QVERIFY(c->server.setTimeout(0.1));
        QCOMPARE(c->server.timeout().value_or(-1), 0.1);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(text(c->server.recv(1024)), QStringLiteral("<TimeoutError: timed out>"));
        const qint64 waited = timer.elapsed();
        QVERIFY2(waited >= 99, qPrintable(QString::number(waited)));
        QCOMPARE(stateOf(c->server), QStringLiteral("connected"));

        QCOMPARE(c->server.setTimeout(-1.0).error().code(), EINVAL);
        QCOMPARE(c->server.timeout().value_or(-1), 0.1);  // unchanged
        QVERIFY(c->server.setTimeout(std::nullopt));
        QVERIFY(!c->server.timeout().has_value());

        QVERIFY(c->client.sendAll("late"));  // a timeout does not spoil the socket
        QVERIFY(c->server.setTimeout(5.0));
        QCOMPARE(text(c->server.recv(1024)), QStringLiteral("late"));
    }

    void socketOptions()
    {
        auto c = tcpConnection();
        QVERIFY(c);
        Socket &s = c->client;
        QCOMPARE(valueOr(s.option(SOL_SOCKET, SO_REUSEADDR), -1), 0);
        QVERIFY(s.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        QCOMPARE(valueOr(s.option(SOL_SOCKET, SO_REUSEADDR), -1), 1);

        // Linux doubles the value asked for (room for its bookkeeping): the lesson shows 65536.
        QVERIFY(s.setOption(SOL_SOCKET, SO_RCVBUF, 32768));
        QCOMPARE(valueOr(s.option(SOL_SOCKET, SO_RCVBUF), -1), doubledBuffer(32768, "/proc/sys/net/core/rmem_max"));
        QVERIFY(s.setOption(SOL_SOCKET, SO_SNDBUF, 32768));
        QCOMPARE(valueOr(s.option(SOL_SOCKET, SO_SNDBUF), -1), doubledBuffer(32768, "/proc/sys/net/core/wmem_max"));
        QCOMPARE(s.record()->probe().receiveBuffer, valueOr(s.option(SOL_SOCKET, SO_RCVBUF), -1));

        QCOMPARE(valueOr(s.option(SOL_SOCKET, SO_KEEPALIVE), -1), 0);
        QVERIFY(s.setOption(SOL_SOCKET, SO_KEEPALIVE, 1));
        QCOMPARE(valueOr(s.option(SOL_SOCKET, SO_KEEPALIVE), -1), 1);
        QCOMPARE(valueOr(s.option(IPPROTO_TCP, TCP_NODELAY), -1), 0);
        QVERIFY(s.setOption(IPPROTO_TCP, TCP_NODELAY, 1));
        QCOMPARE(valueOr(s.option(IPPROTO_TCP, TCP_NODELAY), -1), 1);

        QCOMPARE(s.setOption(SOL_SOCKET, 12345, 1).error().code(), ENOPROTOOPT);
        QCOMPARE(valueOr(s.option(SOL_SOCKET, SO_TYPE), -1), int(SOCK_STREAM));
    }

    void pairStreamAndDatagram()
    {
        auto stream = Socket::pair(AF_UNIX, SOCK_STREAM);
        QVERIFY(stream);
        Socket a = guarded(std::move(stream->first)), b = guarded(std::move(stream->second));
        QCOMPARE(stateOf(a), QStringLiteral("connected"));
        QVERIFY(a.sendAll("ping"));
        QCOMPARE(text(b.recv(64)), QStringLiteral("ping"));
        QVERIFY(b.sendAll("pong"));
        QCOMPARE(text(a.recv(64)), QStringLiteral("pong"));

        auto dgram = Socket::pair(AF_UNIX, SOCK_DGRAM);
        QVERIFY(dgram);
        QVERIFY(dgram->second.setTimeout(kHangGuardSeconds));
        for (const char *m : {"a", "bc", "def"})
            QVERIFY(dgram->first.send(m));
        QCOMPARE(text(dgram->second.recv(1024)), QStringLiteral("a"));
        QCOMPARE(text(dgram->second.recv(1024)), QStringLiteral("bc"));
        QCOMPARE(text(dgram->second.recv(1024)), QStringLiteral("def"));
    }

    void ipv6Loopback()
    {
        REQUIRE_WITNESS(testsupport::ipv6Loopback(), "no IPv6 loopback (::1) on this machine");
        auto c = tcpConnection(AF_INET6);
        QVERIFY(c);
        const SocketAddress server = nameOf(c->listener.getSockName());
        QCOMPARE(qs(server.host()), QStringLiteral("::1"));
        QCOMPARE(qs(server.pythonRepr()), QStringLiteral("('::1', %1, 0, 0)").arg(server.port()));
        QCOMPARE(c->peerSeenByAccept, nameOf(c->client.getSockName()));
        QVERIFY(c->client.sendAll("six"));
        QCOMPARE(text(c->server.recv(64)), QStringLiteral("six"));
    }

    void unixStreamOnPath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("lab.sock")).toStdString();
        const auto address = SocketAddress::unixPath(path);
        QVERIFY(address);
        Socket listener = make(AF_UNIX, SOCK_STREAM);
        QVERIFY(listener.bind(*address));
        QVERIFY(listener.listen(5));
        QCOMPARE(qs(nameOf(listener.getSockName()).host()), qs(path));

        Socket client = make(AF_UNIX, SOCK_STREAM);
        QVERIFY(client.connect(*address));
        auto accepted = listener.accept();
        QVERIFY(accepted);
        QVERIFY(accepted->socket.setTimeout(kHangGuardSeconds));
        QVERIFY(client.sendAll("local"));
        QCOMPARE(text(accepted->socket.recv(64)), QStringLiteral("local"));
        QVERIFY(accepted->socket.sendAll("reply"));
        QCOMPARE(text(client.recv(64)), QStringLiteral("reply"));

        // The path stays behind after close: binding it again is "Address already in use".
        QVERIFY(listener.close());
        QCOMPARE(make(AF_UNIX, SOCK_STREAM).bind(*address).error().code(), EADDRINUSE);
    }

};

QTEST_GUILESS_MAIN(TestSocketModes)
#include "tst_socketmodes.moc"
