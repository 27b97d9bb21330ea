#include "SequenceModel.h"

#include "SocketText.h"

#include <algorithm>
#include <cerrno>
#include <iterator>

using namespace socketlab;

namespace {

// socketserver's stages; rfile/wfile are left out because their recv/send calls are drawn.
bool isStage(TraceCall call)
{
    return call >= TraceCall::ServerBind && call <= TraceCall::WfileFlush;
}

bool isOneShotStage(TraceCall call)
{
    return call >= TraceCall::ThreadStarted && call <= TraceCall::ChildExited;
}

// Stages that repeat on every turn of serve_forever's loop would bury the rest.
bool isNoisyStage(TraceCall call)
{
    return call == TraceCall::ServiceActions || call == TraceCall::CollectChildren || call >= TraceCall::RfileRead;
}

bool isReceive(TraceCall call)
{
    return call == TraceCall::Recv || call == TraceCall::RecvInto || call == TraceCall::RecvFrom;
}

QString addressText(const SocketAddress &address)
{
    return address.isValid() ? QString::fromStdString(address.toString()) : QString();
}

// Two "host:port" texts name the same endpoint; a wildcard host (a socket bound to
// 0.0.0.0 or [::]) stands for every local address on its port.
bool sameEndpoint(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (a == b)
        return true;
    const qsizetype ia = a.lastIndexOf(QLatin1Char(':')), ib = b.lastIndexOf(QLatin1Char(':'));
    if (ia <= 0 || ib <= 0 || QStringView(a).mid(ia) != QStringView(b).mid(ib))
        return false;
    const auto wildcard = [](QStringView host) { return host == u"0.0.0.0" || host == u"[::]"; };
    return wildcard(QStringView(a).left(ia)) || wildcard(QStringView(b).left(ib));
}

template <typename Queue>
void capQueue(Queue &queue, std::size_t max)
{
    while (queue.size() > max)
        queue.pop_front();
}

} // namespace

QString SequenceModel::Lifeline::header() const
{
    return SequenceModel::tr("%1 · fd %2 · %3").arg(owner).arg(fd).arg(SocketText::kindName(family, type));
}

QString SequenceModel::bytesText(std::int64_t bytes)
{
    return tr("%1 B").arg(bytes);
}

void SequenceModel::setRegistry(std::shared_ptr<SocketRegistry> registry)
{
    m_registry = std::move(registry);
}

void SequenceModel::clear()
{
    m_lifelines.clear();
    m_columns.clear();
    m_wires.clear();
    m_calls.clear();
    m_arrows.clear();
    m_stages.clear();
    m_rowTimes.clear();
    m_connectors.clear();
    m_accepts.clear();
    m_sentDatagrams.clear();
    m_receivedDatagrams.clear();
    m_firstRow = 0;
    m_originNs = -1;
    m_droppedCalls = 0;
    m_rowOpenForEndOf = 0;
    ++m_revision;
}

void SequenceModel::addEvents(const std::vector<TraceEvent> &events)
{
    if (events.empty())
        return;
    for (const TraceEvent &e : events) {
        addEvent(e);
        if (m_calls.size() > kMaxCalls)
            prune();
    }
    m_snapshot.clear();  // records are looked up at most once per batch, then let go
    m_snapshotTaken = false;
    ++m_revision;
}

void SequenceModel::addEvent(const TraceEvent &e)
{
    if (m_originNs < 0)
        m_originNs = e.timeNs;
    if (isStage(e.call)) {
        addStage(e);
        return;
    }
    if (e.call == TraceCall::Socket || e.call == TraceCall::SocketPair) {
        // Begin belongs to no socket yet; a failed socket() made none.
        if (e.phase == TracePhase::Returned && e.socketId != 0)
            addSocketCreated(e);
        return;
    }
    if (e.socketId == 0)
        return;
    switch (e.phase) {
    case TracePhase::Begin: beginCall(e); break;
    case TracePhase::Blocked: blockCall(e); break;
    case TracePhase::Returned:
    case TracePhase::Failed: endCall(e); break;
    }
}

std::int64_t SequenceModel::newRow(std::int64_t timeNs)
{
    m_rowTimes.push_back(timeNs);
    m_rowOpenForEndOf = 0;
    return lastRow();
}

std::int64_t SequenceModel::rowTimeNs(std::int64_t row) const
{
    if (row < m_firstRow || row >= endRow())
        return 0;
    return m_rowTimes[static_cast<std::size_t>(row - m_firstRow)];
}

std::shared_ptr<SocketRecord> SequenceModel::recordOf(std::uint32_t socketId)
{
    Wire &w = m_wires[socketId];
    if (auto record = w.record.lock())
        return record;
    if (!m_registry || w.hadRecord)
        return nullptr;
    if (!m_snapshotTaken) {
        m_snapshot = m_registry->snapshot();
        m_snapshotTaken = true;
    }
    for (const auto &record : m_snapshot) {
        if (record->id == socketId) {
            w.record = record;
            w.hadRecord = true;
            return record;
        }
    }
    return nullptr;
}

QString SequenceModel::localAddressOf(std::uint32_t socketId)
{
    const auto record = recordOf(socketId);
    return record ? QString::fromStdString(record->localAddress()) : QString();
}

QString SequenceModel::peerAddressOf(std::uint32_t socketId)
{
    const auto record = recordOf(socketId);
    return record ? QString::fromStdString(record->peerAddress()) : QString();
}

bool SequenceModel::isStream(std::uint32_t socketId) const
{
    const Lifeline *l = lifeline(socketId);
    if (!l)
        return true;
    const SocketKind kind = socketKind(l->family, l->type);
    return kind != SocketKind::Udp && kind != SocketKind::Udp6 && kind != SocketKind::UnixDatagram;
}

SequenceModel::Lifeline &SequenceModel::ensureLifeline(std::uint32_t socketId, int fd, std::int64_t row, const Lifeline *like)
{
    if (const auto it = m_columns.find(socketId); it != m_columns.end()) {
        Lifeline &l = m_lifelines[static_cast<std::size_t>(it->second)];
        if (l.fd < 0)
            l.fd = fd;
        return l;
    }
    Lifeline l;
    l.socketId = socketId;
    l.fd = fd;
    l.firstRow = row;
    if (const auto record = recordOf(socketId)) {
        l.owner = QString::fromStdString(record->owner);
        l.family = record->family;
        l.type = record->type;
        l.local = QString::fromStdString(record->localAddress());
        if (l.fd < 0)
            l.fd = record->fd();
    } else if (like) {  // an accepted socket shares its listener's context
        l.owner = like->owner;
        l.family = like->family;
        l.type = like->type;
    }
    if (l.owner.isEmpty())
        l.owner = QStringLiteral("?");
    // A pane's sockets stand side by side: after the owner's last lifeline, else at the end.
    auto at = m_lifelines.end();
    for (auto it = m_lifelines.begin(); it != m_lifelines.end(); ++it) {
        if (it->owner == l.owner)
            at = std::next(it);
    }
    const auto inserted = m_lifelines.insert(at, std::move(l));
    const auto index = std::distance(m_lifelines.begin(), inserted);
    reindex();
    return m_lifelines[static_cast<std::size_t>(index)];
}

void SequenceModel::reindex()
{
    m_columns.clear();
    for (std::size_t i = 0; i < m_lifelines.size(); ++i)
        m_columns[m_lifelines[i].socketId] = static_cast<int>(i);
}

int SequenceModel::column(std::uint32_t socketId) const
{
    const auto it = m_columns.find(socketId);
    return it == m_columns.end() ? -1 : it->second;
}

const SequenceModel::Lifeline *SequenceModel::lifeline(std::uint32_t socketId) const
{
    const int c = column(socketId);
    return c < 0 ? nullptr : &m_lifelines[static_cast<std::size_t>(c)];
}

SequenceModel::Call *SequenceModel::findCall(std::uint64_t serial)
{
    const auto it = std::lower_bound(m_calls.begin(), m_calls.end(), serial,
                                     [](const Call &c, std::uint64_t s) { return c.serial < s; });
    return it != m_calls.end() && it->serial == serial ? &*it : nullptr;
}

const SequenceModel::Call *SequenceModel::call(std::uint64_t serial) const
{
    return const_cast<SequenceModel *>(this)->findCall(serial);
}

void SequenceModel::addSocketCreated(const TraceEvent &e)
{
    const std::int64_t row = newRow(e.timeNs);
    const Lifeline &made = ensureLifeline(e.socketId, e.call == TraceCall::Socket ? int(e.result) : e.fd, row);
    Call c;
    c.serial = m_nextSerial++;
    c.socketId = e.socketId;
    c.call = e.call;
    c.startRow = c.endRow = row;
    c.beginNs = e.timeNs;
    c.arg = e.arg;
    c.result = e.result;
    m_calls.push_back(c);
    if (e.call == TraceCall::SocketPair && e.relatedSocketId != 0) {
        const Lifeline copy = made;
        ensureLifeline(e.relatedSocketId, -1, row, &copy);
        connectPeers(e.socketId, e.relatedSocketId);
    }
}

void SequenceModel::beginCall(const TraceEvent &e)
{
    Wire &w = m_wires[e.socketId];
    std::uint64_t parent = 0;
    if (e.call == TraceCall::Send && !w.open.empty()) {
        const Call *outer = findCall(w.open.back());
        if (outer && outer->call == TraceCall::SendAll)
            parent = outer->serial;  // sendall is send() in a loop: its sends sit inside it
    }
    const std::int64_t row = newRow(e.timeNs);
    ensureLifeline(e.socketId, e.fd, row);

    Call c;
    c.serial = m_nextSerial++;
    c.socketId = e.socketId;
    c.call = e.call;
    c.parent = parent;
    c.depth = static_cast<int>(w.open.size());
    c.startRow = row;
    c.beginNs = e.timeNs;
    c.arg = e.arg;
    c.address = addressText(e.address);
    m_calls.push_back(c);
    w.open.push_back(c.serial);
    m_rowOpenForEndOf = c.serial;

    if (e.call == TraceCall::Connect || e.call == TraceCall::ConnectEx) {
        m_connectors.push_back(Connector{c.serial, e.socketId, c.address});
        capQueue(m_connectors, kMaxWaiting);
    }
}

void SequenceModel::blockCall(const TraceEvent &e)
{
    const auto found = m_wires.find(e.socketId);
    if (found == m_wires.end())
        return;  // its Begin came before clear(): the end will draw it
    Wire &w = found->second;
    for (auto it = w.open.rbegin(); it != w.open.rend(); ++it) {
        Call *c = findCall(*it);
        if (!c || c->call != e.call || c->blocked())
            continue;
        c->blockedRow = m_rowOpenForEndOf == c->serial ? lastRow() : newRow(e.timeNs);
        c->blockedAtNs = e.timeNs;
        m_rowOpenForEndOf = 0;  // its end gets a row of its own: the bar needs length
        return;
    }
}

void SequenceModel::endCall(const TraceEvent &e)
{
    Wire &w = m_wires[e.socketId];
    auto open = std::find_if(w.open.rbegin(), w.open.rend(), [&](std::uint64_t s) {
        const Call *c = findCall(s);
        return c && c->call == e.call;
    });
    if (open == w.open.rend()) {  // its Begin came before clear() or was lost: a one-row call
        beginCall(e);
        open = w.open.rbegin();
    }
    Call *c = findCall(*open);
    w.open.erase(std::next(open).base());
    if (!c)
        return;
    const bool shareRow = m_rowOpenForEndOf == c->serial && !c->blocked();
    c->endRow = shareRow ? lastRow() : newRow(e.timeNs);
    m_rowOpenForEndOf = c->parent;  // sendall may end on its last send's row
    callEnded(*c, e);
}

// What an ended call means for the diagram: new lifelines, connections, bytes to match.
void SequenceModel::callEnded(Call &c, const TraceEvent &e)
{
    c.result = e.result;
    c.flags = e.flags;
    c.blockedNs = e.blockedNs;
    c.failed = e.phase == TracePhase::Failed;
    if (c.failed)
        c.error = QString::fromStdString(e.error().pythonException());
    if (!c.failed && e.address.isValid())
        c.address = addressText(e.address);  // accept and recvfrom: the peer
    const std::uint32_t id = c.socketId;
    const std::uint64_t serial = c.serial;  // c may move: m_calls grows below
    const std::int64_t row = c.endRow;
    Wire &w = m_wires[id];

    switch (c.call) {
    case TraceCall::Accept:
        if (!c.failed && e.relatedSocketId != 0) {
            const Lifeline *listener = lifeline(id);
            const Lifeline like = listener ? *listener : Lifeline{};
            ensureLifeline(e.relatedSocketId, int(e.result), row, &like);
            m_accepts.push_back(AcceptDone{serial, id, e.relatedSocketId, addressText(e.address)});
            capQueue(m_accepts, kMaxWaiting);
            pairConnections();
        }
        break;
    case TraceCall::Connect:
    case TraceCall::ConnectEx: {
        // A non-blocking connect "fails" with EINPROGRESS and still connects.
        const int err = c.failed ? e.errorCode : (c.call == TraceCall::ConnectEx ? int(e.result) : 0);
        if (err != 0 && err != EINPROGRESS && err != EALREADY) {
            m_connectors.erase(std::remove_if(m_connectors.begin(), m_connectors.end(),
                                              [&](const Connector &k) { return k.serial == serial; }),
                               m_connectors.end());
        }
        pairConnections();
        break;
    }
    case TraceCall::Send:
    case TraceCall::SendTo:
        if (c.failed || e.result <= 0)
            break;
        if (isStream(id)) {
            const auto n = static_cast<std::uint64_t>(e.result);
            w.outbound.push_back(Segment{serial, w.sentOffset, w.sentOffset + n});
            w.sentOffset += n;
            capQueue(w.outbound, kMaxWaiting);
            if (const Lifeline *l = lifeline(id); l && l->peerId != 0)
                matchStream(id, l->peerId);
        } else {
            const QString to = c.call == TraceCall::SendTo ? addressText(e.address) : peerAddressOf(id);
            m_sentDatagrams.push_back(Datagram{serial, localAddressOf(id), to, e.result, false});
            capQueue(m_sentDatagrams, kMaxWaiting);
            matchDatagrams();
        }
        break;
    case TraceCall::Recv:
    case TraceCall::RecvInto:
    case TraceCall::RecvFrom:
        if (c.failed || e.result <= 0)
            break;
        if (isStream(id)) {
            const auto n = static_cast<std::uint64_t>(e.result);
            w.inbound.push_back(Segment{serial, w.receivedOffset, w.receivedOffset + n});
            w.receivedOffset += n;
            capQueue(w.inbound, kMaxWaiting);
            if (const Lifeline *l = lifeline(id); l && l->peerId != 0)
                matchStream(l->peerId, id);
        } else {
            const QString from = e.address.isValid() ? addressText(e.address) : peerAddressOf(id);
            m_receivedDatagrams.push_back(
                Datagram{serial, from, localAddressOf(id), e.result, (e.flags & TraceFlagTruncated) != 0});
            capQueue(m_receivedDatagrams, kMaxWaiting);
            matchDatagrams();
        }
        break;
    case TraceCall::Close:
        if (!c.failed) {
            if (const int col = column(id); col >= 0)
                m_lifelines[static_cast<std::size_t>(col)].endRow = row;
        }
        break;
    default:
        break;
    }
}

void SequenceModel::addStage(const TraceEvent &e)
{
    if (isNoisyStage(e.call) || m_rowTimes.empty())
        return;
    const bool shown = e.phase == TracePhase::Begin || e.phase == TracePhase::Failed
        || (isOneShotStage(e.call) && e.phase == TracePhase::Returned);
    if (!shown)
        return;
    // A request's stages belong on its connection, the server's own on the listener.
    const std::uint32_t id = e.relatedSocketId != 0 && column(e.relatedSocketId) >= 0 ? e.relatedSocketId : e.socketId;
    if (column(id) < 0)
        return;
    QString text = QString::fromLatin1(traceCallName(e.call));
    if (e.phase == TracePhase::Failed)
        text += QStringLiteral(" ✗");
    const std::int64_t row = lastRow();
    if (!m_stages.empty() && m_stages.back().row == row && m_stages.back().socketId == id) {
        QString &mark = m_stages.back().text;
        if (mark.size() < kMaxStageText)
            mark += QStringLiteral(" › ") + text;
        else if (!mark.endsWith(QChar(0x2026)))
            mark += QChar(0x2026);
        return;
    }
    m_stages.push_back(StageMark{row, id, text});
    capQueue(m_stages, kMaxCalls);
}

void SequenceModel::addArrow(ArrowKind kind, std::uint64_t from, std::uint64_t to, std::int64_t bytes, bool truncated)
{
    if (!findCall(from) || !findCall(to))
        return;  // one end was pruned already
    if (!m_arrows.empty()) {
        Arrow &last = m_arrows.back();
        if (last.kind == kind && last.from == from && last.to == to) {
            last.bytes += bytes;
            return;
        }
    }
    m_arrows.push_back(Arrow{kind, from, to, bytes, truncated});
}

void SequenceModel::connectPeers(std::uint32_t a, std::uint32_t b)
{
    const int ca = column(a), cb = column(b);
    if (ca < 0 || cb < 0)
        return;
    m_lifelines[static_cast<std::size_t>(ca)].peerId = b;
    m_lifelines[static_cast<std::size_t>(cb)].peerId = a;
    matchStream(a, b);
    matchStream(b, a);
}

// connect -> accept: the accepted socket's peer is the connector's local address. An
// unnamed peer (a Unix socket that never bound) or a connector without a record falls back
// to the oldest connect aimed at the listener's address.
void SequenceModel::pairConnections()
{
    for (auto a = m_accepts.begin(); a != m_accepts.end();) {
        auto match = m_connectors.end(), fallback = m_connectors.end();
        for (auto k = m_connectors.begin(); k != m_connectors.end(); ++k) {
            if (k->socketId == a->socketId || k->socketId == a->listenerId)
                continue;
            const bool known = recordOf(k->socketId) != nullptr;
            const QString local = localAddressOf(k->socketId);
            if (!a->peer.isEmpty() && known) {
                if (local == a->peer) {
                    match = k;
                    break;
                }
                continue;  // its address may not be known yet: wait rather than guess
            }
            if (fallback == m_connectors.end() && sameEndpoint(k->target, localAddressOf(a->listenerId)))
                fallback = k;
        }
        if (match == m_connectors.end())
            match = fallback;
        if (match == m_connectors.end()) {
            ++a;
            continue;
        }
        addArrow(ArrowKind::Connect, match->serial, a->serial, 0);
        connectPeers(match->socketId, a->socketId);
        m_connectors.erase(match);
        a = m_accepts.erase(a);
    }
}

// The bytes of a stream, matched by offset: each recv takes a range of the peer's sent
// bytes, and every send overlapping that range gets an arrow with the overlap's size. Three
// sends read by one recv are three arrows into it.
void SequenceModel::matchStream(std::uint32_t senderId, std::uint32_t receiverId)
{
    Wire &s = m_wires[senderId];
    Wire &r = m_wires[receiverId];
    while (!s.outbound.empty() && !r.inbound.empty()) {
        const Segment a = s.outbound.front(), b = r.inbound.front();
        if (a.end <= b.begin) {
            s.outbound.pop_front();  // bytes whose receiver was lost to a cap
            continue;
        }
        if (b.end <= a.begin) {
            r.inbound.pop_front();
            continue;
        }
        const std::uint64_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
        addArrow(ArrowKind::Stream, a.serial, b.serial, static_cast<std::int64_t>(hi - lo));
        if (a.end == hi)
            s.outbound.pop_front();
        if (b.end == hi)
            r.inbound.pop_front();
    }
}

// Datagrams keep their boundaries: each recvfrom takes the oldest datagram sent from its
// source address to its own address.
void SequenceModel::matchDatagrams()
{
    for (auto got = m_receivedDatagrams.begin(); got != m_receivedDatagrams.end();) {
        const auto sent = std::find_if(m_sentDatagrams.begin(), m_sentDatagrams.end(), [&](const Datagram &d) {
            const bool fromOk = d.from.isEmpty() || sameEndpoint(d.from, got->from);
            return fromOk && sameEndpoint(d.to, got->to);
        });
        if (sent == m_sentDatagrams.end()) {
            ++got;
            continue;
        }
        addArrow(ArrowKind::Datagram, sent->serial, got->serial, sent->bytes, got->truncated);
        m_sentDatagrams.erase(sent);
        got = m_receivedDatagrams.erase(got);
    }
}

bool SequenceModel::refresh()
{
    const std::size_t arrowsBefore = m_arrows.size();
    bool changed = false;
    if (!m_accepts.empty() && !m_connectors.empty())
        pairConnections();  // a connector's address may be known by now
    for (Lifeline &l : m_lifelines) {
        const auto w = m_wires.find(l.socketId);
        if (w == m_wires.end() || !w->second.hadRecord)
            continue;
        const auto record = w->second.record.lock();
        if (record) {  // bind, connect and the first sendto give a socket its address
            const QString local = QString::fromStdString(record->localAddress());
            if (local != l.local) {
                l.local = local;
                changed = true;
            }
        }
        // A socket whose close() we never saw (the trace overflowed) ends when its record says so.
        if (l.endRow < 0 && !m_rowTimes.empty() && w->second.open.empty()
            && (!record || record->state.load() == SocketState::Closed)) {
            l.endRow = lastRow();
            changed = true;
        }
    }
    m_snapshot.clear();
    m_snapshotTaken = false;
    changed = changed || m_arrows.size() != arrowsBefore;
    if (changed)
        ++m_revision;
    return changed;
}

void SequenceModel::prune()
{
    // Calls are in start order; the oldest chunk goes, except calls still running past the cut.
    const auto chunkEnd = m_calls.begin() + static_cast<std::ptrdiff_t>(kPruneChunk);
    const std::int64_t cut = chunkEnd->startRow;
    // A call still "running" on a socket closed before the cut lost its end to a full trace.
    const auto gone = [&](const Call &c) {
        const Lifeline *l = lifeline(c.socketId);
        return c.open() ? l && l->endRow >= 0 && l->endRow < cut : c.endRow < cut;
    };
    const auto kept = std::remove_if(m_calls.begin(), chunkEnd, gone);
    m_droppedCalls += static_cast<std::uint64_t>(std::distance(kept, chunkEnd));
    m_calls.erase(kept, chunkEnd);
    while (m_firstRow < cut && !m_rowTimes.empty()) {
        m_rowTimes.pop_front();
        ++m_firstRow;
    }
    m_arrows.erase(std::remove_if(m_arrows.begin(), m_arrows.end(),
                                  [&](const Arrow &a) { return !findCall(a.from) || !findCall(a.to); }),
                   m_arrows.end());
    m_stages.erase(std::remove_if(m_stages.begin(), m_stages.end(), [&](const StageMark &s) { return s.row < cut; }),
                   m_stages.end());
    const auto dropped = [&](std::uint64_t serial) { return !findCall(serial); };
    m_connectors.erase(std::remove_if(m_connectors.begin(), m_connectors.end(), [&](const Connector &k) { return dropped(k.serial); }),
                       m_connectors.end());
    m_accepts.erase(std::remove_if(m_accepts.begin(), m_accepts.end(), [&](const AcceptDone &a) { return dropped(a.serial); }),
                    m_accepts.end());
    for (auto *queue : {&m_sentDatagrams, &m_receivedDatagrams})
        queue->erase(std::remove_if(queue->begin(), queue->end(), [&](const Datagram &d) { return dropped(d.serial); }), queue->end());
    const auto before = m_lifelines.size();
    m_lifelines.erase(std::remove_if(m_lifelines.begin(), m_lifelines.end(),
                                     [&](const Lifeline &l) {
                                         const bool done = l.endRow >= 0 && l.endRow < cut;
                                         if (done)
                                             m_wires.erase(l.socketId);
                                         return done;
                                     }),
                      m_lifelines.end());
    if (m_lifelines.size() != before)
        reindex();
}

std::size_t SequenceModel::waitingCount() const
{
    std::size_t n = m_connectors.size() + m_accepts.size() + m_sentDatagrams.size() + m_receivedDatagrams.size();
    for (const auto &[id, w] : m_wires)
        n += w.outbound.size() + w.inbound.size();
    return n;
}

QString SequenceModel::callLabel(const Call &c) const
{
    QString args;
    switch (c.call) {
    case TraceCall::Bind:
    case TraceCall::Connect:
    case TraceCall::ConnectEx: args = c.address; break;
    case TraceCall::Listen:
    case TraceCall::Shutdown:
    case TraceCall::Recv:
    case TraceCall::RecvInto:
    case TraceCall::RecvFrom: args = QString::number(c.arg); break;
    case TraceCall::Send:
    case TraceCall::SendAll:
    case TraceCall::SendTo: args = bytesText(c.arg); break;
    default: break;
    }
    const QString text = QString::fromLatin1(traceCallName(c.call)) + QLatin1Char('(') + args + QLatin1Char(')');
    if (c.open())
        return text + QStringLiteral(" …");
    if (c.failed)
        return text + QStringLiteral(" ✗ ") + c.error;
    switch (c.call) {
    case TraceCall::Socket:
    case TraceCall::Accept: return tr("%1 → fd %2").arg(text).arg(c.result);
    case TraceCall::Send:
    case TraceCall::SendAll:
    case TraceCall::SendTo: return text + QStringLiteral(" → ") + bytesText(c.result);
    case TraceCall::ConnectEx: return text + QStringLiteral(" → ") + QString::number(c.result);
    default: break;
    }
    if (isReceive(c.call))
        return text + QStringLiteral(" → ") + ((c.flags & TraceFlagPeerClosed) ? QStringLiteral("b''") : bytesText(c.result));
    return text;
}
