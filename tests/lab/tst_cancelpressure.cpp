// tst_cancelpressure: Stop and Reset a thousand times while a pane is blocked - in accept(),
// in recv() with a client connected, and in a connect() that never completes (a listener
// whose accept queue is full drops the SYN, and the client waits in SYN_SENT) - with no hang
// (every wait has a deadline), no descriptor or thread left behind, and no socket closed
// twice: the trace shows one close per socket, and descriptors opened between the cycles
// (which take the numbers the cycles just freed) are never closed under us.
#include "LabTestSupport.h"
#include "ProcessProbes.h"
#include "TestSupport.h"

#include <KernelProbe.h>
#include <LabLoader.h>
#include <LabSession.h>
#include <TraceStream.h>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QtTest>

#include <deque>
#include <fcntl.h>
#include <map>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>

using namespace socketlab;
using testsupport::threadCount;

namespace {

constexpr int kCycles = 1000;
constexpr int kWaitMs = 20000;

// Descriptors opened between cycles, each on the lowest free number - the one the last cycle
// just closed. A second close() of that number by a late or confused cancel would close ours.
class Sentinels {
public:
    ~Sentinels()
    {
        for (const auto &[fd, inode] : m_open)
            ::close(fd);
    }
    void add()
    {
        const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        struct stat st {};
        if (fd >= 0 && ::fstat(fd, &st) == 0)
            m_open.emplace_back(fd, st.st_ino);
        while (m_open.size() > 8) {
            ::close(m_open.front().first);
            m_open.pop_front();
        }
    }
    // Every sentinel is still open and still /dev/null.
    bool intact(QString &why) const
    {
        struct stat devnull {};
        ::stat("/dev/null", &devnull);
        for (const auto &[fd, inode] : m_open) {
            struct stat st {};
            if (::fstat(fd, &st) != 0 || st.st_ino != inode) {
                why = QStringLiteral("descriptor %1, opened between cycles, was closed or replaced under us").arg(fd);
                return false;
            }
        }
        return true;
    }

private:
    std::deque<std::pair<int, ino_t>> m_open;
};

// Counts close() calls per socket in the lab's trace.
class CloseCounter {
public:
    void take(TraceStream &trace)
    {
        std::vector<TraceEvent> events;
        trace.drain(events);
        for (const TraceEvent &e : events)
            if (e.call == TraceCall::Close && e.phase == TracePhase::Begin)
                ++m_closes[e.socketId];
        m_dropped += trace.dropped();
    }
    bool noneTwice(QString &why) const
    {
        for (const auto &[socket, closes] : m_closes) {
            if (closes > 1) {
                why = QStringLiteral("socket %1 was closed %2 times").arg(socket).arg(closes);
                return false;
            }
        }
        return true;
    }
    std::size_t sockets() const { return m_closes.size(); }

private:
    std::map<std::uint32_t, int> m_closes;
    std::uint64_t m_dropped = 0;
};

// QTest::qWaitFor, without its 10 ms naps: a thousand cycles should take what they take.
template <typename Pred>
bool waitFor(Pred pred, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        QCoreApplication::processEvents();
        if (pred())
            return true;
        if (deadline.hasExpired())
            return false;
        std::this_thread::yield();
    }
}

} // namespace

class TestCancelPressure : public QObject {
    Q_OBJECT

private:
    // Runs cycles of: start the pane, wait until it blocks in `blockedIn`, then Stop (even
    // cycles) or Reset (odd ones); afterStop() runs once the pane has stopped.
    void cycle(LabSession &session, const QString &pane, TraceCall blockedIn, const std::function<void()> &afterStop = {});

private slots:
    void initTestCase();
    void blockedInAccept();
    void blockedInRecv();
    void blockedInConnect();

private:
    LabCatalog m_catalog;
};

void TestCancelPressure::initTestCase()
{
    m_catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")));
}

void TestCancelPressure::cycle(LabSession &session, const QString &paneId, TraceCall blockedIn,
                               const std::function<void()> &afterStop)
{
    PaneRunner *pane = session.pane(paneId);
    QVERIFY(pane);
    const int descriptorsBefore = testsupport::openDescriptorCount();
    const int threadsBefore = threadCount();
    Sentinels sentinels;
    CloseCounter closes;
    QElapsedTimer took;
    took.start();
    for (int i = 0; i < kCycles; ++i) {
        pane->start();
        QVERIFY2(waitFor([&] { return pane->blockedIn() == blockedIn || !pane->isActive(); }, kWaitMs),
                 qPrintable(QStringLiteral("cycle %1: never blocked in %2").arg(i).arg(QLatin1String(traceCallName(blockedIn)))));
        QVERIFY2(pane->isActive(), qPrintable(QStringLiteral("cycle %1 ended: %2").arg(i).arg(pane->lastError())));
        closes.take(*session.trace());
        if (i % 2 == 0)
            pane->stop();
        else
            session.reset();
        QVERIFY2(waitFor([&] { return !pane->isActive() && !pane->isWindingDown(); }, kWaitMs),
                 qPrintable(QStringLiteral("cycle %1: still running after %2").arg(i).arg(i % 2 ? "Reset" : "Stop")));
        if (afterStop)
            afterStop();
        closes.take(*session.trace());
        sentinels.add();
        QString why;
        QVERIFY2(sentinels.intact(why), qPrintable(why));
    }
    qInfo("%d Stop/Reset cycles blocked in %s: %lld ms", kCycles, traceCallName(blockedIn), static_cast<long long>(took.elapsed()));
    QString why;
    QVERIFY2(closes.noneTwice(why), qPrintable(why));
    QVERIFY(closes.sockets() >= std::size_t(kCycles / 2));  // the trace did see the cycles' sockets
    QVERIFY2(QTest::qWaitFor([&] { return threadCount() == threadsBefore; }, kWaitMs),
             qPrintable(QStringLiteral("%1 threads, %2 before").arg(threadCount()).arg(threadsBefore)));
    // The sentinels still open are the only descriptors more than before.
    QTRY_COMPARE_WITH_TIMEOUT(testsupport::openDescriptorCount(), descriptorsBefore + 8, kWaitMs);
}

void TestCancelPressure::blockedInAccept()
{
    LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
    QCOMPARE(session.pane(QStringLiteral("server"))->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    cycle(session, QStringLiteral("server"), TraceCall::Accept);
}

void TestCancelPressure::blockedInRecv()
{
    LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
    PaneRunner *server = session.pane(QStringLiteral("server"));
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    // Each cycle a client connects once the server listens, and says nothing: recv() blocks.
    Socket client;
    connect(server, &PaneRunner::published, this, [&](const QString &name, const QString &value) {
        if (name != QLatin1String("port"))
            return;
        auto s = Socket::create(AF_INET, SOCK_STREAM);
        if (s && s->setTimeout(10.0) && s->connect(SocketAddress::loopback(AF_INET, static_cast<std::uint16_t>(value.toUInt()))))
            client = std::move(s).value();
    });
    cycle(session, QStringLiteral("server"), TraceCall::Recv, [&] { (void)client.close(); });
}

void TestCancelPressure::blockedInConnect()
{
    // A listener that never accepts, its queue full: Linux then drops further SYNs and a
    // client's connect() waits in SYN_SENT, retrying - on loopback, with nothing unreachable.
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, 1);
    QVERIFY(listener.isOpen());
    const SocketAddress target = SocketAddress::loopback(AF_INET, testsupport::portOf(listener));
    std::vector<Socket> fillers;
    while (listener.record()->probe().acceptQueueLength < listener.record()->probe().acceptQueueLimit + 1) {
        auto c = Socket::create(AF_INET, SOCK_STREAM);
        QVERIFY(c && c->setTimeout(5.0));
        QVERIFY(c->connect(target));
        fillers.push_back(std::move(c).value());
        QVERIFY(fillers.size() < 10);
    }
    LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
    PaneRunner *client = session.pane(QStringLiteral("client"));
    QCOMPARE(client->setParam(QStringLiteral("host"), QStringLiteral("127.0.0.1")), QString());
    QCOMPARE(client->setParam(QStringLiteral("port"), QString::number(target.port())), QString());
    cycle(session, QStringLiteral("client"), TraceCall::Connect);
}

QTEST_GUILESS_MAIN(TestCancelPressure)
#include "tst_cancelpressure.moc"
