// tst_select: select.select() over the core's sockets on real loopback connections. A
// listening socket becomes readable when a client connects, a connection when bytes or the
// peer's FIN arrive; a send buffer filled by a peer that does not read is not writable until
// the peer reads; select's own timeout returns empty lists after the time asked; Stop wakes a
// select that waits without limit, and every watched socket shows "blocked in select()" while
// it waits; a closed socket and a negative timeout are refused; the trace records one select
// with how many sockets it watched and how many were ready.
#include "CoreTestSupport.h"

#include <CancelToken.h>
#include <Select.h>
#include <Socket.h>
#include <SocketRecord.h>
#include <TraceStream.h>

#include <QtTest>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include <sys/socket.h>

using namespace socketlab;
using testsupport::makeTcpPair;
using testsupport::TcpPair;
using testsupport::waitUntil;
using SteadyClock = std::chrono::steady_clock;

namespace {

qint64 msSince(SteadyClock::time_point from)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - from).count();
}

SelectLists readOnly(std::vector<Socket *> sockets)
{
    SelectLists lists;
    lists.read = std::move(sockets);
    return lists;
}

std::size_t readyCount(const Result<SelectLists> &r)
{
    return r ? r->size() : std::size_t(999);
}

} // namespace

class TestSelect : public QObject {
    Q_OBJECT

private slots:
    void listenerReadableOnceAClientConnects()
    {
        Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5);
        QVERIFY(listener.isOpen());
        QCOMPARE(readyCount(select(readOnly({&listener}), 0.0, {})), std::size_t(0));

        auto client = Socket::create(AF_INET, SOCK_STREAM);
        QVERIFY(client);
        QVERIFY(client->connect(SocketAddress::loopback(AF_INET, testsupport::portOf(listener))));
        const Result<SelectLists> ready = select(readOnly({&listener}), 5.0, {});
        QVERIFY(ready);
        QCOMPARE(ready->read.size(), std::size_t(1));
        QCOMPARE(ready->read.front(), &listener);
        QVERIFY(listener.accept());  // select said it would not block: it does not
    }

    void connectionReadableOnBytesAndOnPeerClose()
    {
        TcpPair p;
        QVERIFY(makeTcpPair(p));
        Socket other = testsupport::boundLoopback(SOCK_STREAM, 5);  // watched too, never ready
        QCOMPARE(readyCount(select(readOnly({&other, &p.server}), 0.0, {})), std::size_t(0));

        QVERIFY(p.client.sendAll("ping"));
        Result<SelectLists> ready = select(readOnly({&other, &p.server}), 5.0, {});
        QVERIFY(ready);
        QCOMPARE(ready->read, std::vector<Socket *>{&p.server});
        QCOMPARE(QByteArray::fromStdString(*p.server.recv(64)), QByteArray("ping"));

        QVERIFY(p.client.close());
        ready = select(readOnly({&p.server}), 5.0, {});
        QVERIFY(ready);
        QCOMPARE(ready->read.size(), std::size_t(1));  // b'' is ready too
        QVERIFY(p.server.recv(64)->empty());
    }

    void fullSendBufferIsNotWritableUntilThePeerReads()
    {
        TcpPair p;
        QVERIFY(makeTcpPair(p, {}, 4096, 4096));
        SelectLists writable;
        writable.write = {&p.client};
        QCOMPARE(readyCount(select(writable, 0.0, {})), std::size_t(1));

        p.client.setBlocking(false);
        const std::string chunk(4096, 'x');
        std::size_t sent = 0;
        for (;;) {  // both buffers fill, since the peer does not read
            const Result<std::size_t> n = p.client.send(chunk);
            if (!n) {
                QCOMPARE(n.error().code(), EAGAIN);
                break;
            }
            sent += *n;
            QVERIFY2(sent < 64u * 1024 * 1024, "the send buffer never filled");
        }
        QCOMPARE(readyCount(select(writable, 0.05, {})), std::size_t(0));

        std::size_t drained = 0;  // the peer reads everything: room again
        while (drained < sent) {
            const Result<Bytes> got = p.server.recv(65536);
            QVERIFY(got && !got->empty());
            drained += got->size();
        }
        const Result<SelectLists> ready = select(writable, 5.0, {});
        QVERIFY(ready);
        QCOMPARE(ready->write, std::vector<Socket *>{&p.client});
    }

    void timeoutReturnsEmptyListsAfterTheTimeAsked()
    {
        Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5);
        const auto start = SteadyClock::now();
        const Result<SelectLists> ready = select(readOnly({&listener}), 0.2, {});
        QVERIFY(ready);
        QCOMPARE(ready->size(), std::size_t(0));
        QVERIFY2(msSince(start) >= 200, qPrintable(QString::number(msSince(start))));
    }

    void stopWakesASelectWithoutLimit()
    {
        SocketContext context;
        context.cancel = CancelToken::create();
        Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5, context);
        TcpPair p;
        QVERIFY(makeTcpPair(p, context));
        std::atomic<bool> done{false};
        SocketError error;
        std::thread waiter([&] {
            const Result<SelectLists> r = select(readOnly({&listener, &p.server}), std::nullopt, context);
            error = r ? SocketError() : r.error();
            done = true;
        });
        // Both watched sockets say where their thread waits.
        const bool marked = waitUntil([&] {
            return listener.record()->blockedIn.load() == TraceCall::Select
                && p.server.record()->blockedIn.load() == TraceCall::Select;
        });
        const auto cancelledAt = SteadyClock::now();
        context.cancel->cancel();
        const bool woke = waitUntil([&] { return done.load(); });
        const qint64 wakeMs = msSince(cancelledAt);
        waiter.join();
        QVERIFY(marked);
        QVERIFY(woke);
        QVERIFY2(wakeMs < 100, qPrintable(QString::number(wakeMs)));
        QCOMPARE(error.kind(), ErrorKind::Cancelled);
        QCOMPARE(listener.record()->blockedIn.load(), TraceCall::None);
        QCOMPARE(p.server.record()->blockedIn.load(), TraceCall::None);
    }

    void closedSocketAndNegativeTimeoutAreRefused()
    {
        Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5);
        const Result<SelectLists> negative = select(readOnly({&listener}), -1.0, {});
        QVERIFY(!negative);
        QCOMPARE(negative.error(), SocketError::fromErrno(EINVAL));
        QVERIFY(listener.close());
        const Result<SelectLists> closed = select(readOnly({&listener}), 0.0, {});
        QVERIFY(!closed);
        QCOMPARE(closed.error().kind(), ErrorKind::Closed);
    }

    void tracedAsOneCallOnTheFirstSocket()
    {
        SocketContext context;
        context.trace = std::make_shared<TraceStream>();
        TcpPair p;
        QVERIFY(makeTcpPair(p, context));
        Socket idle = testsupport::boundLoopback(SOCK_STREAM, 5, context);
        std::optional<Result<SelectLists>> ready;
        std::thread waiter([&] { ready = select(readOnly({&idle, &p.server}), 5.0, context); });
        // The bytes go out once select waits, so its trace shows the wait.
        const bool blocked = waitUntil([&] { return idle.record()->blockedIn.load() == TraceCall::Select; });
        const bool sent = p.client.sendAll("x").ok();
        waiter.join();
        QVERIFY(blocked);
        QVERIFY(sent);
        QVERIFY(ready && *ready);

        std::vector<TraceEvent> events;
        context.trace->drain(events);
        std::vector<TracePhase> phases;
        for (const TraceEvent &e : events) {
            if (e.call != TraceCall::Select)
                continue;
            phases.push_back(e.phase);
            QCOMPARE(e.socketId, idle.id());
            if (e.phase == TracePhase::Begin)
                QCOMPARE(e.arg, std::int64_t(2));
            if (e.phase == TracePhase::Returned) {
                QCOMPARE(e.result, std::int64_t(1));
                QVERIFY(e.blockedNs > 0);
            }
        }
        QCOMPARE(phases, (std::vector<TracePhase>{TracePhase::Begin, TracePhase::Blocked, TracePhase::Returned}));
    }
};

QTEST_GUILESS_MAIN(TestSelect)
#include "tst_select.moc"
