// KernelOnlySockets: the lab's endpoints learned from snapshots, one kernel dump filtered to
// their ports when due, and the rows that no open socket of the lab accounts for.
#include "KernelOnlySockets.h"

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

std::vector<std::uint64_t> openInodes(const SocketSnapshot &snapshot)
{
    std::vector<std::uint64_t> held;
    for (const SocketSample &s : snapshot.sockets()) {
        if (s.isOpen() && s.inode != 0)
            held.push_back(s.inode);
    }
    std::sort(held.begin(), held.end());
    return held;
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

void KernelOnlySockets::learn(const SocketSnapshot &snapshot)
{
    for (const SocketSample &s : snapshot.sockets()) {
        if (!isTcp(*s.record) || !s.local.isValid() || s.local.port() == 0)
            continue;
        const auto known = std::find_if(m_endpoints.begin(), m_endpoints.end(),
                                        [&](const SocketAddress &a) { return SocketAddress::sameEndpoint(a, s.local); });
        if (known != m_endpoints.end())
            continue;
        if (m_endpoints.size() == kEndpointsKept)
            m_endpoints.erase(m_endpoints.begin());
        m_endpoints.push_back(s.local);
    }
}

bool KernelOnlySockets::isLabs(const KernelTcpSocket &row) const
{
    return std::any_of(m_endpoints.begin(), m_endpoints.end(), [&](const SocketAddress &a) { return covers(a, row.local); });
}

void KernelOnlySockets::ask(std::int64_t nowNs)
{
    std::vector<std::uint16_t> ports;
    for (const SocketAddress &a : m_endpoints) {
        if (std::find(ports.begin(), ports.end(), a.port()) == ports.end())
            ports.push_back(a.port());
    }
    m_answer.clear();
    m_askedNs = nowNs;
    m_asked = true;
    auto found = kernelTcpSocketsOnPorts(ports);
    if (!found)
        return;  // no sock_diag here: the lab's own rows are all there is to show
    for (KernelTcpSocket &row : *found) {
        if (isLabs(row))  // the kernel matched the port at either end; ours are those on our addresses
            m_answer.push_back(std::move(row));
    }
}

const std::vector<KernelOnlySocket> &KernelOnlySockets::update(const SocketSnapshot &snapshot, std::int64_t nowNs)
{
    learn(snapshot);
    m_rows.clear();
    if (m_endpoints.empty())
        return m_rows;
    std::vector<std::uint64_t> held = openInodes(snapshot);
    // A socket the lab closed since the last answer would show as another program's: ask again.
    if (!m_asked || nowNs - m_askedNs >= kAskEveryNs || held != m_held) {
        ask(nowNs);
        m_held = std::move(held);
    }

    const std::int64_t sinceAskedMs = (nowNs - m_askedNs) / 1'000'000;
    for (const KernelTcpSocket &row : m_answer) {
        if (row.inode != 0 && std::binary_search(m_held.begin(), m_held.end(), row.inode))
            continue;
        KernelOnlySocket shown{kindOf(row), row, 0, 0};
        if (shown.socket.timerMs >= 0)
            shown.socket.timerMs = std::max<std::int64_t>(0, shown.socket.timerMs - sinceAskedMs);
        for (const SocketSample &s : snapshot.sockets()) {
            if (!s.isOpen() || !isTcp(*s.record))
                continue;
            if (s.state == SocketState::Listening && covers(s.local, row.local))
                shown.listenerId = s.id;
            else if (!row.isListening() && SocketAddress::sameEndpoint(s.local, row.peer))
                shown.peerId = s.id;
        }
        m_rows.push_back(std::move(shown));
    }
    return m_rows;
}

void KernelOnlySockets::forget()
{
    m_endpoints.clear();
    m_answer.clear();
    m_held.clear();
    m_rows.clear();
    m_asked = false;
}

} // namespace socketlab
