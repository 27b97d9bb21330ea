// tst_liveviews: the live views fed as the window feeds them (LiveViews::tick: drain the
// trace, snapshot the sockets, feed every view), on real loopback sockets: the accept-queue gauge fills while nobody accepts,
// the receive-buffer view shows three sends as three segments until one recv takes them
// all, and the SocketServer flow view sees a request's stages in order and a ThreadingMixIn
// request thread come and go. Set SOCKETLAB_SHOTS=DIR to save pictures of the panel there.
#include "CoreTestSupport.h"

#include <AcceptQueueGauge.h>
#include <CancelToken.h>
#include <LiveViews.h>
#include <ReceiveBufferView.h>
#include <SocketRegistry.h>
#include <SocketServerFlowView.h>
#include <TraceStream.h>
#include <socketserver/SocketServer.h>

#include <QDeadlineTimer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <sys/socket.h>
#include <thread>

using namespace socketlab;
using namespace socketlab::socketserver;
using testsupport::boundLoopback;
using testsupport::portOf;

namespace {
constexpr int kWaitMs = 10000;

// The lab's shared trace and registry, and the window's live views fed from them once per "tick".
struct Lab {
    std::shared_ptr<TraceStream> trace = std::make_shared<TraceStream>();
    std::shared_ptr<SocketRegistry> registry = std::make_shared<SocketRegistry>();
    RunFeed feed{trace, registry};
    LiveViews views;
    Lab() { views.open(feed); }
    SocketContext context(const char *owner, std::shared_ptr<CancelToken> cancel = {}) const
    {
        return SocketContext{trace, std::move(cancel), registry, owner};
    }
    void tick() { views.tick(); }
    AcceptQueueGauge *acceptQueues() const { return views.view<AcceptQueueGauge>(); }
    ReceiveBufferView *receiveBuffers() const { return views.view<ReceiveBufferView>(); }
    SocketServerFlowView *serverFlow() const { return views.view<SocketServerFlowView>(); }
    bool serverFlowShown() const { return views.isShown(serverFlow()); }
    // Ticks until pred holds (kernel state and the trace arrive in their own time), a few
    // milliseconds apart as the window's timer would, up to a deadline.
    template <typename Pred>
    bool until(Pred pred)
    {
        QDeadlineTimer deadline(kWaitMs);
        for (tick(); !pred(); tick()) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(5);
        }
        return true;
    }
    const ReceiveBufferModel::Buffer *buffer(const Socket &s) const
    {
        return receiveBuffers()->model().buffer(s.id());
    }
};

std::vector<std::int64_t> segmentBytes(const ReceiveBufferModel::Buffer *b)
{
    std::vector<std::int64_t> out;
    if (b)
        for (const auto &s : b->segments)
            out.push_back(s.bytes);
    return out;
}

Socket connected(const Lab &lab, std::uint16_t port, const char *owner = "client")
{
    auto s = Socket::create(AF_INET, SOCK_STREAM, 0, lab.context(owner));
    if (!s || !s->setTimeout(10.0) || !s->connect(SocketAddress::loopback(AF_INET, port)))
        return {};
    return std::move(s).value();
}

// Echoes one line, the tsTservSS way.
class LineEcho : public StreamRequestHandler {
public:
    void handle() override { orRaise(wfile().write(orRaise(rfile().readline()))); }
};

std::string exchangeLine(Socket &s, const std::string &line)
{
    if (!s.sendAll(line))
        return {};
    std::string reply;
    while (reply.empty() || reply.back() != '\n') {
        auto r = s.recv(4096);
        if (!r || r->empty())
            break;
        reply += *r;
    }
    return reply;
}

void saveShot(LiveViews &views, QWidget *view, const char *name)
{
    const QByteArray dir = qgetenv("SOCKETLAB_SHOTS");
    if (dir.isEmpty())
        return;
    QTabWidget &w = *views.tabs(LiveViews::Area::Side);
    for (int i = 0; i < w.count(); ++i)
        if (w.widget(i)->isAncestorOf(view))
            w.setCurrentIndex(i);
    w.resize(720, 330);
    w.show();
    QCoreApplication::processEvents();
    QVERIFY(w.grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png")));
}
} // namespace

class TestLiveViews : public QObject {
    Q_OBJECT

private slots:
    void acceptQueueFillsWithoutAccept();
    void laterConnectsWaitWhenTheQueueIsFull();
    void threeSendsThenOneRecv();
    void sendAllIsOneSegmentAndEarlyBytesAreClaimed();
    void datagramsKeepTheirBoundaries();
    void unixStreamBytesReachTheirOwnConnection();
    void flowSeesARequestsStagesInOrder();
    void threadingMixInThreadComesAndGoes();
    void flowTabOnlyWithASocketServer();
};

// listen(2) and two connects that nobody accepts: the kernel's queue says 2 / 2, full.
void TestLiveViews::acceptQueueFillsWithoutAccept()
{
    Lab lab;
    Socket listener = boundLoopback(SOCK_STREAM, 2, lab.context("server"));
    QVERIFY(listener.isOpen());
    AcceptQueueGauge *gauges = lab.acceptQueues();
    QVERIFY(lab.until([&] { return gauges->gauge(listener.id()) != nullptr; }));
    QCOMPARE(gauges->gauge(listener.id())->waiting, 0u);
    QCOMPARE(gauges->gauge(listener.id())->limit, 2u);
    QVERIFY(!gauges->gauge(listener.id())->full());

    Socket a = connected(lab, portOf(listener)), b = connected(lab, portOf(listener));
    QVERIFY(a.isOpen() && b.isOpen());  // connect completes although nobody accepted
    QVERIFY(lab.until([&] { return gauges->gauge(listener.id())->waiting == 2; }));
    const AcceptQueueGauge::Gauge *g = gauges->gauge(listener.id());
    QCOMPARE(g->limit, 2u);
    QVERIFY(g->full());
    QVERIFY(!g->inAccept);
    QCOMPARE(g->owner, QStringLiteral("server"));
    QCOMPARE(g->port, int(portOf(listener)));
    QCOMPARE(gauges->gauges().size(), std::size_t(1));  // the clients are not listeners
    saveShot(lab.views, gauges, "accept-queue");

    auto taken = listener.accept();
    QVERIFY(taken);
    QVERIFY(lab.until([&] { return gauges->gauge(listener.id())->waiting == 1; }));
    QVERIFY(!gauges->gauge(listener.id())->full());

    QVERIFY(listener.close());
    QVERIFY(lab.until([&] { return gauges->gauges().empty(); }));
}

// Linux queues backlog + 1 connections; the next client's SYN goes unanswered and its
// connect() waits, which the gauge counts for that port.
void TestLiveViews::laterConnectsWaitWhenTheQueueIsFull()
{
    Lab lab;
    Socket listener = boundLoopback(SOCK_STREAM, 1, lab.context("server"));
    QVERIFY(listener.isOpen());
    std::vector<Socket> queued;
    AcceptQueueGauge *gauges = lab.acceptQueues();
    for (int i = 0; i < 2; ++i) {
        queued.push_back(connected(lab, portOf(listener)));
        QVERIFY(queued.back().isOpen());
    }
    QVERIFY(lab.until([&] { return gauges->gauge(listener.id()) && gauges->gauge(listener.id())->waiting == 2; }));

    auto cancel = CancelToken::create();
    auto late = Socket::create(AF_INET, SOCK_STREAM, 0, lab.context("late client", cancel));
    QVERIFY(late);
    Status lateResult;
    std::thread connecting([&] { lateResult = late->connect(SocketAddress::loopback(AF_INET, portOf(listener))); });
    const bool counted = lab.until([&] { return gauges->gauge(listener.id())->connectsWaiting == 1; });
    cancel->cancel();  // whatever happened, the thread ends
    connecting.join();
    QVERIFY(counted);
    QVERIFY(!lateResult);
    QCOMPARE(lateResult.error().kind(), ErrorKind::Cancelled);
    QVERIFY(lab.until([&] { return gauges->gauge(listener.id())->connectsWaiting == 0; }));
}

// The stream-vs-datagram misconception: three sends while the receiver does not read are
// three segments of one byte count; one recv returns them all and the boundaries dissolve.
void TestLiveViews::threeSendsThenOneRecv()
{
    Lab lab;
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, lab.context("lab")));
    const std::vector<std::string> messages = {"alpha", "bravo!", "charlie, 12"};
    std::int64_t total = 0;
    for (const std::string &m : messages) {
        auto n = p.client.send(m);
        QVERIFY(n);
        QCOMPARE(*n, m.size());
        total += std::int64_t(m.size());
    }
    QVERIFY(lab.until([&] {
        const auto *b = lab.buffer(p.server);
        return b && b->kernelBytes == total && b->segments.size() == 3;
    }));
    const auto *b = lab.buffer(p.server);
    QCOMPARE(segmentBytes(b), (std::vector<std::int64_t>{5, 6, 11}));
    QCOMPARE(b->tracedBytes(), total);
    QCOMPARE(b->untracedBytes(), std::int64_t(0));
    QVERIFY(!b->datagram);
    QVERIFY(lab.buffer(p.client) == nullptr);  // nothing waits on the client's side
    saveShot(lab.views, lab.receiveBuffers(), "receive-three-sends");

    auto all = p.server.recv(4096);
    QVERIFY(all);
    QCOMPARE(std::int64_t(all->size()), total);
    QVERIFY(lab.until([&] {
        const auto *after = lab.buffer(p.server);
        return !after || (after->kernelBytes == 0 && after->segments.empty());
    }));
    if (const auto *after = lab.buffer(p.server)) {  // still drawn while the take fades
        QCOMPARE(after->lastTake.bytes, total);
        QCOMPARE(after->lastTake.segments, 3);
        saveShot(lab.views, lab.receiveBuffers(), "receive-one-recv");
    }
}

// sendall's inner sends make one segment; bytes sent before the server accepted appear on
// the accepted socket once it exists.
void TestLiveViews::sendAllIsOneSegmentAndEarlyBytesAreClaimed()
{
    Lab lab;
    Socket listener = boundLoopback(SOCK_STREAM, 5, lab.context("server"));
    QVERIFY(listener.isOpen());
    Socket client = connected(lab, portOf(listener));
    QVERIFY(client.isOpen());
    QVERIFY(client.send("early"));
    lab.tick();  // the early segment waits for its receiver
    auto accepted = listener.accept();
    QVERIFY(accepted);
    Socket server = std::move(accepted->socket);
    const std::string block(3000, 'x');
    QVERIFY(client.sendAll(block));
    QVERIFY(client.send("tail"));
    QVERIFY(lab.until([&] {
        const auto *b = lab.buffer(server);
        return b && b->kernelBytes == 3009 && b->segments.size() == 3;
    }));
    QCOMPARE(segmentBytes(lab.buffer(server)), (std::vector<std::int64_t>{5, 3000, 4}));
    QCOMPARE(lab.buffer(server)->segments[1].call, TraceCall::SendAll);

    // A partial read leaves the rest of its segment waiting.
    auto part = server.recv(100);
    QVERIFY(part);
    QCOMPARE(part->size(), std::size_t(100));
    QVERIFY(lab.until([&] { return lab.buffer(server)->kernelBytes == 2909; }));
    QCOMPARE(segmentBytes(lab.buffer(server)), (std::vector<std::int64_t>{2905, 4}));
    QCOMPARE(lab.buffer(server)->lastTake.segments, 2);
}

// Datagrams keep their boundaries: one recvfrom takes exactly one, and the kernel's count
// is the size of the next one.
void TestLiveViews::datagramsKeepTheirBoundaries()
{
    Lab lab;
    Socket receiver = boundLoopback(SOCK_DGRAM, 0, lab.context("udp server"));
    QVERIFY(receiver.isOpen());
    auto sender = Socket::create(AF_INET, SOCK_DGRAM, 0, lab.context("udp client"));
    QVERIFY(sender);
    const SocketAddress to = SocketAddress::loopback(AF_INET, portOf(receiver));
    QVERIFY(sender->sendTo("first", to));
    QVERIFY(sender->sendTo("second!", to));
    QVERIFY(lab.until([&] {
        const auto *b = lab.buffer(receiver);
        return b && b->segments.size() == 2 && b->kernelBytes == 5;
    }));
    QVERIFY(lab.buffer(receiver)->datagram);
    QCOMPARE(segmentBytes(lab.buffer(receiver)), (std::vector<std::int64_t>{5, 7}));

    QVERIFY(receiver.setTimeout(10.0));
    auto d = receiver.recvFrom(3);  // truncated: the rest of the datagram is gone
    QVERIFY(d);
    QVERIFY(lab.until([&] {
        const auto *b = lab.buffer(receiver);
        return b && b->segments.size() == 1 && b->kernelBytes == 7;
    }));
    QCOMPARE(segmentBytes(lab.buffer(receiver)), (std::vector<std::int64_t>{7}));
}

// Three Unix stream clients that never bound look alike by address ("(unnamed)" to the
// same path); the kernel's inodes tell their connections apart, so each accepted socket's
// buffer holds its own client's sends and nothing untraced.
void TestLiveViews::unixStreamBytesReachTheirOwnConnection()
{
    Lab lab;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto listener = Socket::create(AF_UNIX, SOCK_STREAM, 0, lab.context("server"));
    QVERIFY(listener);
    const auto path = SocketAddress::unixPath(dir.filePath(QStringLiteral("buffers.sock")).toStdString());
    QVERIFY(path && listener->bind(*path) && listener->listen(5));
    std::vector<Socket> clients, connections;
    for (int i = 0; i < 3; ++i) {
        auto c = Socket::create(AF_UNIX, SOCK_STREAM, 0, lab.context("client"));
        QVERIFY(c && c->connect(*path));
        clients.push_back(std::move(c).value());
        auto a = listener->accept();
        QVERIFY(a);
        connections.push_back(std::move(a->socket));
    }
    const std::int64_t sizes[] = {0, 4, 9};  // the first says nothing
    for (std::size_t i = 1; i < 3; ++i) {
        QVERIFY(clients[i].sendAll(std::string(std::size_t(sizes[i]), 'u')));
        QVERIFY(clients[i].send("!"));
    }
    QVERIFY(lab.until([&] {
        const auto *b1 = lab.buffer(connections[1]), *b2 = lab.buffer(connections[2]);
        return b1 && b2 && b1->kernelBytes == 5 && b2->kernelBytes == 10 && b1->segments.size() == 2 && b2->segments.size() == 2;
    }));
    QVERIFY(lab.buffer(connections[0]) == nullptr);
    for (std::size_t i = 1; i < 3; ++i) {
        const auto *b = lab.buffer(connections[i]);
        QCOMPARE(segmentBytes(b), (std::vector<std::int64_t>{sizes[i], 1}));
        QCOMPARE(b->untracedBytes(), std::int64_t(0));
        QCOMPARE(b->peer, std::string("(unnamed)"));
    }
}

// handle_request on a thread, one client: the flow view saw get_request ... shutdown_request
// in that order, and nothing is left running.
void TestLiveViews::flowSeesARequestsStagesInOrder()
{
    Lab lab;
    TCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<LineEcho>(), lab.context("server"));
    QVERIFY(server.initStatus());
    Status served;
    std::thread serving([&] { served = server.handleRequest(); });
    Socket client = connected(lab, server.serverAddress().port());
    QVERIFY(client.isOpen());
    QCOMPARE(exchangeLine(client, "hello\n"), std::string("hello\n"));
    serving.join();
    QVERIFY(served);

    const SocketServerFlowModel &flow = lab.serverFlow()->model();
    QVERIFY(lab.until([&] { return flow.boxes()[SocketServerFlowModel::ShutdownRequest].entered == 1 && flow.currentBox() < 0; }));
    QVERIFY(lab.serverFlow()->hasServer());
    QCOMPARE(flow.boxes()[SocketServerFlowModel::Loop].call, TraceCall::HandleRequest);
    QStringList order;
    for (const auto &v : flow.visits())
        if (SocketServerFlowModel::boxOf(v.call) > 0)
            order << QString::fromLatin1(traceCallName(v.call));
    QCOMPARE(order, (QStringList{"get_request", "verify_request", "process_request", "finish_request", "setup", "handle",
                                 "finish", "shutdown_request"}));
    for (int i = 0; i < SocketServerFlowModel::BoxCount; ++i) {
        QCOMPARE(flow.boxes()[std::size_t(i)].entered, std::uint64_t(1));
        QCOMPARE(flow.boxes()[std::size_t(i)].active, 0);
    }
    QVERIFY(flow.workers().empty());  // a plain TCPServer starts no thread
}

// ThreadingMixIn: while the handler waits for its line, a thread row shows the request in
// handle(); after the reply it is marked ended, then leaves the list.
void TestLiveViews::threadingMixInThreadComesAndGoes()
{
    Lab lab;
    ThreadingTCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<LineEcho>(),
                              lab.context("server"));
    QVERIFY(server.initStatus());
    Socket client = connected(lab, server.serverAddress().port());
    QVERIFY(client.isOpen());
    Status served;
    std::thread serving([&] { served = server.handleRequest(); });
    serving.join();  // process_request only starts the thread: handle_request returns at once
    QVERIFY(served);

    const SocketServerFlowModel &flow = lab.serverFlow()->model();
    QVERIFY(lab.until([&] { return flow.workers().size() == 1 && flow.boxes()[SocketServerFlowModel::Handle].active == 1; }));
    const SocketServerFlowModel::Worker w = flow.workers().front();
    QVERIFY(!w.process);
    QVERIFY(!w.ended);
    QVERIFY(w.id > 0);
    QCOMPARE(flow.stageOf(w.requestId), TraceCall::Handle);
    QCOMPARE(flow.currentBox(), int(SocketServerFlowModel::Handle));
    QCOMPARE(w.client, client.getSockName()->toString());
    saveShot(lab.views, lab.serverFlow(), "socketserver-thread");

    QCOMPARE(exchangeLine(client, "threaded\n"), std::string("threaded\n"));
    QVERIFY(lab.until([&] { return flow.workers().empty() || flow.workers().front().ended; }));
    QVERIFY(lab.until([&] { return flow.workers().empty(); }));  // an ended row lingers, then goes
    server.serverClose();
}

// The flow tab stays hidden for a lab without socketserver events and goes again on clear().
void TestLiveViews::flowTabOnlyWithASocketServer()
{
    Lab lab;
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, lab.context("plain")));
    QVERIFY(p.client.send("x"));
    QVERIFY(lab.until([&] { return lab.buffer(p.server) != nullptr; }));
    QVERIFY(!lab.serverFlowShown());
    QVERIFY(!lab.serverFlow()->hasServer());

    TCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<LineEcho>(), lab.context("server"));
    QVERIFY(server.initStatus());
    std::thread serving([&] { (void)server.handleRequest(); });
    Socket client = connected(lab, server.serverAddress().port());
    QCOMPARE(exchangeLine(client, "hi\n"), std::string("hi\n"));
    serving.join();
    QVERIFY(lab.until([&] { return lab.serverFlowShown(); }));
    QCOMPARE(lab.views.tabs(LiveViews::Area::Side)->currentWidget()->isAncestorOf(lab.serverFlow()), true);

    lab.views.reset();
    QVERIFY(!lab.serverFlowShown());
    QVERIFY(!lab.serverFlow()->hasServer());
    QVERIFY(lab.acceptQueues()->gauges().empty());
}

QTEST_MAIN(TestLiveViews)
#include "tst_liveviews.moc"
