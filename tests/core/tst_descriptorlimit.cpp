// tst_descriptorlimit: serve_forever at the descriptor limit. When accept() fails with EMFILE
// (every descriptor the process may have is in use), a server must not spin: it reports
// "OSError: [Errno 24] Too many open files" once through handle_error, stops asking accept()
// for a moment (backing off), and serves the clients that waited as soon as descriptors are
// free again. Each server runs in a child process (this binary with --serve-limited) whose
// RLIMIT_NOFILE leaves it a known number of free descriptors; its CPU time over a second at
// the limit is read from /proc (what getrusage reports), and at its end from getrusage.
#include "ProcessProbes.h"
#include "tst_socketserver_support.h"

#include <QProcess>

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/resource.h>
#include <unistd.h>

using namespace sstest;

namespace {

constexpr int kWaitMs = 15000;
// A spinning server burns the whole second; one that backs off wakes a few times.
constexpr double kMaxBusyFraction = 0.15;

class LineEchoHandler : public StreamRequestHandler {  // TCPServer and ThreadingTCPServer's lesson
public:
    void handle() override { orRaise(wfile().write(orRaise(rfile().readline()))); }
};

class UpperEchoHandler : public BaseRequestHandler {  // the docs' upper-case echo server
public:
    void handle() override
    {
        Bytes data = orRaise(request().connection.recv(1024));
        for (char &c : data)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        orRaise(request().connection.sendAll(data));
    }
};

std::set<int> openDescriptors()
{
    std::set<int> fds;
    for (const QString &name : QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries)) {
        if (::fcntl(name.toInt(), F_GETFD) != -1)  // not the listing's own descriptor, closed by now
            fds.insert(name.toInt());
    }
    return fds;
}

// The RLIMIT_NOFILE that leaves exactly `spare` descriptor numbers free below it.
rlim_t limitLeaving(int spare)
{
    const std::set<int> open = openDescriptors();
    int limit = 0;
    for (int free = 0; free < spare || open.count(limit) > 0; ++limit)
        free += open.count(limit) == 0 ? 1 : 0;
    return static_cast<rlim_t>(limit);
}

double cpuSeconds(const rusage &usage)
{
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The child: serves on 127.0.0.1 with `spare` descriptors left, until its stdin closes.
template <typename Server>
int serveLimited(const RequestHandlerClass &handler, int spare)
{
    Server server(SocketAddress::loopback(AF_INET, 0), handler);
    if (!server.initStatus())
        return 3;
    std::thread stopper([&server] {  // stdin closing is the parent's "stop"
        char c;
        while (::read(STDIN_FILENO, &c, 1) > 0) {
        }
        server.shutdown();
    });
    std::printf("%u\n", server.serverAddress().port());
    std::fflush(stdout);
    const rlimit limit{limitLeaving(spare), RLIM_INFINITY};
    rlimit old{};
    ::getrlimit(RLIMIT_NOFILE, &old);
    const rlimit lowered{limit.rlim_cur, old.rlim_max};
    if (::setrlimit(RLIMIT_NOFILE, &lowered) != 0)
        return 4;
    (void)server.serveForever(0.5);
    server.serverClose();
    stopper.join();
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    std::printf("cpu %.3f\n", cpuSeconds(usage));
    return 0;
}

int childMain(const std::string &kind, int spare)
{
    static const RequestHandlerClass lineEcho = RequestHandlerClass::of<LineEchoHandler>();
    static const RequestHandlerClass upperEcho = RequestHandlerClass::of<UpperEchoHandler>();
    if (kind == "tcp")
        return serveLimited<TCPServer>(lineEcho, spare);
    if (kind == "threading")
        return serveLimited<ThreadingTCPServer>(lineEcho, spare);
    if (kind == "echo")
        return serveLimited<TCPServer>(upperEcho, spare);
    return 2;
}

// The LISTEN row of 127.0.0.1:port in /proc/net/tcp: its rx_queue is the accept queue's length.
int acceptQueueLength(std::uint16_t port)
{
    QFile f(QStringLiteral("/proc/net/tcp"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray local = "0100007F:" + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> cols = line.simplified().split(' ');
        if (cols.size() > 4 && cols[1] == local && cols[3] == "0A")  // 0A: TCP_LISTEN
            return cols[4].split(':').value(1).toInt(nullptr, 16);
    }
    return -1;
}

} // namespace

class tst_descriptorlimit : public QObject {
    Q_OBJECT
private slots:
    void backsOffAndRecovers_data();
    void backsOffAndRecovers();
};

void tst_descriptorlimit::backsOffAndRecovers_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("spare");   // descriptors the server may still open
    QTest::addColumn<int>("holders"); // clients that connect and say nothing, holding a descriptor
    QTest::addColumn<bool>("raiseLimit");  // recover by raising the limit, not by holders leaving
    // TCPServer at the limit from the start (as under `prlimit --nofile=8`): nothing it holds
    // can free a descriptor, so room comes from outside (the limit raised while it runs).
    QTest::newRow("TCPServer, no descriptor left") << "tcp" << 0 << 0 << true;
    QTest::newRow("echo server, no descriptor left") << "echo" << 0 << 0 << true;
    // ThreadingTCPServer whose threads hold every descriptor: room comes when clients leave.
    QTest::newRow("ThreadingTCPServer, threads hold them all") << "threading" << 2 << 2 << false;
}

void tst_descriptorlimit::backsOffAndRecovers()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // The sanitizers' runtime needs descriptors of its own: UBSan checks an object's type by
    // copying its memory through a pipe, which a program at its descriptor limit cannot make,
    // and then reports the exception being thrown as of the wrong type. The default build
    // runs this test; here it would test the sanitizer.
    QSKIP("at the descriptor limit the sanitizer runtime cannot make its own pipe");
#endif
    QFETCH(QString, kind);
    QFETCH(int, spare);
    QFETCH(int, holders);
    QFETCH(bool, raiseLimit);

    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--serve-limited"), kind, QString::number(spare)});
    QVERIFY(child.waitForStarted(kWaitMs));
    const auto killChild = qScopeGuard([&] {
        if (child.state() != QProcess::NotRunning) {
            child.kill();
            child.waitForFinished(kWaitMs);
        }
    });
    QVERIFY(QTest::qWaitFor([&] { return child.canReadLine(); }, kWaitMs));
    const auto port = static_cast<std::uint16_t>(child.readLine().trimmed().toUInt());
    QVERIFY(port != 0);
    const SocketAddress address = SocketAddress::loopback(AF_INET, port);

    std::vector<Socket> held;
    for (int i = 0; i < holders; ++i)
        held.push_back(connectTo(address));
    // Three clients that send their line, then wait in the listen queue for a descriptor.
    std::vector<Socket> waiting;
    for (const char *line : {"one\n", "two\n", "three\n"}) {
        waiting.push_back(connectTo(address));
        QVERIFY(waiting.back().isOpen());
        QVERIFY(waiting.back().sendAll(line));
    }

    // The holders are taken, the three wait in the kernel's accept queue: the server is at its limit.
    QVERIFY2(QTest::qWaitFor([&] { return acceptQueueLength(port) == 3; }, kWaitMs),
             qPrintable(QStringLiteral("accept queue: %1").arg(acceptQueueLength(port))));
    const double busy = testsupport::busyFraction(child.processId());  // at the limit throughout
    QVERIFY2(busy < kMaxBusyFraction, qPrintable(QStringLiteral("the server used %1 % of a CPU at the descriptor limit")
                                                      .arg(busy * 100, 0, 'f', 0)));
    qInfo("CPU at the descriptor limit: %.1f %% of one core", busy * 100);
    // It said so, as Python prints an exception, with the errno and its message.
    QByteArray errors;
    QVERIFY2(QTest::qWaitFor([&] { return (errors += child.readAllStandardError()).contains("[Errno 24]"); }, kWaitMs),
             errors.constData());

    // Room again: the limit raised from outside, or the holders leaving.
    if (raiseLimit) {
        const rlimit roomy{1024, 1024};
        QCOMPARE(::prlimit(pid_t(child.processId()), RLIMIT_NOFILE, &roomy, nullptr), 0);
    }
    held.clear();
    const bool upper = kind == QLatin1String("echo");
    for (const char *line : {"one\n", "two\n", "three\n"}) {
        std::string expected = line;
        if (upper)
            for (char &c : expected)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        QCOMPARE(qs(readAll(waiting.front())), qs(expected));
        waiting.erase(waiting.begin());
    }

    child.closeWriteChannel();  // the child's "stop"
    QVERIFY(child.waitForFinished(kWaitMs));
    QCOMPARE(child.exitCode(), 0);
    errors += child.readAllStandardError();
    QCOMPARE(errors.count("OSError: [Errno 24] Too many open files"), 1);  // once, not once per retry
    const QByteArray out = child.readAllStandardOutput();
    qInfo("child's total CPU (getrusage): %s", out.trimmed().constData());
}

int main(int argc, char **argv)
{
    if (argc == 4 && std::strcmp(argv[1], "--serve-limited") == 0)
        return childMain(argv[2], std::atoi(argv[3]));
    QCoreApplication app(argc, argv);
    tst_descriptorlimit test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_descriptorlimit.moc"
