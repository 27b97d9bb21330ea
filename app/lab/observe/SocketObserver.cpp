#include "SocketObserver.h"

#include <Clock.h>
#include <ForeignSockets.h>
#include <KernelSocketRows.h>
#include <ProcessSockets.h>

#include <QCoreApplication>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unordered_set>

using namespace socketlab;

namespace {

// Our names for the kernel's states, as the table shows a lab's own sockets.
SocketState stateOfInet(const KernelTcpSocket &s)
{
    if (s.protocol == IPPROTO_UDP)
        return s.tcpState == TCP_ESTABLISHED ? SocketState::Connected : SocketState::Bound;
    switch (s.tcpState) {
    case TCP_LISTEN: return SocketState::Listening;
    case TCP_SYN_SENT:
    case TCP_SYN_RECV: return SocketState::Connecting;
    case TCP_ESTABLISHED: return SocketState::Connected;
    case TCP_CLOSE_WAIT:
    case TCP_LAST_ACK: return SocketState::PeerClosed;
    case TCP_FIN_WAIT1:
    case TCP_FIN_WAIT2:
    case TCP_CLOSING: return SocketState::ShutDown;
    case TCP_CLOSE: return s.local.port() ? SocketState::Bound : SocketState::Created;
    default: return SocketState::Connected;
    }
}

SocketState stateOfUnix(const KernelUnixSocket &s)
{
    switch (s.state) {
    case TCP_LISTEN: return SocketState::Listening;
    case TCP_SYN_SENT: return SocketState::Connecting;
    case TCP_ESTABLISHED: return SocketState::Connected;
    default: return s.isBound() ? SocketState::Bound : SocketState::Created;
    }
}

std::int64_t elapsedSince(std::int64_t startNs)
{
    return steadyNowNs() - startNs;
}

} // namespace

SocketObserver::SocketObserver(ObserveTarget target, std::shared_ptr<SocketRegistry> registry, QObject *parent)
    : QObject(parent), m_target(target), m_registry(std::move(registry))
{
}

SocketObserver::~SocketObserver()
{
    stop();
}

QString SocketObserver::ownerText(long pid)
{
    if (pid <= 0)
        return QCoreApplication::translate("SocketObserver", "another user's process");
    const QString name = QString::fromStdString(processName(pid));
    return name.isEmpty() ? QString::number(pid) : QStringLiteral("%1 (%2)").arg(name).arg(pid);
}

void SocketObserver::start(int intervalMs)
{
    if (m_thread.joinable())
        return;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread([this, intervalMs] { run(intervalMs); });
}

void SocketObserver::stop()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void SocketObserver::refreshNow()
{
    if (!m_thread.joinable())
        refresh();
}

QString SocketObserver::problem() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_problem;
}

ObserverTimings SocketObserver::timings() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_timings;
}

void SocketObserver::run(int intervalMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        refresh();
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(intervalMs), [this] { return m_stopping; });
    }
}

void SocketObserver::refresh()
{
    const std::int64_t startNs = steadyNowNs();
    const bool ofProcess = m_target.kind == ObserveTarget::Kind::Process;
    const bool processGone = ofProcess && !processExists(long(m_target.pid));
    Result<KernelSocketRows> rows = KernelSocketRows{};
    if (!processGone) {
        rows = ofProcess ? kernelSocketsWithInodes(socketInodesOfProcess(long(m_target.pid)))
                         : kernelSocketsOnPort(m_target.port);
    }
    if (!rows) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_problem = QCoreApplication::translate("SocketObserver", "The kernel's socket tables cannot be read here (sock_diag): %1")
                        .arg(QString::fromStdString(rows.error().message()));
        return;  // the rows stay as they were: nothing is known to have closed
    }

    // Who holds the sockets seen for the first time: the observed process, or for a port
    // whichever process /proc says (read only when such a socket appears).
    std::unordered_set<std::uint64_t> seen, unknown;
    for (const KernelTcpSocket &s : rows->inetSockets)
        seen.insert(s.inode);
    for (const KernelUnixSocket &s : rows->unixSockets)
        seen.insert(s.inode);
    for (const std::uint64_t inode : seen) {
        if (!m_records.count(inode))
            unknown.insert(inode);
    }
    std::unordered_map<std::uint64_t, long> owners;
    if (!unknown.empty() && !ofProcess) {
        const std::int64_t scanStartNs = steadyNowNs();
        owners = socketOwners(unknown);
        const std::int64_t scanNs = elapsedSince(scanStartNs);
        const std::lock_guard<std::mutex> lock(m_mutex);
        ++m_timings.ownerScans;
        m_timings.lastOwnerScanNs = scanNs;
        m_timings.longestOwnerScanNs = std::max(m_timings.longestOwnerScanNs, scanNs);
    }
    const auto recordFor = [&](std::uint64_t inode, int family, int type) {
        auto found = m_records.find(inode);
        if (found != m_records.end())
            return found->second;
        long pid = long(m_target.pid);
        if (!ofProcess) {
            const auto owner = owners.find(inode);
            pid = owner == owners.end() ? 0 : owner->second;
        }
        auto made = SocketRecord::foreign(family, type, ownerText(pid).toStdString(), inode);
        made->markCallsUnseen();
        m_registry->add(made);
        m_records.emplace(inode, made);
        return made;
    };

    for (const KernelTcpSocket &s : rows->inetSockets) {
        const auto record = recordFor(s.inode, s.local.family(), s.protocol == IPPROTO_UDP ? SOCK_DGRAM : SOCK_STREAM);
        record->setEndpoints(s.local, s.peer);
        record->state.store(stateOfInet(s), std::memory_order_release);
    }
    // A Unix socket's name, as an endpoint: its path, or unnamed (a socketpair's end, a
    // client's, an abstract name, which has no path to show).
    std::unordered_map<std::uint64_t, SocketAddress> names;
    for (const KernelUnixSocket &s : rows->unixSockets) {
        const std::optional<SocketAddress> bound = s.path.empty() ? std::nullopt : SocketAddress::unixPath(s.path);
        names.emplace(s.inode, bound ? *bound : SocketAddress::unnamedUnix());
    }
    for (const KernelUnixSocket &s : rows->unixSockets) {
        const auto record = recordFor(s.inode, AF_UNIX, s.type);
        SocketAddress peer;
        if (s.peerInode != 0) {
            const auto named = names.find(s.peerInode);
            peer = named != names.end() ? named->second : SocketAddress::unnamedUnix();
        }
        record->setEndpoints(names.at(s.inode), peer);
        record->state.store(stateOfUnix(s), std::memory_order_release);
    }

    const std::int64_t now = steadyNowNs();
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (seen.count(it->first)) {
            ++it;
            continue;
        }
        it->second->closedAtNs.store(now, std::memory_order_relaxed);
        it->second->state.store(SocketState::Closed, std::memory_order_release);
        it = m_records.erase(it);
    }
    m_openCount.store(m_records.size(), std::memory_order_release);

    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_problem.clear();
        ++m_timings.refreshes;
        m_timings.lastRefreshNs = elapsedSince(startNs);
    }
    if (processGone && !m_gone.exchange(true, std::memory_order_acq_rel))
        emit processExited();
}
