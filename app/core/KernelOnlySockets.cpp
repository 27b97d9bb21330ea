// KernelOnlySockets: the lab's listening addresses and connections learned from snapshots, one kernel dump filtered to
// their ports when due, and the rows that no open socket of the lab accounts for.
#include "KernelOnlySockets.h"

#include "Clock.h"
#include "SocketSnapshot.h"

#include <algorithm>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace socketlab {
namespace {

bool isTcp(const SocketRecord &r)
{
    return (r.family == AF_INET || r.family == AF_INET6) && r.type == SOCK_STREAM;
}

// The address a socket is on: the same endpoint, or a wildcard bound to its port.
bool covers(const SocketAddress &bound, const SocketAddress &endpoint)
{
    return SocketAddress::sameEndpoint(bound, endpoint) || (bound.isWildcard() && bound.port() == endpoint.port());
}

// The lab's sockets by inode, sorted, in one walk of the snapshot: those open now, and all of
// them, open or closed.
void labInodes(const SocketSnapshot &snapshot, std::vector<std::uint64_t> &open, std::vector<std::uint64_t> &all)
{
    for (const SocketSample &s : snapshot.sockets()) {
        if (s.inode == 0)
            continue;
        all.push_back(s.inode);
        if (s.isOpen())
            open.push_back(s.inode);
    }
    std::sort(open.begin(), open.end());
    std::sort(all.begin(), all.end());
}

} // namespace

KernelOnlySocket::Kind KernelOnlySockets::kindOf(const KernelTcpSocket &socket)
{
    using Kind = KernelOnlySocket::Kind;
    if (!socket.heldByNoProcess())
        return Kind::OtherProcess;
    switch (socket.tcpState) {
    case TCP_TIME_WAIT: return Kind::TimeWait;
    case TCP_SYN_RECV: return Kind::Handshake;
    case TCP_ESTABLISHED:
    case TCP_CLOSE_WAIT: return Kind::NotAccepted;  // a closed socket never stays in these
    default: return Kind::Orphan;
    }
}

namespace {

// Appends each item unless known, oldest first; when more than limit are kept the oldest
// go. As appending one at a time and dropping the oldest whenever full would (an item
// dropped earlier in the batch is not known any more), with one erase for the batch: a busy
// server brings kKept new connections a tick, and erasing the front of the kept vector for
// each moved it all each time.
template <typename T, typename Same, typename Items>
void rememberAll(std::vector<T> &kept, const Items &items, std::size_t limit, Same same)
{
    for (const T &item : items) {
        const auto window = kept.end() - static_cast<std::ptrdiff_t>(std::min(kept.size(), limit));
        if (std::none_of(window, kept.end(), [&](const T &k) { return same(k, item); }))
            kept.push_back(item);
    }
    if (kept.size() > limit)
        kept.erase(kept.begin(), kept.end() - static_cast<std::ptrdiff_t>(limit));
}

bool sameConnection(const KernelOnlySockets::Connection &a, const KernelOnlySockets::Connection &b)
{
    return SocketAddress::sameEndpoint(a.local, b.local) && SocketAddress::sameEndpoint(a.peer, b.peer);
}

} // namespace

void KernelOnlySockets::learn(const SocketSnapshot &snapshot)
{
    // Two IP endpoints on different ports are never the same: the ports, compared first, spare
    // the full comparison for nearly every pair.
    const auto sameAddress = [](const SocketAddress &a, const SocketAddress &b) {
        return a.port() == b.port() && SocketAddress::sameEndpoint(a, b);
    };
    const auto sameConnectionFast = [](const Connection &a, const Connection &b) {
        return a.local.port() == b.local.port() && a.peer.port() == b.peer.port() && sameConnection(a, b);
    };
    // Newest first (the registry lists sockets as they were made), and only until kKept
    // connections are found: only the most recent kKept are kept anyway, and a busy server's
    // snapshot holds thousands of closed ones, each once checked against every connection kept,
    // every tick (a tenth of the feed's work under a threading server's load).
    std::vector<SocketAddress> listening;  // newest first, as below
    std::vector<Connection> connections;
    const std::vector<SocketSample> &sockets = snapshot.sockets();
    for (auto s = sockets.rbegin(); s != sockets.rend(); ++s) {
        if (!isTcp(*s->record) || !s->local.isValid() || s->local.port() == 0)
            continue;
        if (s->state == SocketState::Listening) {
            if (listening.size() < kKept)
                listening.push_back(s->local);
        } else if (connections.size() < kKept && s->peer.isValid() && s->peer.port() != 0) {
            const Connection c{s->local, s->peer};
            if (std::none_of(connections.begin(), connections.end(), [&](const Connection &n) { return sameConnectionFast(n, c); }))
                connections.push_back(c);
        }
    }
    // Oldest first into what is kept, as they were made.
    std::reverse(listening.begin(), listening.end());
    std::reverse(connections.begin(), connections.end());
    rememberAll(m_listening, listening, kKept, sameAddress);
    rememberAll(m_connections, connections, kKept, sameConnectionFast);
}

bool KernelOnlySockets::isLabs(const KernelTcpSocket &row) const
{
    return std::any_of(m_listening.begin(), m_listening.end(), [&](const SocketAddress &a) { return covers(a, row.local); })
        || std::any_of(m_connections.begin(), m_connections.end(),
                       [&](const Connection &c) { return sameConnection(c, Connection{row.local, row.peer}); });
}

void KernelOnlySockets::askInBackground(bool on)
{
    if (on && !m_asker)
        m_asker = std::make_unique<KernelPortAsker>();
    else if (!on)
        m_asker.reset();
    m_question = 0;
}

bool KernelOnlySockets::waitForAnswer(std::chrono::milliseconds limit) const
{
    return !m_asker || m_question == 0 || m_asker->waitForAnswer(limit);
}

void KernelOnlySockets::ask(std::int64_t nowNs, std::vector<std::uint64_t> held, std::vector<std::uint64_t> known)
{
    std::vector<std::uint16_t> ports;
    const auto addPort = [&](std::uint16_t port) {
        if (std::find(ports.begin(), ports.end(), port) == ports.end())
            ports.push_back(port);
    };
    // Each family is a walk of every TCP socket of the machine. A row of the lab's is of the
    // family of a listener or connection of the lab (a dual-stack listener's IPv4 clients are
    // IPv6 sockets on its side), so IPv6 is asked about only once the lab has an IPv6 socket.
    bool ipv6 = false;
    for (const SocketAddress &a : m_listening) {
        addPort(a.port());
        ipv6 = ipv6 || a.family() == AF_INET6;
    }
    for (const Connection &c : m_connections) {
        addPort(c.local.port());
        ipv6 = ipv6 || c.local.family() == AF_INET6;
    }
    const std::vector<int> families = ipv6 ? kInetFamilies : std::vector<int>{AF_INET};
    m_askedNs = nowNs;
    m_asked = true;
    if (m_asker) {
        m_question = m_asker->ask({std::move(ports), families});
        m_heldAsked = std::move(held);
        m_knownAsked = std::move(known);
        return;
    }
    const std::int64_t startedNs = steadyNowNs();
    auto found = kernelTcpSocketsOnPorts(ports, ~0u, families);
    m_held = std::move(held);
    m_known = std::move(known);
    keepAnswer(found ? std::move(*found) : std::vector<KernelTcpSocket>{}, steadyNowNs() - startedNs, nowNs);
}  // without sock_diag the lab's own rows are all there is to show

void KernelOnlySockets::keepAnswer(std::vector<KernelTcpSocket> found, std::int64_t costNs, std::int64_t askedNs)
{
    m_answerAskedNs = askedNs;
    m_answer.clear();
    for (KernelTcpSocket &row : found) {
        if (isLabs(row))  // the kernel matched the port at either end; ours are those isLabs() says
            m_answer.push_back(std::move(row));
    }
    m_askCostNs = costNs;
}

void KernelOnlySockets::takeAnswer()
{
    if (!m_asker || m_question == 0)
        return;
    std::optional<KernelPortAsker::Answer> answer = m_asker->take();
    if (!answer || answer->question != m_question)
        return;
    m_question = 0;
    m_held = std::move(m_heldAsked);
    m_known = std::move(m_knownAsked);
    keepAnswer(answer->rows ? std::move(*answer->rows) : std::vector<KernelTcpSocket>{}, answer->costNs, m_askedNs);
}

const std::vector<KernelOnlySocket> &KernelOnlySockets::update(const SocketSnapshot &snapshot, std::int64_t nowNs)
{
    learn(snapshot);
    takeAnswer();
    m_rows.clear();
    if (m_listening.empty() && m_connections.empty())
        return m_rows;
    std::vector<std::uint64_t> held, known;
    labInodes(snapshot, held, known);
    // A socket the lab closed since the last answer would show as another program's: ask again.
    const bool changed = held != m_held;  // since the kept answer was asked for
    const bool due = nowNs - m_askedNs >= kAskEveryNs;
    const bool affordable = !m_spaceAsksByCost || nowNs - m_askedNs >= kAskCostShare * m_askCostNs;
    const bool waiting = m_question != 0;  // for the background answer to the last ask
    bool answeredNow = false;
    if (!waiting && (!m_asked || (affordable && (due || changed)))) {
        ask(nowNs, std::move(held), known);
        answeredNow = !m_asker;  // asked on this thread: the answer is about this moment
    }
    // An answer from before the lab's sockets changed (the next is coming, or not due yet):
    // what the lab has done since shows already (a Reset closed the listener and its queue
    // with it; accept() took a queued connection): leave out the rows that cannot be there.
    const bool stale = changed && !answeredNow;

    const std::int64_t sinceAskedMs = (nowNs - m_answerAskedNs) / 1'000'000;
    // The lab's open TCP sockets, in snapshot order: a busy server's snapshot also lists
    // thousands of closed ones (they linger a few seconds), and its port thousands of rows.
    std::vector<const SocketSample *> open;
    for (const SocketSample &s : snapshot.sockets()) {
        if (s.isOpen() && isTcp(*s.record))
            open.push_back(&s);
    }
    // A row of a socket the lab held open when asked is the lab's own: its row shows it. So is
    // one of a socket the lab made after the ask: a background dump runs a moment after its
    // ask, so a connection made in between is in the answer but not in the held set, and once
    // the lab has closed it (Reset) it would show as another program's ESTABLISHED socket until
    // the next ask. A socket the lab had closed by the ask and another process still holds (a
    // forked child's connection) is that process's: it shows.
    const auto in = [](const std::vector<std::uint64_t> &sorted, std::uint64_t inode) {
        return std::binary_search(sorted.begin(), sorted.end(), inode);
    };
    const auto isLabsOwn = [&](std::uint64_t inode) {
        return inode != 0 && (in(m_held, inode) || (in(known, inode) && !in(m_known, inode)));
    };
    for (const KernelTcpSocket &row : m_answer) {
        if (isLabsOwn(row.inode))
            continue;
        KernelOnlySocket shown{kindOf(row), row, 0, 0};
        if (shown.socket.timerMs >= 0)
            shown.socket.timerMs = std::max<std::int64_t>(0, shown.socket.timerMs - sinceAskedMs);
        bool nowTheLabs = false;  // one of the lab's open sockets is this connection now
        for (const SocketSample *s : open) {
            if (s->state == SocketState::Listening && covers(s->local, row.local))
                shown.listenerId = s->id;
            else if (!row.isListening() && SocketAddress::sameEndpoint(s->local, row.peer))
                shown.peerId = s->id;
            else if (stale && !row.isListening() && SocketAddress::sameEndpoint(s->local, row.local)
                     && SocketAddress::sameEndpoint(s->peer, row.peer))
                nowTheLabs = true;
        }
        const bool queued = shown.kind == KernelOnlySocket::Kind::NotAccepted || shown.kind == KernelOnlySocket::Kind::Handshake;
        if (stale && (nowTheLabs || (queued && shown.listenerId == 0)))
            continue;
        m_rows.push_back(std::move(shown));
    }
    return m_rows;
}

void KernelOnlySockets::forget()
{
    m_listening.clear();
    m_connections.clear();
    m_answer.clear();
    m_held.clear();
    m_rows.clear();
    m_asked = false;
    m_question = 0;  // an answer still coming is about another lab's ports
    m_heldAsked.clear();
    m_known.clear();
    m_knownAsked.clear();
}

} // namespace socketlab
