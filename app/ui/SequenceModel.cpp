// SequenceModel: trace events to lifelines, calls and rows; arrows come from SequenceMatcher.
#include "SequenceModel.h"

#include "SocketText.h"

#include <socketserver/StageTrace.h>

#include <algorithm>
#include <cerrno>
#include <iterator>

using namespace socketlab;
using socketlab::socketserver::isServerStage;

namespace {

bool isOneShotStage(TraceCall call)
{
    return call >= TraceCall::ThreadStarted && call <= TraceCall::ChildExited;
}

// Stages that repeat on every turn of serve_forever's loop would bury the rest.
bool isNoisyStage(TraceCall call)
{
    return call == TraceCall::ServiceActions || call == TraceCall::CollectChildren || call >= TraceCall::RfileRead;
}

} // namespace

SequenceModel::SequenceModel()
    : m_matcher([this](ArrowKind kind, std::uint64_t from, std::uint64_t to, std::int64_t bytes, bool truncated) {
          addArrow(kind, from, to, bytes, truncated);
      })
{
}

void SequenceModel::clear()
{
    m_lifelines.clear();
    m_columns.clear();
    m_running.clear();
    m_calls.clear();
    m_arrows.clear();
    m_stages.clear();
    m_rowTimes.clear();
    m_matcher.clear();
    m_firstRow = 0;
    m_originNs = -1;
    m_droppedCalls = 0;
    m_rowOpenForEndOf = 0;
    ++m_revision;
}

void SequenceModel::addEvents(const std::vector<TraceEvent> &events, const SocketSnapshot &sockets)
{
    if (events.empty())
        return;
    m_sockets = &sockets;
    for (const TraceEvent &e : events) {
        addEvent(e);
        if (m_calls.size() > kMaxCalls)
            prune();
    }
    m_sockets = nullptr;
    ++m_revision;
}

void SequenceModel::addEvent(const TraceEvent &e)
{
    if (m_originNs < 0)
        m_originNs = e.timeNs;
    if (isServerStage(e.call)) {
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

const SocketSample *SequenceModel::sample(std::uint32_t socketId) const
{
    return m_sockets ? m_sockets->find(socketId) : nullptr;
}

bool SequenceModel::isStream(std::uint32_t socketId) const
{
    const Lifeline *l = lifeline(socketId);
    return !l || !isDatagramKind(socketKind(l->family, l->type));
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
    if (const SocketSample *s = sample(socketId)) {
        l.owner = QString::fromStdString(s->record->owner);
        l.family = s->record->family;
        l.type = s->record->type;
        l.local = SocketText::endpointText(s->local);
        if (l.fd < 0)
            l.fd = s->fd;
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
    joinKnownPeer(socketId);
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
        ensureLifeline(e.relatedSocketId, -1, row, &copy);  // its peer, the first end, is drawn already
    }
}

void SequenceModel::beginCall(const TraceEvent &e)
{
    std::vector<std::uint64_t> &running = m_running[e.socketId];
    std::uint64_t parent = 0;
    if (e.call == TraceCall::Send && !running.empty()) {
        const Call *outer = findCall(running.back());
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
    c.depth = static_cast<int>(running.size());
    c.startRow = row;
    c.beginNs = e.timeNs;
    c.arg = e.arg;
    c.address = SocketText::endpointText(e.address);
    m_calls.push_back(c);
    running.push_back(c.serial);
    m_rowOpenForEndOf = c.serial;

    if (e.call == TraceCall::Connect || e.call == TraceCall::ConnectEx)
        m_matcher.connectStarted(c.serial, e.socketId);
}

void SequenceModel::blockCall(const TraceEvent &e)
{
    const auto found = m_running.find(e.socketId);
    if (found == m_running.end())
        return;  // its Begin came before clear(): the end will draw it
    const std::vector<std::uint64_t> &running = found->second;
    for (auto it = running.rbegin(); it != running.rend(); ++it) {
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
    std::vector<std::uint64_t> *running = &m_running[e.socketId];
    auto open = std::find_if(running->rbegin(), running->rend(), [&](std::uint64_t s) {
        const Call *c = findCall(s);
        return c && c->call == e.call;
    });
    if (open == running->rend()) {  // its Begin came before clear() or was lost: a one-row call
        beginCall(e);
        running = &m_running[e.socketId];
        open = running->rbegin();
    }
    Call *c = findCall(*open);
    running->erase(std::next(open).base());
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
        c.address = SocketText::endpointText(e.address);  // accept and recvfrom: the peer
    const Call ended = c;  // c may move: m_calls grows below

    switch (ended.call) {
    case TraceCall::Accept:
        if (!ended.failed && e.relatedSocketId != 0) {
            const Lifeline *listener = lifeline(ended.socketId);
            const Lifeline like = listener ? *listener : Lifeline{};
            ensureLifeline(e.relatedSocketId, int(e.result), ended.endRow, &like);
            m_matcher.accepted(ended.serial, e.relatedSocketId);
            matchAccepts();
        }
        break;
    case TraceCall::Connect:
    case TraceCall::ConnectEx: {
        // A non-blocking connect "fails" with EINPROGRESS and still connects.
        const int err = ended.failed ? e.errorCode : (ended.call == TraceCall::ConnectEx ? int(e.result) : 0);
        if (err != 0 && err != EINPROGRESS && err != EALREADY)
            m_matcher.connectFailed(ended.serial);
        matchAccepts();
        break;
    }
    case TraceCall::Send:
    case TraceCall::SendTo:
    case TraceCall::Recv:
    case TraceCall::RecvInto:
    case TraceCall::RecvFrom:
        if (!ended.failed && e.result > 0)
            dataMoved(ended, e);
        break;
    case TraceCall::Close:
        if (!ended.failed) {
            if (const int col = column(ended.socketId); col >= 0)
                m_lifelines[static_cast<std::size_t>(col)].endRow = ended.endRow;
        }
        break;
    default:
        break;
    }
}

// Bytes a send or recv moved, handed to the matcher: offsets on a stream, addresses for a datagram.
void SequenceModel::dataMoved(const Call &c, const TraceEvent &e)
{
    const bool sent = c.call == TraceCall::Send || c.call == TraceCall::SendTo;
    if (isStream(c.socketId)) {
        const auto n = static_cast<std::uint64_t>(e.result);
        if (sent)
            m_matcher.streamSent(c.socketId, c.serial, n);
        else
            m_matcher.streamReceived(c.socketId, c.serial, n);
        return;
    }
    const SocketSample *s = sample(c.socketId);
    const SocketAddress local = s ? s->local : SocketAddress(), peer = s ? s->peer : SocketAddress();
    if (sent) {
        const SocketAddress to = c.call == TraceCall::SendTo ? e.address : peer;
        m_matcher.datagramSent(c.serial, local, to, e.result);
    } else {
        const SocketAddress from = e.address.isValid() ? e.address : peer;
        m_matcher.datagramReceived(c.serial, from, local, e.result, (e.flags & TraceFlagTruncated) != 0);
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
    while (m_stages.size() > kMaxCalls)
        m_stages.pop_front();
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

// The two ends of a connection, as the one pairing (SocketSnapshot::peerOf) names them,
// once both are drawn: from then on the bytes one sends are matched to the other's recvs.
void SequenceModel::joinKnownPeer(std::uint32_t socketId)
{
    const int col = column(socketId);
    if (!m_sockets || col < 0 || m_lifelines[static_cast<std::size_t>(col)].peerId != 0)
        return;
    const std::uint32_t peer = m_sockets->peerOf(socketId);
    const int peerCol = peer != 0 ? column(peer) : -1;
    if (peerCol < 0 || m_lifelines[static_cast<std::size_t>(peerCol)].peerId != 0)
        return;
    m_lifelines[static_cast<std::size_t>(col)].peerId = peer;
    m_lifelines[static_cast<std::size_t>(peerCol)].peerId = socketId;
    m_matcher.joinPeers(socketId, peer);
}

void SequenceModel::matchAccepts()
{
    if (m_sockets)
        m_matcher.matchAccepts(*m_sockets);
}

bool SequenceModel::refresh(const SocketSnapshot &sockets)
{
    m_sockets = &sockets;
    const std::size_t arrowsBefore = m_arrows.size();
    bool changed = false;
    matchAccepts();  // a client's address may be known by now
    for (std::size_t i = 0; i < m_lifelines.size(); ++i) {
        joinKnownPeer(m_lifelines[i].socketId);
        Lifeline &l = m_lifelines[i];
        const SocketSample *s = sockets.find(l.socketId);
        if (s) {  // bind, connect and the first sendto give a socket its address
            const QString local = SocketText::endpointText(s->local);
            if (local != l.local) {
                l.local = local;
                changed = true;
            }
        }
        // A socket whose close() we never saw (the trace overflowed) ends when the registry
        // says so, or forgets it.
        const auto running = m_running.find(l.socketId);
        const bool idle = running == m_running.end() || running->second.empty();
        if (l.endRow < 0 && !m_rowTimes.empty() && idle && (!s || !s->isOpen())) {
            l.endRow = lastRow();
            changed = true;
        }
    }
    m_sockets = nullptr;
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
    const auto dropped = [&](std::uint64_t serial) { return !findCall(serial); };
    m_arrows.erase(std::remove_if(m_arrows.begin(), m_arrows.end(), [&](const Arrow &a) { return dropped(a.from) || dropped(a.to); }),
                   m_arrows.end());
    m_stages.erase(std::remove_if(m_stages.begin(), m_stages.end(), [&](const StageMark &s) { return s.row < cut; }),
                   m_stages.end());
    m_matcher.prune(dropped);
    const auto before = m_lifelines.size();
    m_lifelines.erase(std::remove_if(m_lifelines.begin(), m_lifelines.end(),
                                     [&](const Lifeline &l) {
                                         const bool done = l.endRow >= 0 && l.endRow < cut;
                                         if (done) {
                                             m_running.erase(l.socketId);
                                             m_matcher.forgetSocket(l.socketId);
                                         }
                                         return done;
                                     }),
                      m_lifelines.end());
    if (m_lifelines.size() != before)
        reindex();
}
