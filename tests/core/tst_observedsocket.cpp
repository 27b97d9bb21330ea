// tst_observedsocket: sockets another library made, observed through their descriptors
// (ObservedSocket.h), on real loopback sockets made here with the plain BSD API as Qt would
// make them. What is checked: the record is listed in its state now with the kernel's
// endpoints; the owner's reports are traced under the BSD names; the core never closes an
// observed descriptor; a number the owner closed and the kernel gave to another socket is
// never probed; an event loop's wait marks each watched socket blocked in poll().
#include "CoreTestSupport.h"

#include <ObservedSocket.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace socketlab;
using testsupport::waitUntil;

namespace {

// A listening TCP socket on 127.0.0.1 and a free port, made as a library would make it.
int rawListener(std::uint16_t &port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(fd, 5) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0)
        return -1;
    port = ntohs(a.sin_port);
    return fd;
}

int rawConnect(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
        return -1;
    return fd;
}

bool isOpen(int fd) { return ::fcntl(fd, F_GETFD) != -1; }

std::vector<TraceCall> returnedCalls(TraceStream &trace)
{
    std::vector<TraceEvent> events;
    trace.drain(events);
    std::vector<TraceCall> calls;
    for (const TraceEvent &e : events)
        if (e.phase == TracePhase::Returned)
            calls.push_back(e.call);
    return calls;
}

} // namespace

class TestObservedSocket : public QObject {
    Q_OBJECT

private slots:
    void listenerIsListedAndTraced();
    void acceptedConnectionCountsBytes();
    void neverClosesTheOwnersDescriptor();
    void reusedNumberIsNotProbed();
    void notASocketIsNotObserved();
    void pollMarksEveryWatchedSocket();
};

void TestObservedSocket::listenerIsListedAndTraced()
{
    std::uint16_t port = 0;
    const int fd = rawListener(port);
    QVERIFY(fd >= 0);
    auto trace = std::make_shared<TraceStream>();
    auto registry = std::make_shared<SocketRegistry>();
    {
        ObservedSocket listening = ObservedSocket::observe(fd, {trace, nullptr, registry, "server"});
        QVERIFY(listening.isObserved());
        QCOMPARE(registry->snapshot().size(), std::size_t(1));
        QCOMPARE(listening.record()->state.load(), SocketState::Listening);
        QCOMPARE(listening.record()->localEndpoint().port(), port);
        QCOMPARE(listening.record()->owner, std::string("server"));
        QVERIFY(listening.record()->probe().listening);

        listening.listened(5);
        const std::vector<TraceCall> calls = returnedCalls(*trace);
        QCOMPARE(calls, (std::vector<TraceCall>{TraceCall::Socket, TraceCall::Bind, TraceCall::Listen}));
    }
    // Going out of scope says close() once, and leaves the descriptor to its owner.
    QCOMPARE(returnedCalls(*trace), std::vector<TraceCall>{TraceCall::Close});
    QVERIFY(isOpen(fd));
    ::close(fd);
}

void TestObservedSocket::acceptedConnectionCountsBytes()
{
    std::uint16_t port = 0;
    const int listenFd = rawListener(port);
    QVERIFY(listenFd >= 0);
    const int clientFd = rawConnect(port);
    QVERIFY(clientFd >= 0);
    const int connFd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    QVERIFY(connFd >= 0);

    auto trace = std::make_shared<TraceStream>();
    auto registry = std::make_shared<SocketRegistry>();
    ObservedSocket listening = ObservedSocket::observe(listenFd, {trace, nullptr, registry, "server"});
    ObservedSocket conn = listening.accepted(connFd);
    QVERIFY(conn.isObserved());
    QCOMPARE(registry->snapshot().size(), std::size_t(2));
    QCOMPARE(conn.record()->state.load(), SocketState::Connected);
    QCOMPARE(conn.record()->localEndpoint().port(), port);
    QVERIFY(conn.record()->peerEndpoint().port() != 0);

    std::vector<TraceEvent> events;
    trace->drain(events);
    const auto accept = std::find_if(events.begin(), events.end(), [](const TraceEvent &e) {
        return e.call == TraceCall::Accept && e.phase == TracePhase::Returned;
    });
    QVERIFY(accept != events.end());
    QCOMPARE(accept->relatedSocketId, conn.id());  // the diagram pairs the listener with its connection

    // Bytes the client sent wait in the kernel: the probe of the observed record sees them.
    QCOMPARE(::send(clientFd, "hello", 5, MSG_NOSIGNAL), ssize_t(5));
    QVERIFY(waitUntil([&] { return conn.record()->probe().receiveQueue == 5; }));
    conn.received(5);
    conn.sent(12);
    conn.received(0);
    QCOMPARE(conn.record()->bytesReceived.load(), std::uint64_t(5));
    QCOMPARE(conn.record()->bytesSent.load(), std::uint64_t(12));
    QCOMPARE(conn.record()->state.load(), SocketState::PeerClosed);
    conn.closed();
    QCOMPARE(conn.record()->state.load(), SocketState::Closed);
    QVERIFY(!conn.record()->probe().available);

    ::close(connFd);
    ::close(clientFd);
    ::close(listenFd);
}

void TestObservedSocket::neverClosesTheOwnersDescriptor()
{
    std::uint16_t port = 0;
    const int fd = rawListener(port);
    QVERIFY(fd >= 0);
    auto registry = std::make_shared<SocketRegistry>();
    {
        ObservedSocket observed = ObservedSocket::observe(fd, {nullptr, nullptr, registry, "server"});
        QVERIFY(observed.isObserved());
        QCOMPARE(observed.record()->closeDescriptor(), 0);  // what a registry sweep might call
        QCOMPARE(observed.record()->fd(), -1);
    }
    QVERIFY(isOpen(fd));
    ::close(fd);
}

void TestObservedSocket::reusedNumberIsNotProbed()
{
    std::uint16_t port = 0;
    const int fd = rawListener(port);
    QVERIFY(fd >= 0);
    ObservedSocket observed = ObservedSocket::observe(fd, {});
    QVERIFY(observed.record()->probe().available);

    // The owner closes before it says so, and the kernel hands the same number to a new socket.
    ::close(fd);
    const int other = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QCOMPARE(other, fd);
    QVERIFY(!observed.record()->probe().available);
    observed.closed();
    QVERIFY(isOpen(other));  // closed() said so; it never closes the new socket
    ::close(other);
}

void TestObservedSocket::notASocketIsNotObserved()
{
    auto registry = std::make_shared<SocketRegistry>();
    int pipeFds[2];
    QCOMPARE(::pipe2(pipeFds, O_CLOEXEC), 0);
    QVERIFY(!ObservedSocket::observe(pipeFds[0], {nullptr, nullptr, registry, "x"}).isObserved());
    QVERIFY(!ObservedSocket::observe(-1, {nullptr, nullptr, registry, "x"}).isObserved());
    QVERIFY(registry->snapshot().empty());
    QVERIFY(isOpen(pipeFds[0]));
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
}

void TestObservedSocket::pollMarksEveryWatchedSocket()
{
    std::uint16_t portA = 0, portB = 0;
    const int a = rawListener(portA);
    const int b = rawListener(portB);
    QVERIFY(a >= 0 && b >= 0);
    auto trace = std::make_shared<TraceStream>();
    ObservedSocket first = ObservedSocket::observe(a, {trace, nullptr, nullptr, "server"});
    ObservedSocket second = ObservedSocket::observe(b, {trace, nullptr, nullptr, "server"});
    {
        ObservedPoll poll({trace, nullptr, nullptr, "server"});
        poll.begin({&first, &second});
        QVERIFY(poll.isWaiting());
        QCOMPARE(first.record()->blockedIn.load(), TraceCall::Poll);
        QCOMPARE(second.record()->blockedIn.load(), TraceCall::Poll);
        second.closed();  // closed while the loop waits: no longer marked, and ending leaves it so
        poll.end();
        QCOMPARE(first.record()->blockedIn.load(), TraceCall::None);
        QCOMPARE(second.record()->blockedIn.load(), TraceCall::None);
        poll.begin({&first, &second});  // a closed socket is not watched
        QCOMPARE(first.record()->blockedIn.load(), TraceCall::Poll);
    }
    QCOMPARE(first.record()->blockedIn.load(), TraceCall::None);  // the object ends its wait
    std::vector<TraceEvent> events;
    trace->drain(events);
    const auto polls = std::count_if(events.begin(), events.end(), [](const TraceEvent &e) {
        return e.call == TraceCall::Poll && e.phase == TracePhase::Returned;
    });
    QCOMPARE(polls, 2);
    ::close(a);
    ::close(b);
}

QTEST_GUILESS_MAIN(TestObservedSocket)
#include "tst_observedsocket.moc"
