// What a ForkingMixIn child sends back to the server's process: every event of a long stage,
// in order and in several batches; its print() in the server's console output after its
// "started" notice, and after the events it traced before it (which share its message); a line
// longer than a message may carry, cut to the limit; and that message at its fullest, through a
// real SOCK_SEQPACKET pair. The helper must start before Qt: this suite has its own main().
#include "tst_socketserver_support.h"

#include <socketserver/ForkProtocol.h>
#include "SampleHandlers.h"

#include <algorithm>
#include <mutex>
#include <sys/socket.h>
#include <unistd.h>

using namespace sstest;

namespace {

// Writes kChattyWrites numbered lines, one write() each: more events in one stage than one
// message from the child carries, so they come back in several batches.
constexpr int kChattyWrites = 600;
class ChattyHandler : public StreamRequestHandler {
public:
    void handle() override
    {
        for (int i = 0; i < kChattyWrites; ++i)
            orRaise(wfile().write(std::to_string(i) + "\n"));
    }
};

// The same writes, then a print(): more events before the line than its message has room for.
class ChattyPrintHandler : public ChattyHandler {
public:
    void handle() override
    {
        ChattyHandler::handle();
        printLine("printed after the writes");
    }
};

// print() of a line longer than the child may send in one message.
constexpr std::size_t kLongLine = 100'000;
class LongPrintHandler : public BaseRequestHandler {
public:
    void handle() override { printLine(std::string(kLongLine, 'x')); }
};

// Registered at namespace scope: before main() starts the helper, so the helper knows them.
const RequestHandlerClass kChatty = registerHandler<ChattyHandler>("test.chatty");
const RequestHandlerClass kChattyPrint = registerHandler<ChattyPrintHandler>("test.chatty_print");
const RequestHandlerClass kLongPrint = registerHandler<LongPrintHandler>("test.long_print");

SocketAddress loopback() { return SocketAddress::loopback(AF_INET, 0); }

// One request to a server whose handler writes kChattyWrites lines: all of them come back, the
// child's exit is traced, and the server is stopped and closed.
bool serveOneChattyRequest(ForkingTCPServer &server, TraceLog &log)
{
    ServerThread serving(server);
    const std::string reply = exchange(server.serverAddress(), "");
    const bool allLines = std::count(reply.begin(), reply.end(), '\n') == kChattyWrites;
    const bool exited = QTest::qWaitFor([&] { return log.count(TraceCall::ChildExited, TracePhase::Returned) == 1; }, 10000);
    const bool stopped = static_cast<bool>(serving.stop());
    server.serverClose();
    if (!allLines || !exited || !stopped)
        qWarning("lines back: %s, child's exit traced: %s, server stopped: %s", allLines ? "all" : "not all",
                 exited ? "yes" : "no", stopped ? "yes" : "no");
    return allLines && exited && stopped;
}

} // namespace

class tst_socketserver_forkrelay : public QObject {
    Q_OBJECT
private slots:
    void everyEventOfALongStageArrivesInOrder();
    void childConsoleLinesReachTheServer();
    void aPrintedLineComesAfterTheEventsBeforeIt();
    void aLongPrintedLineIsCutToTheMessageLimit();
    void consoleMessageAtItsFullestCrossesTheChannel();
};

void tst_socketserver_forkrelay::everyEventOfALongStageArrivesInOrder()
{
    QVERIFY(kChattyWrites * 2 > static_cast<int>(kMaxEventsPerMessage));  // several batches, or this tests nothing
    TraceLog log;
    ForkingTCPServer server(loopback(), kChatty, {log.stream(), {}, {}, ""});
    QVERIFY(server.initStatus());
    QVERIFY(serveOneChattyRequest(server, log));

    // Every write() the child made, begun and returned, in the order it made them.
    std::vector<TraceEvent> writes;
    for (const TraceEvent &e : log.events())
        if (e.call == TraceCall::WfileWrite)
            writes.push_back(e);
    QCOMPARE(static_cast<int>(writes.size()), 2 * kChattyWrites);
    for (std::size_t i = 0; i < writes.size(); ++i) {
        QCOMPARE(writes[i].phase, i % 2 == 0 ? TracePhase::Begin : TracePhase::Returned);
        if (i > 0)
            QVERIFY(writes[i].timeNs >= writes[i - 1].timeNs);
    }
    QCOMPARE(writes.back().result, static_cast<std::int64_t>(std::to_string(kChattyWrites - 1).size() + 1));
}

void tst_socketserver_forkrelay::childConsoleLinesReachTheServer()
{
    // The tutorial's timestamp handler made with no console, as a child makes it: its print()
    // goes to the server's console output, not to the helper's stdout.
    std::mutex mutex;
    std::vector<std::string> console;  // what the server's console shows, in order
    const auto say = [&](const std::string &line) {
        std::lock_guard lock(mutex);
        console.push_back(line);
    };
    ForkingTCPServer server(loopback(), tutorial::timestampHandler());
    QVERIFY2(server.initStatus(), server.initStatus().error().pythonString().c_str());
    server.setConsoleOutput(say);
    server.setChildObserver([&](const ChildLifecycle &child) {
        say("child " + std::to_string(child.pid) + (child.exited ? " exited " + std::to_string(child.code) : " started"));
    });
    ServerThread serving(server);
    Socket client = connectTo(server.serverAddress());
    const std::string port = std::to_string(client.getSockName()->port());
    QVERIFY(client.send("hi\r\n"));
    const std::string reply = readAll(client);
    QVERIFY2(reply.size() > 4 && reply.substr(reply.size() - 4) == "hi\r\n", reply.c_str());
    QTRY_VERIFY_WITH_TIMEOUT(server.activeChildren().empty(), 10000);
    QVERIFY(serving.stop());
    server.serverClose();

    std::lock_guard lock(mutex);
    QCOMPARE(console.size(), std::size_t(3));
    QVERIFY2(console[0].rfind("child ", 0) == 0 && console[0].find(" started") != std::string::npos, console[0].c_str());
    const std::string pid = console[0].substr(6, console[0].find(' ', 6) - 6);
    QCOMPARE(qs(console[1]), QStringLiteral("...connected from: ('127.0.0.1', %1)").arg(qs(port)));
    QCOMPARE(qs(console[2]), qs("child " + pid + " exited 0"));
}

void tst_socketserver_forkrelay::aPrintedLineComesAfterTheEventsBeforeIt()
{
    QVERIFY(2 * kChattyWrites > static_cast<int>(maxEventsBeside(24)));  // some go ahead of the line, some with it
    TraceLog log;
    ForkingTCPServer server(loopback(), kChattyPrint, {log.stream(), {}, {}, ""});
    QVERIFY(server.initStatus());
    std::mutex mutex;
    std::vector<std::pair<std::string, std::uint64_t>> console;  // each line, and how many events were in by then
    server.setConsoleOutput([&](const std::string &line) {
        std::lock_guard lock(mutex);
        console.emplace_back(line, log.stream()->pushed());
    });
    QVERIFY(serveOneChattyRequest(server, log));

    std::lock_guard lock(mutex);
    QCOMPARE(console.size(), std::size_t(1));
    QCOMPARE(qs(console[0].first), QStringLiteral("printed after the writes"));
    // The trace keeps the order of pushing: the line reached the console once the first
    // `pushedByThen` events were in, and the last write's return (which shares the line's
    // message unless a batch happened to leave just before it) must be among them.
    const std::vector<TraceEvent> &events = log.events();
    QCOMPARE(log.stream()->dropped(), std::uint64_t(0));
    QCOMPARE(log.count(TraceCall::WfileWrite, TracePhase::Returned), kChattyWrites);
    std::size_t lastWrite = 0;
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].call == TraceCall::WfileWrite && events[i].phase == TracePhase::Returned)
            lastWrite = i;
    const std::uint64_t pushedByThen = console[0].second;
    QVERIFY2(lastWrite < pushedByThen, (std::to_string(lastWrite) + " >= " + std::to_string(pushedByThen)).c_str());
}

void tst_socketserver_forkrelay::aLongPrintedLineIsCutToTheMessageLimit()
{
    QVERIFY(kLongLine > kMaxConsoleLine);
    ForkingTCPServer server(loopback(), kLongPrint);
    QVERIFY(server.initStatus());
    std::mutex mutex;
    std::vector<std::string> console;
    server.setConsoleOutput([&](const std::string &line) {
        std::lock_guard lock(mutex);
        console.push_back(line);
    });
    ServerThread serving(server);
    (void)exchange(server.serverAddress(), "");
    const auto lines = [&] {
        std::lock_guard lock(mutex);
        return console.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(lines(), std::size_t(1), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(server.activeChildren().empty(), 10000);
    QVERIFY(serving.stop());
    server.serverClose();
    std::lock_guard lock(mutex);
    QCOMPARE(console.size(), std::size_t(1));
    QCOMPARE(console[0], std::string(kMaxConsoleLine, 'x'));
}

void tst_socketserver_forkrelay::consoleMessageAtItsFullestCrossesTheChannel()
{
    // A line and as many events as fit beside it, through a real SOCK_SEQPACKET pair as the
    // child sends them: nothing is cut by the receiver's buffer, and a malformed body is refused.
    int pair[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair), 0);
    for (const std::size_t lineSize : {std::size_t(0), std::size_t(37), kMaxConsoleLine / 2, kMaxConsoleLine}) {
        const std::string line(lineSize, 'L');
        std::vector<TraceEvent> events(maxEventsBeside(lineSize));
        QVERIFY(!events.empty());
        for (std::size_t i = 0; i < events.size(); ++i) {
            events[i].timeNs = std::int64_t(i) + 1;
            events[i].call = TraceCall::WfileWrite;
        }
        QCOMPARE(sendForkMessage(pair[0], ForkMessageType::ChildConsole, encodeConsole(line, events.data(), events.size())), 0);
        ForkMessage message;
        QCOMPARE(receiveForkMessage(pair[1], message, false), 0);
        QCOMPARE(message.type, ForkMessageType::ChildConsole);
        std::string gotLine;
        std::vector<TraceEvent> got;
        QVERIFY(decodeConsole(message.body, gotLine, got));
        QCOMPARE(gotLine.size(), lineSize);
        QCOMPARE(got.size(), events.size());
        QCOMPARE(got.back().timeNs, std::int64_t(events.size()));
    }
    ::close(pair[0]);
    ::close(pair[1]);

    std::string line;
    std::vector<TraceEvent> events;
    const std::string body = encodeConsole("hello", nullptr, 0);
    QVERIFY(decodeConsole(body, line, events) && line == "hello" && events.empty());
    QVERIFY(!decodeConsole(body.substr(0, body.size() - 1), line, events));  // the line cut short
    QVERIFY(!decodeConsole(body + "xyz", line, events));                     // a partial event after it
    QVERIFY(!decodeConsole("", line, events));
}

int main(int argc, char **argv)
{
    socketlab::socketserver::ForkHelper::startFromMain();  // before Qt starts any thread
    QCoreApplication app(argc, argv);
    tst_socketserver_forkrelay test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_socketserver_forkrelay.moc"
