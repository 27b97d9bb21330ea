// tst_sequencediagram: the sequence diagram fed from real loopback sockets, as the window
// feeds it: lifelines headed by pane, fd and kind; connect -> accept paired by address;
// send -> recv arrows with the bytes each carried (three sends taken by one recv are three
// arrows into it, UDP datagrams one arrow each); blocked bars; stages as thin labels;
// following the newest row; PNG and SVG export; bounded memory over a long run.
#include "CoreTestSupport.h"

#include <SafeColours.h>
#include <SequenceDiagramView.h>
#include <SequenceModel.h>
#include <SequenceRenderer.h>

#include <Clock.h>
#include <Socket.h>
#include <SocketRegistry.h>
#include <SocketSnapshot.h>
#include <TraceStream.h>

#include <QImage>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <sys/socket.h>

using namespace socketlab;
using testsupport::waitUntil;
using Call = SequenceModel::Call;
using Arrow = SequenceModel::Arrow;
using ArrowKind = SequenceModel::ArrowKind;

namespace {

struct Lab {
    std::shared_ptr<TraceStream> trace = std::make_shared<TraceStream>();
    std::shared_ptr<SocketRegistry> registry = std::make_shared<SocketRegistry>();
    SocketContext pane(const char *owner) const { return SocketContext{trace, nullptr, registry, owner}; }
};

// What the window hands its views each tick: these events and a snapshot of the sockets.
void feed(SequenceDiagramView &view, const std::vector<TraceEvent> &events, const Lab &lab)
{
    const SocketSnapshot sockets = SocketSnapshot::take(*lab.registry);
    const KernelOnlyRows kernelRows;
    const RequestNumbers requests;
    view.feed(LiveTick{{events, sockets, steadyNowNs()}, kernelRows, requests});
}

// One tick of the window: drain what the sockets traced and feed it.
void tick(SequenceDiagramView &view, const Lab &lab)
{
    std::vector<TraceEvent> events;
    lab.trace->drain(events, 2000);
    feed(view, events, lab);
}

void drainInto(SequenceDiagramView &view, const Lab &lab)
{
    while (lab.trace->size() > 0)
        tick(view, lab);
    tick(view, lab);
}

std::vector<const Call *> callsOf(const SequenceModel &m, std::uint32_t socketId, TraceCall call)
{
    std::vector<const Call *> out;
    for (const Call &c : m.calls())
        if (c.socketId == socketId && c.call == call)
            out.push_back(&c);
    return out;
}

// Arrows of a kind with their ends resolved, in the order the model made them.
struct Resolved {
    const Call *from;
    const Call *to;
    std::int64_t bytes;
    bool truncated;
};
std::vector<Resolved> arrowsOf(const SequenceModel &m, ArrowKind kind)
{
    std::vector<Resolved> out;
    for (const Arrow &a : m.arrows())
        if (a.kind == kind)
            out.push_back({m.call(a.from), m.call(a.to), a.bytes, a.truncated});
    return out;
}

Socket makeSocket(int family, int type, const SocketContext &context)
{
    auto s = Socket::create(family, type, 0, context);
    return s ? std::move(s).value() : Socket();
}

// Waits until the kernel holds `bytes` for s to read: the sends have all landed, so one recv
// takes them together (what the lesson shows with a paused receiver).
bool waitQueued(const Socket &s, std::int64_t bytes)
{
    return waitUntil([&] { return s.record()->probe().receiveQueue == bytes; });
}

} // namespace

class TestSequenceDiagram : public QObject {
    Q_OBJECT

private slots:
    void tcpLifelinesConnectAndCoalescedSends();
    void clientsPairedWithTheirAcceptedSockets();
    void blockedRecvDrawsABar();
    void waitsDrawnAsLongAsTheyWere();
    void udpDatagramsKeepTheirBoundaries();
    void socketPairAndStages();
    void unixStreamClientsPairedByInode();
    void followsTheNewestRowUntilScrolledBack();
    void exportsPngAndSvg();
    void longRunStaysBounded();
    void survivesATraceThatLostEvents();
};

// The stream-vs-datagram lesson on TCP: three sends while the server does not read, then one
// recv takes all eleven bytes: three arrows into one recv. Back the other way, one sendall
// read by two recvs is two arrows out of its send.
void TestSequenceDiagram::tcpLifelinesConnectAndCoalescedSends()
{
    Lab lab;
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5, lab.pane("server"));
    QVERIFY(listener.isOpen());
    Socket client = makeSocket(AF_INET, SOCK_STREAM, lab.pane("client"));
    QVERIFY(client.connect(SocketAddress::loopback(AF_INET, testsupport::portOf(listener))));
    auto accepted = listener.accept();
    QVERIFY(accepted);
    Socket server = std::move(accepted->socket);

    for (const char *part : {"one", "two", "three"})
        QVERIFY(client.send(part));
    QVERIFY(waitQueued(server, 11));
    QCOMPARE(server.recv(1024).value(), std::string("onetwothree"));
    QVERIFY(server.sendAll("0123456789"));
    QVERIFY(waitQueued(client, 10));
    QCOMPARE(client.recv(4).value(), std::string("0123"));
    QCOMPARE(client.recv(100).value(), std::string("456789"));
    QVERIFY(client.close());

    SequenceDiagramView view;
    drainInto(view, lab);
    const SequenceModel &m = view.model();

    // A pane's sockets side by side: the listener, its connection, then the client's.
    QCOMPARE(m.lifelines().size(), std::size_t{3});
    QCOMPARE(m.lifelines()[0].socketId, listener.id());
    QCOMPARE(m.lifelines()[1].socketId, server.id());
    QCOMPARE(m.lifelines()[2].socketId, client.id());
    QCOMPARE(m.lifelines()[0].header(), QStringLiteral("server · fd %1 · TCP").arg(listener.fileno()));
    QCOMPARE(m.lifelines()[1].header(), QStringLiteral("server · fd %1 · TCP").arg(server.fileno()));
    QCOMPARE(m.lifelines()[0].local, QString::fromStdString(listener.getSockName()->toString()));
    QVERIFY(m.lifelines()[2].header().startsWith(QStringLiteral("client · fd ")));
    QVERIFY(m.lifelines()[2].endRow >= 0);  // closed
    QVERIFY(m.lifelines()[0].endRow < 0);
    QCOMPARE(m.lifeline(server.id())->peerId, client.id());
    QCOMPARE(m.lifeline(client.id())->peerId, server.id());

    const auto connects = arrowsOf(m, ArrowKind::Connect);
    QCOMPARE(connects.size(), std::size_t{1});
    QCOMPARE(connects[0].from->call, TraceCall::Connect);
    QCOMPARE(connects[0].from->socketId, client.id());
    QCOMPARE(connects[0].to->call, TraceCall::Accept);
    QCOMPARE(connects[0].to->socketId, listener.id());
    QVERIFY(m.lifeline(server.id())->firstRow == connects[0].to->endRow);  // born where accept returned

    const auto data = arrowsOf(m, ArrowKind::Stream);
    QCOMPARE(data.size(), std::size_t{5});
    const auto sends = callsOf(m, client.id(), TraceCall::Send);
    const auto recvs = callsOf(m, server.id(), TraceCall::Recv);
    QCOMPARE(sends.size(), std::size_t{3});
    QCOMPARE(recvs.size(), std::size_t{1});
    const std::int64_t sizes[] = {3, 3, 5};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(data[i].from, sends[i]);
        QCOMPARE(data[i].to, recvs[0]);
        QCOMPARE(data[i].bytes, sizes[i]);
    }
    QVERIFY(m.callLabel(*recvs[0]).contains(QStringLiteral("11")));

    // sendall is send() in a loop: its one send sits inside it and carries the bytes.
    const auto sendalls = callsOf(m, server.id(), TraceCall::SendAll);
    const auto inner = callsOf(m, server.id(), TraceCall::Send);
    QCOMPARE(sendalls.size(), std::size_t{1});
    QCOMPARE(inner.size(), std::size_t{1});
    QCOMPARE(inner[0]->parent, sendalls[0]->serial);
    const auto clientRecvs = callsOf(m, client.id(), TraceCall::Recv);
    QCOMPARE(clientRecvs.size(), std::size_t{2});
    QCOMPARE(data[3].from, inner[0]);
    QCOMPARE(data[3].to, clientRecvs[0]);
    QCOMPARE(data[3].bytes, std::int64_t{4});
    QCOMPARE(data[4].from, inner[0]);
    QCOMPARE(data[4].to, clientRecvs[1]);
    QCOMPARE(data[4].bytes, std::int64_t{6});
    QCOMPARE(m.waitingCount(), std::size_t{0});

    view.forgetRun();
    QVERIFY(view.model().lifelines().empty());
    QVERIFY(view.model().calls().empty());
    QVERIFY(view.model().arrows().empty());
}

// Two clients connect before the server accepts: each accepted socket is paired with the
// client whose address it reports, and bytes go to the right lifeline.
void TestSequenceDiagram::clientsPairedWithTheirAcceptedSockets()
{
    Lab lab;
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5, lab.pane("server"));
    const SocketAddress target = SocketAddress::loopback(AF_INET, testsupport::portOf(listener));
    Socket first = makeSocket(AF_INET, SOCK_STREAM, lab.pane("client 1"));
    Socket second = makeSocket(AF_INET, SOCK_STREAM, lab.pane("client 2"));
    QVERIFY(first.connect(target));
    QVERIFY(second.connect(target));

    SequenceDiagramView view;
    drainInto(view, lab);  // the connects are drawn before any accept

    auto a = listener.accept();
    auto b = listener.accept();
    QVERIFY(a && b);
    const bool aIsFirst = a->address == first.getSockName().value();
    Socket &fromFirst = aIsFirst ? a->socket : b->socket;
    Socket &fromSecond = aIsFirst ? b->socket : a->socket;
    QVERIFY(second.sendAll("xx"));
    QVERIFY(first.sendAll("y"));
    QVERIFY(waitQueued(fromSecond, 2));
    QVERIFY(waitQueued(fromFirst, 1));
    QCOMPARE(fromSecond.recv(10).value(), std::string("xx"));
    QCOMPARE(fromFirst.recv(10).value(), std::string("y"));
    drainInto(view, lab);

    const SequenceModel &m = view.model();
    QCOMPARE(m.lifeline(fromFirst.id())->peerId, first.id());
    QCOMPARE(m.lifeline(fromSecond.id())->peerId, second.id());
    QCOMPARE(arrowsOf(m, ArrowKind::Connect).size(), std::size_t{2});
    const auto data = arrowsOf(m, ArrowKind::Stream);
    QCOMPARE(data.size(), std::size_t{2});
    for (const Resolved &r : data) {
        const bool fromSecondClient = r.from->socketId == second.id();
        QCOMPARE(r.to->socketId, fromSecondClient ? fromSecond.id() : fromFirst.id());
        QCOMPARE(r.bytes, std::int64_t{fromSecondClient ? 2 : 1});
    }
}

// A recv that waited: while it waits the view shows it running and blocked; once the bytes
// come, a bar from where it blocked to where it returned, with the time it waited.
void TestSequenceDiagram::blockedRecvDrawsABar()
{
    Lab lab;
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, lab.pane("server")));
    SequenceDiagramView view;
    drainInto(view, lab);

    std::string got;
    std::thread reader([&] {
        auto r = p.server.recv(64);
        got = r ? *r : std::string("<failed>");
    });
    const bool blocked = waitUntil([&] { return p.server.record()->blockedIn.load() == TraceCall::Recv; });
    drainInto(view, lab);
    const auto waiting = callsOf(view.model(), p.server.id(), TraceCall::Recv);
    QVERIFY(p.client.sendAll("wake"));
    reader.join();
    QVERIFY(blocked);
    QCOMPARE(waiting.size(), std::size_t{1});
    QVERIFY(waiting[0]->open());
    QVERIFY(waiting[0]->blocked());
    QVERIFY(view.model().callLabel(*waiting[0]).endsWith(QStringLiteral("…")));

    drainInto(view, lab);
    const auto recvs = callsOf(view.model(), p.server.id(), TraceCall::Recv);
    QCOMPARE(recvs.size(), std::size_t{1});
    const Call &recv = *recvs[0];
    QVERIFY(!recv.open());
    QVERIFY(recv.blocked());
    QVERIFY(recv.blockedRow >= recv.startRow);
    QVERIFY(recv.endRow > recv.blockedRow);  // the bar has length
    QVERIFY(recv.blockedNs > 0);
    const auto data = arrowsOf(view.model(), ArrowKind::Stream);
    QCOMPARE(data.size(), std::size_t{1});
    QCOMPARE(data[0].to, recvs[0]);
    QCOMPARE(data[0].bytes, std::int64_t{4});
    QVERIFY(!data[0].from->blocked());
}

// Two recv() waits across the same rows, one of 2 s and one of 1.5 ms, and a connect() that
// waited 20 µs: the long wait's bar is the taller (the pause adds room), the connect has none
// (issue #17, item 11). The events carry made-up times; the sockets are real.
void TestSequenceDiagram::waitsDrawnAsLongAsTheyWere()
{
    Lab lab;
    Socket a = makeSocket(AF_INET, SOCK_STREAM, lab.pane("a"));
    Socket b = makeSocket(AF_INET, SOCK_STREAM, lab.pane("b"));
    Socket c = makeSocket(AF_INET, SOCK_STREAM, lab.pane("c"));
    QVERIFY(a.isOpen() && b.isOpen() && c.isOpen());
    SequenceDiagramView view;
    drainInto(view, lab);
    const std::int64_t t0 = steadyNowNs();
    const auto event = [](const Socket &s, TraceCall call, TracePhase phase, std::int64_t at, std::int64_t blockedNs = 0) {
        TraceEvent e;
        e.timeNs = at;
        e.socketId = s.id();
        e.fd = s.fileno();
        e.call = call;
        e.phase = phase;
        e.arg = 64;
        e.blockedNs = blockedNs;
        return e;
    };
    constexpr std::int64_t us = 1000, s = 1'000'000'000;
    std::vector<TraceEvent> events{
        event(a, TraceCall::Recv, TracePhase::Begin, t0), event(a, TraceCall::Recv, TracePhase::Blocked, t0 + us),
        event(c, TraceCall::GetSockName, TracePhase::Begin, t0 + 2 * us), event(c, TraceCall::GetSockName, TracePhase::Returned, t0 + 2 * us),
        event(a, TraceCall::Recv, TracePhase::Returned, t0 + 2 * s, 2 * s),
        event(b, TraceCall::Recv, TracePhase::Begin, t0 + 3 * s), event(b, TraceCall::Recv, TracePhase::Blocked, t0 + 3 * s + us),
        event(c, TraceCall::GetSockName, TracePhase::Begin, t0 + 3 * s + 2 * us), event(c, TraceCall::GetSockName, TracePhase::Returned, t0 + 3 * s + 2 * us),
        event(b, TraceCall::Recv, TracePhase::Returned, t0 + 3 * s + 1500 * us, 1500 * us),
        event(c, TraceCall::Connect, TracePhase::Begin, t0 + 4 * s), event(c, TraceCall::Connect, TracePhase::Blocked, t0 + 4 * s + us),
        event(a, TraceCall::GetSockName, TracePhase::Begin, t0 + 4 * s + 2 * us), event(a, TraceCall::GetSockName, TracePhase::Returned, t0 + 4 * s + 2 * us),
        event(c, TraceCall::Connect, TracePhase::Returned, t0 + 4 * s + 20 * us, 20 * us),
    };
    feed(view, events, lab);
    const Call *longWait = callsOf(view.model(), a.id(), TraceCall::Recv).at(0);
    const Call *shortWait = callsOf(view.model(), b.id(), TraceCall::Recv).at(0);
    const Call *connect = callsOf(view.model(), c.id(), TraceCall::Connect).at(0);
    QCOMPARE(longWait->endRow - longWait->blockedRow, shortWait->endRow - shortWait->blockedRow);  // the same rows
    const QRectF longBar = view.renderer().blockedBar(*longWait), shortBar = view.renderer().blockedBar(*shortWait);
    QVERIFY(!longBar.isEmpty() && !shortBar.isEmpty());
    QVERIFY2(longBar.height() > shortBar.height() * 1.3, qPrintable(QStringLiteral("%1 vs %2").arg(longBar.height()).arg(shortBar.height())));
    QVERIFY(connect->blocked() && !connect->waitShown());
    QVERIFY(view.renderer().blockedBar(*connect).isEmpty());
}

// UDP: each sendto is one datagram and one arrow to the recvfrom that took it, even when
// the receiver reads them all later; a datagram cut by a small buffer says so.
void TestSequenceDiagram::udpDatagramsKeepTheirBoundaries()
{
    Lab lab;
    Socket server = testsupport::boundLoopback(SOCK_DGRAM, 0, lab.pane("server"));
    Socket client = makeSocket(AF_INET, SOCK_DGRAM, lab.pane("client"));
    QVERIFY(server.isOpen() && client.isOpen());
    const SocketAddress to = SocketAddress::loopback(AF_INET, testsupport::portOf(server));
    for (int size : {5, 6, 7})
        QVERIFY(client.sendTo(std::string(std::size_t(size), 'u'), to));
    QVERIFY(client.sendTo(std::string(100, 'l'), to));
    for (std::size_t size : {5u, 6u, 7u})
        QCOMPARE(server.recvFrom(1024).value().data.size(), size);
    auto cut = server.recvFrom(10);
    QVERIFY(cut && cut->truncated);
    QVERIFY(server.sendTo("ok", cut->from));
    QCOMPARE(client.recvFrom(64).value().data, std::string("ok"));

    SequenceDiagramView view;
    drainInto(view, lab);
    const SequenceModel &m = view.model();
    QCOMPARE(m.lifelines().size(), std::size_t{2});
    QVERIFY(m.lifeline(server.id())->header().endsWith(QStringLiteral("· UDP")));
    QVERIFY(arrowsOf(m, ArrowKind::Stream).empty());
    QVERIFY(arrowsOf(m, ArrowKind::Connect).empty());
    const auto datagrams = arrowsOf(m, ArrowKind::Datagram);
    QCOMPARE(datagrams.size(), std::size_t{5});
    const auto sendtos = callsOf(m, client.id(), TraceCall::SendTo);
    const auto recvfroms = callsOf(m, server.id(), TraceCall::RecvFrom);
    QCOMPARE(sendtos.size(), std::size_t{4});
    QCOMPARE(recvfroms.size(), std::size_t{4});
    const std::int64_t sizes[] = {5, 6, 7, 100};
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(datagrams[i].from, sendtos[i]);
        QCOMPARE(datagrams[i].to, recvfroms[i]);  // one datagram, one recvfrom
        QCOMPARE(datagrams[i].bytes, sizes[i]);
        QCOMPARE(datagrams[i].truncated, i == 3);
    }
    QCOMPARE(datagrams[4].from->socketId, server.id());
    QCOMPARE(datagrams[4].to->socketId, client.id());
    QCOMPARE(datagrams[4].bytes, std::int64_t{2});
}

// socketpair's two ends are connected from the start. socketserver stages become one thin
// label per row and socket, take no row of their own, and leave out serve_forever's polling.
void TestSequenceDiagram::socketPairAndStages()
{
    Lab lab;
    auto pair = Socket::pair(AF_UNIX, SOCK_STREAM, 0, lab.pane("pair"));
    QVERIFY(pair);
    QVERIFY(pair->first.sendAll("abc"));
    QCOMPARE(pair->second.recv(10).value(), std::string("abc"));

    SequenceDiagramView view;
    drainInto(view, lab);
    const SequenceModel &m = view.model();
    QCOMPARE(m.lifelines().size(), std::size_t{2});
    QVERIFY(m.lifeline(pair->first.id())->header().endsWith(QStringLiteral("· Unix stream")));
    QCOMPARE(m.lifeline(pair->first.id())->peerId, pair->second.id());
    const auto data = arrowsOf(m, ArrowKind::Stream);
    QCOMPARE(data.size(), std::size_t{1});
    QCOMPARE(data[0].bytes, std::int64_t{3});

    const std::int64_t rows = m.rowCount();
    TraceEvent stage;
    stage.socketId = pair->first.id();
    for (TraceCall call : {TraceCall::GetRequest, TraceCall::ServiceActions, TraceCall::VerifyRequest}) {
        stage.call = call;
        stage.phase = TracePhase::Begin;
        lab.trace->push(stage);
        stage.phase = TracePhase::Returned;
        lab.trace->push(stage);
    }
    drainInto(view, lab);
    QCOMPARE(m.rowCount(), rows);
    QCOMPARE(m.stageMarks().size(), std::size_t{1});
    QCOMPARE(m.stageMarks()[0].text, QStringLiteral("get_request › verify_request"));
    QCOMPARE(m.stageMarks()[0].row, m.endRow() - 1);
}

// Unix stream clients that never bound have no address to pair by ("(unnamed)" on every
// side): the pairing goes by the kernel's socket inodes instead. Two clients on two
// listeners, accepted in the reverse order of their connects: each connect arrow ends at
// its own listener's accept, and the bytes reach the right connection.
void TestSequenceDiagram::unixStreamClientsPairedByInode()
{
    Lab lab;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<Socket> listeners;
    for (const char *name : {"first.sock", "second.sock"}) {
        listeners.push_back(makeSocket(AF_UNIX, SOCK_STREAM, lab.pane("server")));
        const auto path = SocketAddress::unixPath(dir.filePath(QLatin1String(name)).toStdString());
        QVERIFY(path);
        QVERIFY(listeners.back().bind(*path));
        QVERIFY(listeners.back().listen(5));
    }
    Socket first = makeSocket(AF_UNIX, SOCK_STREAM, lab.pane("client 1"));
    Socket second = makeSocket(AF_UNIX, SOCK_STREAM, lab.pane("client 2"));
    QVERIFY(first.connect(listeners[0].getSockName().value()));
    QVERIFY(second.connect(listeners[1].getSockName().value()));
    QCOMPARE(first.getSockName().value().toString(), std::string("(unnamed)"));

    SequenceDiagramView view;
    drainInto(view, lab);  // the connects are drawn before any accept
    auto fromSecond = listeners[1].accept();
    auto fromFirst = listeners[0].accept();
    QVERIFY(fromFirst && fromSecond);
    QVERIFY(first.sendAll("one"));
    QVERIFY(second.sendAll("second"));
    QVERIFY(waitQueued(fromFirst->socket, 3));
    QVERIFY(waitQueued(fromSecond->socket, 6));
    QCOMPARE(fromFirst->socket.recv(64).value(), std::string("one"));
    QCOMPARE(fromSecond->socket.recv(64).value(), std::string("second"));
    drainInto(view, lab);

    const SequenceModel &m = view.model();
    QCOMPARE(m.lifeline(fromFirst->socket.id())->peerId, first.id());
    QCOMPARE(m.lifeline(fromSecond->socket.id())->peerId, second.id());
    QCOMPARE(m.lifeline(first.id())->peerId, fromFirst->socket.id());
    QVERIFY(m.lifeline(first.id())->header().endsWith(QStringLiteral("· Unix stream")));
    const auto connects = arrowsOf(m, ArrowKind::Connect);
    QCOMPARE(connects.size(), std::size_t{2});
    for (const Resolved &c : connects) {
        const bool fromFirstClient = c.from->socketId == first.id();
        QCOMPARE(c.to->socketId, fromFirstClient ? listeners[0].id() : listeners[1].id());
    }
    const auto data = arrowsOf(m, ArrowKind::Stream);
    QCOMPARE(data.size(), std::size_t{2});
    for (const Resolved &r : data) {
        const bool fromFirstClient = r.from->socketId == first.id();
        QCOMPARE(r.to->socketId, fromFirstClient ? fromFirst->socket.id() : fromSecond->socket.id());
        QCOMPARE(r.bytes, std::int64_t{fromFirstClient ? 3 : 6});
    }
    QCOMPARE(m.waitingCount(), std::size_t{0});  // nothing left over, nothing "untraced"
}

// The view keeps the newest row in sight while the run goes on; scrolling back stops that
// (the learner is reading), and scrolling to the bottom starts it again.
void TestSequenceDiagram::followsTheNewestRowUntilScrolledBack()
{
    Lab lab;
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, lab.pane("server")));
    SequenceDiagramView view;
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto exchange = [&](int n) {
        for (int i = 0; i < n; ++i) {
            QVERIFY(p.client.sendAll("ping"));
            QCOMPARE(p.server.recv(4).value(), std::string("ping"));
        }
        drainInto(view, lab);
    };
    exchange(20);
    QScrollBar *bar = view.verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(view.followsNewest());

    bar->setValue(0);  // the learner scrolls back
    QVERIFY(!view.followsNewest());
    const int before = bar->maximum();
    exchange(5);
    QVERIFY(bar->maximum() > before);
    QCOMPARE(bar->value(), 0);

    bar->setValue(bar->maximum());
    QVERIFY(view.followsNewest());
    exchange(5);
    QCOMPARE(bar->value(), bar->maximum());
}

// PNG and SVG of the whole diagram: a real image of useful size, well-formed SVG naming the
// lifelines; a file that cannot be written is reported, not ignored.
void TestSequenceDiagram::exportsPngAndSvg()
{
    Lab lab;
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5, lab.pane("server"));
    Socket client = makeSocket(AF_INET, SOCK_STREAM, lab.pane("client"));
    QVERIFY(client.connect(SocketAddress::loopback(AF_INET, testsupport::portOf(listener))));
    auto accepted = listener.accept();
    QVERIFY(accepted);
    std::thread reader([&] { (void)accepted->socket.recv(100); });
    QVERIFY(waitUntil([&] { return accepted->socket.record()->blockedIn.load() == TraceCall::Recv; }));
    for (const char *part : {"a", "bb", "ccc"})
        QVERIFY(client.send(part));
    reader.join();

    SequenceDiagramView view;
    drainInto(view, lab);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString png = dir.filePath(QStringLiteral("diagram.png"));
    QVERIFY(view.exportPng(png));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY2(image.width() >= 600 && image.height() >= 300, qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
    QVERIFY(image.pixelColor(image.width() - 2, image.height() - 2) == QColor(Qt::white));
    // Not a blank page: the colour of the blocked bar is there.
    const QColor barColour = safecolour::blocked();
    bool bar = false;
    for (int y = 0; y < image.height() && !bar; ++y)
        for (int x = 0; x < image.width() && !bar; ++x) {
            const QColor c = image.pixelColor(x, y);
            bar = std::abs(c.red() - barColour.red()) < 24 && std::abs(c.green() - barColour.green()) < 24
                && std::abs(c.blue() - barColour.blue()) < 24;
        }
    QVERIFY(bar);

    const QString svg = dir.filePath(QStringLiteral("diagram.svg"));
    QVERIFY(view.exportSvg(svg));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    int elements = 0;
    QString root;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            if (root.isEmpty())
                root = xml.name().toString();
            ++elements;
            if (xml.name() == QLatin1String("text"))
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(root, QStringLiteral("svg"));
    QVERIFY(elements > 50);
    QVERIFY(texts.contains(view.model().lifeline(client.id())->header()));

    QVERIFY(!view.exportPng(dir.filePath(QStringLiteral("missing/diagram.png"))));
    QVERIFY(!view.exportSvg(dir.filePath(QStringLiteral("missing/diagram.svg"))));
}

// 20 000+ events through the view a tick at a time: calls, rows, arrows and waiting queues
// stay under their caps, the newest exchange is still drawn right, and export stays bounded.
void TestSequenceDiagram::longRunStaysBounded()
{
    Lab lab;
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, lab.pane("server")));
    SequenceDiagramView view;
    drainInto(view, lab);
    const std::uint64_t start = lab.trace->pushed();
    std::size_t maxCalls = 0, maxArrows = 0, maxWaiting = 0;
    std::int64_t maxRows = 0;
    for (int i = 0; i < 5200; ++i) {
        QVERIFY(p.client.send("x"));
        QCOMPARE(p.server.recv(16).value(), std::string("x"));
        if (i % 500 == 499) {  // a tick's worth, well inside the stream's capacity
            drainInto(view, lab);
            const SequenceModel &m = view.model();
            maxCalls = std::max(maxCalls, m.calls().size());
            maxArrows = std::max(maxArrows, m.arrows().size());
            maxRows = std::max(maxRows, m.rowCount());
            maxWaiting = std::max(maxWaiting, m.waitingCount());
        }
    }
    drainInto(view, lab);
    QCOMPARE(lab.trace->dropped(), std::uint64_t{0});
    QVERIFY(lab.trace->pushed() - start >= 20000);
    const SequenceModel &m = view.model();
    QVERIFY(m.droppedCalls() > 0);
    QVERIFY(maxCalls <= SequenceModel::kMaxCalls + 2);
    QVERIFY(maxArrows <= SequenceModel::kMaxCalls);
    QVERIFY(maxRows <= std::int64_t(SequenceModel::kMaxCalls) * 2);
    QVERIFY(maxWaiting <= 2);
    QCOMPARE(m.lifelines().size(), std::size_t{3});
    const Arrow &last = m.arrows().back();
    QCOMPARE(m.call(last.to)->call, TraceCall::Recv);
    QCOMPARE(m.call(last.to)->socketId, p.server.id());
    QCOMPARE(m.call(last.from)->socketId, p.client.id());
    QCOMPARE(last.bytes, std::int64_t{1});

    const QImage image = view.renderImage();
    QVERIFY(!image.isNull());
    QVERIFY(qint64(image.width()) * image.height() <= SequenceDiagramView::kMaxExportPixels);
}

// A trace that overflowed loses events: a call whose Begin is missing is still drawn (one
// row tall), a Blocked or Returned without its socket's earlier events creates no confusion.
void TestSequenceDiagram::survivesATraceThatLostEvents()
{
    Lab lab;
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, lab.pane("server")));
    QVERIFY(p.client.sendAll("hello"));
    QVERIFY(waitQueued(p.server, 5));
    QCOMPARE(p.server.recv(64).value(), std::string("hello"));
    std::vector<TraceEvent> all;
    lab.trace->drain(all);
    // Keep only the ends: every Begin and Blocked lost.
    std::vector<TraceEvent> ends;
    for (const TraceEvent &e : all)
        if (e.phase == TracePhase::Returned || e.phase == TracePhase::Failed)
            ends.push_back(e);
    SequenceDiagramView view;
    feed(view, ends, lab);
    const SequenceModel &m = view.model();
    QCOMPARE(m.lifelines().size(), std::size_t{3});
    const auto recvs = callsOf(m, p.server.id(), TraceCall::Recv);
    QCOMPARE(recvs.size(), std::size_t{1});
    QCOMPARE(recvs[0]->startRow, recvs[0]->endRow);
    QVERIFY(!recvs[0]->open());
    for (const Call &c : m.calls())
        QVERIFY(!c.open());
    QVERIFY(!view.renderImage().isNull());
}

QTEST_MAIN(TestSequenceDiagram)
#include "tst_sequencediagram.moc"
