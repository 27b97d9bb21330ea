#include "KernelOnlySockets.h"

#include <SocketRecord.h>
#include <SocketSnapshot.h>

using namespace socketlab;

namespace {

bool isTcp(const SocketSample &s)
{
    const SocketKind kind = socketKind(s.record->family, s.record->type);
    return kind == SocketKind::Tcp || kind == SocketKind::Tcp6;
}

// The open listening socket a connection to `target` reaches, if it is one of the lab's.
const SocketSample *listenerFor(const SocketSnapshot &sockets, const SocketAddress &target)
{
    for (const SocketSample &s : sockets.sockets()) {
        if (s.isOpen() && s.state == SocketState::Listening && isTcp(s) && s.local.family() == target.family()
            && s.local.port() == target.port() && (s.local.isWildcard() || SocketAddress::sameEndpoint(s.local, target)))
            return &s;
    }
    return nullptr;
}

bool sameEntries(const std::vector<KernelOnlySockets::Entry> &a, const std::vector<KernelOnlySockets::Entry> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const KernelConnection &x = a[i].kernel, &y = b[i].kernel;
        if (a[i].kind != b[i].kind || a[i].local != b[i].local || a[i].peer != b[i].peer || x.tcpState != y.tcpState
            || x.receiveQueue != y.receiveQueue || x.sendQueue != y.sendQueue)
            return false;
    }
    return true;
}

} // namespace

void KernelOnlySockets::clear()
{
    m_children.clear();
    m_entries.clear();
}

bool KernelOnlySockets::update(const std::vector<TraceEvent> &events, const SocketSnapshot &sockets)
{
    for (const TraceEvent &e : events) {
        if (e.call == TraceCall::ChildStarted && e.relatedSocketId != 0 && m_children.size() < kMaxChildren) {
            const SocketSample *server = sockets.find(e.socketId);
            m_children[e.result] = Child{e.relatedSocketId, server ? QString::fromStdString(server->record->owner) : QString(), 0, 0, {}, {}};
        } else if (e.call == TraceCall::ChildExited) {
            m_children.erase(e.result);
        }
    }
    std::vector<Entry> entries;
    addInChildren(sockets, entries);
    addNotAccepted(sockets, entries);
    const bool changed = !sameEntries(entries, m_entries);
    m_entries = std::move(entries);
    return changed;
}

void KernelOnlySockets::addInChildren(const SocketSnapshot &sockets, std::vector<Entry> &out)
{
    for (auto &[pid, child] : m_children) {
        if (!child.local.isValid()) {
            const SocketSample *record = sockets.find(child.connectionId);
            if (!record || !record->local.isValid() || !record->peer.isValid())
                continue;
            child.local = record->local;
            child.peer = record->peer;
            child.family = record->record->family;
            child.type = record->record->type;
        }
        const SocketSample *parentCopy = sockets.find(child.connectionId);
        if (parentCopy && parentCopy->isOpen())
            continue;  // the parent's copy is still open: the socket table shows it as it is
        if (const std::optional<KernelConnection> k = findKernelConnection(child.local, child.peer)) {
            Entry e;
            e.kind = Kind::InChild;
            e.connectionId = child.connectionId;
            e.childPid = pid;
            e.owner = child.owner;
            e.family = child.family;
            e.type = child.type;
            e.local = child.local;
            e.peer = child.peer;
            e.kernel = *k;
            out.push_back(std::move(e));
        }
    }
}

void KernelOnlySockets::addNotAccepted(const SocketSnapshot &sockets, std::vector<Entry> &out) const
{
    for (const SocketSample &client : sockets.sockets()) {
        if (!client.isOpen() || !isTcp(client) || client.peerId != 0 || !client.peer.isValid() || !client.local.isValid()
            || (client.state != SocketState::Connected && client.state != SocketState::ShutDown))
            continue;
        const SocketSample *listener = listenerFor(sockets, client.peer);
        if (!listener)
            continue;
        const std::optional<KernelConnection> k = findKernelConnection(client.peer, client.local);
        if (!k || !k->queuedForAccept)  // a child's copy, or an end the server accepted and closed
            continue;
        Entry e;
        e.kind = Kind::NotAccepted;
        e.listenerId = listener->id;
        e.clientId = client.id;
        e.owner = QString::fromStdString(listener->record->owner);
        e.family = client.record->family;
        e.type = client.record->type;
        e.local = client.peer;
        e.peer = client.local;
        e.kernel = *k;
        out.push_back(std::move(e));
    }
}

int KernelOnlySockets::notAccepted(std::uint32_t listenerId) const
{
    int n = 0;
    for (const Entry &e : m_entries)
        n += e.kind == Kind::NotAccepted && e.listenerId == listenerId ? 1 : 0;
    return n;
}

std::int64_t KernelOnlySockets::bytesNotAccepted(std::uint32_t listenerId) const
{
    std::int64_t bytes = 0;
    for (const Entry &e : m_entries)
        bytes += e.kind == Kind::NotAccepted && e.listenerId == listenerId ? e.kernel.receiveQueue : 0;
    return bytes;
}
