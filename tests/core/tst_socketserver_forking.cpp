// ForkingMixIn through the fork helper: a real process per request (pids seen by the client),
// a waiting child's events relayed while it waits, zombies until collect_children,
// max_children holding back the next request until a child exits, a raising child reported
// with exit code 1, datagram requests, clear errors for unregistered handlers, children that
// never outlive their server, Stop during collect_children, and no descriptor leaked into
// children or left behind (what a child sends back, its events and its printed lines:
// tst_socketserver_forkrelay). A helper that is killed is reaped at once and replaced: the
// next request is served by a child of the new one, and nothing spins or is left a zombie;
// one that keeps ending is given up, and the learner is told so in plain words. The helper
// must start before Qt: this suite has its own main().
#include "ProcessProbes.h"
#include "tst_socketserver_support.h"

#include <CancelToken.h>
#include "SampleHandlers.h"

#include <QFile>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

using namespace sstest;

namespace {

std::string ownPid() { return std::to_string(::getpid()); }

class PidHandler : public StreamRequestHandler {  // "<pid of the process serving> <line>"
public:
    void handle() override { orRaise(wfile().write(ownPid() + " " + orRaise(rfile().readline()))); }
};

class SlowHandler : public StreamRequestHandler {  // "started X", waits for a line, "done X"
public:
    void handle() override
    {
        const Bytes name = tutorial::strip(orRaise(rfile().readline()));
        orRaise(wfile().write("started " + name + "\n"));
        (void)orRaise(rfile().readline());
        orRaise(wfile().write("done " + name + "\n"));
    }
};

class ParentPidHandler : public StreamRequestHandler {  // "<pid> <parent's pid>": whose child served
public:
    void handle() override { orRaise(wfile().write(ownPid() + " " + std::to_string(::getppid()) + "\n")); }
};

class RaisingHandler : public BaseRequestHandler {
public:
    void handle() override { throw std::runtime_error("raised in the child"); }
};

class DescriptorHandler : public StreamRequestHandler {  // how many descriptors >= 3 the child holds
public:
    void handle() override
    {
        int n = 0;
        for (const auto &entry : std::filesystem::directory_iterator("/proc/self/fd"))
            n += std::stoi(entry.path().filename().string()) >= 3 ? 1 : 0;
        orRaise(wfile().write(std::to_string(n - 1)));  // less the directory being listed
    }
};

// "<name in /proc/self/comm>|<LD_BIND_NOW or -> |<SOCKETLAB_FORK_HELPER_* it sees>".
class EnvironmentHandler : public StreamRequestHandler {
public:
    void handle() override
    {
        std::ifstream commFile("/proc/self/comm");
        std::string comm;
        std::getline(commFile, comm);
        const char *bindNow = std::getenv("LD_BIND_NOW");
        std::string helperVariables;
        for (char **e = environ; *e; ++e)
            if (std::string(*e).rfind("SOCKETLAB_FORK_HELPER", 0) == 0)
                helperVariables += *e;
        orRaise(wfile().write(comm + "|" + (bindNow ? bindNow : "-") + "|" + helperVariables));
    }
};

class UpperPacketHandler : public DatagramRequestHandler {
public:
    void handle() override { wfile().write(ownPid() + " " + tutorial::upper(packet())); }
};

// Registered at namespace scope: before main() starts the helper, so the helper knows them.
const RequestHandlerClass kPid = registerHandler<PidHandler>("test.pid");
const RequestHandlerClass kSlow = registerHandler<SlowHandler>("test.slow");
const RequestHandlerClass kRaising = registerHandler<RaisingHandler>("test.raise");
const RequestHandlerClass kParentPid = registerHandler<ParentPidHandler>("test.ppid");
const RequestHandlerClass kDescriptors = registerHandler<DescriptorHandler>("test.fds");
const RequestHandlerClass kUpperPacket = registerHandler<UpperPacketHandler>("test.upper_packet");
const RequestHandlerClass kEnvironment = registerHandler<EnvironmentHandler>("test.environment");

SocketAddress loopback() { return SocketAddress::loopback(AF_INET, 0); }

// 'Z' for a zombie, '?' once the process is gone (reaped).
char processState(std::int64_t pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray stat = f.readAll();
    const int close = stat.lastIndexOf(')');
    return close > 0 && close + 2 < stat.size() ? stat.at(close + 2) : '?';
}

// The parent's pid of a process, from /proc/PID/stat; 0 if it is gone.
std::int64_t parentOf(std::int64_t pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
}

// This process's children that are zombies (exited, never reaped): "<defunct>" in ps.
QStringList zombieChildren()
{
    QStringList zombies;
    for (const QString &task : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::NoDotAndDotDot | QDir::Dirs)) {
        QFile f(QStringLiteral("/proc/self/task/%1/children").arg(task));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &pid : f.readAll().simplified().split(' ')) {
            if (!pid.isEmpty() && processState(pid.toLongLong()) == 'Z')
                zombies << QString::fromLatin1(pid);
        }
    }
    return zombies;
}

} // namespace

class tst_socketserver_forking : public QObject {
    Q_OBJECT
private slots:
    void helperRuns();
    void childrenHaveTheAppsNameAndEnvironment();
    void eachRequestRunsInAChildProcess();
    void childIsAZombieUntilCollected();
    void aWaitingChildShowsItsWaitWhileItWaits();
    void maxChildrenHoldsBackTheNextRequest();
    void raisingChildIsReportedWithExitCodeOne();
    void forkingUdpServerAnswersFromChildren();
    void unregisteredHandlersFailClearly();
    void childrenNeverOutliveTheirServer();
    void stopInterruptsWaitingForChildren();
    void noDescriptorLeakedOrLeftBehind();
    // These two end the helper: they run last.
    void killedHelperIsReapedAndReplaced();
    void helperThatKeepsEndingIsGivenUpInPlainWords();
};

void tst_socketserver_forking::helperRuns()
{
    QVERIFY2(ForkHelper::isRunning(), ForkHelper::unavailableReason().c_str());
    QVERIFY(ForkHelper::pid() > 0);
    QVERIFY(ForkHelper::pid() != ::getpid());
    QVERIFY(ForkHelper::startFromMain());  // again: harmless, even now that threads run
}

void tst_socketserver_forking::childrenHaveTheAppsNameAndEnvironment()
{
    // The helper is this program started again with LD_BIND_NOW (ForkHelper.cpp); what it
    // added for itself stays out of the handler's world, and ps shows the app's name.
    std::ifstream commFile("/proc/self/comm");
    std::string ownComm;
    std::getline(commFile, ownComm);
    const char *ownBindNow = std::getenv("LD_BIND_NOW");
    ForkingTCPServer server(loopback(), kEnvironment);
    ServerThread serving(server);
    const std::string reply = exchange(server.serverAddress(), "");
    QCOMPARE(qs(reply), qs(ownComm + "|" + (ownBindNow ? ownBindNow : "-") + "|"));
    QVERIFY(serving.stop());
    server.serverClose();
}

void tst_socketserver_forking::eachRequestRunsInAChildProcess()
{
    TraceLog log;
    ForkingTCPServer server(loopback(), kPid, {log.stream(), {}, {}, ""});
    QVERIFY(server.initStatus());
    ServerThread serving(server);
    std::set<std::string> pids;
    for (int i = 0; i < 3; ++i) {
        const std::string reply = exchange(server.serverAddress(), "line\n");
        const std::string pid = reply.substr(0, reply.find(' '));
        QCOMPARE(qs(reply.substr(pid.size())), QStringLiteral(" line\n"));
        QVERIFY(pid != ownPid() && pid != std::to_string(ForkHelper::pid()));
        pids.insert(pid);
    }
    QCOMPARE(pids.size(), std::size_t(3));
    // service_actions collects them as they exit: the loop wakes on the helper's report.
    QTRY_VERIFY_WITH_TIMEOUT(server.activeChildren().empty(), 10000);
    QVERIFY(serving.stop());
    server.serverClose();

    const auto started = log.stages(TraceCall::ChildStarted, TracePhase::Returned);
    const auto exited = log.stages(TraceCall::ChildExited, TracePhase::Returned);
    QCOMPARE(started.size(), std::size_t(3));
    QCOMPARE(exited.size(), std::size_t(3));
    for (const TraceEvent &e : started)
        QVERIFY(pids.count(std::to_string(e.result)) == 1);
    for (const TraceEvent &e : exited)
        QCOMPARE(exitCodeOf(e), 0);
    // The child's own stages came back into this trace, under the same request number.
    const QStringList flow = toList(log.flowOf(requestIdOf(started[0])));
    for (const char *stage : {"get_request", "verify_request", "process_request", "finish_request", "setup",
                              "handle", "finish", "shutdown_request", "close_request"})
        QVERIFY2(flow.contains(QLatin1String(stage)), qPrintable(flow.join(QLatin1Char(' '))));
    QVERIFY(flow.indexOf(QStringLiteral("setup")) < flow.indexOf(QStringLiteral("handle")));
    QVERIFY(flow.indexOf(QStringLiteral("handle")) < flow.indexOf(QStringLiteral("finish")));
    QCOMPARE(flow.count(QStringLiteral("close_request")), 2);  // the parent's copy and the child's
}

void tst_socketserver_forking::aWaitingChildShowsItsWaitWhileItWaits()
{
    // The child batches its events, but one that is about to wait sends what it has first:
    // the server's views show the child blocked in readline() while it is.
    TraceLog log;
    ForkingTCPServer server(loopback(), kSlow, {log.stream(), {}, {}, ""});
    ServerThread serving(server);
    Socket a = connectTo(server.serverAddress());
    QVERIFY(a.sendAll("A\n"));
    QCOMPARE(qs(readLine(a)), QStringLiteral("started A\n"));
    // The child now waits for "go": its write of "started" and then a wait must have arrived.
    const auto blockedAfterTheWrite = [&log] {
        bool wrote = false;
        for (const TraceEvent &e : log.events()) {
            wrote = wrote || (e.call == TraceCall::WfileWrite && e.phase == TracePhase::Returned);
            if (wrote && e.phase == TracePhase::Blocked)
                return true;
        }
        return false;
    };
    QVERIFY2(QTest::qWaitFor(blockedAfterTheWrite, 10000), "the waiting child's events did not arrive");
    QCOMPARE(log.count(TraceCall::ChildExited, TracePhase::Returned), 0);  // it still waits
    QVERIFY(a.sendAll("go\n"));
    QCOMPARE(qs(readAll(a)), QStringLiteral("done A\n"));
    QVERIFY(serving.stop());
    server.serverClose();
}

void tst_socketserver_forking::childIsAZombieUntilCollected()
{
    TraceLog log;
    ForkingTCPServer server(loopback(), kPid, {log.stream(), {}, {}, ""});
    server.timeout = 10;
    Socket client = connectTo(server.serverAddress());
    QVERIFY(client.sendAll("z\n"));
    QVERIFY(server.handleRequest());  // forks and returns; nothing collects meanwhile
    QVERIFY(!readAll(client).empty());
    const auto children = server.activeChildren();
    QCOMPARE(children.size(), std::size_t(1));
    const std::int64_t pid = *children.begin();
    QTRY_COMPARE_WITH_TIMEOUT(processState(pid), 'Z', 10000);  // exited, not yet waited for
    QTRY_VERIFY_WITH_TIMEOUT(((void)server.collectChildren(), server.activeChildren().empty()), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(processState(pid), '?', 10000);  // reaped
    QCOMPARE(log.count(TraceCall::CollectChildren, TracePhase::Returned) >= 1, true);
    server.serverClose();
}

void tst_socketserver_forking::maxChildrenHoldsBackTheNextRequest()
{
    TraceLog log;
    ForkingTCPServer server(loopback(), kSlow, {log.stream(), {}, {}, ""});
    QCOMPARE(server.maxChildren, std::size_t(40));
    server.maxChildren = 2;
    ServerThread serving(server);
    Socket a = connectTo(server.serverAddress());
    QVERIFY(a.sendAll("A\n"));
    QCOMPARE(qs(readLine(a)), QStringLiteral("started A\n"));
    Socket b = connectTo(server.serverAddress());
    QVERIFY(b.sendAll("B\n"));
    QCOMPARE(qs(readLine(b)), QStringLiteral("started B\n"));  // two processes at once
    Socket c = connectTo(server.serverAddress());
    QVERIFY(c.sendAll("C\n"));
    // A child may answer before its parent has heard its pid back from the helper.
    QTRY_COMPARE_WITH_TIMEOUT(server.activeChildren().size(), std::size_t(2), 10000);
    QVERIFY(a.sendAll("go\n"));
    QCOMPARE(qs(readAll(a)), QStringLiteral("done A\n"));
    QCOMPARE(qs(readLine(c)), QStringLiteral("started C\n"));
    QVERIFY(b.sendAll("go\n") && c.sendAll("go\n"));
    QCOMPARE(qs(readAll(b)), QStringLiteral("done B\n"));
    QCOMPARE(qs(readAll(c)), QStringLiteral("done C\n"));
    QVERIFY(serving.stop());
    server.serverClose();  // block_on_close: waits for B and C
    QVERIFY(server.activeChildren().empty());

    const auto started = log.stages(TraceCall::ChildStarted, TracePhase::Returned);
    const auto exited = log.stages(TraceCall::ChildExited, TracePhase::Returned);
    QCOMPARE(started.size(), std::size_t(3));
    QCOMPARE(exited.size(), std::size_t(3));
    const TraceEvent &firstExit = *std::min_element(exited.begin(), exited.end(), [](auto &x, auto &y) { return x.timeNs < y.timeNs; });
    QCOMPARE(firstExit.result, started[0].result);      // A went first ...
    QVERIFY(started[2].timeNs > firstExit.timeNs);      // ... and only then was C forked
    QVERIFY(started[1].timeNs < firstExit.timeNs);      // while B had run alongside A
}

void tst_socketserver_forking::raisingChildIsReportedWithExitCodeOne()
{
    TraceLog log;
    ErrorText errors;
    ForkingTCPServer server(loopback(), kRaising, {log.stream(), {}, {}, ""});
    server.setErrorOutput(errors.sink());
    ServerThread serving(server);
    Socket client = connectTo(server.serverAddress());
    const std::uint16_t port = testsupport::portOf(client);
    QCOMPARE(qs(readAll(client)), QString());
    QTRY_VERIFY_WITH_TIMEOUT(log.count(TraceCall::ChildExited, TracePhase::Returned) == 1, 10000);
    QCOMPARE(exitCodeOf(log.stages(TraceCall::ChildExited, TracePhase::Returned)[0]), 1);
    QVERIFY(serving.stop());
    server.serverClose();
    const QString text = qs(errors.text());
    QVERIFY2(text.contains(QStringLiteral("Exception occurred during processing of request from ('127.0.0.1', %1)").arg(port)),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("std::runtime_error: raised in the child")), qPrintable(text));
    QCOMPARE(log.count(TraceCall::HandleError, TracePhase::Returned), 1);  // relayed from the child
}

void tst_socketserver_forking::forkingUdpServerAnswersFromChildren()
{
    TraceLog log;
    ForkingUDPServer server(loopback(), kUpperPacket, {log.stream(), {}, {}, ""});
    QVERIFY(server.initStatus());
    ServerThread serving(server);
    auto client = Socket::create(AF_INET, SOCK_DGRAM);
    QVERIFY(client && client->setTimeout(kClientTimeout));
    QVERIFY(client->sendTo("hello", server.serverAddress()));
    auto reply = client->recvFrom(100);
    QVERIFY(reply);
    const std::string pid = reply->data.substr(0, reply->data.find(' '));
    QVERIFY(pid != ownPid());
    QCOMPARE(qs(reply->data.substr(pid.size())), QStringLiteral(" HELLO"));
    QCOMPARE(reply->from.port(), server.serverAddress().port());  // sent on the server's own socket
    QTRY_VERIFY_WITH_TIMEOUT(server.activeChildren().empty(), 10000);
    QVERIFY(serving.stop());
    server.serverClose();
    QCOMPARE(log.count(TraceCall::ChildStarted, TracePhase::Returned), 1);
    QVERIFY(log.count(TraceCall::SendTo, TracePhase::Returned) >= 1);  // the child's sendto, relayed
}

void tst_socketserver_forking::unregisteredHandlersFailClearly()
{
    ErrorText errors;
    ForkingTCPServer unnamed(loopback(), RequestHandlerClass::of<PidHandler>());
    unnamed.setErrorOutput(errors.sink());
    ForkingTCPServer late(loopback(), registerHandler<PidHandler>("test.registered_too_late"));
    late.setErrorOutput(errors.sink());
    ServerThread a(unnamed), b(late);
    QCOMPARE(qs(exchange(unnamed.serverAddress(), "x\n")), QString());
    QCOMPARE(qs(exchange(late.serverAddress(), "x\n")), QString());
    QVERIFY(a.stop() && b.stop());
    const QString text = qs(errors.text());
    QVERIFY2(text.contains(QStringLiteral("registered by name")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("does not know the handler class \"test.registered_too_late\"")), qPrintable(text));
    QVERIFY(unnamed.activeChildren().empty() && late.activeChildren().empty());
}

void tst_socketserver_forking::childrenNeverOutliveTheirServer()
{
    Socket client;
    std::int64_t pid = 0;
    {
        ForkingTCPServer server(loopback(), kSlow);
        server.blockOnClose = false;
        ServerThread serving(server);
        client = connectTo(server.serverAddress());
        QVERIFY(client.sendAll("X\n"));
        QCOMPARE(qs(readLine(client)), QStringLiteral("started X\n"));
        QTRY_COMPARE_WITH_TIMEOUT(server.activeChildren().size(), std::size_t(1), 10000);
        pid = *server.activeChildren().begin();
        QVERIFY(serving.stop());
        server.serverClose();  // does not wait (block_on_close = False) ...
        QCOMPARE(processState(pid) == '?', false);
    }  // ... but the server object's end takes its children with it
    QCOMPARE(qs(readAll(client)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(processState(pid), '?', 10000);
}

void tst_socketserver_forking::stopInterruptsWaitingForChildren()
{
    auto cancel = CancelToken::create();
    ForkingTCPServer server(loopback(), kSlow, {nullptr, cancel, nullptr, ""});
    ServerThread serving(server);
    Socket client = connectTo(server.serverAddress());
    QVERIFY(client.sendAll("Y\n"));
    QCOMPARE(qs(readLine(client)), QStringLiteral("started Y\n"));
    // The child may answer before its parent has heard its pid back from the helper; with no
    // child known yet, there would be nothing to wait for (a failure seen once under load).
    QTRY_COMPARE_WITH_TIMEOUT(server.activeChildren().size(), std::size_t(1), 10000);
    cancel->cancel();
    QCOMPARE(serving.join().error().kind(), ErrorKind::Cancelled);
    server.serverClose();  // block_on_close, but Stop ends the wait
    QCOMPARE(server.collectChildren(true).error().kind(), ErrorKind::Cancelled);
    QCOMPARE(server.activeChildren().size(), std::size_t(1));
}

void tst_socketserver_forking::noDescriptorLeakedOrLeftBehind()
{
    const int fdsBefore = testsupport::openDescriptorCount();
    const int threadsBefore = threadCount();
    {
        ForkingTCPServer server(loopback(), kDescriptors);
        ServerThread serving(server);
        // The child holds its connection and its channel to the server, nothing of the app's.
        for (int i = 0; i < 50; ++i)
            QCOMPARE(qs(exchange(server.serverAddress(), "")), QStringLiteral("2"));
        QVERIFY(serving.stop());
        server.serverClose();
        QVERIFY(server.activeChildren().empty());
    }
    QCOMPARE(testsupport::openDescriptorCount(), fdsBefore);
    QCOMPARE(threadCount(), threadsBefore);
}

void tst_socketserver_forking::killedHelperIsReapedAndReplaced()
{
    const std::int64_t old = ForkHelper::pid();
    QVERIFY(old > 0);
    ErrorText errors;
    ForkingTCPServer server(loopback(), kParentPid);  // attached to the helper about to be killed
    server.setErrorOutput(errors.sink());
    ServerThread serving(server);
    QCOMPARE(qs(exchange(server.serverAddress(), "\n")).section(QLatin1Char(' '), 1).trimmed(), QString::number(old));

    QCOMPARE(::kill(pid_t(old), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(processState(old), '?', 10000);  // reaped at once: no <defunct> left
    QTRY_VERIFY_WITH_TIMEOUT(ForkHelper::isRunning() && ForkHelper::pid() != old, 20000);
    const std::int64_t fresh = ForkHelper::pid();
    QCOMPARE(parentOf(fresh), std::int64_t(::getpid()));
    // The server's loop saw its channel hang up: it must not spin on it.
    const double busy = testsupport::busyFraction(::getpid(), 500);
    QVERIFY2(busy < 0.25, qPrintable(QStringLiteral("%1 % of a CPU after the helper died").arg(busy * 100, 0, 'f', 0)));

    // The next request is served by a child of the new helper.
    const QString reply = qs(exchange(server.serverAddress(), "\n"));
    QCOMPARE(reply.section(QLatin1Char(' '), 1).trimmed(), QString::number(fresh));
    QTRY_VERIFY_WITH_TIMEOUT(server.activeChildren().empty(), 10000);
    QVERIFY(serving.stop());
    server.serverClose();
    QVERIFY2(zombieChildren().isEmpty(), qPrintable(zombieChildren().join(QLatin1Char(' '))));
    const QString said = qs(errors.text());
    QVERIFY2(said.contains(QStringLiteral("the helper process that forks the children (pid %1) was killed by signal 9 (SIGKILL); "
                                          "a new one (pid %2) forks the children now").arg(old).arg(fresh)),
             qPrintable(said));
}

void tst_socketserver_forking::helperThatKeepsEndingIsGivenUpInPlainWords()
{
    // Killed again and again (the previous test's kill counts too): after three ends within ten
    // seconds no new helper is started.
    for (int i = 0; i < 3 && ForkHelper::isRunning(); ++i) {
        const std::int64_t old = ForkHelper::pid();
        QCOMPARE(::kill(pid_t(old), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(processState(old), '?', 10000);
        QTRY_VERIFY_WITH_TIMEOUT((ForkHelper::isRunning() && ForkHelper::pid() != old)
                                     || qs(ForkHelper::unavailableReason()).startsWith(QStringLiteral("forking is no longer")),
                                 20000);
    }
    QVERIFY(!ForkHelper::isRunning());
    ErrorText errors;
    ForkingTCPServer server(loopback(), kParentPid);
    server.setErrorOutput(errors.sink());
    ServerThread serving(server);
    QCOMPARE(qs(exchange(server.serverAddress(), "\n")), QString());  // handle_error, then the connection closes
    QVERIFY(serving.stop());
    server.serverClose();
    const QString said = qs(errors.text());
    QVERIFY2(said.contains(QStringLiteral("\nforking is no longer available: the helper process that forks the children (pid ")),
             qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("was killed by signal 9 (SIGKILL), and it ended 3 times within 10 seconds, so no new "
                                          "one is started")),
             qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("socketlab::")) && !said.contains(QStringLiteral("ForkError")),
             "no C++ names in what the learner reads");
    QVERIFY(zombieChildren().isEmpty());
}

int main(int argc, char **argv)
{
    socketlab::socketserver::ForkHelper::startFromMain();  // before Qt starts any thread
    QCoreApplication app(argc, argv);
    tst_socketserver_forking test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_socketserver_forking.moc"
