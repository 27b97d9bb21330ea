// ObservedSocket: a borrowed descriptor's record, and the calls its owner reports.
#include "ObservedSocket.h"

#include "CallTrace.h"
#include "Clock.h"
#include "SocketRegistry.h"
#include "TraceStream.h"
#include "sys/Syscalls.h"

#include <sys/socket.h>

namespace socketlab {
namespace {

int intOption(int fd, int level, int name)
{
    int value = -1;
    unsigned len = sizeof value;
    return sys::getsockopt(fd, level, name, &value, &len).ok() ? value : -1;
}

// Our state name for what the kernel says the socket is now.
SocketState stateOf(int fd, int type, const SocketRecord &record)
{
    if (type == SOCK_STREAM && intOption(fd, SOL_SOCKET, SO_ACCEPTCONN) == 1)
        return SocketState::Listening;
    if (record.peerEndpoint().isValid())
        return SocketState::Connected;
    if (record.localEndpoint().isValid())
        return SocketState::Bound;
    return SocketState::Created;
}

} // namespace

ObservedSocket::ObservedSocket(std::shared_ptr<SocketRecord> record, SocketContext context)
    : m_context(std::move(context)), m_record(std::move(record))
{
}

ObservedSocket::~ObservedSocket()
{
    closed();
}

ObservedSocket::ObservedSocket(ObservedSocket &&other) noexcept
    : m_context(std::move(other.m_context)), m_record(std::move(other.m_record))
{
}

ObservedSocket &ObservedSocket::operator=(ObservedSocket &&other) noexcept
{
    if (this != &other) {
        closed();
        m_context = std::move(other.m_context);
        m_record = std::move(other.m_record);
    }
    return *this;
}

ObservedSocket ObservedSocket::observe(int fd, SocketContext context)
{
    if (fd < 0 || !sys::socketInode(fd).ok())
        return {};
    const int family = intOption(fd, SOL_SOCKET, SO_DOMAIN);
    const int type = intOption(fd, SOL_SOCKET, SO_TYPE);
    if (family < 0 || type < 0)
        return {};  // a descriptor, but not a socket
    auto record = std::make_shared<SocketRecord>(fd, family, type, context.owner);
    record->markBorrowed();
    record->readEndpoints();
    record->state.store(stateOf(fd, type, *record), std::memory_order_release);
    if (context.registry)
        context.registry->add(record);
    return ObservedSocket(std::move(record), std::move(context));
}

void ObservedSocket::traceReturned(TraceCall call, std::int64_t arg, std::int64_t result, std::uint32_t flags,
                                   const SocketAddress *address, std::uint32_t related)
{
    CallTrace trace(m_context.trace.get(), m_record.get(), m_record->fd(), call, arg, address);
    trace.returned(result, flags, address, related);
}

void ObservedSocket::listened(int backlog)
{
    if (!m_record)
        return;
    const int fd = m_record->fd();
    {
        CallTrace trace(m_context.trace.get(), nullptr, -1, TraceCall::Socket, m_record->type);
        trace.attach(m_record.get());
        trace.returned(fd);
    }
    const SocketAddress local = m_record->localEndpoint();
    traceReturned(TraceCall::Bind, 0, 0, 0, &local);
    traceReturned(TraceCall::Listen, backlog, 0);
}

ObservedSocket ObservedSocket::accepted(int connectionFd)
{
    ObservedSocket connection = observe(connectionFd, m_context);
    if (!m_record || !connection.isObserved())
        return connection;
    const SocketAddress peer = connection.record()->peerEndpoint();
    CallTrace trace(m_context.trace.get(), m_record.get(), m_record->fd(), TraceCall::Accept);
    trace.returned(connectionFd, 0, &peer, connection.id());
    return connection;
}

void ObservedSocket::received(std::size_t bytes)
{
    if (!m_record)
        return;
    std::uint32_t flags = 0;
    if (bytes > 0) {
        m_record->bytesReceived.fetch_add(bytes, std::memory_order_relaxed);
        m_record->messagesReceived.fetch_add(1, std::memory_order_relaxed);
    } else {
        flags = TraceFlagPeerClosed;
        m_record->state.store(SocketState::PeerClosed, std::memory_order_release);
    }
    const auto n = static_cast<std::int64_t>(bytes);
    traceReturned(TraceCall::Recv, n, n, flags);
}

void ObservedSocket::sent(std::size_t bytes)
{
    if (!m_record)
        return;
    m_record->bytesSent.fetch_add(bytes, std::memory_order_relaxed);
    m_record->messagesSent.fetch_add(1, std::memory_order_relaxed);
    const auto n = static_cast<std::int64_t>(bytes);
    traceReturned(TraceCall::Send, n, n);
}

void ObservedSocket::closed()
{
    if (!m_record || m_record->state.load() == SocketState::Closed)
        return;
    {
        CallTrace trace(m_context.trace.get(), m_record.get(), m_record->fd(), TraceCall::Close);
        m_record->forgetDescriptor();
        m_record->blockedIn.store(TraceCall::None, std::memory_order_release);
        m_record->closedAtNs.store(steadyNowNs(), std::memory_order_relaxed);
        m_record->state.store(SocketState::Closed, std::memory_order_release);
        trace.returned(0);
    }
}

void ObservedPoll::begin(const std::vector<const ObservedSocket *> &watched)
{
    end();
    for (const ObservedSocket *s : watched) {
        if (s && s->isObserved() && s->record()->state.load() != SocketState::Closed)
            m_watched.push_back(s->record());
    }
    if (m_watched.empty())
        return;
    m_beganNs = steadyNowNs();
    for (const auto &record : m_watched) {
        record->blockedSinceNs.store(m_beganNs, std::memory_order_relaxed);
        record->blockedIn.store(TraceCall::Poll, std::memory_order_release);
    }
    if (TraceStream *trace = m_context.trace.get()) {
        TraceEvent e;
        e.timeNs = m_beganNs;
        e.socketId = m_watched.front()->id;
        e.fd = m_watched.front()->fd();
        e.call = TraceCall::Poll;
        e.arg = static_cast<std::int64_t>(m_watched.size());
        trace->push(e);
        e.phase = TracePhase::Blocked;
        trace->push(e);
    }
}

void ObservedPoll::end()
{
    if (m_watched.empty())
        return;
    const std::int64_t now = steadyNowNs();
    for (const auto &record : m_watched) {
        TraceCall expected = TraceCall::Poll;  // a socket closed meanwhile is no longer marked
        record->blockedIn.compare_exchange_strong(expected, TraceCall::None, std::memory_order_acq_rel);
    }
    if (TraceStream *trace = m_context.trace.get()) {
        TraceEvent e;
        e.timeNs = now;
        e.socketId = m_watched.front()->id;
        e.fd = m_watched.front()->fd();
        e.call = TraceCall::Poll;
        e.phase = TracePhase::Returned;
        e.arg = static_cast<std::int64_t>(m_watched.size());
        e.blockedNs = now - m_beganNs;
        trace->push(e);
    }
    m_watched.clear();
}

} // namespace socketlab
