// tst_kernelonlysockets: the rows KernelOnlySockets adds to a lab's view, on real loopback
// sockets: none while the lab's own sockets hold every connection; the TIME_WAIT a server
// leaves when it closes first, long after its records are gone, with its timer counted down
// between two asks of the kernel; a listener of another program on the lab's old address;
// nothing more after forget(); and the kernel asked in the background, as the window asks it.
#include "CoreTestSupport.h"
#include "Witness.h"

#include <Clock.h>
#include <KernelOnlySockets.h>
#include <KernelPortAsker.h>
#include <KernelProbe.h>
#include <Socket.h>
#include <SocketRegistry.h>
#include <SocketSnapshot.h>

#include <QtTest>

#include <optional>
#include <set>
#include <unistd.h>

#include <algorithm>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace socketlab;

namespace {

constexpr std::int64_t kSecondNs = 1'000'000'000;

using Kind = KernelOnlySocket::Kind;

std::vector<KernelOnlySocket> rowsIn(const std::vector<KernelOnlySocket> &rows, int tcpState)
{
    std::vector<KernelOnlySocket> out;
    for (const KernelOnlySocket &r : rows) {
        if (r.socket.tcpState == tcpState)
            out.push_back(r);
    }
    return out;
}

// A listener in a registry, and connections to it each closed by the client first, so the
// client's end waits in TIME_WAIT: rows only the kernel still holds.
struct TimeWaitLab {
    std::shared_ptr<SocketRegistry> registry = std::make_shared<SocketRegistry>();
    Socket listener = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "server"}).value();
    std::vector<std::uint16_t> clientPorts;  // in the order they were made

    struct Pair {
        Socket client;
        Socket server;  // the accepted end
    };

    bool listen() { return listener.bind(SocketAddress::loopback(AF_INET, 0)) && listener.listen(8); }
    // A client of the lab's connected to the listener, and the lab's accepted end.
    std::optional<Pair> connectPair()
    {
        Socket client = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "client"}).value();
        if (!client.connect(listener.getSockName().value()))
            return std::nullopt;
        Accepted accepted = listener.accept().value();
        return Pair{std::move(client), std::move(accepted.socket)};
    }
    bool addClosedPairs(std::size_t pairs)
    {
        for (std::size_t i = 0; i < pairs; ++i) {
            std::optional<Pair> pair = connectPair();
            if (!pair)
                return false;
            clientPorts.push_back(pair->client.getSockName().value().port());
            if (!pair->client.close() || !pair->server.close())
                return false;
        }
        return true;
    }
    // The client ports of the TIME_WAIT rows the next update shows.
    std::set<std::uint16_t> timeWaitShown(KernelOnlySockets &kernelOnly, std::int64_t nowNs) const
    {
        std::set<std::uint16_t> shown;
        for (const KernelOnlySocket &row : rowsIn(kernelOnly.update(SocketSnapshot::take(*registry), nowNs), TCP_TIME_WAIT))
            shown.insert(row.socket.local.port());
        return shown;
    }
};

} // namespace

class TestKernelOnlySockets : public QObject {
    Q_OBJECT

private slots:
    void timeWaitOutlivesTheLabsSockets()
    {
        auto registry = std::make_shared<SocketRegistry>();
        const SocketContext lab{nullptr, nullptr, registry, "server"};
        KernelOnlySockets kernelOnly;
        std::int64_t now = 1000 * kSecondNs;  // the feed's clock: only differences matter

        Socket listener = Socket::create(AF_INET, SOCK_STREAM, 0, lab).value();
        QVERIFY(listener.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        QVERIFY(listener.bind(SocketAddress::loopback(AF_INET, 0)));
        QVERIFY(listener.listen(5));
        const SocketAddress server = listener.getSockName().value();
        Socket client = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "client"}).value();
        QVERIFY(client.connect(server));
        Accepted accepted = listener.accept().value();

        // Every connection is held by a socket of the lab: nothing of the kernel's alone.
        QVERIFY(kernelOnly.update(SocketSnapshot::take(*registry), now).empty());
        QCOMPARE(kernelOnly.listeningAddresses().size(), std::size_t(1));  // the server's address
        QCOMPARE(kernelOnly.connections().size(), std::size_t(2));         // the connection, from each end

        // The server closes first and exits; the client closes after it; the records go.
        QVERIFY(accepted.socket.close());
        QVERIFY(listener.close());
        auto end = client.recv(16);
        QVERIFY(end && end->empty());
        QVERIFY(client.close());
        registry->clear();

        now += KernelOnlySockets::kAskEveryNs;
        std::vector<KernelOnlySocket> rows;
        QTRY_VERIFY_WITH_TIMEOUT(!(rows = kernelOnly.update(SocketSnapshot::take(*registry), now += KernelOnlySockets::kAskEveryNs)).empty(), 5000);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(QString::fromLatin1(tcpStateName(rows.front().socket.tcpState)), QStringLiteral("TIME_WAIT"));
        QCOMPARE(rows.front().kind, Kind::TimeWait);
        QVERIFY(SocketAddress::sameEndpoint(rows.front().socket.local, server));
        QVERIFY(rows.front().socket.heldByNoProcess());
        QCOMPARE(rows.front().listenerId, 0u);  // the lab's listener is gone
        const std::int64_t left = rows.front().socket.timerMs;
        QVERIFY(left > 0 && left <= 60000);

        // Before the next ask the row stays, its time counted down by the feed's clock.
        rows = kernelOnly.update(SocketSnapshot::take(*registry), now + 100'000'000);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows.front().socket.timerMs, std::max<std::int64_t>(0, left - 100));

        // Another program listens on the lab's old address (both with SO_REUSEADDR, past the
        // TIME_WAIT): the kernel's row for it shows, held by a process, not by the lab.
        Socket other = Socket::create(AF_INET, SOCK_STREAM).value();
        QVERIFY(other.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        QVERIFY(other.bind(server));
        QVERIFY(other.listen(1));
        now += KernelOnlySockets::kAskEveryNs;
        rows = kernelOnly.update(SocketSnapshot::take(*registry), now);
        const std::vector<KernelOnlySocket> listening = rowsIn(rows, TCP_LISTEN);
        QCOMPARE(listening.size(), std::size_t(1));
        QCOMPARE(listening.front().kind, Kind::OtherProcess);
        QVERIFY(!listening.front().socket.heldByNoProcess());
        QCOMPARE(rowsIn(rows, TCP_TIME_WAIT).size(), std::size_t(1));

        kernelOnly.forget();
        QVERIFY(kernelOnly.update(SocketSnapshot::take(*registry), now + KernelOnlySockets::kAskEveryNs).empty());
        QVERIFY(kernelOnly.listeningAddresses().empty() && kernelOnly.connections().empty());
    }

    void listenerOfTheLabIsNotKernelOnly()
    {
        // The lab's listener and a connection waiting in its accept queue: the waiting
        // connection's server side has no socket of the lab yet (accept() makes it), so the
        // kernel shows it, while the listener and the client are the lab's own.
        auto registry = std::make_shared<SocketRegistry>();
        KernelOnlySockets kernelOnly;
        Socket listener = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "server"}).value();
        QVERIFY(listener.bind(SocketAddress::loopback(AF_INET, 0)));
        QVERIFY(listener.listen(1));
        Socket client = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "client"}).value();
        QVERIFY(client.connect(listener.getSockName().value()));

        std::vector<KernelOnlySocket> rows = kernelOnly.update(SocketSnapshot::take(*registry), 0);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows.front().socket.tcpState, int(TCP_ESTABLISHED));
        QCOMPARE(rows.front().kind, Kind::NotAccepted);
        QCOMPARE(rows.front().listenerId, listener.id());
        QCOMPARE(rows.front().peerId, client.id());
        QVERIFY(SocketAddress::sameEndpoint(rows.front().socket.local, listener.getSockName().value()));
        QVERIFY(SocketAddress::sameEndpoint(rows.front().socket.peer, client.getSockName().value()));
        QVERIFY(rows.front().socket.heldByNoProcess());

        // accept() makes its socket: the same tick it is the lab's, with no wait for the next ask.
        Accepted accepted = listener.accept().value();
        QVERIFY(kernelOnly.update(SocketSnapshot::take(*registry), 1).empty());

        // The lab closes its listener: the kernel's stale answer (it listed the listener as
        // the lab's) is not shown as another process's socket; the kernel is asked again.
        QVERIFY(listener.close());
        rows = kernelOnly.update(SocketSnapshot::take(*registry), 2);
        QVERIFY(rowsIn(rows, TCP_LISTEN).empty());
    }

    void liveFeedSpacesAsksByTheirCost()
    {
        // A live feed starts no ask before 20 times the last ask's cost has passed since it,
        // however the lab's sockets change meanwhile (a server making connections flat out
        // changes them at every tick), and shows the last answer until then: one queued
        // connection fewer here. Once that time has passed, it asks again.
        auto registry = std::make_shared<SocketRegistry>();
        KernelOnlySockets kernelOnly;
        kernelOnly.spaceAsksByCost(true);
        Socket listener = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "server"}).value();
        QVERIFY(listener.bind(SocketAddress::loopback(AF_INET, 0)));
        QVERIFY(listener.listen(8));
        std::vector<Socket> clients;
        const auto oneMoreClient = [&] {
            clients.push_back(Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "client"}).value());
            return bool(clients.back().connect(listener.getSockName().value()));
        };
        const auto established = [&](std::int64_t now) {
            return rowsIn(kernelOnly.update(SocketSnapshot::take(*registry), now), TCP_ESTABLISHED).size();
        };
        const std::int64_t start = 1000 * kSecondNs;
        QVERIFY(oneMoreClient());
        QCOMPARE(established(start), clients.size());  // the first update asks
        for (int i = 1; i <= 3; ++i) {  // each a nanosecond later: far less than 20 asks take
            QVERIFY(oneMoreClient());
            QCOMPARE(established(start + i), std::size_t(1));
        }
        // 10 s later: far more than 20 asks take, however many sockets this machine holds.
        QCOMPARE(established(start + 10 * kSecondNs), clients.size());
    }

    void theNewestConnectionsAreTheOnesKept()
    {
        // Only the kKept newest connections (each end counts) are the lab's: a server's TIME_WAIT
        // rows beyond them are left out, and the ones shown are the newest, not the oldest -
        // also when they came over several ticks, each seeing the earlier ones again.
        TimeWaitLab lab;
        KernelOnlySockets kernelOnly;
        QVERIFY(lab.listen());
        const auto newest = [&] {
            return std::set<std::uint16_t>(lab.clientPorts.end() - KernelOnlySockets::kKept / 2, lab.clientPorts.end());
        };
        QVERIFY(lab.addClosedPairs(KernelOnlySockets::kKept / 2 + 12));  // more than are kept, in one tick
        QCOMPARE(lab.timeWaitShown(kernelOnly, 0), newest());
        QVERIFY(lab.addClosedPairs(KernelOnlySockets::kKept / 4));  // a quarter more at the next
        QCOMPARE(lab.timeWaitShown(kernelOnly, KernelOnlySockets::kAskEveryNs), newest());  // a tick that asks again
    }

    void connectionsTheRegistryForgotStayTheLabs()
    {
        // The registry forgets closed sockets after a while; what was learned of them stays,
        // however many ticks see the same newer connections again.
        TimeWaitLab lab;
        KernelOnlySockets kernelOnly;
        QVERIFY(lab.listen());
        QVERIFY(lab.addClosedPairs(8));
        kernelOnly.update(SocketSnapshot::take(*lab.registry), 0);
        lab.registry->pruneClosedBefore(steadyNowNs() + 1);  // all eight pairs forgotten by the registry
        QVERIFY(lab.addClosedPairs(1));
        std::set<std::uint16_t> shown;
        for (std::int64_t tick = 1; tick <= std::int64_t(KernelOnlySockets::kKept); ++tick)
            shown = lab.timeWaitShown(kernelOnly, tick * KernelOnlySockets::kAskEveryNs);
        QCOMPARE(shown, std::set<std::uint16_t>(lab.clientPorts.begin(), lab.clientPorts.end()));
    }

    void aStaleAnswerNeverShowsTheLabsOwnSockets()
    {
        // A background dump runs a moment after its ask: a connection made in between is in
        // the answer but was not held when asked. Once the lab has closed it (Reset), the
        // answer is stale and the next ask not yet affordable: the lab's own socket must not
        // show as another program's ESTABLISHED one meanwhile.
        TimeWaitLab lab;
        KernelOnlySockets kernelOnly;
        kernelOnly.spaceAsksByCost(true);
        QVERIFY(lab.listen());
        const SocketSnapshot beforeConnecting = SocketSnapshot::take(*lab.registry);
        std::optional<TimeWaitLab::Pair> pair = lab.connectPair();
        QVERIFY(pair);
        const std::uint64_t inode = pair->server.record()->inode;
        const auto shows = [&](const std::vector<KernelOnlySocket> &rows) {
            return std::any_of(rows.begin(), rows.end(), [&](const KernelOnlySocket &r) { return r.socket.inode == inode; });
        };
        QVERIFY(shows(kernelOnly.update(beforeConnecting, 0)));  // asked with the listener alone held
        QVERIFY(pair->server.close() && pair->client.close() && lab.listener.close());
        QVERIFY(!shows(kernelOnly.update(SocketSnapshot::take(*lab.registry), 1)));  // 1 ns on: no new ask
    }

    void aClosedSocketAnotherProcessHoldsShows()
    {
        // ForkingTCPServer: the server closes its copy of the connection and the child goes on
        // with the same kernel socket. The lab's socket is closed; the row is the child's, and
        // it shows (here the other holder is a duplicate descriptor the lab does not know).
        TimeWaitLab lab;
        KernelOnlySockets kernelOnly;
        QVERIFY(lab.listen());
        std::optional<TimeWaitLab::Pair> pair = lab.connectPair();
        QVERIFY(pair);
        const std::uint64_t inode = pair->server.record()->inode;
        const int childsCopy = ::dup(pair->server.fileno());
        QVERIFY(childsCopy >= 0);
        QVERIFY(pair->server.close());
        const std::vector<KernelOnlySocket> rows = kernelOnly.update(SocketSnapshot::take(*lab.registry), 0);
        ::close(childsCopy);
        QVERIFY(std::any_of(rows.begin(), rows.end(), [&](const KernelOnlySocket &r) {
            return r.socket.inode == inode && r.kind == KernelOnlySocket::Kind::OtherProcess;
        }));
    }

    void ipv6ListenersQueueIsShown()
    {
        // IPv6 is asked about only once the lab has an IPv6 socket: then the queued connections
        // of its IPv6 listeners show, an IPv6 client's and an IPv4 client's alike (the kernel's
        // socket of an IPv4 client of an IPv6 listener is an IPv6 one, IPv4-mapped).
        REQUIRE_WITNESS(testsupport::ipv6Loopback(), "no IPv6 loopback (::1) on this machine");
        auto registry = std::make_shared<SocketRegistry>();
        const SocketContext server{nullptr, nullptr, registry, "server"}, client{nullptr, nullptr, registry, "client"};
        KernelOnlySockets kernelOnly;
        const auto listenOn = [&](const char *host) {
            Socket listener = Socket::create(AF_INET6, SOCK_STREAM, 0, server).value();
            const bool ok = listener.bind(SocketAddress::ipv6(host, 0).value()) && listener.listen(4);
            return ok ? std::move(listener) : Socket();
        };
        Socket native = listenOn("::1");
        Socket mapped = listenOn("::ffff:127.0.0.1");
        QVERIFY(native.isOpen() && mapped.isOpen());
        Socket v6 = Socket::create(AF_INET6, SOCK_STREAM, 0, client).value();
        QVERIFY(v6.connect(SocketAddress::loopback(AF_INET6, native.getSockName().value().port())));
        Socket v4 = Socket::create(AF_INET, SOCK_STREAM, 0, client).value();
        QVERIFY(v4.connect(SocketAddress::loopback(AF_INET, mapped.getSockName().value().port())));
        std::set<std::uint32_t> listeners;
        for (const KernelOnlySocket &row : kernelOnly.update(SocketSnapshot::take(*registry), 0)) {
            if (row.kind != Kind::NotAccepted)
                continue;
            QCOMPARE(row.socket.local.family(), AF_INET6);
            listeners.insert(row.listenerId);
        }
        QCOMPARE(listeners, (std::set<std::uint32_t>{native.id(), mapped.id()}));
    }

    void anotherConnectionOnTheClientsPortIsNotTheLabs()
    {
        // The kernel gives one local port to connections to different peers: the lab's
        // client and another program's socket, both bound to port P, each connected to a
        // server of its own. Only the lab's connection is the lab's; the other one, on the
        // same local address, is not shown (nor is its server's end).
        auto registry = std::make_shared<SocketRegistry>();
        KernelOnlySockets kernelOnly;
        Socket labServer = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "server"}).value();
        QVERIFY(labServer.bind(SocketAddress::loopback(AF_INET, 0)));
        QVERIFY(labServer.listen(1));
        Socket labClient = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "client"}).value();
        QVERIFY(labClient.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        QVERIFY(labClient.bind(SocketAddress::loopback(AF_INET, 0)));
        const SocketAddress shared = labClient.getSockName().value();
        QVERIFY(labClient.connect(labServer.getSockName().value()));
        Accepted accepted = labServer.accept().value();

        Socket otherServer = testsupport::boundLoopback(SOCK_STREAM, 1);
        Socket otherClient = Socket::create(AF_INET, SOCK_STREAM).value();
        QVERIFY(otherClient.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        QVERIFY(otherClient.bind(shared));
        QVERIFY(otherClient.connect(otherServer.getSockName().value()));
        QVERIFY(!kernelTcpSocketsOnPort(shared.port()).value().empty());

        QVERIFY(kernelOnly.update(SocketSnapshot::take(*registry), 0).empty());
    }

    // The window's way: the kernel asked on a thread of its own, its answer used one update
    // later; an answer from before accept() took the queued connection no longer lists it.
    void asksInTheBackground()
    {
        auto registry = std::make_shared<SocketRegistry>();
        KernelOnlySockets kernelOnly;
        kernelOnly.askInBackground(true);
        Socket listener = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "server"}).value();
        QVERIFY(listener.bind(SocketAddress::loopback(AF_INET, 0)));
        QVERIFY(listener.listen(5));
        Socket client = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "client"}).value();
        QVERIFY(client.connect(listener.getSockName().value()));

        // The first update asks and returns at once, with no answer yet; once the answer has
        // come (as a picture waits for it), the next update shows the queued connection.
        QVERIFY(kernelOnly.update(SocketSnapshot::take(*registry), steadyNowNs()).empty());
        QVERIFY(kernelOnly.waitForAnswer(std::chrono::seconds(5)));
        const std::vector<KernelOnlySocket> rows = kernelOnly.update(SocketSnapshot::take(*registry), steadyNowNs());
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows.front().kind, Kind::NotAccepted);
        QCOMPARE(rows.front().listenerId, listener.id());
        QCOMPARE(rows.front().peerId, client.id());

        // accept() makes the lab's socket of it: gone from the rows at the next update, while
        // the kernel is asked again in the background.
        Accepted accepted = listener.accept().value();
        QVERIFY(kernelOnly.update(SocketSnapshot::take(*registry), steadyNowNs()).empty());
        // Closing the listener with a connection still queued: its row goes at once too.
        Socket late = Socket::create(AF_INET, SOCK_STREAM, 0, {nullptr, nullptr, registry, "client"}).value();
        QVERIFY(late.connect(listener.getSockName().value()));
        QTRY_VERIFY_WITH_TIMEOUT(kernelOnly.update(SocketSnapshot::take(*registry), steadyNowNs()).size() == 1, 5000);
        QVERIFY(listener.close());
        QVERIFY(kernelOnly.update(SocketSnapshot::take(*registry), steadyNowNs()).empty());
    }

    // One question at a time: asked twice before the first is answered, only the answer to
    // the latest is taken, once.
    void askerAnswersTheLatestQuestionOnce()
    {
        Socket listener = Socket::create(AF_INET, SOCK_STREAM, 0).value();
        QVERIFY(listener.bind(SocketAddress::loopback(AF_INET, 0)));
        QVERIFY(listener.listen(5));
        const std::uint16_t port = listener.getSockName().value().port();
        KernelPortAsker asker;
        const std::uint64_t first = asker.ask({{1}});
        const std::uint64_t latest = asker.ask({{port}});
        QVERIFY(latest > first);
        QVERIFY(asker.isAsking());
        std::optional<KernelPortAsker::Answer> answer;
        // (QTRY_VERIFY evaluates once more at its end: the answer taken is kept.)
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value() || (answer = asker.take()).has_value(), 5000);
        QCOMPARE(answer->question, latest);
        QVERIFY(answer->rows.has_value());
        QVERIFY(std::any_of(answer->rows->begin(), answer->rows->end(),
                            [&](const KernelTcpSocket &row) { return row.isListening() && row.local.port() == port; }));
        QVERIFY(!asker.take());
        QVERIFY(!asker.isAsking());
    }

    void kindFromTheKernelsRow()
    {
        KernelTcpSocket s;
        s.tcpState = TCP_TIME_WAIT;
        QCOMPARE(KernelOnlySockets::kindOf(s), Kind::TimeWait);
        s.tcpState = TCP_FIN_WAIT2;
        QCOMPARE(KernelOnlySockets::kindOf(s), Kind::Orphan);
        s.tcpState = TCP_LAST_ACK;
        QCOMPARE(KernelOnlySockets::kindOf(s), Kind::Orphan);
        s.tcpState = TCP_SYN_RECV;
        QCOMPARE(KernelOnlySockets::kindOf(s), Kind::Handshake);
        s.tcpState = TCP_CLOSE_WAIT;
        QCOMPARE(KernelOnlySockets::kindOf(s), Kind::NotAccepted);
        s.inode = 42;  // a process holds it
        QCOMPARE(KernelOnlySockets::kindOf(s), Kind::OtherProcess);
    }
};

QTEST_GUILESS_MAIN(TestKernelOnlySockets)
#include "tst_kernelonlysockets.moc"
