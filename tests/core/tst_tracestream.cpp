// tst_tracestream: the stream a lab's views draw from. TraceStream keeps order, drains in
// batches, drops the oldest events on overflow and counts them, and loses nothing under
// concurrent pushes; SocketRegistry lists, counts and prunes records.
#include "CoreTestSupport.h"

#include <Clock.h>
#include <Socket.h>
#include <SocketRecord.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <sys/socket.h>

using namespace socketlab;
using testsupport::makeTcpPair;
using testsupport::TcpPair;
using testsupport::waitUntil;
using SteadyClock = std::chrono::steady_clock;

namespace {

TraceEvent eventWithArg(std::int64_t arg, std::uint32_t socketId = 1)
{
    TraceEvent e;
    e.socketId = socketId;
    e.arg = arg;
    return e;
}

std::vector<TraceEvent> drainAll(TraceStream &trace)
{
    std::vector<TraceEvent> out;
    trace.drain(out);
    return out;
}
} // namespace

class TestTraceStream : public QObject {
    Q_OBJECT

private slots:
    void streamKeepsOrderAndDrainsAtMostMax();
    void overflowDropsTheOldest();
    void concurrentPushesLoseNothing();
    void concurrentOverflowAccountsForEveryEvent();
    void growingStreamWrapsAfterAPartialDrain();
    void streamDrainedInTimeStaysSmall();


    void registryListsCountsAndPrunes();
    void registryKeepsTheNewestClosedOnes();
};

// The stream numbers events itself, keeps their order, and drain(out, max) appends at most
// max of the oldest to out.
void TestTraceStream::streamKeepsOrderAndDrainsAtMostMax()
{
    TraceStream trace(32);
    for (int i = 0; i < 10; ++i) {
        TraceEvent e = eventWithArg(i);
        e.sequence = 999;  // whatever the pusher says
        trace.push(e);
    }
    QCOMPARE(trace.pushed(), std::uint64_t{10});
    QCOMPARE(trace.size(), std::size_t{10});
    std::vector<TraceEvent> out{eventWithArg(-1, 99)};  // drain appends, keeping what was there
    QCOMPARE(trace.drain(out, 3), std::size_t{3});
    QCOMPARE(out.size(), std::size_t{4});
    QCOMPARE(out[0].socketId, 99u);
    QCOMPARE(trace.size(), std::size_t{7});
    QCOMPARE(trace.drain(out, 0), std::size_t{0});
    QCOMPARE(trace.drain(out, 100), std::size_t{7});
    QCOMPARE(out.size(), std::size_t{11});
    for (std::size_t i = 1; i < out.size(); ++i) {
        QCOMPARE(out[i].arg, std::int64_t(i - 1));
        QCOMPARE(out[i].sequence, std::uint64_t(i));
    }
    QCOMPARE(trace.drain(out), std::size_t{0});
    trace.push(eventWithArg(10));
    QCOMPARE(drainAll(trace).at(0).sequence, std::uint64_t{11});
    QCOMPARE(trace.dropped(), std::uint64_t{0});

    TraceStream tiny(0);  // at least one slot
    QCOMPARE(tiny.capacity(), std::size_t{1});
    tiny.push(eventWithArg(1));
    tiny.push(eventWithArg(2));
    QCOMPARE(tiny.dropped(), std::uint64_t{1});
    QCOMPARE(drainAll(tiny).at(0).arg, std::int64_t{2});
}

// The ring grows as events arrive (its pages are touched only when used) and wraps once
// full: a drain part-way through the growth must not lose or reorder anything when the
// wrap comes, and an overflow after it still drops exactly the oldest.
void TestTraceStream::growingStreamWrapsAfterAPartialDrain()
{
    TraceStream trace(8);
    for (int i = 1; i <= 5; ++i)
        trace.push(eventWithArg(i));
    std::vector<TraceEvent> out;
    QCOMPARE(trace.drain(out, 3), std::size_t{3});
    for (int i = 6; i <= 15; ++i)  // fills the ring to 8 waiting, then overwrites 4, 5, 6, 7
        trace.push(eventWithArg(i));
    QCOMPARE(trace.dropped(), std::uint64_t{4});
    QCOMPARE(trace.size(), std::size_t{8});
    out = drainAll(trace);
    QCOMPARE(out.size(), std::size_t{8});
    for (std::size_t i = 0; i < out.size(); ++i) {
        QCOMPARE(out[i].arg, std::int64_t(8 + i));
        QCOMPARE(out[i].sequence, std::uint64_t(8 + i));
    }
    QCOMPARE(trace.slotsTouched(), std::size_t{8});
}

// A stream its reader keeps up with holds what waits between two drains, not its
// capacity: a long quiet lab session costs kilobytes (bench: trace_rss_growth_MB).
void TestTraceStream::streamDrainedInTimeStaysSmall()
{
    TraceStream trace(16384);
    QCOMPARE(trace.slotsTouched(), std::size_t{0});
    std::int64_t next = 0;
    for (int round = 0; round < 100; ++round) {
        for (int i = 0; i < 50; ++i)
            trace.push(eventWithArg(next++));
        const std::vector<TraceEvent> out = drainAll(trace);
        QCOMPARE(out.size(), std::size_t{50});
        QCOMPARE(out.back().arg, next - 1);
    }
    QCOMPARE(trace.slotsTouched(), std::size_t{50});
    QCOMPARE(trace.dropped(), std::uint64_t{0});
}

void TestTraceStream::overflowDropsTheOldest()
{
    TraceStream trace(8);
    for (int i = 0; i < 20; ++i)
        trace.push(eventWithArg(i));
    QCOMPARE(trace.size(), std::size_t{8});
    QCOMPARE(trace.dropped(), std::uint64_t{12});
    QCOMPARE(trace.pushed(), std::uint64_t{20});
    std::vector<TraceEvent> out = drainAll(trace);
    QCOMPARE(out.size(), std::size_t{8});
    for (std::size_t i = 0; i < out.size(); ++i) {
        QCOMPARE(out[i].sequence, std::uint64_t(13 + i));
        QCOMPARE(out[i].arg, std::int64_t(12 + i));
    }
    // Room again: up to capacity nothing more is dropped. Then, with the ring's start
    // moved by a partial drain, an overflow still drops exactly the oldest.
    for (int i = 20; i < 28; ++i)
        trace.push(eventWithArg(i));
    QCOMPARE(trace.dropped(), std::uint64_t{12});
    out.clear();
    QCOMPARE(trace.drain(out, 3), std::size_t{3});
    QCOMPARE(out.back().sequence, std::uint64_t{23});
    for (int i = 28; i < 34; ++i)
        trace.push(eventWithArg(i));
    QCOMPARE(trace.dropped(), std::uint64_t{15});
    out = drainAll(trace);
    QCOMPARE(out.size(), std::size_t{8});
    for (std::size_t i = 0; i < out.size(); ++i)
        QCOMPARE(out[i].sequence, std::uint64_t(27 + i));
}

namespace {
constexpr int kPushers = 4;
constexpr int kPerPusher = 5000;
constexpr std::uint64_t kTotal = kPushers * kPerPusher;

// kPushers threads push kPerPusher events each (socketId = thread, arg = index) while one
// thread drains small batches until every pushed event is drained or dropped. Checks that
// sequences increase, nothing comes twice and each pusher's events keep their order.
std::vector<TraceEvent> pushAndDrainConcurrently(TraceStream &trace, bool *consistent)
{
    std::vector<TraceEvent> drained;
    std::atomic<bool> pushersDone{false};
    std::thread drainer([&] {
        const auto deadline = SteadyClock::now() + std::chrono::seconds(30);
        std::vector<TraceEvent> batch;  // fresh each time, as a view draining per frame does
        for (bool last = false; !(last && trace.size() == 0) && SteadyClock::now() < deadline;) {
            last = pushersDone.load(std::memory_order_acquire);
            batch.clear();
            trace.drain(batch, 97);
            drained.insert(drained.end(), batch.begin(), batch.end());
            std::this_thread::yield();
        }
    });
    std::vector<std::thread> pushers;
    for (int t = 0; t < kPushers; ++t)
        pushers.emplace_back([&trace, t] {
            for (int i = 0; i < kPerPusher; ++i)
                trace.push(eventWithArg(i, std::uint32_t(t)));
        });
    for (std::thread &t : pushers)
        t.join();
    pushersDone.store(true, std::memory_order_release);
    drainer.join();

    *consistent = trace.size() == 0;
    std::vector<std::int64_t> lastArg(kPushers, -1);
    for (std::size_t i = 0; i < drained.size(); ++i) {
        std::int64_t &last = lastArg[drained[i].socketId];
        *consistent = *consistent && drained[i].arg > last && (i == 0 || drained[i].sequence > drained[i - 1].sequence);
        last = drained[i].arg;
    }
    return drained;
}
} // namespace

void TestTraceStream::concurrentPushesLoseNothing()
{
    TraceStream trace(kTotal);  // room for everything
    bool consistent = false;
    const std::vector<TraceEvent> drained = pushAndDrainConcurrently(trace, &consistent);
    QVERIFY(consistent);
    QCOMPARE(trace.pushed(), kTotal);
    QCOMPARE(trace.dropped(), std::uint64_t{0});
    QCOMPARE(drained.size(), std::size_t{kTotal});
    std::vector<int> perThread(kPushers, 0);  // every (thread, index) exactly once
    for (const TraceEvent &e : drained)
        QCOMPARE(e.arg, std::int64_t(perThread[e.socketId]++));
    QCOMPARE(drained.front().sequence, std::uint64_t{1});
    QCOMPARE(drained.back().sequence, kTotal);
}

void TestTraceStream::concurrentOverflowAccountsForEveryEvent()
{
    TraceStream trace(16);  // too small: how many are dropped depends on timing
    bool consistent = false;
    const std::vector<TraceEvent> drained = pushAndDrainConcurrently(trace, &consistent);
    QVERIFY(consistent);
    QCOMPARE(trace.pushed(), kTotal);
    QCOMPARE(drained.size() + trace.dropped(), kTotal);
    QCOMPARE(drained.back().sequence, kTotal);  // the oldest go, so the newest survives
}

// Sockets made with a registry (and those accepted from them) are listed; openCount drops
// as they close; pruneClosedBefore(t) forgets only records closed before t.
void TestTraceStream::registryListsCountsAndPrunes()
{
    auto registry = std::make_shared<SocketRegistry>();
    TcpPair p;
    QVERIFY(makeTcpPair(p, SocketContext{nullptr, nullptr, registry, "registry"}));
    Socket unlisted = testsupport::boundLoopback(SOCK_DGRAM);
    QVERIFY(unlisted.isOpen());
    auto ids = [&] {
        std::vector<std::uint32_t> out;
        for (const auto &r : registry->snapshot())
            out.push_back(r->id);
        std::sort(out.begin(), out.end());
        return out;
    };
    std::vector<std::uint32_t> expected{p.listener.id(), p.client.id(), p.server.id()};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(ids(), expected);
    QCOMPARE(registry->openCount(), std::size_t{3});
    QCOMPARE(registry->snapshot().front()->owner, std::string("registry"));

    const std::shared_ptr<SocketRecord> client = p.client.record();
    QVERIFY(p.client.close());
    QCOMPARE(registry->openCount(), std::size_t{2});
    QCOMPARE(client->state.load(), SocketState::Closed);
    const std::int64_t closedAt = client->closedAtNs.load();
    QVERIFY(closedAt != 0);
    QCOMPARE(ids(), expected);  // closed rows stay until pruned
    QVERIFY(waitUntil([&] { return steadyNowNs() > closedAt; }));
    const std::int64_t between = steadyNowNs();
    { Socket gone = std::move(p.server); }  // destroying closes too
    QCOMPARE(registry->openCount(), std::size_t{1});

    registry->pruneClosedBefore(closedAt);  // not strictly before: nothing goes
    QCOMPARE(ids(), expected);
    registry->pruneClosedBefore(between);  // the client only: the server closed later
    expected.erase(std::find(expected.begin(), expected.end(), client->id));
    QCOMPARE(ids(), expected);
    registry->pruneClosedBefore(steadyNowNs() + 1);  // every closed one; the listener stays
    QCOMPARE(ids(), std::vector<std::uint32_t>{p.listener.id()});
    QCOMPARE(registry->openCount(), std::size_t{1});
    registry->clear();
    QVERIFY(registry->snapshot().empty());
}

// A cap on the closed records kept: the newest stay, in their order; open ones always stay.
void TestTraceStream::registryKeepsTheNewestClosedOnes()
{
    auto registry = std::make_shared<SocketRegistry>();
    const SocketContext context{nullptr, nullptr, registry, "many"};
    std::vector<Socket> sockets;
    for (int i = 0; i < 6; ++i)
        sockets.push_back(Socket::create(AF_INET, SOCK_DGRAM, 0, context).value());
    std::vector<std::uint32_t> ids;
    for (const Socket &s : sockets)
        ids.push_back(s.id());
    for (int i : {0, 1, 3, 4, 5})  // the third stays open
        QVERIFY(sockets[static_cast<std::size_t>(i)].close());
    const auto listed = [&] {
        std::vector<std::uint32_t> out;
        for (const auto &r : registry->snapshot())
            out.push_back(r->id);
        return out;
    };
    registry->pruneClosedBefore(0, 2);  // none closed before 0: only the cap prunes
    QCOMPARE(listed(), (std::vector<std::uint32_t>{ids[2], ids[4], ids[5]}));
    registry->pruneClosedBefore(0, 0);
    QCOMPARE(listed(), std::vector<std::uint32_t>{ids[2]});
}

QTEST_GUILESS_MAIN(TestTraceStream)
#include "tst_tracestream.moc"
