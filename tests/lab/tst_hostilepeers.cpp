// tst_hostilepeers: every server pane of every built-in lab against peers that misbehave.
// The catalog is walked, so a new lab's server is covered without a line here: a pane whose
// "port" parameter follows no other pane is a server; each value of a parameter with choices
// (TCPServer, ThreadingTCPServer, ForkingTCPServer) is a server of its own. Each runs at full
// speed on port 0 and meets, over TCP: connect-and-close, garbage with NUL and bytes that are
// not UTF-8, a reset (SO_LINGER 0) in the middle of its reply, a request one byte at a time,
// 200 idle connections, and 1000 requests one after another; over UDP: empty, garbage and
// largest datagrams, 200 senders, 1000 requests. Afterwards it still answers, and its
// descriptors (/proc/self/fd), threads (/proc/self/task) and child processes (also the fork
// helper's) are back to where they were; once stopped, to where they were before it started.
//
// A tutorial program with no handle_error (tsTserv) dies of a reset as its Python original
// does (ConnectionResetError); that is shown as Python shows it, and the pane is started
// again as a learner would, before it meets the next peer.
//
// A lesson's server that serves only its own lab's clients ("servesOwnClientsOnly" in its
// lab.json: one client and exit, a reply that is no answer, a tutorial's flaw the lesson
// shows) meets a garbage peer and a reset only, and must end as Python's program would or
// keep waiting, and leave nothing behind once stopped.
#include "LabTestSupport.h"
#include "ProcessProbes.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <PaneRunner.h>
#include <TraceStream.h>
#include <socketserver/ForkHelper.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace socketlab;

using Choices = QHash<QString, QString>;  // a parameter with choices -> the value chosen

namespace {


constexpr int kWaitMs = 20000;
constexpr double kPeerTimeout = 10.0;  // seconds: every call of ours has a deadline
constexpr int kIdleConnections = 200;
constexpr int kSequentialRequests = 1000;

QStringList childrenOf(qint64 pid)
{
    QStringList out;
    for (const QString &task : QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::Dirs)) {
        QFile f(QStringLiteral("/proc/%1/task/%2/children").arg(pid).arg(task));
        if (f.open(QIODevice::ReadOnly))
            out += QString::fromLatin1(f.readAll()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return out;
}

// What the process holds: descriptors, threads, child processes (and the fork helper's).
struct Holdings {
    int descriptors = 0;
    int threads = 0;
    int children = 0;
    static Holdings now()
    {
        const qint64 helper = socketserver::ForkHelper::pid();
        return {testsupport::openDescriptorCount(), testsupport::threadCount(),
                int(childrenOf(::getpid()).size() + (helper > 0 ? childrenOf(helper).size() : 0))};
    }
    bool operator==(const Holdings &o) const { return descriptors == o.descriptors && threads == o.threads && children == o.children; }
    QString toString() const { return QStringLiteral("%1 descriptors, %2 threads, %3 children").arg(descriptors).arg(threads).arg(children); }
};

// Waits (running the event loop, so the pane's reports are delivered) until the process holds
// what it held before; says what differs if it never does.
bool backTo(const Holdings &before, QString &why)
{
    const bool back = QTest::qWaitFor([&] { return Holdings::now() == before; }, kWaitMs);
    why = QStringLiteral("now %1, before %2").arg(Holdings::now().toString(), before.toString());
    return back;
}

Socket peer(int type, int family = AF_INET)
{
    auto s = Socket::create(family, type);
    if (!s || !s->setTimeout(kPeerTimeout))
        return {};
    return std::move(s).value();
}

// Reads until the server closes the connection, an error, or the deadline.
std::string readToEnd(Socket &s)
{
    std::string all;
    for (auto chunk = s.recv(65536); chunk && !chunk->empty(); chunk = s.recv(65536))
        all += *chunk;
    return all;
}

// One request the way every lesson's client makes one: a line, then (so that tsTserv, which
// serves a connection until it ends, moves on) the end of our sending side.
std::string request(const SocketAddress &server, const std::string &line)
{
    Socket s = peer(SOCK_STREAM, server.family());
    if (!s.isOpen() || !s.connect(server) || !s.sendAll(line))
        return "<no connection>";
    (void)s.shutdown(SHUT_WR);
    return readToEnd(s);
}

// Servers that greet every client instead of answering its request (rows as this suite names
// them, up to their choices): their reply starts with this.
const QHash<QString, QByteArray> kGreeters{
    {QStringLiteral("ipv6-unix server"), QByteArrayLiteral("hello, ")},
};
QByteArray greeting;  // the running row's greeting, if it is a greeter

// The reply answers the request: it holds the request (timestamped, upper-cased ...), or, from
// a greeter, the greeting.
bool answers(const std::string &reply, const std::string &data)
{
    if (!greeting.isEmpty())
        return QByteArray::fromStdString(reply).startsWith(greeting);
    return QByteArray::fromStdString(reply).toLower().contains(QByteArray::fromStdString(data).toLower());
}

// A datagram and its answer, as a UDP client must ask: again when no answer comes, since a
// burst of other senders may have filled the server's receive buffer and the datagram was
// dropped. Our port may be one a closed sender had a moment ago, so a reply meant for that
// sender may come first: such strays are skipped.
std::string datagramRequest(const SocketAddress &server, const std::string &data)
{
    constexpr int kAttempts = 5;
    Socket s = peer(SOCK_DGRAM, server.family());
    if (!s.isOpen() || !s.setTimeout(kPeerTimeout / kAttempts))
        return "<no socket>";
    std::string last;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        if (!s.sendTo(data, server))
            return "<not sent>";
        for (auto reply = s.recvFrom(65536);; reply = s.recvFrom(65536)) {
            if (!reply) {
                last = "<" + reply.error().pythonString() + ">";
                break;
            }
            if (answers(reply->data, data))
                return reply->data;
        }
    }
    return last;
}

// A server pane of some lab with its choices made, running at full speed on port 0.
class ServerPane {
public:
    ServerPane(PaneDefinition pane, const QHash<QString, QString> &choices)
        : m_trace(std::make_shared<TraceStream>()), m_registry(std::make_shared<SocketRegistry>()),
          m_ownClientsOnly(pane.servesOwnClientsOnly)
    {
        for (StepDefinition &step : pane.steps)
            step.hold = false;  // peers are the subject here, not stepping
        m_runner = std::make_unique<PaneRunner>(pane, m_trace, m_registry);
        m_problem = m_runner->setParam(QStringLiteral("port"), QStringLiteral("0"));
        for (auto it = choices.begin(); it != choices.end() && m_problem.isEmpty(); ++it)
            m_problem = m_runner->setParam(it.key(), it.value());
        QObject::connect(m_runner.get(), &PaneRunner::published, [this](const QString &name, const QString &value) {
            if (name == QLatin1String("port"))
                m_port = static_cast<std::uint16_t>(value.toUInt());
        });
    }
    ~ServerPane() { stop(); }

    QString problem() const { return m_problem; }
    PaneRunner &runner() { return *m_runner; }
    // Where a client reaches it: its own address, or loopback of its family when it listens on
    // every interface.
    SocketAddress address() const { return m_address; }
    int type() const { return m_type; }
    bool servesOwnClientsOnly() const { return m_ownClientsOnly; }

    // Starts it and waits until it serves: its port known, blocked waiting for a client.
    bool start()
    {
        m_port = 0;
        m_runner->start();
        if (!QTest::qWaitFor([&] { return m_port != 0 && m_runner->isSettled(); }, kWaitMs))
            return false;
        m_address = SocketAddress::loopback(AF_INET, m_port);
        for (const auto &record : m_registry->snapshot()) {
            if (record->owner != m_runner->paneId().toStdString() || record->state.load() == SocketState::Closed)
                continue;
            const SocketAddress local = record->endpoints().local;
            if (local.port() != m_port)
                continue;
            m_type = record->type;
            m_address = local.isWildcard() ? SocketAddress::loopback(record->family, m_port) : local;
        }
        return true;
    }
    void stop()
    {
        m_runner->stop();
        (void)QTest::qWaitFor([&] { return !m_runner->isActive() && !m_runner->isWindingDown(); }, kWaitMs);
    }
    // Drains the trace as the window would, so the bounded stream never fills.
    void drainTrace()
    {
        std::vector<TraceEvent> events;
        m_trace->drain(events);
    }

private:
    std::shared_ptr<TraceStream> m_trace;
    std::shared_ptr<SocketRegistry> m_registry;
    bool m_ownClientsOnly = false;
    std::unique_ptr<PaneRunner> m_runner;
    QString m_problem;
    std::uint16_t m_port = 0;
    SocketAddress m_address;
    int m_type = SOCK_STREAM;
};

} // namespace

class TestHostilePeers : public QObject {
    Q_OBJECT

private:
    // After one kind of abuse: still serving, or ended the way Python's program would (then
    // started again, as a learner would). False when it failed a check.
    bool survived(ServerPane &server, const char *abuse);
    void tcpPeers(ServerPane &server);
    void strangerPeers(ServerPane &server);
    void udpPeers(ServerPane &server);

private slots:
    void initTestCase();
    void everyServerPane_data();
    void everyServerPane();

private:
    LabCatalog m_catalog;
};

void TestHostilePeers::initTestCase()
{
    m_catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(m_catalog.errors().isEmpty());
    QVERIFY2(socketserver::ForkHelper::isRunning(), socketserver::ForkHelper::unavailableReason().c_str());
}

void TestHostilePeers::everyServerPane_data()
{
    QTest::addColumn<QString>("lab");
    QTest::addColumn<QString>("pane");
    QTest::addColumn<Choices>("choices");
    int servers = 0;
    for (const LabDefinition &lab : m_catalog.labs()) {
        for (const PaneDefinition &pane : lab.panes) {
            const ParamDefinition *port = pane.param(QStringLiteral("port"));
            if (!port || !port->follows.isEmpty())
                continue;  // a client: its port follows the server's
            QList<QHash<QString, QString>> combinations{{}};
            for (const ParamDefinition &p : pane.params) {
                if (p.choices.isEmpty())
                    continue;
                QList<QHash<QString, QString>> more;
                for (const QHash<QString, QString> &c : combinations) {
                    for (const QString &value : p.choices) {
                        QHash<QString, QString> with = c;
                        with.insert(p.name, value);
                        more << with;
                    }
                }
                combinations = more;
            }
            for (const QHash<QString, QString> &c : combinations) {
                QStringList name{lab.id, pane.id};
                for (auto it = c.begin(); it != c.end(); ++it)
                    name << it.key() + QLatin1Char('=') + it.value();
                QTest::newRow(qPrintable(name.join(QLatin1Char(' ')))) << lab.id << pane.id << c;
                ++servers;
            }
        }
    }
    QVERIFY2(servers >= 8, "the built-in labs have at least eight server panes and variants");
}

bool TestHostilePeers::survived(ServerPane &server, const char *abuse)
{
    server.drainTrace();
    // Done with the peers: back waiting for the next client (an event loop waits for it in
    // poll(), with its other sockets), or ended.
    PaneRunner &runner = server.runner();
    const bool settled = QTest::qWaitFor([&] {
        const TraceCall blocked = runner.blockedIn();
        return !runner.isActive()
            || (runner.isSettled() && (blocked == TraceCall::Accept || blocked == TraceCall::ServeForever
                                       || blocked == TraceCall::RecvFrom || blocked == TraceCall::Select
                                       || blocked == TraceCall::Poll
                                       || (server.type() == SOCK_DGRAM && blocked == TraceCall::Recv)));
    }, kWaitMs);
    if (!settled) {
        qWarning("after %s the pane neither waits for a client nor has ended", abuse);
        return false;
    }
    if (runner.isActive())
        return true;
    // Ended: only as a Python program without handle_error ends when a peer resets.
    const QString error = runner.lastError();
    // A program that decodes what it receives (seed 004's UDP server) dies of bytes that are
    // not UTF-8 as Python's does.
    const bool pythonsWay = error.startsWith(QLatin1String("ConnectionResetError: [Errno 104]"))
        || error.startsWith(QLatin1String("BrokenPipeError: [Errno 32]"))
        || error.startsWith(QLatin1String("UnicodeDecodeError: 'utf-8' codec can't decode"));
    if (!pythonsWay) {
        qWarning("after %s the pane ended with \"%s\"", abuse, qPrintable(error));
        return false;
    }
    qInfo("after %s the pane ended as the Python program does (%s); started again", abuse, qPrintable(error));
    return server.start();
}

void TestHostilePeers::tcpPeers(ServerPane &server)
{
    // Connect and close at once, again and again.
    for (int i = 0; i < 20; ++i) {
        Socket s = peer(SOCK_STREAM, server.address().family());
        QVERIFY(s.connect(server.address()));
    }
    QVERIFY(survived(server, "connect-and-close"));

    // Garbage: NUL bytes, bytes that are not UTF-8, a line with no end, then our side closes.
    {
        Socket s = peer(SOCK_STREAM, server.address().family());
        QVERIFY(s.connect(server.address()));
        QVERIFY(s.sendAll(std::string("\0\0\xff\xfe\x80 garbage \xc3\x28\0", 15) + std::string(3000, '\xff')));
        (void)s.shutdown(SHUT_WR);
        (void)readToEnd(s);
    }
    QVERIFY(survived(server, "garbage"));

    // A reset in the middle of the reply: a request, then close with SO_LINGER 0 (RST).
    for (int i = 0; i < 10; ++i) {
        Socket s = peer(SOCK_STREAM, server.address().family());
        QVERIFY(s.connect(server.address()));
        QVERIFY(s.sendAll("reset me\r\n"));
        const linger abort{1, 0};
        QVERIFY(::setsockopt(s.fileno(), SOL_SOCKET, SO_LINGER, &abort, sizeof abort) == 0);
        (void)s.close();
        QVERIFY(survived(server, "a reset mid-reply"));
    }

    // One byte at a time, each its own segment. A server that answers the first recv() (the
    // upper-case echo) has answered and closed before the rest is sent: that is its lesson.
    {
        Socket s = peer(SOCK_STREAM, server.address().family());
        QVERIFY(s.connect(server.address()));
        QVERIFY(s.setOption(IPPROTO_TCP, TCP_NODELAY, 1));
        std::string reply;
        for (char c : std::string("slowly\r\n")) {
            if (!s.send(std::string(1, c)))
                break;
            (void)s.setTimeout(0.0);  // what has arrived, taken before a reset could discard it
            if (auto early = s.recv(4096); early)
                reply += *early;
            (void)s.setTimeout(kPeerTimeout);
        }
        (void)s.shutdown(SHUT_WR);
        reply += readToEnd(s);
        QVERIFY2(!reply.empty(), "no reply to a request sent a byte at a time");
    }
    QVERIFY(survived(server, "one byte at a time"));

    // 200 connections that say nothing, held open together, then dropped.
    {
        std::vector<Socket> idle;
        for (int i = 0; i < kIdleConnections; ++i) {
            Socket s = peer(SOCK_STREAM, server.address().family());
            s.setBlocking(false);  // a full accept queue leaves later connects pending: do not wait for them
            (void)s.connectEx(server.address());
            idle.push_back(std::move(s));
        }
        QTest::qWait(0);
    }
    QVERIFY(survived(server, "200 idle connections"));

    // 1000 requests, one after another.
    QElapsedTimer took;
    took.start();
    for (int i = 0; i < kSequentialRequests; ++i) {
        const std::string line = "request " + std::to_string(i);
        const std::string reply = request(server.address(), line + "\r\n");
        QVERIFY2(answers(reply, line), qPrintable(QStringLiteral("request %1: \"%2\"").arg(i).arg(QString::fromStdString(reply))));
        if (i % 50 == 0) {
            QCoreApplication::processEvents();  // deliver the pane's reports, as the window would
            server.drainTrace();
        }
    }
    qInfo("%d sequential requests in %lld ms", kSequentialRequests, static_cast<long long>(took.elapsed()));
    QVERIFY(survived(server, "1000 requests"));

    QVERIFY(answers(request(server.address(), "still there?\r\n"), "still there?"));
}

void TestHostilePeers::strangerPeers(ServerPane &server)
{
    if (server.type() == SOCK_DGRAM) {
        Socket s = peer(SOCK_DGRAM, server.address().family());
        QVERIFY(s.sendTo(std::string("\0\xff\xfe garbage \xc3\x28", 14), server.address()));
    } else {
        Socket s = peer(SOCK_STREAM, server.address().family());
        QVERIFY(s.connect(server.address()));
        QVERIFY(s.sendAll(std::string("\0\xff\xfe garbage \xc3\x28", 14)));
        const linger abort{1, 0};
        QVERIFY(::setsockopt(s.fileno(), SOL_SOCKET, SO_LINGER, &abort, sizeof abort) == 0);
        (void)s.close();
    }
    // Waiting for a client or for its input, or ended: any of them, but settled, and no crash.
    PaneRunner &runner = server.runner();
    QVERIFY2(QTest::qWaitFor([&] { server.drainTrace(); return !runner.isActive() || runner.isSettled(); }, kWaitMs),
             "after a garbage peer that reset, the pane neither waits nor has ended");
    if (!runner.isActive()) {
        const QString error = runner.lastError();
        QVERIFY2(error.isEmpty() || error.startsWith(QLatin1String("ConnectionResetError: [Errno 104]"))
                     || error.startsWith(QLatin1String("BrokenPipeError: [Errno 32]"))
                     || error.startsWith(QLatin1String("UnicodeDecodeError: 'utf-8' codec can't decode")),
                 qPrintable(error));
    }
}

void TestHostilePeers::udpPeers(ServerPane &server)
{
    const std::string largest(65507, 'x');  // the most one IPv4 datagram holds
    for (const std::string &data : {std::string(), std::string("\0", 1), std::string("\xff\xfe\x80\0 garbage", 12), largest}) {
        Socket s = peer(SOCK_DGRAM, server.address().family());
        QVERIFY(s.sendTo(data, server.address()));  // whatever it replies finds the port closed
    }
    QVERIFY(survived(server, "garbage datagrams"));

    {
        std::vector<Socket> senders;  // 200 senders whose replies find the port closed
        for (int i = 0; i < kIdleConnections; ++i) {
            Socket s = peer(SOCK_DGRAM, server.address().family());
            QVERIFY(s.sendTo("hello", server.address()));
            senders.push_back(std::move(s));
        }
    }
    QVERIFY(survived(server, "200 senders that went away"));

    QElapsedTimer took;
    took.start();
    for (int i = 0; i < kSequentialRequests; ++i) {
        const std::string data = "request " + std::to_string(i);
        const std::string reply = datagramRequest(server.address(), data);
        QVERIFY2(answers(reply, data), qPrintable(QStringLiteral("request %1: \"%2\"").arg(i).arg(QString::fromStdString(reply))));
        if (i % 50 == 0) {
            QCoreApplication::processEvents();
            server.drainTrace();
        }
    }
    qInfo("%d sequential requests in %lld ms", kSequentialRequests, static_cast<long long>(took.elapsed()));
    QVERIFY(survived(server, "1000 requests"));
    QVERIFY(answers(datagramRequest(server.address(), "still there?"), "still there?"));
}

void TestHostilePeers::everyServerPane()
{
    QFETCH(QString, lab);
    QFETCH(QString, pane);
    QFETCH(Choices, choices);
    const Holdings beforeStart = Holdings::now();
    {
        ServerPane server(*m_catalog.find(lab)->pane(pane), choices);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.start());
        const Holdings serving = Holdings::now();

        greeting = kGreeters.value(lab + QLatin1Char(' ') + pane);
        if (server.servesOwnClientsOnly()) {
            qInfo("serves its own clients only: a garbage peer that resets, nothing more");
            strangerPeers(server);
        } else if (server.type() == SOCK_STREAM) {
            tcpPeers(server);
        } else {
            udpPeers(server);
        }
        if (QTest::currentTestFailed())
            return;

        QString why;
        if (!server.servesOwnClientsOnly())  // such a one may hold its one connection until stopped
            QVERIFY2(backTo(serving, why), qPrintable(QStringLiteral("after the peers left: ") + why));
        server.stop();
    }
    QString why;
    QVERIFY2(backTo(beforeStart, why), qPrintable(QStringLiteral("once stopped: ") + why));
}

int main(int argc, char **argv)
{
    socketlab::socketserver::ForkHelper::startFromMain();  // before Qt starts any thread: ForkingTCPServer needs it
    QCoreApplication app(argc, argv);
    TestHostilePeers test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hostilepeers.moc"
