// tst_lessonfacts: what the six socket labs' lessons claim, shown by running the labs on real
// loopback sockets, with the kernel's own table of TCP connections (/proc/net/tcp) as the
// witness for TIME_WAIT and SYN_SENT:
// - a UDP reply longer than the client's BUFSIZ is cut to its first BUFSIZ bytes, and the
//   rest is discarded, not kept for the next recvfrom(); a UDP server with a small BUFSIZ
//   answers only the start of a datagram;
// - a TCP server with a small BUFSIZ takes one line in several recv() calls and answers each;
// - StreamRequestHandler's readline() ends at "\n" alone, or at the end of the stream;
// - socketserver closes first, so each request leaves a TIME_WAIT on the server's port, while
//   in tsTserv / tsTclnt the client closes first and keeps it;
// - every TCP server lab binds again at once although its port has connections in TIME_WAIT
//   (SO_REUSEADDR, allow_reuse_address), where a plain bind() fails with Errno 98; the UDP
//   labs need nothing for that;
// - with a full accept queue (backlog 0 holds one connection) a client's connect() waits in
//   SYN_SENT, is not refused, and completes once the server accepts.
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <kit/PythonText.h>

#include <QFile>
#include <QSignalSpy>
#include <QtTest>

#include <cstring>
#include <ctime>
#include <vector>

#include <sys/socket.h>

using namespace socketlab;
using testsupport::stampedReply;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;  // generous for sanitizer builds; a pass takes milliseconds
constexpr double kSocketTimeoutS = 10.0;

// The TCP states of /proc/net/tcp (include/net/tcp_states.h).
enum TcpState { Established = 0x01, SynSent = 0x02, TimeWait = 0x06 };

struct TcpEntry {
    quint16 localPort = 0;
    quint16 remotePort = 0;
    int state = 0;
};

// The IPv4 TCP sockets of the whole machine on 127.0.0.1, as the kernel lists them.
QList<TcpEntry> loopbackTcpEntries()
{
    QList<TcpEntry> out;
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    // All at once: a /proc file has no size, and QFile::atEnd() can report its end after the
    // first buffer, so a busy machine's later rows would be missed.
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty())
        lines.removeFirst();  // the header
    const QString loopback = QStringLiteral("0100007F");  // 127.0.0.1, in the kernel's byte order
    for (const QByteArray &line : lines) {
        const QStringList f = QString::fromLatin1(line).simplified().split(QLatin1Char(' '));
        if (f.size() < 4)
            continue;
        const QStringList local = f.at(1).split(QLatin1Char(':'));
        const QStringList remote = f.at(2).split(QLatin1Char(':'));
        if (local.size() != 2 || remote.size() != 2 || local.at(0) != loopback)
            continue;
        out << TcpEntry{quint16(local.at(1).toUInt(nullptr, 16)), quint16(remote.at(1).toUInt(nullptr, 16)),
                        int(f.at(3).toUInt(nullptr, 16))};
    }
    return out;
}

int countEntries(int state, quint16 localPort, quint16 remotePort = 0)
{
    int n = 0;
    for (const TcpEntry &e : loopbackTcpEntries()) {
        if (e.state == state && (localPort == 0 || e.localPort == localPort)
            && (remotePort == 0 || e.remotePort == remotePort))
            ++n;
    }
    return n;
}

// A plain socket of this type binding 127.0.0.1:port without SO_REUSEADDR: 0, or the errno.
int plainBindError(int type, quint16 port)
{
    auto s = Socket::create(AF_INET, type);
    if (!s)
        return -1;
    const Status bound = s->bind(SocketAddress::loopback(AF_INET, port));
    return bound ? 0 : bound.error().code();
}

// A client socket of the test's own, connected to 127.0.0.1:port, that gives up after 10 s.
Socket connectedTo(quint16 port)
{
    auto s = Socket::create(AF_INET, SOCK_STREAM);
    if (!s || !s->setTimeout(kSocketTimeoutS) || !s->connect(SocketAddress::loopback(AF_INET, port)))
        return {};
    return std::move(s).value();
}

// Everything the peer sends until it closes its side (or an error, or the timeout).
std::string readToEnd(Socket &s)
{
    std::string all;
    for (;;) {
        Result<Bytes> chunk = s.recv(4096);
        if (!chunk || chunk->empty())
            return all;
        all += *chunk;
    }
}

// "[ctime] data" at either of two moments around a request: the server stamped it between them.
bool isStampedBetween(const std::string &reply, const std::string &data, const std::string &before,
                      const std::string &after)
{
    return reply == "[" + before + "] " + data || reply == "[" + after + "] " + data;
}

} // namespace

class TestLessonFacts : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

    const LabDefinition &lab(const QString &id) { return *m_catalog.find(id); }

    // Starts the session's server pane on `port` (0: a free one) and returns the port it
    // bound, or 0 (with the pane's error in `error`).
    static quint16 startServer(LabSession &session, quint16 port, QString *error = nullptr)
    {
        PaneRunner *server = session.pane(QStringLiteral("server"));
        if (!server->setParam(QStringLiteral("port"), QString::number(port)).isEmpty())
            return 0;
        QSignalSpy published(server, &PaneRunner::published);
        server->start();
        (void)QTest::qWaitFor([&] { return !published.isEmpty() || server->state() == State::Failed; }, kWaitMs);  // either way, see below
        if (published.isEmpty()) {
            if (error)
                *error = server->lastError();
            return 0;
        }
        return quint16(published.first().at(1).toString().toUInt());
    }

    // The client pane's printed replies, once it has printed `count` of them (or the time is up).
    static QStringList waitForPrinted(const QSignalSpy &output, qsizetype count)
    {
        (void)QTest::qWaitFor([&] { return texts(output).filter(QStringLiteral("[")).size() >= count; }, kWaitMs);  // the caller counts
        return texts(output).filter(QStringLiteral("["));
    }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        for (const char *id : {"tcp-timestamp", "udp-timestamp", "socketserver", "socketserver-echo",
                               "socketserver-concurrency", "udp-socketserver"})
            QVERIFY2(m_catalog.find(QLatin1String(id)), id);
        QVERIFY2(QFile::exists(QStringLiteral("/proc/net/tcp")), "the kernel's TCP table is the witness here");
    }

    // Every timestamp server stamps its reply with time.ctime(), which is C's asctime() of
    // the local time: a one-digit day padded with a space, English names in any locale.
    void ctimeIsAsctime()
    {
        const std::time_t now = std::time(nullptr);
        // Today, the epoch and the last second of its day (00:00:00 and 23:59:59 in UTC), a leap day, 2038,
        // and a moment every 13 days for a year: one- and two-digit days, every month and weekday.
        std::vector<std::time_t> moments{now, 0, 86399, 951782400 /* 2000-02-29 */, 2147483647};
        for (int day = 0; day < 400; day += 13)
            moments.push_back(now + day * 86400 + day * 3671);
        for (const std::time_t when : moments) {
            std::tm local{};
            QVERIFY(localtime_r(&when, &local));
            char c[64] = {};
            QVERIFY(asctime_r(&local, c));
            c[std::strcspn(c, "\n")] = '\0';
            QCOMPARE(QString::fromStdString(python::ctime(when)), QString::fromLatin1(c));
        }
        QCOMPARE(python::ctime().size(), std::size_t(24));
    }

    // udp-socketserver, client BUFSIZ 10: the printed reply is the first 10 bytes of the
    // datagram the server sent; the next reply starts afresh (the rest was discarded).
    void udpReplyIsCutToBufsiz()
    {
        LabSession session(lab(QStringLiteral("udp-socketserver")));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        QVERIFY(startServer(session, 0) != 0);
        QCOMPARE(client->setParam(QStringLiteral("bufsize"), QStringLiteral("10")), QString());
        QSignalSpy output(client, &PaneRunner::output);
        const std::string first = "a line longer than ten bytes";
        const std::string second = "and another";
        const std::string before = python::ctime();
        client->sendInput(QString::fromStdString(first));
        client->sendInput(QString::fromStdString(second));
        client->start();
        const QStringList printed = waitForPrinted(output, 2);
        const std::string after = python::ctime();

        // The server sent the whole timestamped line each time ...
        std::uint64_t serverSent = 0;
        std::uint64_t clientReceived = 0;
        for (const auto &record : session.registry()->snapshot()) {
            if (record->owner == "server" && record->type == SOCK_DGRAM)
                serverSent += record->bytesSent;
            if (record->owner == "client")
                clientReceived += record->bytesReceived;
        }
        const std::size_t stamp = std::string("[" + before + "] ").size();
        QCOMPARE(serverSent, std::uint64_t(2 * stamp + first.size() + second.size()));
        // ... and the client got 10 bytes of each: the start of that very datagram.
        QCOMPARE(clientReceived, std::uint64_t(20));
        QCOMPARE(printed.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const std::string shown = printed.at(i).toStdString();
            const std::string line = i == 0 ? first : second;
            QVERIFY2(shown == ("[" + before + "] " + line).substr(0, 10) || shown == ("[" + after + "] " + line).substr(0, 10),
                     shown.c_str());
        }
        session.stopAll();
    }

    // udp-timestamp, server BUFSIZ 4: 'hello world' is answered as b'hell'; the next datagram
    // is answered for itself, not with 'o world'.
    void udpServerKeepsOnlyTheStartOfADatagram()
    {
        LabSession session(lab(QStringLiteral("udp-timestamp")));
        QCOMPARE(session.pane(QStringLiteral("server"))->setParam(QStringLiteral("bufsize"), QStringLiteral("4")), QString());
        const quint16 port = startServer(session, 0);
        QVERIFY(port != 0);
        auto sock = Socket::create(AF_INET, SOCK_DGRAM);
        QVERIFY(sock && sock->setTimeout(kSocketTimeoutS));
        const SocketAddress server = SocketAddress::loopback(AF_INET, port);
        for (const auto &[sent, kept] : {std::pair<std::string, std::string>{"hello world", "hell"}, {"xy", "xy"}}) {
            const std::string before = python::ctime();
            QVERIFY(sock->sendTo(sent, server));
            Result<Datagram> reply = sock->recvFrom(1024);
            QVERIFY(reply);
            QVERIFY2(isStampedBetween(reply->data, kept, before, python::ctime()), reply->data.c_str());
        }
        session.stopAll();
    }

    // tcp-timestamp, server BUFSIZ 4: one 'hello world' takes three recv() calls, each answered.
    void tcpServerTakesALineInBufsizPieces()
    {
        LabSession session(lab(QStringLiteral("tcp-timestamp")));
        QCOMPARE(session.pane(QStringLiteral("server"))->setParam(QStringLiteral("bufsize"), QStringLiteral("4")), QString());
        const quint16 port = startServer(session, 0);
        QVERIFY(port != 0);
        Socket client = connectedTo(port);
        QVERIFY(client.isOpen());
        const std::string before = python::ctime();
        QVERIFY(client.sendAll("hello world"));
        const std::size_t stamp = std::string("[" + before + "] ").size();  // ctime() is always 24 characters
        const std::size_t expected = 3 * stamp + std::string("hello world").size();
        std::string replies;
        while (replies.size() < expected) {
            Result<Bytes> chunk = client.recv(4096);
            QVERIFY(chunk && !chunk->empty());
            replies += *chunk;
        }
        const std::string after = python::ctime();
        QCOMPARE(replies.size(), expected);
        const std::size_t cuts[] = {0, stamp + 4, 2 * stamp + 8};
        const std::string pieces[] = {"hell", "o wo", "rld"};
        for (int i = 0; i < 3; ++i) {
            const std::string reply = replies.substr(cuts[i], stamp + pieces[i].size());
            QVERIFY2(isStampedBetween(reply, pieces[i], before, after), reply.c_str());
        }
        session.stopAll();
    }

    // socketserver's StreamRequestHandler: readline() returns at "\n" without any "\r", and at
    // the end of the stream without any line end; a "\r" inside the line does not end it.
    void readlineEndsAtNewlineAlone_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<bool>("closeAfterSending");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("\\n alone") << QByteArray("abc\n") << false << QByteArray("abc\n");
        QTest::newRow("\\r inside the line") << QByteArray("a\rbc\nrest") << false << QByteArray("a\rbc\n");
        QTest::newRow("no line end, then the end of the stream") << QByteArray("xyz") << true << QByteArray("xyz");
    }

    void readlineEndsAtNewlineAlone()
    {
        QFETCH(QByteArray, sent);
        QFETCH(bool, closeAfterSending);
        QFETCH(QByteArray, line);
        LabSession session(lab(QStringLiteral("socketserver")));
        QSignalSpy serverOutput(session.pane(QStringLiteral("server")), &PaneRunner::output);
        const quint16 port = startServer(session, 0);
        QVERIFY(port != 0);
        Socket client = connectedTo(port);
        QVERIFY(client.isOpen());
        const std::string before = python::ctime();
        QVERIFY(client.sendAll(sent.toStdString()));
        if (closeAfterSending)
            QVERIFY(client.shutdown(SHUT_WR));
        // The handler answers and returns; the server then closes: the reply, then b''.
        const std::string reply = readToEnd(client);
        QVERIFY2(isStampedBetween(reply, line.toStdString(), before, python::ctime()), reply.c_str());
        QTRY_COMPARE_WITH_TIMEOUT(texts(serverOutput).filter(QStringLiteral("...connected from: ('127.0.0.1', ")).size(), 1,
                                  kWaitMs);
        session.stopAll();
    }

    // socketserver: after handle() returns the server closes first (the client reads b''
    // while its own end is still open), so the request leaves a TIME_WAIT on the server's
    // port, and none on the client's side.
    void socketServerLeavesTimeWaitOnItsPort()
    {
        LabSession session(lab(QStringLiteral("socketserver")));
        const quint16 port = startServer(session, 0);
        QVERIFY(port != 0);
        quint16 clientPort = 0;
        {
            Socket client = connectedTo(port);
            QVERIFY(client.isOpen());
            clientPort = testsupport::portOf(client);
            QVERIFY(client.sendAll("one request\r\n"));
            const std::string reply = readToEnd(client);  // the reply, then the server's FIN
            QVERIFY2(stampedReply().match(QString::fromStdString(reply).trimmed()).hasMatch(), reply.c_str());
            QCOMPARE(countEntries(TimeWait, port, clientPort), 0);  // not before this end closes too
        }
        QTRY_COMPARE_WITH_TIMEOUT(countEntries(TimeWait, port, clientPort), 1, kWaitMs);
        QCOMPARE(countEntries(TimeWait, clientPort, port), 0);  // the client's end is gone, not waiting
        session.stopAll();
    }

    // tsTserv / tsTclnt: the client closes first (an empty line), so the TIME_WAIT is the
    // client's, on its ephemeral port, and the server's port has none.
    void tcpTimestampClientKeepsTheTimeWait()
    {
        LabSession session(lab(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        const quint16 port = startServer(session, 0);
        QVERIFY(port != 0);
        QSignalSpy finished(client, &PaneRunner::finished);
        client->sendInput(QStringLiteral("hello"));
        client->sendInput(QString());
        client->start();
        QVERIFY(finished.wait(kWaitMs));
        // The server saw b'', closed its end and went back to accept().
        QTRY_VERIFY_WITH_TIMEOUT(server->blockedIn() == TraceCall::Accept, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(countEntries(TimeWait, 0, port), 1, kWaitMs);  // local: the client's port
        QCOMPARE(countEntries(TimeWait, port), 0);
        session.stopAll();
    }

    // Every TCP server lab binds its port again at once while an earlier connection on it
    // waits in TIME_WAIT, where a plain bind() is refused with Errno 98.
    void tcpLabsRestartDespiteTimeWait_data()
    {
        QTest::addColumn<QString>("labId");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("serverClosesFirst");  // socketserver does; tsTserv must be stopped
        QTest::newRow("tcp-timestamp") << QStringLiteral("tcp-timestamp") << QByteArray("hi") << false;
        QTest::newRow("socketserver") << QStringLiteral("socketserver") << QByteArray("hi\r\n") << true;
        QTest::newRow("socketserver-echo") << QStringLiteral("socketserver-echo") << QByteArray("hi\n") << true;
        QTest::newRow("socketserver-concurrency") << QStringLiteral("socketserver-concurrency") << QByteArray("hi\r\n") << true;
    }

    void tcpLabsRestartDespiteTimeWait()
    {
        QFETCH(QString, labId);
        QFETCH(QByteArray, request);
        QFETCH(bool, serverClosesFirst);
        LabSession session(lab(labId));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        const quint16 port = startServer(session, 0);
        QVERIFY(port != 0);
        {
            Socket client = connectedTo(port);
            QVERIFY(client.isOpen());
            QVERIFY(client.sendAll(request.toStdString()));
            Result<Bytes> reply = client.recv(4096);
            QVERIFY(reply && !reply->empty());
            if (!serverClosesFirst) {
                // Stopping the pane closes the server's end of the connection first.
                QTRY_VERIFY_WITH_TIMEOUT(server->blockedIn() == TraceCall::Recv, kWaitMs);
                session.stopAll();
            }
            readToEnd(client);  // to b'': then this end closes second
        }
        QTRY_VERIFY_WITH_TIMEOUT(countEntries(TimeWait, port) >= 1, kWaitMs);
        session.stopAll();
        QCOMPARE(plainBindError(SOCK_STREAM, port), EADDRINUSE);  // what the lab avoids

        session.reset();
        QString error;
        QCOMPARE(startServer(session, port, &error), port);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(server->isActive());
        session.stopAll();
    }

    // The UDP labs set nothing, and need nothing: a stopped UDP server leaves its port free.
    void udpLabsRestartWithoutReuse_data()
    {
        QTest::addColumn<QString>("labId");
        QTest::newRow("udp-timestamp") << QStringLiteral("udp-timestamp");
        QTest::newRow("udp-socketserver") << QStringLiteral("udp-socketserver");
    }

    void udpLabsRestartWithoutReuse()
    {
        QFETCH(QString, labId);
        LabSession session(lab(labId));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        const quint16 port = startServer(session, 0);
        QVERIFY(port != 0);
        {
            auto sock = Socket::create(AF_INET, SOCK_DGRAM);
            QVERIFY(sock && sock->setTimeout(kSocketTimeoutS));
            QVERIFY(sock->sendTo("hi", SocketAddress::loopback(AF_INET, port)));
            QVERIFY(sock->recvFrom(1024));
        }
        QCOMPARE(plainBindError(SOCK_DGRAM, port), EADDRINUSE);  // while it runs, the port is taken
        session.stopAll();
        QCOMPARE(plainBindError(SOCK_DGRAM, port), 0);  // and free the moment it stops
        session.reset();
        QCOMPARE(startServer(session, port), port);
        QVERIFY(server->isActive());
        session.stopAll();
    }

    // tcp-timestamp with backlog 0: client 1 is served, client 2 waits in the queue (it holds
    // backlog + 1 = 1), client 3's SYN is dropped: its connect() waits in SYN_SENT, is not
    // refused, and completes once client 1 quits and the server accepts client 2.
    void fullAcceptQueueDelaysConnectWithoutRefusing()
    {
        LabSession session(lab(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *first = session.pane(QStringLiteral("client"));
        QCOMPARE(server->setParam(QStringLiteral("backlog"), QStringLiteral("0")), QString());
        const quint16 port = startServer(session, 0);
        QVERIFY(port != 0);
        first->start();
        QTRY_VERIFY_WITH_TIMEOUT(first->state() == State::WaitingForInput && server->blockedIn() == TraceCall::Recv, kWaitMs);

        PaneRunner *second = session.addCopy(QStringLiteral("client"));
        QVERIFY(second);
        second->start();
        QTRY_VERIFY_WITH_TIMEOUT(second->state() == State::WaitingForInput, kWaitMs);  // connected, queued

        PaneRunner *third = session.addCopy(QStringLiteral("client"));
        QVERIFY(third);
        third->start();
        QTRY_VERIFY_WITH_TIMEOUT(third->blockedIn() == TraceCall::Connect, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(countEntries(SynSent, 0, port), 1, kWaitMs);
        QCOMPARE(countEntries(Established, 0, port), 2);  // clients 1 and 2
        QVERIFY(third->state() != State::Failed);

        first->sendInput(QString());  // client 1 quits; the server accepts client 2
        QTRY_VERIFY_WITH_TIMEOUT(third->state() == State::WaitingForInput, kWaitMs);  // at the SYN's next retry
        QVERIFY2(third->lastError().isEmpty(), qPrintable(third->lastError()));
        QCOMPARE(countEntries(SynSent, 0, port), 0);
        session.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestLessonFacts)
#include "tst_lessonfacts.moc"
