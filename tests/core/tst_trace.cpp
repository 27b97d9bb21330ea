// tst_trace: traced calls on real loopback sockets emit the Begin / Blocked / Returned /
// Failed events a learner sees, and SocketRecord's counters agree with the bytes that
// really moved, as the kernel counted them (TCP_INFO).
#include "CoreTestSupport.h"
#include "KernelTcpBytes.h"

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
using testsupport::KernelTcpBytes;
using testsupport::kernelTcpBytes;
using testsupport::makeTcpPair;
using testsupport::TcpPair;
using testsupport::waitUntil;
using SteadyClock = std::chrono::steady_clock;

namespace {
std::vector<TraceEvent> drainAll(TraceStream &trace)
{
    std::vector<TraceEvent> out;
    trace.drain(out);
    return out;
}

std::vector<TraceEvent> eventsOf(const std::vector<TraceEvent> &all, std::uint32_t socketId, TraceCall call)
{
    std::vector<TraceEvent> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const TraceEvent &e) { return e.socketId == socketId && e.call == call; });
    return out;
}

// Sum and count of the Returned events' results.
std::pair<std::uint64_t, std::uint64_t> returnedTotals(const std::vector<TraceEvent> &events)
{
    std::uint64_t sum = 0, count = 0;
    for (const TraceEvent &e : events)
        if (e.phase == TracePhase::Returned) {
            sum += static_cast<std::uint64_t>(e.result);
            ++count;
        }
    return {sum, count};
}

// Sends messages of the given sizes with plain send() (which may send less than asked) on
// a thread, receiving on this one; counts the bytes, the send calls and the recv calls.
struct Moved {
    std::uint64_t bytes = 0, sendCalls = 0, recvCalls = 0;
    bool ok = true;
};

Moved moveMessages(Socket &from, Socket &to, const std::vector<int> &sizes)
{
    Moved m;
    std::uint64_t total = 0, sendCalls = 0, sentBytes = 0;
    for (int s : sizes)
        total += static_cast<std::uint64_t>(s);
    std::thread sender([&] {
        for (int size : sizes) {
            const std::string message(static_cast<std::size_t>(size), static_cast<char>('a' + size % 26));
            for (std::size_t done = 0; done < message.size(); ++sendCalls) {
                auto n = from.send(std::string_view(message).substr(done));
                if (!n)
                    return;
                done += *n;
                sentBytes += *n;
            }
        }
    });
    m.ok = bool(to.setTimeout(20.0));  // a lost byte fails the test instead of hanging it
    while (m.ok && m.bytes < total) {
        auto r = to.recv(8192);
        m.ok = r && !r->empty();
        m.bytes += m.ok ? r->size() : 0;
        m.recvCalls += m.ok ? 1 : 0;
    }
    sender.join();
    m.sendCalls = sendCalls;
    m.ok = m.ok && sentBytes == total && m.bytes == total;
    return m;
}

// The kernel's counts for a socket once its traffic has settled: everything it sent was
// acknowledged by the peer. Empty (not available) if that does not happen within seconds.
KernelTcpBytes settled(const Socket &s)
{
    KernelTcpBytes k;
    const bool done = waitUntil([&] {
        k = kernelTcpBytes(s.fileno());
        return k.available && k.unacked == 0 && k.notSent == 0;
    });
    return done ? k : KernelTcpBytes();
}

} // namespace

class TestTrace : public QObject {
    Q_OBJECT

private slots:

    void tcpExchangeEventSequence();
    void waitingRecvShowsBlocked();
    void refusedConnectFails();
    void emptyRecvFlagsPeerCloseOnlyWhenThePeerClosed();
    void sendAllNestsItsSends();
    void countersMatchBytesMoved();
    void countersAgreeWithTheKernel();
};

// socket, bind, listen, connect, accept, send, recv on one thread: each a Begin followed by
// its Returned (connect, accept and recv may wait in between, nothing else). socket()'s
// Begin belongs to no socket yet; its Returned carries the new socket's id.
void TestTrace::tcpExchangeEventSequence()
{
    auto trace = std::make_shared<TraceStream>();
    const SocketContext context{trace, nullptr, nullptr, "exchange"};

    auto made = Socket::create(AF_INET, SOCK_STREAM, 0, context);
    QVERIFY(made);
    Socket listener = std::move(made).value();
    const SocketAddress any = SocketAddress::loopback(AF_INET, 0);
    QVERIFY(listener.bind(any));
    QVERIFY(listener.listen(5));
    const SocketAddress target = SocketAddress::loopback(AF_INET, testsupport::portOf(listener));
    made = Socket::create(AF_INET, SOCK_STREAM, 0, context);
    QVERIFY(made);
    Socket client = std::move(made).value();
    QVERIFY(client.connect(target));
    auto accepted = listener.accept();
    QVERIFY(accepted);
    Socket server = std::move(accepted->socket);
    QCOMPARE(client.send("hello").value(), std::size_t{5});
    auto got = server.recv(1024);
    QVERIFY(got);
    QCOMPARE(*got, std::string("hello"));

    const std::vector<TraceEvent> all = drainAll(*trace);
    QCOMPARE(trace->dropped(), std::uint64_t{0});
    std::vector<TraceEvent> events;  // without Blocked
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (i > 0) {
            QVERIFY(all[i].sequence > all[i - 1].sequence);
            QVERIFY(all[i].timeNs >= all[i - 1].timeNs);
        }
        if (all[i].phase == TracePhase::Blocked) {
            const TraceCall c = all[i].call;
            QVERIFY2(c == TraceCall::Connect || c == TraceCall::Accept || c == TraceCall::Recv,
                     traceCallName(c));
            QVERIFY(i > 0 && all[i - 1].call == c && all[i - 1].phase == TracePhase::Begin);
        } else {
            events.push_back(all[i]);
        }
    }

    const std::uint32_t L = listener.id(), C = client.id(), S = server.id();
    // Each call as its Begin's socket id and its Returned's (socket() has none until it returns).
    const std::vector<std::tuple<TraceCall, std::uint32_t, std::uint32_t>> calls = {
        {TraceCall::Socket, 0, L}, {TraceCall::Bind, L, L},   {TraceCall::Listen, L, L},
        {TraceCall::GetSockName, L, L}, {TraceCall::Socket, 0, C}, {TraceCall::Connect, C, C},
        {TraceCall::Accept, L, L}, {TraceCall::Send, C, C},   {TraceCall::Recv, S, S},
    };
    QCOMPARE(events.size(), 2 * calls.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto &[call, beginId, returnedId] = calls[i / 2];
        QCOMPARE(events[i].call, call);
        QCOMPARE(events[i].phase, i % 2 ? TracePhase::Returned : TracePhase::Begin);
        QCOMPARE(events[i].socketId, i % 2 ? returnedId : beginId);
    }

    // socket(): no socket yet on Begin; Returned names the new one and its descriptor.
    QCOMPARE(events[0].arg, std::int64_t{SOCK_STREAM});
    QCOMPARE(events[1].result, std::int64_t{listener.fileno()});
    QCOMPARE(events[9].result, std::int64_t{client.fileno()});
    QCOMPARE(events[2].address, any);
    QCOMPARE(events[4].arg, std::int64_t{5});
    QCOMPARE(events[10].address, target);
    QCOMPARE(events[10].fd, client.fileno());
    // accept(): the new connection and the peer's address.
    const TraceEvent &acceptEnd = events[13];
    QCOMPARE(acceptEnd.relatedSocketId, S);
    QCOMPARE(acceptEnd.result, std::int64_t{server.fileno()});
    QCOMPARE(acceptEnd.address, client.getSockName().value());
    QCOMPARE(acceptEnd.address, accepted->address);
    QCOMPARE(events[14].arg, std::int64_t{5});
    QCOMPARE(events[15].result, std::int64_t{5});
    QCOMPARE(events[16].arg, std::int64_t{1024});
    QCOMPARE(events[17].result, std::int64_t{5});
    QCOMPARE(events[17].flags, 0u);
}

void TestTrace::waitingRecvShowsBlocked()
{
    auto trace = std::make_shared<TraceStream>();
    TcpPair p;
    QVERIFY(makeTcpPair(p, SocketContext{trace, nullptr, nullptr, "blocked"}));
    (void)drainAll(*trace);
    std::string got;
    std::thread reader([&] {
        auto r = p.server.recv(64);
        got = r ? *r : std::string("<failed>");
    });
    const bool blocked = waitUntil([&] { return p.server.record()->blockedIn.load() == TraceCall::Recv; });
    QVERIFY(p.client.sendAll("wake"));  // also what ends the reader if it never blocked
    reader.join();
    QVERIFY(blocked);
    QCOMPARE(got, std::string("wake"));
    QCOMPARE(p.server.record()->blockedIn.load(), TraceCall::None);

    const std::vector<TraceEvent> recv = eventsOf(drainAll(*trace), p.server.id(), TraceCall::Recv);
    QCOMPARE(recv.size(), std::size_t{3});
    QCOMPARE(recv[0].phase, TracePhase::Begin);
    QCOMPARE(recv[1].phase, TracePhase::Blocked);
    QCOMPARE(recv[2].phase, TracePhase::Returned);
    QCOMPARE(recv[2].result, std::int64_t{4});
    QVERIFY(recv[2].blockedNs > 0);
    QVERIFY(recv[2].blockedNs <= recv[2].timeNs - recv[0].timeNs);
    QVERIFY(recv[0].timeNs <= recv[1].timeNs && recv[1].timeNs <= recv[2].timeNs);
}

void TestTrace::refusedConnectFails()
{
    auto trace = std::make_shared<TraceStream>();
    // A bound but not listening socket holds the port, so nobody can be listening on it.
    auto holder = Socket::create(AF_INET, SOCK_STREAM, 0);
    QVERIFY(holder && holder->bind(SocketAddress::loopback(AF_INET, 0)));
    const SocketAddress target = SocketAddress::loopback(AF_INET, testsupport::portOf(*holder));
    auto made = Socket::create(AF_INET, SOCK_STREAM, 0, {trace, nullptr, nullptr, "refused"});
    QVERIFY(made);
    Socket client = std::move(made).value();
    const Status st = client.connect(target);
    QCOMPARE(st.error().kind(), ErrorKind::Os);
    QCOMPARE(st.error().code(), ECONNREFUSED);
    QCOMPARE(st.error().symbol(), std::string("ECONNREFUSED"));
    QCOMPARE(client.record()->state.load(), SocketState::Created);

    const std::vector<TraceEvent> connect = eventsOf(drainAll(*trace), client.id(), TraceCall::Connect);
    QVERIFY(connect.size() == 2 || (connect.size() == 3 && connect[1].phase == TracePhase::Blocked));
    QCOMPARE(connect.front().phase, TracePhase::Begin);
    QCOMPARE(connect.front().address, target);
    QCOMPARE(connect.back().phase, TracePhase::Failed);
    QCOMPARE(connect.back().errorKind, ErrorKind::Os);
    QCOMPARE(connect.back().errorCode, ECONNREFUSED);
}

// b'' after the peer closed carries TraceFlagPeerClosed; b'' after our own shutdown(SHUT_RD)
// and recv(0) do not, and none of them counts as a message.
void TestTrace::emptyRecvFlagsPeerCloseOnlyWhenThePeerClosed()
{
    auto trace = std::make_shared<TraceStream>();
    const SocketContext context{trace, nullptr, nullptr, "eof"};
    TcpPair p, q;
    QVERIFY(makeTcpPair(p, context));
    QVERIFY(makeTcpPair(q, context));

    // recv(0) with bytes waiting (on an idle connection it waits: see the report).
    QVERIFY(p.client.sendAll("abc"));
    QVERIFY(waitUntil([&] { return p.server.record()->probe().receiveQueue == 3; }));
    auto zero = p.server.recv(0);
    QVERIFY(zero && zero->empty());
    QCOMPARE(p.server.record()->state.load(), SocketState::Connected);
    QCOMPARE(p.server.recv(16).value(), std::string("abc"));  // recv(0) took nothing
    QVERIFY(p.client.close());
    auto eof = p.server.recv(1024);
    QVERIFY(eof && eof->empty());
    QCOMPARE(p.server.record()->state.load(), SocketState::PeerClosed);
    QCOMPARE(p.server.record()->messagesReceived.load(), std::uint64_t{1});
    QCOMPARE(p.server.record()->bytesReceived.load(), std::uint64_t{3});

    QVERIFY(q.server.shutdown(SHUT_RD));
    auto own = q.server.recv(1024);
    QVERIFY(own && own->empty());
    QCOMPARE(q.server.record()->state.load(), SocketState::ShutDown);

    const std::vector<TraceEvent> all = drainAll(*trace);
    std::vector<TraceEvent> ends;
    for (const TraceEvent &e : all)
        if (e.call == TraceCall::Recv && e.phase == TracePhase::Returned)
            ends.push_back(e);
    QCOMPARE(ends.size(), std::size_t{4});
    const std::vector<std::tuple<std::uint32_t, std::int64_t, std::uint32_t>> expected = {
        {p.server.id(), 0, 0},  // recv(0): nothing asked, nothing learned
        {p.server.id(), 3, 0},
        {p.server.id(), 0, TraceFlagPeerClosed},
        {q.server.id(), 0, 0},  // our own SHUT_RD
    };
    for (std::size_t i = 0; i < ends.size(); ++i) {
        QCOMPARE(ends[i].socketId, std::get<0>(expected[i]));
        QCOMPARE(ends[i].result, std::get<1>(expected[i]));
        QCOMPARE(ends[i].flags, std::get<2>(expected[i]));
    }
}

// sendall is traced around the send() calls it loops over: each asks for exactly what is
// still unsent, and their results add up to the sendall's.
void TestTrace::sendAllNestsItsSends()
{
    auto trace = std::make_shared<TraceStream>();
    TcpPair p;
    QVERIFY(makeTcpPair(p, SocketContext{trace, nullptr, nullptr, "sendall"}, 4096, 4096));
    (void)drainAll(*trace);
    const std::size_t total = 1u << 20;
    std::string data(total, '\0'), received;
    for (std::size_t i = 0; i < total; ++i)
        data[i] = static_cast<char>(i * 7 % 251);
    std::thread reader([&] {
        for (bool ok = bool(p.server.setTimeout(20.0)); ok && received.size() < total;) {
            auto r = p.server.recv(65536);
            ok = r && !r->empty();
            received += ok ? *r : std::string();
        }
    });
    const Status st = p.client.sendAll(data);
    reader.join();
    QVERIFY(st);
    QVERIFY(received == data);

    std::vector<TraceEvent> mine = drainAll(*trace);
    QCOMPARE(trace->dropped(), std::uint64_t{0});
    mine.erase(std::remove_if(mine.begin(), mine.end(), [&](const TraceEvent &e) { return e.socketId != p.client.id(); }),
               mine.end());
    QVERIFY(mine.size() >= 2);
    QCOMPARE(mine.front().call, TraceCall::SendAll);
    QCOMPARE(mine.front().phase, TracePhase::Begin);
    QCOMPARE(mine.front().arg, std::int64_t(total));
    QCOMPARE(mine.back().call, TraceCall::SendAll);
    QCOMPARE(mine.back().phase, TracePhase::Returned);
    QCOMPARE(mine.back().result, std::int64_t(total));
    std::uint64_t sent = 0, sends = 0;
    for (std::size_t i = 1; i + 1 < mine.size(); ++i) {
        const TraceEvent &e = mine[i];
        QCOMPARE(e.call, TraceCall::Send);
        QVERIFY(e.phase != TracePhase::Failed);
        if (e.phase == TracePhase::Begin)
            QCOMPARE(e.arg, std::int64_t(total - sent));
        if (e.phase == TracePhase::Returned) {
            QVERIFY(e.result > 0);
            sent += static_cast<std::uint64_t>(e.result);
            ++sends;
        }
    }
    QCOMPARE(sent, std::uint64_t(total));
    QVERIFY2(sends >= 2, "with a 4 KiB send buffer, 1 MiB cannot go in one send()");
    QCOMPARE(p.client.record()->messagesSent.load(), sends);
    QCOMPARE(p.client.record()->bytesSent.load(), std::uint64_t(total));
}

// N random-sized messages each way: the records' counters and the Returned events agree
// with the bytes and calls the test itself counted.
void TestTrace::countersMatchBytesMoved()
{
    auto trace = std::make_shared<TraceStream>(1 << 16);
    TcpPair p;
    QVERIFY(makeTcpPair(p, SocketContext{trace, nullptr, nullptr, "counters"}));
    (void)drainAll(*trace);
    const SocketRecord &c = *p.client.record(), &s = *p.server.record();
    const std::uint64_t clientCalls = c.calls.load(), serverCalls = s.calls.load();
    const KernelTcpBytes clientBefore = settled(p.client), serverBefore = settled(p.server);
    QVERIFY(clientBefore.available && serverBefore.available);
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator rng(seed);
    std::vector<int> up(40), down(40);
    for (int &size : up)
        size = 1 + int(rng.bounded(20000u));
    for (int &size : down)
        size = 1 + int(rng.bounded(20000u));
    const Moved a = moveMessages(p.client, p.server, up);
    QVERIFY(a.ok);
    const Moved b = moveMessages(p.server, p.client, down);
    QVERIFY(b.ok);

    QCOMPARE(c.bytesSent.load(), a.bytes);
    QCOMPARE(c.messagesSent.load(), a.sendCalls);
    QCOMPARE(s.bytesReceived.load(), a.bytes);
    QCOMPARE(s.messagesReceived.load(), a.recvCalls);
    QCOMPARE(s.bytesSent.load(), b.bytes);
    QCOMPARE(s.messagesSent.load(), b.sendCalls);
    QCOMPARE(c.bytesReceived.load(), b.bytes);
    QCOMPARE(c.messagesReceived.load(), b.recvCalls);
    // And with the kernel's own counts: what each side's peer acknowledged, what each received.
    const KernelTcpBytes clientAfter = settled(p.client), serverAfter = settled(p.server);
    QVERIFY(clientAfter.available && serverAfter.available);
    QCOMPARE(c.bytesSent.load(), clientAfter.acked - clientBefore.acked);
    QCOMPARE(s.bytesReceived.load(), serverAfter.received - serverBefore.received);
    QCOMPARE(s.bytesSent.load(), serverAfter.acked - serverBefore.acked);
    QCOMPARE(c.bytesReceived.load(), clientAfter.received - clientBefore.received);
    QCOMPARE(clientAfter.unread + serverAfter.unread, 0);

    const std::vector<TraceEvent> all = drainAll(*trace);
    QCOMPARE(trace->dropped(), std::uint64_t{0});
    using Totals = std::pair<std::uint64_t, std::uint64_t>;
    QCOMPARE(returnedTotals(eventsOf(all, c.id, TraceCall::Send)), Totals(a.bytes, a.sendCalls));
    QCOMPARE(returnedTotals(eventsOf(all, s.id, TraceCall::Recv)), Totals(a.bytes, a.recvCalls));
    QCOMPARE(returnedTotals(eventsOf(all, s.id, TraceCall::Send)), Totals(b.bytes, b.sendCalls));
    QCOMPARE(returnedTotals(eventsOf(all, c.id, TraceCall::Recv)), Totals(b.bytes, b.recvCalls));
    // calls counts every traced call on the socket: one Begin each.
    auto begins = [&](std::uint32_t id) {
        return std::uint64_t(std::count_if(all.begin(), all.end(),
                                           [&](const TraceEvent &e) { return e.socketId == id && e.phase == TracePhase::Begin; }));
    };
    QCOMPARE(c.calls.load() - clientCalls, begins(c.id));
    QCOMPARE(s.calls.load() - serverCalls, begins(s.id));
}

// The counters against the kernel alone, one recv at a time: whatever recv() returned, the
// record must count the bytes the kernel handed over (TCP_INFO bytes_received, nothing left
// unread) and the bytes the peer acknowledged (bytes_acked). A recv that lost a byte on its
// way to the caller, and counted what it returned, would agree with itself but not with these.
void TestTrace::countersAgreeWithTheKernel()
{
    TcpPair p;
    QVERIFY(makeTcpPair(p, SocketContext{std::make_shared<TraceStream>(), nullptr, nullptr, "kernel"}));
    const KernelTcpBytes clientBefore = settled(p.client), serverBefore = kernelTcpBytes(p.server.fileno());
    QVERIFY(clientBefore.available && serverBefore.available);
    const std::uint64_t sentBefore = p.client.record()->bytesSent.load();
    const std::uint64_t receivedBefore = p.server.record()->bytesReceived.load();
    for (const char *message : {"one", "two words", "h\xc3\xa9llo\r\n"})
        QVERIFY(p.client.sendAll(message));
    const KernelTcpBytes client = settled(p.client);
    QVERIFY(client.available);
    QVERIFY(p.server.setTimeout(5.0));
    KernelTcpBytes server;
    for (int i = 0; i < 100 && (server = kernelTcpBytes(p.server.fileno())).unread > 0; ++i)
        QVERIFY(p.server.recv(7));  // several recv calls, each taking what is there up to 7 bytes
    QVERIFY(server.available);
    QCOMPARE(server.unread, 0);
    QCOMPARE(client.acked - clientBefore.acked, std::uint64_t(3 + 9 + 8));
    QCOMPARE(p.client.record()->bytesSent.load() - sentBefore, client.acked - clientBefore.acked);
    QCOMPARE(p.server.record()->bytesReceived.load() - receivedBefore, server.received - serverBefore.received);
}

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
