// tst_cancel: Stop and Reset on real loopback sockets. A thread blocked in accept, recv,
// recvfrom, connect or send is woken by CancelToken::cancel() from another thread within
// 100 ms and reports ErrorKind::Cancelled, traced as a cancelled call (never as the peer
// closing), with no descriptor leaked; a cancelled token keeps later calls from blocking
// until reset(); a timeout and a cancel are told apart.
#include "CoreTestSupport.h"

#include <CancelToken.h>
#include <KernelProbe.h>
#include <Socket.h>
#include <SocketRecord.h>
#include <TraceStream.h>

#include <QtTest>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace socketlab;
using testsupport::makeTcpPair;
using testsupport::TcpPair;
using testsupport::waitUntil;
using testsupport::openDescriptorCount;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr auto kWakeLimit = std::chrono::milliseconds(100);

// Polls pred until it holds or timeoutMs passes, yielding the CPU between tries.
qint64 msSince(SteadyClock::time_point from, SteadyClock::time_point to = SteadyClock::now())
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

template <typename T>
SocketError errorOf(const Result<T> &r)
{
    return r ? SocketError() : r.error();
}

// A socket call running on its own thread. However the test ends, the destructor cancels
// the token and joins, so a failed check never leaves a thread blocked behind it.
class CallThread {
public:
    CallThread(std::shared_ptr<CancelToken> token, std::function<SocketError()> call)
        : m_token(std::move(token)), m_thread([this, run = std::move(call)] {
              m_error = run();
              m_returnedAt = SteadyClock::now();
              m_done.store(true, std::memory_order_release);
          })
    {
    }
    ~CallThread()
    {
        if (!m_thread.joinable())
            return;
        m_token->cancel();
        // A broken cancel would hang the join: say so instead of waiting for ctest's timeout.
        if (!waitUntil([this] { return done(); }, 10000))
            qFatal("a socket call is still blocked 10 s after cancel(); its thread cannot be joined");
        m_thread.join();
    }
    CallThread(const CallThread &) = delete;
    CallThread &operator=(const CallThread &) = delete;

    bool done() const { return m_done.load(std::memory_order_acquire); }
    // Joins once the call has returned; false (and no join) if it is still blocked after timeoutMs.
    bool finish(int timeoutMs = 5000)
    {
        if (!waitUntil([this] { return done(); }, timeoutMs))
            return false;
        m_thread.join();
        return true;
    }
    // Valid after finish().
    SocketError error() const { return m_error; }
    SteadyClock::time_point returnedAt() const { return m_returnedAt; }

private:
    std::shared_ptr<CancelToken> m_token;
    std::atomic<bool> m_done{false};
    SocketError m_error;
    SteadyClock::time_point m_returnedAt;
    std::thread m_thread;  // last: starts once the members it writes exist
};


} // namespace

class TestCancel : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<CancelToken> m_token;
    std::shared_ptr<TraceStream> m_trace;
    SocketContext m_context;
    int m_descriptorsBefore = 0;

    bool makePair(TcpPair &p, int listenerRcvBuf = 0, int clientSndBuf = 0);
    void cancelWhileBlocked(const SocketRecord &record, TraceCall blockedIn, std::function<SocketError()> call);
    void verifyCancelledInTrace(std::uint32_t socketId, TraceCall call, bool expectBlocked);
    std::vector<TraceEvent> drainFor(std::uint32_t socketId);

private slots:
    void init();
    void cleanup();

    void acceptIsCancelled();
    void recvIsCancelled();
    void recvFromIsCancelled();
    void connectIsCancelled();
    void sendAllIsCancelled();
    void oneCancelWakesEveryBlockedCall();
    void cancelledTokenKeepsCallsFromBlocking();
    void resetLetsCallsBlockAndWorkAgain();
    void timeoutAndCancelAreToldApart();
};

// The token (and its eventfd) exists before the descriptor count is taken, so cleanup()
// can require exactly the same count once the test's sockets are gone.
void TestCancel::init()
{
    m_token = CancelToken::create();
    QVERIFY2(m_token->wakeDescriptor() >= 0, "no eventfd: the token would fall back to polling");
    m_trace = std::make_shared<TraceStream>();
    m_context = SocketContext{m_trace, m_token, nullptr, QTest::currentTestFunction()};
    m_descriptorsBefore = openDescriptorCount();
}

void TestCancel::cleanup()
{
    // Every socket of the test was a local of the test function and is destroyed by now;
    // every thread was joined.
    QCOMPARE(openDescriptorCount(), m_descriptorsBefore);
    QCOMPARE(m_trace->dropped(), std::uint64_t{0});
    m_context = {};
    m_trace.reset();
    m_token.reset();
}

bool TestCancel::makePair(TcpPair &p, int listenerRcvBuf, int clientSndBuf)
{
    return makeTcpPair(p, m_context, listenerRcvBuf, clientSndBuf);
}

// Runs call on a thread, waits until the record says it is blocked in blockedIn, cancels
// from this thread and checks the call comes back Cancelled within kWakeLimit.
void TestCancel::cancelWhileBlocked(const SocketRecord &record, TraceCall blockedIn, std::function<SocketError()> call)
{
    CallThread thread(m_token, std::move(call));
    QVERIFY2(waitUntil([&] { return record.blockedIn.load() == blockedIn || thread.done(); }),
             "the call neither blocked nor returned");
    QVERIFY2(!thread.done(), "the call returned instead of blocking");
    QCOMPARE(record.blockedIn.load(), blockedIn);

    const auto cancelAt = SteadyClock::now();
    m_token->cancel();
    QVERIFY2(thread.finish(), "still blocked 5 s after cancel()");

    const qint64 tookMs = msSince(cancelAt, thread.returnedAt());
    QCOMPARE(thread.error().kind(), ErrorKind::Cancelled);
    QCOMPARE(thread.error().code(), ECANCELED);
    QVERIFY2(thread.returnedAt() - cancelAt < kWakeLimit,
             qPrintable(QStringLiteral("woke %1 ms after cancel()").arg(tookMs)));
    QCOMPARE(record.blockedIn.load(), TraceCall::None);
}

std::vector<TraceEvent> TestCancel::drainFor(std::uint32_t socketId)
{
    std::vector<TraceEvent> all, mine;
    m_trace->drain(all);
    for (const TraceEvent &e : all)
        if (e.socketId == socketId)
            mine.push_back(e);
    return mine;
}

// The call's own events are Begin, [Blocked], Failed(Cancelled): no Returned, and nothing
// on that socket claims the peer closed.
void TestCancel::verifyCancelledInTrace(std::uint32_t socketId, TraceCall call, bool expectBlocked)
{
    const std::vector<TraceEvent> events = drainFor(socketId);
    std::vector<TraceEvent> calls;
    for (const TraceEvent &e : events) {
        QVERIFY2(!(e.flags & TraceFlagPeerClosed), "a cancelled call was traced as a peer close");
        if (e.call == call)
            calls.push_back(e);
    }
    QCOMPARE(calls.size(), std::size_t(expectBlocked ? 3 : 2));
    QCOMPARE(calls.front().phase, TracePhase::Begin);
    if (expectBlocked)
        QCOMPARE(calls[1].phase, TracePhase::Blocked);
    const TraceEvent &end = calls.back();
    QCOMPARE(end.phase, TracePhase::Failed);
    QCOMPARE(end.errorKind, ErrorKind::Cancelled);
    QCOMPARE(end.errorCode, ECANCELED);
    if (expectBlocked)
        QVERIFY(end.blockedNs > 0);
    for (std::size_t i = 1; i < calls.size(); ++i)
        QVERIFY(calls[i].sequence > calls[i - 1].sequence);
}

void TestCancel::acceptIsCancelled()
{
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5, m_context);
    QVERIFY(listener.isOpen());
    cancelWhileBlocked(*listener.record(), TraceCall::Accept, [&] { return errorOf(listener.accept()); });
    if (QTest::currentTestFailed())
        return;
    verifyCancelledInTrace(listener.id(), TraceCall::Accept, true);
    QCOMPARE(listener.record()->state.load(), SocketState::Listening);
}

void TestCancel::recvIsCancelled()
{
    TcpPair p;
    QVERIFY(makePair(p));
    cancelWhileBlocked(*p.server.record(), TraceCall::Recv, [&] { return errorOf(p.server.recv(1024)); });
    if (QTest::currentTestFailed())
        return;
    verifyCancelledInTrace(p.server.id(), TraceCall::Recv, true);
    // Cancelling is not the peer closing: the connection is still up.
    QCOMPARE(p.server.record()->state.load(), SocketState::Connected);
    QCOMPARE(p.server.record()->probe().tcpState, int(TCP_ESTABLISHED));
}

void TestCancel::recvFromIsCancelled()
{
    Socket udp = testsupport::boundLoopback(SOCK_DGRAM, 0, m_context);
    QVERIFY(udp.isOpen());
    cancelWhileBlocked(*udp.record(), TraceCall::RecvFrom, [&] { return errorOf(udp.recvFrom(2048)); });
    if (QTest::currentTestFailed())
        return;
    verifyCancelledInTrace(udp.id(), TraceCall::RecvFrom, true);
    QCOMPARE(udp.record()->messagesReceived.load(), std::uint64_t{0});
}

// A connect stays in SYN_SENT on loopback when the listener's accept queue is full: Linux
// then drops the SYN (tcp_abort_on_overflow = 0) and the client retransmits it later.
void TestCancel::connectIsCancelled()
{
    auto made = Socket::create(AF_INET, SOCK_STREAM, 0, m_context);
    QVERIFY(made);
    Socket listener = std::move(made).value();
    QVERIFY(listener.bind(SocketAddress::loopback(AF_INET, 0)));
    // listen(1) rather than listen(0): with backlog 0 and tcp_syncookies = 0 even the first
    // SYN is dropped, and the queue could not be filled.
    QVERIFY(listener.listen(1));
    const SocketAddress target = SocketAddress::loopback(AF_INET, testsupport::portOf(listener));

    // Fill the accept queue, never accepting: Linux holds backlog + 1 connections.
    const std::uint32_t limit = listener.record()->probe().acceptQueueLimit;
    QCOMPARE(limit, 1u);
    std::vector<Socket> fillers;
    for (std::uint32_t i = 0; i < limit + 1; ++i) {
        auto c = Socket::create(AF_INET, SOCK_STREAM, 0, m_context);
        QVERIFY(c);
        QVERIFY(c->setTimeout(5.0));
        const Status connected = c->connect(target);
        QVERIFY2(connected, connected.error().pythonString().c_str());
        fillers.push_back(std::move(c).value());
        QVERIFY(waitUntil([&] { return listener.record()->probe().acceptQueueLength == i + 1; }));
    }

    made = Socket::create(AF_INET, SOCK_STREAM, 0, m_context);
    QVERIFY(made);
    Socket client = std::move(made).value();
    {
        CallThread thread(m_token, [&] { return SocketError(client.connect(target).error()); });
        QVERIFY(waitUntil([&] { return client.record()->blockedIn.load() == TraceCall::Connect || thread.done(); }));
        if (thread.done()) {
            QVERIFY(thread.finish());
            if (!thread.error().isError())
                QSKIP("this kernel completed a connect beyond a full accept queue; "
                      "no loopback connect blocks here, so connect cancellation cannot be shown");
            QFAIL(qPrintable(QString::fromStdString("connect failed: " + thread.error().pythonString())));
        }
        QCOMPARE(client.record()->probe().tcpState, int(TCP_SYN_SENT));
        const auto cancelAt = SteadyClock::now();
        m_token->cancel();
        QVERIFY2(thread.finish(), "connect still blocked 5 s after cancel()");
        QCOMPARE(thread.error().kind(), ErrorKind::Cancelled);
        QVERIFY2(thread.returnedAt() - cancelAt < kWakeLimit,
                 qPrintable(QStringLiteral("woke %1 ms after cancel()").arg(msSince(cancelAt, thread.returnedAt()))));
    }
    QCOMPARE(client.record()->blockedIn.load(), TraceCall::None);
    // The learner's socket is back where it was before connect(), not "connected".
    QCOMPARE(client.record()->state.load(), SocketState::Created);
    verifyCancelledInTrace(client.id(), TraceCall::Connect, true);
}

// A small SO_SNDBUF and a peer that never reads: sendall of several MiB blocks in send().
void TestCancel::sendAllIsCancelled()
{
    TcpPair p;
    QVERIFY(makePair(p, 4096, 4096));
    const std::string data(4u << 20, 'x');
    cancelWhileBlocked(*p.client.record(), TraceCall::Send, [&] { return SocketError(p.client.sendAll(data).error()); });
    if (QTest::currentTestFailed())
        return;

    const std::uint64_t sent = p.client.record()->bytesSent.load();
    QVERIFY(sent > 0);
    QVERIFY(sent < data.size());

    // sendall ends Failed(Cancelled) around send()s whose last one was cancelled while blocked.
    const std::vector<TraceEvent> events = drainFor(p.client.id());
    std::vector<TraceEvent> sendAll, sends;
    std::uint64_t returnedBytes = 0;
    for (const TraceEvent &e : events) {
        QVERIFY(!(e.flags & TraceFlagPeerClosed));
        if (e.call == TraceCall::SendAll)
            sendAll.push_back(e);
        if (e.call == TraceCall::Send) {
            sends.push_back(e);
            if (e.phase == TracePhase::Returned)
                returnedBytes += static_cast<std::uint64_t>(e.result);
        }
    }
    QCOMPARE(sendAll.size(), std::size_t(2));
    QCOMPARE(sendAll[0].phase, TracePhase::Begin);
    QCOMPARE(sendAll[1].phase, TracePhase::Failed);
    QCOMPARE(sendAll[1].errorKind, ErrorKind::Cancelled);
    QVERIFY(sends.size() >= 3);
    QCOMPARE(sends.back().phase, TracePhase::Failed);
    QCOMPARE(sends.back().errorKind, ErrorKind::Cancelled);
    QCOMPARE(sends[sends.size() - 2].phase, TracePhase::Blocked);
    QCOMPARE(returnedBytes, sent);
    QCOMPARE(p.client.record()->state.load(), SocketState::Connected);
}

void TestCancel::oneCancelWakesEveryBlockedCall()
{
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5, m_context);
    Socket udp = testsupport::boundLoopback(SOCK_DGRAM, 0, m_context);
    TcpPair p;
    QVERIFY(listener.isOpen());
    QVERIFY(udp.isOpen());
    QVERIFY(makePair(p));

    CallThread a(m_token, [&] { return errorOf(listener.accept()); });
    CallThread b(m_token, [&] { return errorOf(udp.recvFrom(100)); });
    CallThread c(m_token, [&] { return errorOf(p.server.recv(100)); });
    QVERIFY(waitUntil([&] {
        return listener.record()->blockedIn.load() == TraceCall::Accept
            && udp.record()->blockedIn.load() == TraceCall::RecvFrom
            && p.server.record()->blockedIn.load() == TraceCall::Recv;
    }));
    QVERIFY(!a.done() && !b.done() && !c.done());

    const auto cancelAt = SteadyClock::now();
    m_token->cancel();
    for (CallThread *t : {&a, &b, &c}) {
        QVERIFY2(t->finish(), "still blocked 5 s after cancel()");
        QCOMPARE(t->error().kind(), ErrorKind::Cancelled);
        QVERIFY2(t->returnedAt() - cancelAt < kWakeLimit,
                 qPrintable(QStringLiteral("woke %1 ms after cancel()").arg(msSince(cancelAt, t->returnedAt()))));
    }
}

// Once cancelled, nothing blocks, even a call whose data is already there: a program being
// stopped must get out. Each call fails at once and is traced without a Blocked event.
void TestCancel::cancelledTokenKeepsCallsFromBlocking()
{
    TcpPair p;
    QVERIFY(makePair(p));
    Socket udp = testsupport::boundLoopback(SOCK_DGRAM, 0, m_context);
    QVERIFY(udp.isOpen());
    QVERIFY(p.client.sendAll("ready"));
    QVERIFY(waitUntil([&] { return p.server.record()->probe().receiveQueue == 5; }));
    auto fresh = Socket::create(AF_INET, SOCK_STREAM, 0, m_context);
    QVERIFY(fresh);
    std::vector<TraceEvent> before;
    m_trace->drain(before);  // only the events of the cancelled calls below matter

    m_token->cancel();
    m_token->cancel();  // idempotent
    QVERIFY(m_token->isCancelled());

    const auto start = SteadyClock::now();
    QCOMPARE(errorOf(p.listener.accept()).kind(), ErrorKind::Cancelled);
    QCOMPARE(errorOf(p.server.recv(1024)).kind(), ErrorKind::Cancelled);
    QCOMPARE(errorOf(udp.recvFrom(1024)).kind(), ErrorKind::Cancelled);
    QCOMPARE(p.client.sendAll("more").error().kind(), ErrorKind::Cancelled);
    QCOMPARE(fresh->connect(SocketAddress::loopback(AF_INET, testsupport::portOf(p.listener))).error().kind(),
             ErrorKind::Cancelled);
    QVERIFY2(SteadyClock::now() - start < kWakeLimit, "calls on a cancelled token did not fail at once");

    // The data stayed in the kernel; the refused connect never reached it (no SYN was sent).
    QCOMPARE(p.server.record()->probe().receiveQueue, std::int64_t{5});
    QCOMPARE(p.server.record()->bytesReceived.load(), std::uint64_t{0});
    QCOMPARE(fresh->record()->probe().tcpState, int(TCP_CLOSE));
    QCOMPARE(fresh->record()->state.load(), SocketState::Created);
    verifyCancelledInTrace(p.server.id(), TraceCall::Recv, false);
}

void TestCancel::resetLetsCallsBlockAndWorkAgain()
{
    TcpPair p;
    QVERIFY(makePair(p));
    m_token->cancel();
    m_token->cancel();  // the eventfd counter is 2 now: reset() must drain all of it
    QCOMPARE(errorOf(p.server.recv(16)).kind(), ErrorKind::Cancelled);

    m_token->reset();
    QVERIFY(!m_token->isCancelled());

    // Calls work again: data ready is received, a pending client is accepted.
    QVERIFY(p.client.sendAll("again"));
    auto got = p.server.recv(16);
    QVERIFY(got);
    QCOMPARE(QByteArray::fromStdString(*got), QByteArrayLiteral("again"));
    auto second = Socket::create(AF_INET, SOCK_STREAM, 0, m_context);
    QVERIFY(second);
    QVERIFY(second->connect(SocketAddress::loopback(AF_INET, testsupport::portOf(p.listener))));
    auto accepted = p.listener.accept();
    QVERIFY(accepted);
    QCOMPARE(accepted->address, *second->getSockName());

    // And they block again: a stale eventfd signal would make this recv return at once.
    cancelWhileBlocked(*p.server.record(), TraceCall::Recv, [&] { return errorOf(p.server.recv(16)); });
    if (QTest::currentTestFailed())
        return;
    m_token->reset();

    // A blocked call woken by data (not by cancel) after a reset gets the data.
    CallThread reader(m_token, [&] {
        auto r = p.server.recv(16);
        return r && *r == "late" ? SocketError() : SocketError(ErrorKind::Os, EPROTO);
    });
    QVERIFY(waitUntil([&] { return p.server.record()->blockedIn.load() == TraceCall::Recv; }));
    QVERIFY(p.client.sendAll("late"));
    QVERIFY(reader.finish());
    QVERIFY(!reader.error().isError());
}

// settimeout(0.05) ends in TimeoutError (socket.timeout) after at least 50 ms; a cancel during a long
// timeout ends in Cancelled at once. Neither is mistaken for the other.
void TestCancel::timeoutAndCancelAreToldApart()
{
    TcpPair p;
    QVERIFY(makePair(p));
    QVERIFY(p.server.setTimeout(0.05));
    auto start = SteadyClock::now();
    SocketError e = errorOf(p.server.recv(64));
    const auto elapsed = SteadyClock::now() - start;
    QCOMPARE(e.kind(), ErrorKind::Timeout);
    QCOMPARE(e.code(), ETIMEDOUT);
    QVERIFY2(elapsed >= std::chrono::milliseconds(50), "timed out early");
    QVERIFY2(elapsed < std::chrono::seconds(2), "timeout far too late");
    QVERIFY(!m_token->isCancelled());

    std::vector<TraceEvent> events = drainFor(p.server.id());
    QVERIFY(!events.empty());
    QCOMPARE(events.back().call, TraceCall::Recv);
    QCOMPARE(events.back().phase, TracePhase::Failed);
    QCOMPARE(events.back().errorKind, ErrorKind::Timeout);

    // The accept of a listener with a timeout times out the same way.
    QVERIFY(p.listener.setTimeout(0.05));
    QCOMPARE(errorOf(p.listener.accept()).kind(), ErrorKind::Timeout);

    // A long timeout interrupted by a cancel is a cancel, and it comes long before the timeout.
    QVERIFY(p.server.setTimeout(30.0));
    cancelWhileBlocked(*p.server.record(), TraceCall::Recv, [&] { return errorOf(p.server.recv(64)); });
    if (QTest::currentTestFailed())
        return;
    verifyCancelledInTrace(p.server.id(), TraceCall::Recv, true);

    // After reset the short timeout is a timeout again: the cancel left nothing behind.
    m_token->reset();
    QVERIFY(p.server.setTimeout(0.05));
    start = SteadyClock::now();
    e = errorOf(p.server.recv(64));
    QCOMPARE(e.kind(), ErrorKind::Timeout);
    QVERIFY(SteadyClock::now() - start >= std::chrono::milliseconds(50));
    QCOMPARE(p.server.record()->state.load(), SocketState::Connected);
}

QTEST_GUILESS_MAIN(TestCancel)
#include "tst_cancel.moc"
