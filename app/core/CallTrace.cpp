// CallTrace: trace events and blocked-state bookkeeping for one call.
#include "CallTrace.h"

#include "Clock.h"
#include "SocketRecord.h"
#include "TraceStream.h"

namespace socketlab {

CallTrace::CallTrace(TraceStream *trace, SocketRecord *record, int fd, TraceCall call, std::int64_t arg,
                     const SocketAddress *address)
    : m_trace(trace), m_record(record), m_fd(fd), m_call(call)
{
    if (m_record)
        m_record->calls.fetch_add(1, std::memory_order_relaxed);
    if (m_trace) {
        TraceEvent e = makeEvent(TracePhase::Begin);
        e.arg = arg;
        if (address)
            e.address = *address;
        m_trace->push(e);
    }
}

TraceEvent CallTrace::makeEvent(TracePhase phase, std::int64_t timeNs) const
{
    TraceEvent e;
    e.timeNs = timeNs != 0 ? timeNs : steadyNowNs();
    e.socketId = m_record ? m_record->id : 0;
    e.fd = m_fd;
    e.call = m_call;
    e.phase = phase;
    return e;
}

void CallTrace::blockBegins()
{
    m_blockStartNs = steadyNowNs();
    if (m_record) {
        m_record->blockedSinceNs.store(m_blockStartNs, std::memory_order_relaxed);
        m_record->blockedIn.store(m_call, std::memory_order_release);
    }
    if (!m_announcedBlock && m_trace) {
        TraceEvent e = makeEvent(TracePhase::Blocked);
        e.timeNs = m_blockStartNs;
        m_trace->push(e);
    }
    m_announcedBlock = true;
}

void CallTrace::blockEnds()
{
    m_lastClockNs = steadyNowNs();
    m_blockedNs += m_lastClockNs - m_blockStartNs;
    if (m_record)
        m_record->blockedIn.store(TraceCall::None, std::memory_order_release);
}

void CallTrace::returned(std::int64_t result, std::uint32_t flags, const SocketAddress *address,
                         std::uint32_t relatedSocketId)
{
    if (!m_trace)
        return;
    TraceEvent e = makeEvent(TracePhase::Returned, m_lastClockNs);
    e.result = result;
    e.flags = flags;
    e.blockedNs = m_blockedNs;
    e.relatedSocketId = relatedSocketId;
    if (address)
        e.address = *address;
    m_trace->push(e);
}

SocketError CallTrace::failed(SocketError error, std::uint32_t flags)
{
    if (m_trace) {
        TraceEvent e = makeEvent(TracePhase::Failed);
        e.flags = flags;
        e.errorKind = error.kind();
        e.errorCode = error.code();
        e.blockedNs = m_blockedNs;
        m_trace->push(e);
    }
    return error;
}

} // namespace socketlab
