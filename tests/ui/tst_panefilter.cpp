// tst_panefilter: the live views' pane filter on real loopback sockets. Hiding a pane leaves
// out its sockets and the server's connections to them, from the snapshot and from the
// events alike (an accept of a hidden connection draws no lifeline); a pane that grows past
// the crowded mark is hidden by itself once, and stays shown when the learner shows it
// again; the socket table fed through LiveViews shows what the filter leaves.
#include <LiveViews.h>
#include <PaneFilter.h>
#include <PaneFilterButton.h>
#include <RunFeed.h>
#include <SocketTableModel.h>
#include <SocketTableView.h>

#include <Clock.h>
#include <KernelOnlySockets.h>
#include <Socket.h>
#include <SocketRegistry.h>
#include <SocketSnapshot.h>
#include <TraceStream.h>

#include <QtTest>

#include <algorithm>
#include <memory>
#include <set>
#include <vector>

#include <sys/socket.h>

using namespace socketlab;

namespace {

// A lab's sockets: a server listening, and clients of named panes connected and accepted.
class Room {
public:
    Room()
    {
        auto s = Socket::create(AF_INET, SOCK_STREAM, 0, context("server"));
        if (s && s->bind(SocketAddress::loopback(AF_INET, 0)) && s->listen(64))
            m_listener = std::move(s).value();
    }

    bool join(const std::string &pane)
    {
        auto client = Socket::create(AF_INET, SOCK_STREAM, 0, context(pane));
        const auto name = m_listener.getSockName();
        if (!client || !name || !client->connect(*name))
            return false;
        auto accepted = m_listener.accept();
        if (!accepted)
            return false;
        m_sockets.push_back(std::move(client).value());
        m_sockets.push_back(std::move(accepted->socket));
        return true;
    }

    // A client of a pane connected and left in the listener's accept queue: no accept().
    bool queue(const std::string &pane)
    {
        auto client = Socket::create(AF_INET, SOCK_STREAM, 0, context(pane));
        const auto name = m_listener.getSockName();
        if (!client || !name || !client->connect(*name))
            return false;
        m_sockets.push_back(std::move(client).value());
        return true;
    }

    // The last client of a pane goes first and for good (its record leaves the registry);
    // the server's connection to it is closed after, and still listed for a while.
    bool lastClientLeavesFirst()
    {
        Socket client = std::move(m_sockets[m_sockets.size() - 2]);
        m_sockets.erase(m_sockets.end() - 2);
        if (!client.close())
            return false;
        m_registry->pruneClosedBefore(steadyNowNs() + 1);  // as the feed forgets rows that faded
        return bool(m_sockets.back().close());
    }

    std::uint32_t listenerId() const { return m_listener.id(); }
    const std::shared_ptr<TraceStream> &trace() const { return m_trace; }
    const std::shared_ptr<SocketRegistry> &registry() const { return m_registry; }

private:
    SocketContext context(const std::string &owner) const { return SocketContext{m_trace, nullptr, m_registry, owner}; }

    std::shared_ptr<TraceStream> m_trace = std::make_shared<TraceStream>();
    std::shared_ptr<SocketRegistry> m_registry = std::make_shared<SocketRegistry>();
    Socket m_listener;
    std::vector<Socket> m_sockets;
};

std::multiset<std::string> ownersOf(const SocketSnapshot &snapshot)
{
    std::multiset<std::string> owners;
    for (const SocketSample &s : snapshot.sockets())
        owners.insert(s.record->owner);
    return owners;
}

} // namespace

class TestPaneFilter : public QObject {
    Q_OBJECT

private slots:
    void hidesAPaneAndTheConnectionsToIt()
    {
        Room room;
        QVERIFY(room.join("alice"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(room.join("load"));
        std::vector<TraceEvent> events;
        room.trace()->drain(events);
        const SocketSnapshot all = SocketSnapshot::take(*room.registry());
        const RunTick tick{events, all, 0};

        PaneFilter filter;
        QCOMPARE(&filter.apply(tick), &tick);  // nothing hidden: the tick itself
        filter.setHidden(QStringLiteral("load"), true);
        const RunTick &shown = filter.apply(tick);
        // The listener, alice's socket and the server's connection to her: no load socket,
        // and none of the server's three connections to the load.
        QCOMPARE(ownersOf(shown.sockets), (std::multiset<std::string>{"alice", "server", "server"}));
        std::set<std::uint32_t> shownIds;
        for (const SocketSample &s : shown.sockets.sockets())
            shownIds.insert(s.id);
        int acceptsShown = 0, acceptsLinked = 0;
        for (const TraceEvent &e : shown.events) {
            QVERIFY2(shownIds.count(e.socketId), traceCallName(e.call));
            if (e.call == TraceCall::Accept && e.phase == TracePhase::Returned) {
                ++acceptsShown;
                acceptsLinked += e.relatedSocketId != 0 ? 1 : 0;
                QVERIFY(e.relatedSocketId == 0 || shownIds.count(e.relatedSocketId));
            }
        }
        QCOMPARE(acceptsShown, 4);   // the listener's every accept() stays in its lifeline ...
        QCOMPARE(acceptsLinked, 1);  // ... but only alice's connection gets a lifeline of its own
        QCOMPARE(filter.openSockets().at(QStringLiteral("load")), 3);  // counted, hidden or not
        QVERIFY(!filter.takeHiddenByItself());

        filter.setHidden(QStringLiteral("load"), false);
        QCOMPARE(&filter.apply(tick), &tick);
    }

    // The server's connection to a hidden client stays hidden after the client's socket has
    // left the snapshot: a classroom of clients leaving must not flood the table with the
    // server's closed connections (tst_chatclassroom saw 173 such rows).
    void connectionOfAClientGoneFirstStaysHidden()
    {
        Room room;
        QVERIFY(room.join("alice"));
        QVERIFY(room.join("load"));
        PaneFilter filter;
        filter.setHidden(QStringLiteral("load"), true);
        std::vector<TraceEvent> events;
        const SocketSnapshot before = SocketSnapshot::take(*room.registry());
        QCOMPARE(ownersOf(filter.apply(RunTick{events, before, 0}).sockets), (std::multiset<std::string>{"alice", "server", "server"}));

        QVERIFY(room.lastClientLeavesFirst());
        const SocketSnapshot after = SocketSnapshot::take(*room.registry());
        QCOMPARE(ownersOf(after).count("load"), std::size_t(0));  // the client is gone from the snapshot
        QCOMPARE(ownersOf(after).count("server"), std::size_t(3));  // its server end is still listed
        QCOMPARE(ownersOf(filter.apply(RunTick{events, after, 0}).sockets), (std::multiset<std::string>{"alice", "server", "server"}));
        filter.setHidden(QStringLiteral("load"), false);  // shown again: the server's end with it
        QCOMPARE(ownersOf(filter.apply(RunTick{events, after, 0}).sockets).count("server"), std::size_t(3));
    }

    void hidesACrowdedPaneByItselfOnce()
    {
        Room room;
        QVERIFY(room.join("alice"));
        std::vector<TraceEvent> events;
        PaneFilter filter;
        const auto applyNow = [&] {
            events.clear();
            room.trace()->drain(events);
            const SocketSnapshot snapshot = SocketSnapshot::take(*room.registry());
            filter.apply(RunTick{events, snapshot, 0});
        };
        // Each client puts two rows in view: its socket and the server's connection to it.
        for (int i = 0; i < PaneFilter::kCrowded / 2; ++i)
            QVERIFY(room.join("load"));
        applyNow();
        QVERIFY(!filter.isHidden(QStringLiteral("load")));  // at the mark, not past it
        QVERIFY(room.join("load"));
        applyNow();
        QVERIFY(filter.isHidden(QStringLiteral("load")));
        QVERIFY(!filter.isHidden(QStringLiteral("alice")));
        // The server holds as many connections, but they are the load's, hidden with it: the
        // server, with its listener and alice's connection, stays in view.
        QVERIFY(!filter.isHidden(QStringLiteral("server")));
        QVERIFY(filter.takeHiddenByItself());
        QVERIFY(!filter.takeHiddenByItself());
        filter.setHidden(QStringLiteral("load"), false);  // the learner wants them back
        QVERIFY(room.join("load"));
        applyNow();
        QVERIFY(!filter.isHidden(QStringLiteral("load")));
        filter.clear();  // another lab
        applyNow();
        QVERIFY(filter.isHidden(QStringLiteral("load")));
    }

    void countsTheKernelsQueuedRowsOfAPane()
    {
        Room room;
        for (int i = 0; i < PaneFilter::kCrowded / 2 - 1; ++i)
            QVERIFY(room.join("load"));
        // Two more clients left in the accept queue: one socket each, and the kernel's row of
        // its queued connection on the server's side: 22 + 2 + 2 rows, past the mark, where
        // the open sockets alone make 24.
        QVERIFY(room.queue("load"));
        QVERIFY(room.queue("load"));
        std::vector<TraceEvent> events;
        room.trace()->drain(events);
        const SocketSnapshot snapshot = SocketSnapshot::take(*room.registry());
        KernelOnlySockets kernel;
        std::vector<KernelOnlySocket> rows;
        QTRY_VERIFY_WITH_TIMEOUT((rows = kernel.update(snapshot, steadyNowNs()),
                                  std::count_if(rows.begin(), rows.end(), [](const KernelOnlySocket &r) {
                                      return r.kind == KernelOnlySocket::Kind::NotAccepted && r.peerId != 0;
                                  }) == 2),
                                 5000);
        PaneFilter filter;
        const std::vector<KernelOnlySocket> none;
        filter.apply(RunTick{events, snapshot, 0, none});
        QVERIFY(!filter.isHidden(QStringLiteral("load")));  // without the kernel's rows: 24
        filter.apply(RunTick{events, snapshot, 0, rows});
        QVERIFY(filter.isHidden(QStringLiteral("load")));
        QVERIFY(!filter.isHidden(QStringLiteral("server")));
    }

    void socketTableShowsWhatTheFilterLeaves()
    {
        Room room;
        QVERIFY(room.join("alice"));
        for (int i = 0; i < 2; ++i)
            QVERIFY(room.join("load"));
        RunFeed feed(room.trace(), room.registry());
        LiveViews views;
        views.open(feed);
        auto *table = views.view<SocketTableView>();
        QVERIFY(table);
        views.tick();
        QCOMPARE(table->socketModel()->rowCount(), 7);  // listener, alice's pair, the load's two pairs
        QCOMPARE(views.paneFilter()->text(), QStringLiteral("Panes"));
        views.paneFilter()->filter().setHidden(QStringLiteral("load"), true);
        views.tick();
        QCOMPARE(table->socketModel()->rowCount(), 3);
        views.paneFilter()->refresh();
        QVERIFY(views.paneFilter()->text() != QStringLiteral("Panes"));  // it says panes are hidden
        views.close();
    }
};

QTEST_MAIN(TestPaneFilter)
#include "tst_panefilter.moc"
