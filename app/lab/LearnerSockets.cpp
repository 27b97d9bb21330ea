#include "LearnerSockets.h"

#include <Clock.h>

#include <QRegularExpression>

using namespace socketlab;

namespace {

// "ConnectionRefusedError: [Errno 111] Connection refused" -> the errno; "TimeoutError:
// timed out" -> a timeout, as the core's own calls report them.
SocketError errorOf(const QString &text)
{
    static const QRegularExpression errnoPattern(QStringLiteral("\\[Errno (\\d+)\\]"));
    const QRegularExpressionMatch m = errnoPattern.match(text);
    if (m.hasMatch())
        return SocketError::fromErrno(m.captured(1).toInt());
    if (text.startsWith(QLatin1String("TimeoutError")))
        return SocketError(ErrorKind::Timeout, 0);
    return SocketError::fromErrno(0);
}

bool isSend(TraceCall c)
{
    return c == TraceCall::Send || c == TraceCall::SendAll || c == TraceCall::SendTo;
}

bool isReceive(TraceCall c)
{
    return c == TraceCall::Recv || c == TraceCall::RecvInto || c == TraceCall::RecvFrom;
}

} // namespace

LearnerSockets::LearnerSockets(std::shared_ptr<TraceStream> trace, std::shared_ptr<SocketRegistry> registry, std::string owner)
    : m_trace(std::move(trace)), m_registry(std::move(registry)), m_owner(std::move(owner))
{
}

TraceCall LearnerSockets::callNamed(const QString &name)
{
    if (name == QLatin1String("recvfrom_into"))
        return TraceCall::RecvFrom;
    for (int c = int(TraceCall::Socket); c <= int(TraceCall::Select); ++c) {
        if (name == QLatin1String(traceCallName(TraceCall(c))))
            return TraceCall(c);
    }
    return TraceCall::None;
}

std::shared_ptr<SocketRecord> LearnerSockets::record(quint64 inode, int family, int type)
{
    if (inode == 0)
        return nullptr;
    auto found = m_open.find(inode);
    if (found != m_open.end())
        return found->second;
    if (const auto dropped = m_dropped.find(inode); dropped != m_dropped.end())
        return dropped->second;  // a report that left before its socket's descriptor went
    auto made = SocketRecord::foreign(family, type, m_owner, inode);
    m_registry->add(made);
    m_open.emplace(inode, made);
    return made;
}

void LearnerSockets::push(const LearnerReport &r, TracePhase phase, const SocketRecord *rec)
{
    if (!m_trace)
        return;
    TraceEvent e;
    e.timeNs = steadyNowNs();
    e.socketId = rec ? rec->id : 0;
    e.fd = r.fd;
    e.call = callNamed(r.call);
    e.phase = phase;
    e.arg = r.args.isEmpty() ? 0 : r.args.first().toLongLong();
    if (phase == TracePhase::Failed) {
        const SocketError error = errorOf(r.error);
        e.errorKind = error.kind();
        e.errorCode = error.code();
    }
    e.result = r.bytes > 0 ? r.bytes : 0;
    e.blockedNs = phase == TracePhase::Begin ? 0 : std::int64_t(r.blockedMs * 1e6);
    e.address = r.peer;
    m_trace->push(e);
}

void LearnerSockets::callBegins(const LearnerReport &r)
{
    const TraceCall call = callNamed(r.call);
    if (call == TraceCall::None)
        return;
    const auto rec = record(r.inode, r.family, r.type);
    if (rec) {
        rec->blockedSinceNs = steadyNowNs();
        rec->blockedIn = call;
    }
    push(r, TracePhase::Begin, rec.get());
}

void LearnerSockets::callEnds(const LearnerReport &r)
{
    const TraceCall call = callNamed(r.call);
    if (call == TraceCall::None)
        return;
    const auto rec = record(r.inode, r.family, r.type);
    const bool failed = !r.error.isEmpty();
    if (rec) {
        rec->blockedIn = TraceCall::None;
        ++rec->calls;
        rec->setEndpoints(r.local, call == TraceCall::Accept || call == TraceCall::RecvFrom ? SocketAddress() : r.peer);
    }
    std::shared_ptr<SocketRecord> accepted;
    if (!failed && rec && rec->state != SocketState::Closed) {
        switch (call) {
        case TraceCall::Bind: rec->state = SocketState::Bound; break;
        case TraceCall::Listen: rec->state = SocketState::Listening; break;
        case TraceCall::Connect: rec->state = SocketState::Connected; break;
        case TraceCall::Shutdown: rec->state = SocketState::ShutDown; break;
        case TraceCall::Close:
            rec->state = SocketState::Closed;
            rec->closedAtNs = steadyNowNs();
            m_open.erase(r.inode);
            break;
        case TraceCall::Accept:
            accepted = record(r.newInode, r.family, r.type);
            if (accepted) {
                accepted->state = SocketState::Connected;
                accepted->setEndpoints(r.newLocal, r.newPeer);
            }
            break;
        default: break;
        }
        if (isSend(call) && r.bytes >= 0) {
            rec->bytesSent += std::uint64_t(r.bytes);
            ++rec->messagesSent;
        }
        if (isReceive(call) && r.bytes >= 0) {
            rec->bytesReceived += std::uint64_t(r.bytes);
            ++rec->messagesReceived;
            if (r.bytes == 0 && !rec->isDatagram())
                rec->state = SocketState::PeerClosed;
        }
    }
    push(r, failed ? TracePhase::Failed : TracePhase::Returned, rec.get());
}

void LearnerSockets::processEnded()
{
    keepOnlyHeld({});
}

void LearnerSockets::keepOnlyHeld(const std::unordered_set<std::uint64_t> &held)
{
    const std::int64_t now = steadyNowNs();
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (held.count(it->first)) {
            ++it;
            continue;
        }
        it->second->blockedIn = TraceCall::None;
        it->second->state = SocketState::Closed;
        it->second->closedAtNs = now;
        if (m_dropped.size() >= kDroppedKept)
            m_dropped.clear();  // reports this late are long gone
        m_dropped.insert(*it);
        it = m_open.erase(it);
    }
}
