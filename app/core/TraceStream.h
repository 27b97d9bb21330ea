// A bounded, thread-safe stream of TraceEvents: socket threads push, the GUI thread
// drains at its own pace. Pushing never waits for the reader: when the stream is full
// the oldest event is overwritten and dropped() counts it. The lock is held only to
// copy one event in or a batch out.
#pragma once

#include "TraceEvent.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace socketlab {

class TraceStream {
public:
    explicit TraceStream(std::size_t capacity = 16384);

    void push(TraceEvent event);
    // Moves up to max of the oldest waiting events to the end of out; returns how many.
    std::size_t drain(std::vector<TraceEvent> &out, std::size_t max = SIZE_MAX);

    std::size_t capacity() const { return m_ring.size(); }
    std::size_t size() const;
    std::uint64_t dropped() const;   // events lost to overflow since construction
    std::uint64_t pushed() const;    // events pushed since construction

private:
    mutable std::mutex m_mutex;
    std::vector<TraceEvent> m_ring;
    std::size_t m_head = 0;   // index of the oldest event
    std::size_t m_count = 0;
    std::uint64_t m_nextSequence = 1;
    std::uint64_t m_dropped = 0;
};

} // namespace socketlab
