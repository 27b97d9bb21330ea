// tst_eintrstorm: a signal every 2 ms, its handler installed without SA_RESTART, aimed at the
// thread doing sendall, recv, accept or serve_forever (tgkill). Every system call it lands
// in returns EINTR; the core must retry or wait again, so the learner's call neither fails
// with InterruptedError nor loses, repeats or reorders a byte - and no descriptor is left
// open or closed twice (a descriptor of the test's own stays open throughout).
#include "CoreTestSupport.h"
#include "tst_socketserver_support.h"

#include <atomic>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace sstest;

namespace {

constexpr int kMinSignals = 200;  // a storm that proves anything lands on many calls

std::atomic<int> g_signals{0};

void countSignal(int)
{
    g_signals.fetch_add(1, std::memory_order_relaxed);
}

pid_t ownTid()
{
    return static_cast<pid_t>(::syscall(SYS_gettid));
}

// Sends SIGUSR1 to one thread every 2 ms until destroyed.
class SignalStorm {
public:
    explicit SignalStorm(pid_t target) : m_target(target), m_thread([this] { run(); }) {}
    ~SignalStorm()
    {
        m_stop = true;
        m_thread.join();
    }

private:
    void run()
    {
        const timespec pace{0, 2'000'000};
        while (!m_stop) {
            (void)::syscall(SYS_tgkill, ::getpid(), m_target, SIGUSR1);
            ::nanosleep(&pace, nullptr);  // the storm's own rhythm, not a wait for a socket
        }
    }
    pid_t m_target;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// A call made on its own thread with the storm aimed at it.
template <typename Work>
void underStorm(Work work)
{
    std::atomic<pid_t> tid{0};
    std::thread worker([&] {
        tid = ownTid();
        work();
    });
    while (tid.load() == 0)
        std::this_thread::yield();
    {
        SignalStorm storm(tid.load());
        worker.join();
    }
}

// A descriptor of the test's own beside the calls, which nothing of the core may close.
struct Sentinel {
    int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    ino_t inode = [this] {
        struct stat st {};
        ::fstat(fd, &st);
        return st.st_ino;
    }();
    ~Sentinel() { ::close(fd); }
    bool intact() const
    {
        struct stat st {};
        return ::fstat(fd, &st) == 0 && st.st_ino == inode;
    }
};

std::string pattern(std::size_t size)
{
    std::string data(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        data[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
    return data;
}

} // namespace

class tst_eintrstorm : public QObject {
    Q_OBJECT
    // The calls go on until the storm has landed often enough (bounded by a count).
    bool stormEnough() const { return g_signals.load() - m_signalsBefore >= kMinSignals; }

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sendallKeepsEveryByte();
    void recvKeepsEveryByte();
    void acceptTakesEveryConnection();
    void serveForeverServesEveryRequest();

private:
    int m_descriptorsBefore = 0;
    int m_signalsBefore = 0;
};

void tst_eintrstorm::initTestCase()
{
    struct sigaction action {};
    action.sa_handler = countSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: every blocking system call it interrupts fails with EINTR
    QCOMPARE(::sigaction(SIGUSR1, &action, nullptr), 0);
}

void tst_eintrstorm::init()
{
    m_descriptorsBefore = testsupport::openDescriptorCount();
    m_signalsBefore = g_signals.load();
}

void tst_eintrstorm::cleanup()
{
    const int landed = g_signals.load() - m_signalsBefore;
    qInfo("%d signals landed", landed);
    QVERIFY2(landed >= kMinSignals, "the storm did not land often enough to prove anything");
    QCOMPARE(testsupport::openDescriptorCount(), m_descriptorsBefore);
}

// 4 MiB at a time through small buffers to a reader that takes its time: each sendall
// blocks in send() again and again while the signals land.
void tst_eintrstorm::sendallKeepsEveryByte()
{
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, {}, 4096, 4096));
    QVERIFY(p.server.setTimeout(kClientTimeout));
    const std::string data = pattern(4u << 20);
    std::string received;
    std::thread reader([&] {
        for (auto chunk = p.server.recv(1024); chunk && !chunk->empty(); chunk = p.server.recv(1024))
            received += *chunk;
    });
    Sentinel sentinel;
    Status sent;
    int rounds = 0;
    underStorm([&] {
        for (; sent && rounds < 64 && !stormEnough(); ++rounds)
            sent = p.client.sendAll(data);
        (void)p.client.shutdown(SHUT_WR);  // the reader's end of stream
    });
    reader.join();
    QVERIFY2(sent, sent ? "" : sent.error().pythonString().c_str());
    QCOMPARE(received.size(), data.size() * std::size_t(rounds));
    for (int r = 0; r < rounds; ++r)
        QVERIFY2(received.compare(data.size() * std::size_t(r), data.size(), data) == 0, "a byte was lost, repeated or moved");
    QVERIFY(sentinel.intact());
}

// Messages, each sent after the last was read: recv() blocks before each of them.
void tst_eintrstorm::recvKeepsEveryByte()
{
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p));
    QVERIFY(p.server.setTimeout(kClientTimeout));
    QVERIFY(p.client.setTimeout(kClientTimeout));
    constexpr int kMessages = 200000;
    std::atomic<int> count{kMessages};  // lowered to the number the reader stopped at
    std::thread sender([&] {
        for (int i = 0; i < count.load(); ++i) {
            if (!p.client.sendAll(std::to_string(i) + "\n"))
                return;
            auto ack = p.client.recv(1);  // the reader took it: the next recv() will block
            if (!ack || ack->empty())
                return;
        }
    });
    Sentinel sentinel;
    std::string failure;
    underStorm([&] {
        std::string pending;
        for (int i = 0; i < kMessages && failure.empty(); ++i) {
            if (stormEnough() && count.load() == kMessages)
                count = i + 1;  // this one is the last
            if (i >= count.load())
                break;
            while (pending.find('\n') == std::string::npos) {
                auto chunk = p.server.recv(64);
                if (!chunk || chunk->empty()) {
                    failure = chunk ? "the peer closed" : chunk.error().pythonString();
                    return;
                }
                pending += *chunk;
            }
            const std::string line = pending.substr(0, pending.find('\n'));
            pending.erase(0, line.size() + 1);
            if (line != std::to_string(i))
                failure = "message " + std::to_string(i) + " read as \"" + line + "\"";
            else if (!p.server.sendAll("k"))
                failure = "ack not sent";
        }
    });
    sender.join();
    QVERIFY2(failure.empty(), failure.c_str());
    QVERIFY(sentinel.intact());
}

// Connections made one at a time by a client that waits for each to be taken.
void tst_eintrstorm::acceptTakesEveryConnection()
{
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5);
    QVERIFY(listener.setTimeout(kClientTimeout));
    const SocketAddress address = SocketAddress::loopback(AF_INET, testsupport::portOf(listener));
    constexpr int kConnections = 100000;
    std::atomic<int> taken{0};
    std::atomic<int> wanted{kConnections};
    std::thread clients([&] {
        for (int i = 0; i < wanted.load(); ++i) {
            Socket c = connectTo(address);
            if (!c.isOpen())
                return;
            while (taken.load() <= i)  // accept() then blocks until the next one
                std::this_thread::yield();
        }
    });
    Sentinel sentinel;
    std::string failure;
    underStorm([&] {
        for (int i = 0; i < wanted.load(); ++i) {
            if (stormEnough() && wanted.load() == kConnections)
                wanted = i + 1;
            auto accepted = listener.accept();
            if (!accepted) {
                failure = accepted.error().pythonString();
                return;
            }
            taken = i + 1;
        }
    });
    const int accepted = taken.load();
    taken = kConnections;  // the client stops waiting, whatever happened
    clients.join();
    QVERIFY2(failure.empty(), failure.c_str());
    QCOMPARE(accepted, wanted.load());
    QVERIFY(sentinel.intact());
}

// TCPServer's loop with the storm on it: requests one after another, each answered in full.
void tst_eintrstorm::serveForeverServesEveryRequest()
{
    class Echo : public StreamRequestHandler {
    public:
        void handle() override { orRaise(wfile().write(orRaise(rfile().readline()))); }
    };
    ErrorText errors;
    std::string failure;
    {
        TCPServer server(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<Echo>());
        QVERIFY(server.initStatus());
        server.setErrorOutput(errors.sink());
        std::thread clients([&] {
            for (int i = 0; i < 100000 && failure.empty() && !stormEnough(); ++i) {
                const std::string line = "request " + std::to_string(i) + "\n";
                if (const std::string reply = exchange(server.serverAddress(), line); reply != line)
                    failure = "\"" + line + "\" answered \"" + reply + "\"";
            }
            server.shutdown();
        });
        Sentinel sentinel;
        Status served;
        underStorm([&] { served = server.serveForever(0.05); });
        clients.join();
        server.serverClose();
        QVERIFY2(served, served ? "" : served.error().pythonString().c_str());
        QVERIFY(sentinel.intact());
    }
    QVERIFY2(failure.empty(), failure.c_str());
    QCOMPARE(qs(errors.text()), QString());  // no handle_error: nothing failed
}

QTEST_GUILESS_MAIN(tst_eintrstorm)
#include "tst_eintrstorm.moc"
