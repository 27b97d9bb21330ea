// tst_cancellablelookup: a name lookup ("localhost", a host behind a slow DNS server) cannot
// be interrupted, yet Stop must end the wait for it at once. getaddrinfo with a CancelToken
// returns ErrorKind::Cancelled within 100 ms of cancel(); the abandoned lookup finishes on its
// own thread and leaves nothing behind (thread, descriptor, memory). Checked with a call held
// back by the test, and for real: in a private network namespace (unshare) whose resolv.conf
// names a DNS server on 127.0.0.1 that never answers.
#include "CoreTestSupport.h"
#include "ProcessProbes.h"

#include <CancelToken.h>
#include <CancellableCall.h>
#include <NameResolution.h>

#include <QProcess>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>

using namespace socketlab;
using testsupport::openDescriptorCount;
using testsupport::threadCount;
using testsupport::waitUntil;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr auto kWakeLimit = std::chrono::milliseconds(100);
const char *const kSilentDnsChild = "--silent-dns-child";

// A call that blocks until the test lets it go, as a lookup waits for a DNS server.
class HeldCall {
public:
    void release()
    {
        std::lock_guard lock(m_mutex);
        m_released = true;
        m_changed.notify_all();
    }
    void hold()
    {
        std::unique_lock lock(m_mutex);
        m_started = true;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_released; });
    }
    bool started()
    {
        std::lock_guard lock(m_mutex);
        return m_started;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_started = false;
    bool m_released = false;
};

// A lookup on a thread of its own, as a pane's program makes it.
struct LookupThread {
    LookupThread(std::shared_ptr<CancelToken> token, std::string host)
        : thread([this, token, host] {
              result = getaddrinfo(token.get(), host, "80", AF_INET, SOCK_STREAM);
              returnedAt = SteadyClock::now();
              done = true;
          })
    {
    }
    ~LookupThread() { thread.join(); }
    std::optional<Result<std::vector<AddressInfo>>> result;
    SteadyClock::time_point returnedAt;
    std::atomic<bool> done{false};
    std::thread thread;
};

qint64 msBetween(SteadyClock::time_point a, SteadyClock::time_point b)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

// The child, in its own network and mount namespace: a DNS server on 127.0.0.1:53 that reads
// the query and never answers. Prints what it measured; exit status 0 when all held.
int silentDnsChild()
{
    auto server = Socket::create(AF_INET, SOCK_DGRAM);
    if (!server || !server->bind(SocketAddress::loopback(AF_INET, 53)) || !server->setTimeout(10.0)) {
        std::puts("FAIL: cannot bind the silent DNS server on 127.0.0.1:53");
        return 1;
    }
    auto token = CancelToken::create();  // before the counts: its eventfd stays
    // ThreadSanitizer's runtime starts a thread of its own when the process makes its first
    // one, and keeps it: made here, before the counts, it is not taken for a leaked lookup's.
    std::thread([] {}).join();
    const int descriptorsBefore = openDescriptorCount();
    const int threadsBefore = threadCount();

    // Uncancelled, the lookup waits for the resolver's timeout: it really is slow.
    const auto plainFrom = SteadyClock::now();
    const auto plain = getaddrinfo("slow.socketlab.test", "80", AF_INET, SOCK_STREAM);
    const qint64 plainMs = msBetween(plainFrom, SteadyClock::now());
    std::printf("plain lookup: %lld ms, %s\n", static_cast<long long>(plainMs),
                plain ? "resolved" : plain.error().pythonString().c_str());
    while (server->recvFrom(512)) {  // drop the queries it sent
        if (!server->setTimeout(0.0))
            break;
    }
    (void)server->setTimeout(10.0);

    bool ok = plainMs >= 1000;
    {
        LookupThread lookup(token, "slow.socketlab.test");
        const bool asked = static_cast<bool>(server->recvFrom(512));  // the query arrived: the lookup now waits
        const auto cancelAt = SteadyClock::now();
        token->cancel();
        while (!lookup.done && SteadyClock::now() - cancelAt < std::chrono::seconds(5))
            std::this_thread::yield();
        const qint64 tookMs = msBetween(cancelAt, lookup.returnedAt);
        const bool cancelled = lookup.result && !*lookup.result && lookup.result->error().kind() == ErrorKind::Cancelled;
        std::printf("asked: %d, cancelled: %d, returned %lld ms after cancel(), abandoned lookups: %d\n", asked,
                    cancelled, static_cast<long long>(tookMs), cancellableCallsRunning());
        ok = ok && asked && lookup.done && cancelled && lookup.returnedAt - cancelAt < kWakeLimit
            && cancellableCallsRunning() == 1;
    }
    // The abandoned lookup ends with the resolver's timeout, and takes its thread and descriptors along.
    const bool cleaned = waitUntil([&] {
        return cancellableCallsRunning() == 0 && threadCount() == threadsBefore && openDescriptorCount() == descriptorsBefore;
    }, 15000);
    std::printf("cleaned up: %d (lookups %d, threads %d/%d, descriptors %d/%d)\n", cleaned, cancellableCallsRunning(),
                threadCount(), threadsBefore, openDescriptorCount(), descriptorsBefore);
    return ok && cleaned ? 0 : 1;
}

} // namespace

class tst_cancellablelookup : public QObject {
    Q_OBJECT
private slots:
    void cancelEndsTheWaitAndTheCallCleansUp();
    void finishedLookupGivesItsResult();
    void cancelledTokenStartsNoLookup();
    void silentDnsServerLookupIsCancelled();
};

void tst_cancellablelookup::cancelEndsTheWaitAndTheCallCleansUp()
{
    auto token = CancelToken::create();  // before the counts: its eventfd stays
    const int threadsBefore = threadCount();
    const int descriptorsBefore = openDescriptorCount();
    HeldCall held;
    auto sentinel = std::make_shared<int>(20);  // owned by the call: freed when the call is done
    std::weak_ptr<int> watch = sentinel;
    std::function<Result<int>()> call = [&held, sentinel] {
        held.hold();
        return Result<int>(*sentinel);
    };
    sentinel.reset();
    std::atomic<bool> returned{false};
    std::optional<Result<int>> result;
    SteadyClock::time_point returnedAt;
    std::thread waiter([&, call = std::move(call)]() mutable {
        result = callCancellably<int>(token.get(), std::move(call));
        returnedAt = SteadyClock::now();
        returned = true;
    });
    QVERIFY(waitUntil([&] { return held.started(); }));
    QVERIFY(!returned);
    const auto cancelAt = SteadyClock::now();
    token->cancel();
    QVERIFY(waitUntil([&] { return returned.load(); }));
    waiter.join();
    QVERIFY2(returnedAt - cancelAt < kWakeLimit, qPrintable(QStringLiteral("%1 ms").arg(msBetween(cancelAt, returnedAt))));
    QVERIFY(result && !*result);
    QCOMPARE(result->error().kind(), ErrorKind::Cancelled);
    QCOMPARE(cancellableCallsRunning(), 1);  // abandoned, still held
    QVERIFY(!watch.expired());

    held.release();
    QVERIFY(waitUntil([&] { return cancellableCallsRunning() == 0; }));
    QVERIFY(watch.expired());  // what the call owned is gone with it
    QVERIFY(waitUntil([&] { return threadCount() == threadsBefore; }));
    QCOMPARE(openDescriptorCount(), descriptorsBefore);
}

void tst_cancellablelookup::finishedLookupGivesItsResult()
{
    auto token = CancelToken::create();
    const auto plain = getaddrinfo("localhost", "80", AF_INET, SOCK_STREAM);
    const auto cancellable = getaddrinfo(token.get(), "localhost", "80", AF_INET, SOCK_STREAM);
    QVERIFY(plain);
    QVERIFY2(cancellable, cancellable ? "" : cancellable.error().pythonString().c_str());
    QCOMPARE(cancellable->size(), plain->size());
    for (std::size_t i = 0; i < plain->size(); ++i)
        QCOMPARE(cancellable->at(i).address, plain->at(i).address);
    const auto unknown = getaddrinfo(token.get(), "no-such-host.invalid", "80", AF_INET, SOCK_STREAM);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind(), ErrorKind::Resolver);  // socket.gaierror, as without a token
    QVERIFY(waitUntil([] { return cancellableCallsRunning() == 0; }));
}

void tst_cancellablelookup::cancelledTokenStartsNoLookup()
{
    auto token = CancelToken::create();
    token->cancel();
    const auto before = threadCount();
    for (const char *host : {"localhost", "127.0.0.1"}) {
        const auto r = getaddrinfo(token.get(), host, "80", AF_INET, SOCK_STREAM);
        QVERIFY(!r);
        QCOMPARE(r.error().kind(), ErrorKind::Cancelled);
    }
    QCOMPARE(cancellableCallsRunning(), 0);
    QCOMPARE(threadCount(), before);
}

void tst_cancellablelookup::silentDnsServerLookupIsCancelled()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile resolv(dir.filePath(QStringLiteral("resolv.conf")));
    QVERIFY(resolv.open(QIODevice::WriteOnly));
    resolv.write("nameserver 127.0.0.1\noptions timeout:2 attempts:1\n");
    resolv.close();
    // A user, network and mount namespace of its own: only its loopback, its own resolv.conf.
    const QString script = QStringLiteral("ip link set lo up && mount --bind '%1' /etc/resolv.conf && exec '%2' %3")
                               .arg(resolv.fileName(), QCoreApplication::applicationFilePath(), QLatin1String(kSilentDnsChild));
    QProcess child;
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral("unshare"), {QStringLiteral("--user"), QStringLiteral("--map-root-user"), QStringLiteral("--net"),
                                            QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"), script});
    if (!child.waitForStarted(10000))
        QSKIP("unshare (util-linux) is not available: no private network namespace for a silent DNS server");
    QVERIFY(child.waitForFinished(60000));
    const QByteArray out = child.readAll();
    if (child.exitCode() != 0 && !out.contains("plain lookup"))
        QSKIP(qPrintable(QStringLiteral("no private namespace here (%1): the real lookup cannot be shown")
                             .arg(QString::fromUtf8(out.trimmed()))));
    qInfo("%s", out.trimmed().constData());
    QVERIFY2(child.exitCode() == 0, out.constData());
}

int main(int argc, char **argv)
{
    if (argc == 2 && std::strcmp(argv[1], kSilentDnsChild) == 0)
        return silentDnsChild();
    QCoreApplication app(argc, argv);
    tst_cancellablelookup test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cancellablelookup.moc"
