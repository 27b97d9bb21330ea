// Which panes' sockets the live views show. A lab with a load pane of 200 scripted clients
// would bury the server and the clients a learner types into under hundreds of rows and
// lifelines. Hiding a pane hides its sockets and the sockets connected to them (the server's
// connections to those clients), in every view at once, from the events as from the socket
// snapshot, so the views still agree with each other.
#pragma once

#include <RunFeed.h>

#include <QString>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

class PaneFilter {
public:
    // A pane that puts more rows in view than this (its open sockets, the server's connections
    // to them, their queued connections) is hidden when it first grows past it (a load pane of
    // clients; never a pane that listens, whose connections to the hidden clients go with
    // them); the learner may show it again.
    static constexpr int kCrowded = 24;

    void setHidden(const QString &pane, bool hidden);
    bool isHidden(const QString &pane) const { return m_hidden.count(pane.toStdString()) != 0; }
    bool isActive() const { return !m_hidden.empty(); }
    QStringList hiddenPanes() const;
    void clear();  // another lab: every pane shown, none hidden by itself yet

    // The tick the views are fed: this one when nothing is hidden, else a filtered copy that
    // stays valid until the next call. Counts each pane's open sockets, and hides a pane
    // that has just grown crowded (kCrowded).
    const RunTick &apply(const RunTick &tick);
    // The panes seen in the last tick, with their open sockets (hidden or not), in order.
    const std::map<QString, int> &openSockets() const { return m_openSockets; }
    // Whether apply() hid a pane since the last call (the views should start afresh).
    bool takeHiddenByItself() { return std::exchange(m_hidBySelf, false); }

private:
    bool isShown(const socketlab::SocketSnapshot &sockets, std::uint32_t socketId) const;
    void hideCrowded(const RunTick &tick);
    void rememberPeers(const socketlab::SocketSnapshot &sockets);

    std::set<std::string> m_hidden;
    std::set<std::string> m_hiddenOnce;  // hidden for being crowded: not hidden again by itself
    bool m_hidBySelf = false;
    std::map<QString, int> m_openSockets;
    // Each socket's peer's pane, kept after the peer has left the snapshot: a server's closed
    // connection to a hidden client stays hidden when the client's socket is gone first.
    std::map<std::uint32_t, std::string> m_peerPanes;
    std::vector<socketlab::TraceEvent> m_events;
    socketlab::SocketSnapshot m_sockets;
    std::vector<socketlab::KernelOnlySocket> m_kernelOnly;
    std::vector<RunTick> m_tick;  // the filtered tick (RunTick holds references: rebuilt each time)
};
