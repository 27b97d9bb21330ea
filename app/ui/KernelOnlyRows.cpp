#include "KernelOnlyRows.h"

#include <SocketRecord.h>
#include <SocketSnapshot.h>

using namespace socketlab;

void KernelOnlyRows::clear()
{
    m_children.clear();
    m_rows.clear();
}

void KernelOnlyRows::update(const std::vector<TraceEvent> &events, const SocketSnapshot &sockets,
                            const std::vector<KernelOnlySocket> &kernelOnly)
{
    for (const TraceEvent &e : events) {
        if (e.call == TraceCall::ChildStarted && e.relatedSocketId != 0 && m_children.size() < kMaxChildren)
            m_children[e.result] = Child{e.relatedSocketId, {}, {}};
        else if (e.call == TraceCall::ChildExited)
            m_children.erase(e.result);
    }
    for (auto &[pid, child] : m_children) {
        if (child.local.isValid())
            continue;
        const SocketSample *record = sockets.find(child.connectionId);
        if (record && record->local.isValid() && record->peer.isValid()) {
            child.local = record->local;
            child.peer = record->peer;
        }
    }
    const auto ownerOf = [&](std::uint32_t id) {
        const SocketSample *s = id != 0 ? sockets.find(id) : nullptr;
        return s ? QString::fromStdString(s->record->owner) : QString();
    };
    m_rows.clear();
    m_rows.reserve(kernelOnly.size());
    for (const KernelOnlySocket &k : kernelOnly) {
        Row row{k, ownerOf(k.listenerId), 0};
        if (row.owner.isEmpty())
            row.owner = ownerOf(k.peerId);
        if (k.kind == KernelOnlySocket::Kind::OtherProcess)
            row.childPid = childHolding(k.socket);
        m_rows.push_back(std::move(row));
    }
}

std::int64_t KernelOnlyRows::childHolding(const KernelTcpSocket &socket) const
{
    for (const auto &[pid, child] : m_children) {
        if (child.local.isValid() && SocketAddress::sameEndpoint(child.local, socket.local)
            && SocketAddress::sameEndpoint(child.peer, socket.peer))
            return pid;
    }
    return 0;
}

int KernelOnlyRows::notAccepted(std::uint32_t listenerId) const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.notAccepted() && r.kernel.listenerId == listenerId ? 1 : 0;
    return n;
}

std::int64_t KernelOnlyRows::bytesNotAccepted(std::uint32_t listenerId) const
{
    std::int64_t bytes = 0;
    for (const Row &r : m_rows)
        bytes += r.notAccepted() && r.kernel.listenerId == listenerId ? r.kernel.socket.receiveQueue : 0;
    return bytes;
}
