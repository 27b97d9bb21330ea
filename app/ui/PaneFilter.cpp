// PaneFilter: the sockets of hidden panes, and their peers, left out of a tick.
#include "PaneFilter.h"

#include <QStringList>

#include <map>
#include <set>

using namespace socketlab;

void PaneFilter::setHidden(const QString &pane, bool hidden)
{
    if (hidden)
        m_hidden.insert(pane.toStdString());
    else
        m_hidden.erase(pane.toStdString());
}

QStringList PaneFilter::hiddenPanes() const
{
    QStringList panes;
    for (const std::string &p : m_hidden)
        panes << QString::fromStdString(p);
    return panes;
}

void PaneFilter::clear()
{
    m_hidden.clear();
    m_hiddenOnce.clear();
    m_openSockets.clear();
    m_peerPanes.clear();
}

bool PaneFilter::isShown(const SocketSnapshot &sockets, std::uint32_t socketId) const
{
    const SocketSample *s = sockets.find(socketId);
    if (!s)
        return false;  // closed and gone before its events were read: nobody's to show
    if (m_hidden.count(s->record->owner))
        return false;
    if (const SocketSample *peer = sockets.find(s->peerId))
        return !m_hidden.count(peer->record->owner);
    const auto remembered = m_peerPanes.find(socketId);
    return remembered == m_peerPanes.end() || !m_hidden.count(remembered->second);
}

void PaneFilter::rememberPeers(const SocketSnapshot &sockets)
{
    std::map<std::uint32_t, std::string> kept;  // only sockets still in the snapshot
    for (const SocketSample &s : sockets.sockets()) {
        if (const SocketSample *peer = sockets.find(s.peerId))
            kept[s.id] = peer->record->owner;
        else if (const auto before = m_peerPanes.find(s.id); before != m_peerPanes.end())
            kept.insert(*before);
    }
    m_peerPanes.swap(kept);
}

// A crowd of clients (a load pane) is hidden by itself, and the server's connections to it
// go with it. A pane that listens never is: it is the server the learner watches, and its
// crowd is the crowd of clients, which this hides. A pane's crowd is every row it puts in
// the views: its open sockets, the other panes' open sockets connected to them (the server's
// accepted connections) and the kernel's rows of its connections (queued for accept()).
// Counting its own sockets alone let 24 clients bring 48 rows and more before it was hidden.
void PaneFilter::hideCrowded(const RunTick &tick)
{
    std::map<std::string, int> rows;
    std::set<std::string> listening;
    const auto shownOpenOwner = [&](std::uint32_t id) -> const std::string * {
        const SocketSample *s = tick.sockets.find(id);
        return s && s->isOpen() && isShown(tick.sockets, id) ? &s->record->owner : nullptr;
    };
    for (const SocketSample &s : tick.sockets.sockets()) {
        if (s.state == SocketState::Listening)
            listening.insert(s.record->owner);
        if (!s.isOpen() || !isShown(tick.sockets, s.id))
            continue;
        ++rows[s.record->owner];
        const std::string *peerOwner = shownOpenOwner(s.peerId);
        if (peerOwner && *peerOwner != s.record->owner)
            ++rows[*peerOwner];
    }
    for (const KernelOnlySocket &row : tick.kernelOnly) {
        if (const std::string *peerOwner = shownOpenOwner(row.peerId))
            ++rows[*peerOwner];
    }
    for (const auto &[id, count] : rows) {
        if (count > kCrowded && !listening.count(id) && !m_hiddenOnce.count(id)) {
            m_hiddenOnce.insert(id);
            m_hidden.insert(id);
            m_hidBySelf = true;
        }
    }
}

const RunTick &PaneFilter::apply(const RunTick &tick)
{
    rememberPeers(tick.sockets);
    m_openSockets.clear();
    for (const SocketSample &s : tick.sockets.sockets()) {
        int &open = m_openSockets[QString::fromStdString(s.record->owner)];
        open += s.isOpen() ? 1 : 0;
    }
    hideCrowded(tick);
    if (m_hidden.empty())
        return tick;

    m_sockets = tick.sockets.filtered([&](const SocketSample &s) { return isShown(tick.sockets, s.id); });
    m_events.clear();
    for (const TraceEvent &e : tick.events) {
        if (e.socketId == 0 || !isShown(tick.sockets, e.socketId))
            continue;  // socket() before it has a socket: whose it is, is not known yet
        TraceEvent shown = e;
        if (shown.relatedSocketId != 0 && !isShown(tick.sockets, shown.relatedSocketId))
            shown.relatedSocketId = 0;  // accept() of a hidden connection: no lifeline for it
        m_events.push_back(shown);
    }
    // The kernel's rows of a hidden pane's connections (a client's TIME_WAIT, a queued
    // connection of a hidden client) go with them.
    m_kernelOnly.clear();
    for (const KernelOnlySocket &row : tick.kernelOnly) {
        if (row.peerId == 0 || isShown(tick.sockets, row.peerId))
            m_kernelOnly.push_back(row);
    }
    m_tick.clear();
    m_tick.push_back(RunTick{m_events, m_sockets, tick.nowNs, m_kernelOnly});
    return m_tick.front();
}
