// tst_buffergauge: the kernel-buffer gauges fed as the window feeds them (LiveViews::tick), on
// a real loopback connection with small buffers whose reader does not read: the sender's send
// queue and the reader's receive queue fill, against the SO_SNDBUF and SO_RCVBUF the kernel
// reports; a sendall() waiting for room is marked; once the reader drains, both queues are
// empty again. Listening and UDP sockets are not listed.
#include "CoreTestSupport.h"

#include <BufferGauge.h>
#include <CancelToken.h>
#include <LiveViews.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <QDeadlineTimer>
#include <QtTest>

#include <atomic>
#include <memory>
#include <sys/socket.h>
#include <thread>

using namespace socketlab;

namespace {
constexpr int kWaitMs = 10000;

// A lab's trace and registry and the window's live views, fed once per tick.
struct Lab {
    std::shared_ptr<TraceStream> trace = std::make_shared<TraceStream>();
    std::shared_ptr<SocketRegistry> registry = std::make_shared<SocketRegistry>();
    std::shared_ptr<CancelToken> cancel = CancelToken::create();
    RunFeed feed{trace, registry};
    LiveViews views;
    Lab() { views.open(feed); }
    SocketContext context(const char *owner) const { return SocketContext{trace, cancel, registry, owner}; }
    BufferGauge *gauge() const { return views.view<BufferGauge>(); }
    template <typename Pred>
    bool until(Pred pred)
    {
        QDeadlineTimer deadline(kWaitMs);
        for (views.tick(); !pred(); views.tick()) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(5);
        }
        return true;
    }
};

} // namespace

class TestBufferGauge : public QObject {
    Q_OBJECT

private slots:
    void buffersFillWhileThePeerDoesNotRead()
    {
        Lab lab;
        QVERIFY(lab.gauge());
        testsupport::TcpPair p;
        QVERIFY(testsupport::makeTcpPair(p, lab.context("sender"), 4096, 4096));
        Socket udp = testsupport::boundLoopback(SOCK_DGRAM, 0, lab.context("other"));
        QVERIFY(udp.isOpen());

        p.client.setBlocking(false);
        const std::string chunk(4096, 'x');
        std::size_t sent = 0;
        while (true) {  // until both buffers are full
            const Result<std::size_t> n = p.client.send(chunk);
            if (!n)
                break;
            sent += *n;
        }
        QVERIFY(sent > 0);
        QVERIFY(lab.until([&] {
            const BufferGauge::Connection *sending = lab.gauge()->connection(p.client.id());
            const BufferGauge::Connection *receiving = lab.gauge()->connection(p.server.id());
            return sending && receiving && sending->sendQueue > 0 && receiving->receiveQueue > 0;
        }));
        // Only the connection's two ends: not the listener, not the UDP socket.
        QCOMPARE(lab.gauge()->connections().size(), std::size_t(2));
        const BufferGauge::Connection sending = *lab.gauge()->connection(p.client.id());
        QCOMPARE(sending.sendBuffer, *p.client.option(SOL_SOCKET, SO_SNDBUF));
        QCOMPARE(lab.gauge()->connection(p.server.id())->receiveBuffer, *p.server.option(SOL_SOCKET, SO_RCVBUF));
        QVERIFY(std::uint64_t(sending.sendQueue) <= sent);
        QCOMPARE(sending.owner, QStringLiteral("sender"));

        // A sendall() that must wait for room is marked as waiting.
        p.client.setBlocking(true);
        std::atomic<bool> done{false};
        std::thread writer([&] {
            (void)p.client.sendAll(chunk);
            done = true;
        });
        const bool marked = lab.until([&] {
            const BufferGauge::Connection *c = lab.gauge()->connection(p.client.id());
            return c && c->waitingForRoom;
        });
        // The reader drains everything; the writer finishes; both queues empty again.
        p.server.setBlocking(false);
        std::size_t drained = 0;
        const bool drainedAll = QTest::qWaitFor([&] {
            const Result<Bytes> got = p.server.recv(65536);
            drained += got ? got->size() : 0;
            return done.load() && drained >= sent + chunk.size();
        }, kWaitMs);
        lab.cancel->cancel();  // a broken run must not leave the writer blocked
        writer.join();
        QVERIFY(marked);
        QVERIFY(drainedAll);
        QVERIFY(lab.until([&] {
            const BufferGauge::Connection *a = lab.gauge()->connection(p.client.id());
            const BufferGauge::Connection *b = lab.gauge()->connection(p.server.id());
            return a && b && a->sendQueue == 0 && b->receiveQueue == 0 && !a->waitingForRoom;
        }));
    }

    void resetForgetsTheConnections()
    {
        Lab lab;
        testsupport::TcpPair p;
        QVERIFY(testsupport::makeTcpPair(p, lab.context("sender")));
        QVERIFY(lab.until([&] { return lab.gauge()->connections().size() == 2; }));
        lab.views.reset();
        QVERIFY(lab.gauge()->connections().empty());
    }
};

QTEST_MAIN(TestBufferGauge)
#include "tst_buffergauge.moc"
