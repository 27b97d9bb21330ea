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
// crowd is the crowd of clients, which this hides.
void PaneFilter::hideCrowded(const SocketSnapshot &sockets)
{
    std::map<std::string, int> open;
    std::set<std::string> listening;
    for (const SocketSample &s : sockets.sockets()) {
        if (s.state == SocketState::Listening)
            listening.insert(s.record->owner);
        if (s.isOpen() && isShown(sockets, s.id))
            ++open[s.record->owner];
    }
    for (const auto &[id, count] : open) {
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
    hideCrowded(tick.sockets);
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
