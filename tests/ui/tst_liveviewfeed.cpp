// tst_liveviewfeed: how the window feeds its live views. Each tick probes every open socket
// exactly once, however many views show it (counted by the records' probe counters), and
// the views show that one sample. A view registered in the one place (LiveViews::add) gets
// every tick's events and snapshot, forgets the run on Reset and when the lab changes, and
// has its tab hidden until it has something to show.
#include "CoreTestSupport.h"

#include <AcceptQueueGauge.h>
#include <LabLoader.h>
#include <LabSession.h>
#include <LiveViews.h>
#include <MainWindow.h>
#include <PaneRunner.h>
#include <PaneView.h>
#include <ReceiveBufferView.h>
#include <SocketTableModel.h>
#include <SocketTableView.h>

#include <SocketRegistry.h>
#include <SocketText.h>
#include <TraceStream.h>

#include <QLabel>
#include <QTabWidget>
#include <QSettings>
#include <QtTest>

#include <map>
#include <memory>
#include <sys/socket.h>

using namespace socketlab;

namespace {
constexpr int kWaitMs = 10000;
constexpr int kTicks = 5;

// Probes so far, per socket of the registry.
std::map<std::uint32_t, std::uint64_t> probeCounts(const SocketRegistry &registry)
{
    std::map<std::uint32_t, std::uint64_t> counts;
    for (const auto &r : registry.snapshot())
        counts[r->id] = r->probeCount();
    return counts;
}

// Whether `calls` holds `wanted` in that order, other calls between allowed.
bool inOrder(const std::vector<TraceCall> &calls, const std::vector<TraceCall> &wanted)
{
    auto next = wanted.begin();
    for (TraceCall c : calls)
        if (next != wanted.end() && c == *next)
            ++next;
    return next == wanted.end();
}

int tabNamed(const QTabWidget &tabs, const QString &title)
{
    for (int i = 0; i < tabs.count(); ++i)
        if (tabs.tabText(i) == title)
            return i;
    return -1;
}

// A view of our own, counting what it is given.
class CountingView : public QLabel, public LiveView {
public:
    int feeds = 0;
    int forgets = 0;
    std::size_t events = 0;
    std::size_t socketsSeen = 0;
    std::vector<TraceCall> calls;
    bool content = true;

    void feed(const LiveTick &tick) override
    {
        ++feeds;
        events += tick.events.size();
        socketsSeen = tick.sockets.sockets().size();
        for (const TraceEvent &e : tick.events)
            calls.push_back(e.call);
    }
    void forgetRun() override
    {
        ++forgets;
        events = 0;
        calls.clear();
    }
    bool hasContent() const override { return content; }
};
} // namespace

class TestLiveViewFeed : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTests"));  // keep the user's settings out
        // These runs go through without stopping at the labs' predictions (tst_selfstudy asks them).
        QSettings().setValue(QStringLiteral("selfStudy/askPredictions"), false);
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")));
    }
    void eachSocketIsProbedOncePerTick();
    void theWindowProbesOncePerTick();
    void aViewAddedInOnePlaceIsFed();

private:
    LabCatalog m_catalog;
};

// A listener with a connection queued, the connection's two ends with bytes waiting, a UDP
// socket and a closed one: every view that shows kernel numbers has something to show, and
// still each open socket is probed once a tick, the closed one never.
void TestLiveViewFeed::eachSocketIsProbedOncePerTick()
{
    auto trace = std::make_shared<TraceStream>();
    auto registry = std::make_shared<SocketRegistry>();
    const SocketContext context{trace, nullptr, registry, "lab"};
    RunFeed feed(trace, registry);
    LiveViews views;
    views.open(feed);

    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, context));
    auto queued = Socket::create(AF_INET, SOCK_STREAM, 0, context);
    QVERIFY(queued && queued->connect(p.listener.getSockName().value()));  // waits in the accept queue
    Socket udp = testsupport::boundLoopback(SOCK_DGRAM, 0, context);
    auto closed = Socket::create(AF_INET, SOCK_DGRAM, 0, context);
    QVERIFY(udp.isOpen() && closed && closed->close());
    QVERIFY(p.client.sendAll("waiting"));
    QVERIFY(testsupport::waitUntil([&] { return p.server.record()->probe().receiveQueue == 7; }));

    views.tick();  // the views take their first look
    const auto before = probeCounts(*registry);
    for (int i = 0; i < kTicks; ++i)
        views.tick();
    const auto after = probeCounts(*registry);

    QCOMPARE(after.size(), std::size_t{6});
    for (const auto &[id, count] : after) {
        const bool isClosed = id == closed->id();
        QCOMPARE(count - before.at(id), std::uint64_t(isClosed ? 0 : kTicks));
    }
    // The views show that one sample: the table, the accept queue, the receive buffer;
    // and after the lab's six rows, the kernel's own: the queued connection's server end,
    // which accept() has not made a socket for yet (once: not also as a row of the window's),
    // once the kernel's answer, asked in the background, has come.
    QTRY_COMPARE_WITH_TIMEOUT((views.tick(), views.kernelRows().rows().size()), std::size_t{1}, 5000);
    QCOMPARE(views.kernelRows().rows().front().kernel.peerId, queued->id());
    SocketTableModel *table = views.view<SocketTableView>()->socketModel();
    QCOMPARE(table->labRowCount(), 6);
    QCOMPARE(table->rowCount(), 7);
    QCOMPARE(table->index(6, SocketTableModel::TcpState).data().toString(), QStringLiteral("ESTABLISHED"));
    QCOMPARE(table->index(6, SocketTableModel::Peer).data().toString(),
             SocketText::endpointText(queued->getSockName().value()));
    QCOMPARE(views.view<AcceptQueueGauge>()->gauge(p.listener.id())->waiting, 1u);
    QCOMPARE(views.view<ReceiveBufferView>()->model().buffer(p.server.id())->kernelBytes, std::int64_t{7});
}

// The same in the window, on the tcp-timestamp lab with the server blocked in recv():
// refreshViews() is one tick, and each of the lab's open sockets is probed once in it.
void TestLiveViewFeed::theWindowProbesOncePerTick()
{
    MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
    PaneView *server = window.paneView(QStringLiteral("server"));
    PaneView *client = window.paneView(QStringLiteral("client"));
    QVERIFY(server && client);
    QCOMPARE(server->runner()->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    window.runAll();
    QTRY_VERIFY_WITH_TIMEOUT(client->runner()->state() == PaneRunner::State::WaitingForInput, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(server->runner()->blockedIn() == TraceCall::Recv, kWaitMs);

    const SocketRegistry &registry = *window.session()->registry();
    const auto before = probeCounts(registry);
    for (int i = 0; i < kTicks; ++i)
        window.refreshViews();
    const auto after = probeCounts(registry);
    QCOMPARE(after.size(), std::size_t{3});  // listener, connection, client
    for (const auto &[id, count] : after)
        QCOMPARE(count - before.at(id), std::uint64_t(kTicks));
    window.resetAction()->trigger();
}

// One add() and the window feeds the view like its own: each tick's events in order with
// the snapshot, a clean slate on Reset and on opening another lab.
void TestLiveViewFeed::aViewAddedInOnePlaceIsFed()
{
    MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
    auto *view = window.liveViews()->add(new CountingView, LiveViews::Area::Side, LiveViews::Place::Beside, "Counting");
    QTabWidget *tabs = window.liveViews()->tabs(LiveViews::Area::Side);
    const int tab = tabNamed(*tabs, QStringLiteral("Counting"));
    QVERIFY(tab >= 0 && tabs->widget(tab)->isAncestorOf(view));
    QVERIFY(window.liveViews()->isShown(view));

    PaneView *server = window.paneView(QStringLiteral("server"));
    QCOMPARE(server->runner()->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    server->runner()->start();
    QTRY_VERIFY_WITH_TIMEOUT(server->runner()->blockedIn() == TraceCall::Accept, kWaitMs);
    const int feedsBefore = view->feeds;
    window.refreshViews();
    QCOMPARE(view->feeds, feedsBefore + 1);
    QCOMPARE(view->socketsSeen, std::size_t{1});  // the listener
    QVERIFY(inOrder(view->calls, {TraceCall::Socket, TraceCall::Bind, TraceCall::Listen, TraceCall::Accept}));

    const int forgetsBefore = view->forgets;
    window.resetAction()->trigger();
    QCOMPARE(view->forgets, forgetsBefore + 1);
    window.refreshViews();
    QCOMPARE(view->socketsSeen, std::size_t{0});
    QCOMPARE(view->events, std::size_t{0});  // nothing from before the Reset

    // Nothing to show: its tab hides; something again: it comes back in front.
    view->content = false;
    window.refreshViews();
    QVERIFY(!window.liveViews()->isShown(view));
    QVERIFY(!tabs->isTabVisible(tab));
    view->content = true;
    window.refreshViews();
    QVERIFY(window.liveViews()->isShown(view));
    QVERIFY(tabs->isTabVisible(tab));
    QCOMPARE(tabs->currentIndex(), tab);

    const int forgetsBeforeSwitch = view->forgets;
    QVERIFY(window.openLab(QStringLiteral("udp-timestamp")));
    QVERIFY(view->forgets > forgetsBeforeSwitch);
    window.refreshViews();
    QCOMPARE(view->socketsSeen, std::size_t{0});
}

QTEST_MAIN(TestLiveViewFeed)
#include "tst_liveviewfeed.moc"
