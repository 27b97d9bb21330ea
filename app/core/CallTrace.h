// Records one socket call: emits its Begin / Blocked / Returned / Failed events into
// the context's trace (if any), counts it, and marks the record as blocked while it waits.
// Internal to the core.
#pragma once

#include "SocketError.h"
#include "TraceEvent.h"

#include <cstdint>

namespace socketlab {

class SocketRecord;
class TraceStream;

class CallTrace {
public:
    CallTrace(TraceStream *trace, SocketRecord *record, int fd, TraceCall call, std::int64_t arg = 0,
              const SocketAddress *address = nullptr);
    CallTrace(const CallTrace &) = delete;
    CallTrace &operator=(const CallTrace &) = delete;

    // The socket the call created (socket(), socketpair()): later events carry its id.
    void attach(SocketRecord *record) { m_record = record; }
    void blockBegins();  // called before every wait; emits Blocked once
    void blockEnds();
    void returned(std::int64_t result, std::uint32_t flags = 0, const SocketAddress *address = nullptr,
                  std::uint32_t relatedSocketId = 0);
    SocketError failed(SocketError error, std::uint32_t flags = 0);  // returns error for `return trace.failed(e);`

private:
    // timeNs 0: now. The end of a wait is close enough to the return to share its clock read.
    TraceEvent makeEvent(TracePhase phase, std::int64_t timeNs = 0) const;

    TraceStream *m_trace;
    SocketRecord *m_record;
    int m_fd;
    TraceCall m_call;
    std::int64_t m_blockedNs = 0;
    std::int64_t m_blockStartNs = 0;
    std::int64_t m_lastClockNs = 0;  // when the last wait ended: the Returned event reuses it
    bool m_announcedBlock = false;
};

} // namespace socketlab
