// A bounded, thread-safe stream of TraceEvents: socket threads push, the GUI thread
// drains at its own pace. Pushing never waits for the reader: when the stream is full
// the oldest event is overwritten and dropped() counts it. The lock is held only to
// copy one event in or a short run of events out: a drain of thousands takes the lock
// once per kDrainRun events, so a socket thread pushing meanwhile waits microseconds, not
// for the whole batch.
#pragma once

#include "TraceEvent.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

namespace socketlab {

class TraceStream {
public:
    explicit TraceStream(std::size_t capacity = 16384);

    void push(const TraceEvent &event);  // copied once, straight into its slot
    // Moves up to max of the oldest waiting events to the end of out; returns how many.
    // Takes no more than were waiting when it began, so a fast writer cannot keep it going.
    std::size_t drain(std::vector<TraceEvent> &out, std::size_t max = SIZE_MAX);

    // Called on the pushing thread, outside the lock, after each Blocked event: its caller is
    // about to wait. A stream relayed elsewhere (a forked child's) forwards what it holds then.
    // Set it before anything pushes; it may drain this stream.
    void setWaitListener(std::function<void()> listener) { m_waitListener = std::move(listener); }

    std::size_t capacity() const { return m_capacity; }
    std::size_t size() const;
    std::size_t slotsTouched() const;  // the most slots the ring has used: its memory, in events
    std::uint64_t dropped() const;   // events lost to overflow since construction
    std::uint64_t pushed() const;    // events pushed since construction

    static constexpr std::size_t kDrainRun = 64;  // events copied out per hold of the lock

private:
    void store(const TraceEvent &event);
    std::size_t slotAfter(std::size_t index, std::size_t steps) const;  // ring arithmetic without a division

    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::vector<TraceEvent> m_ring;  // grows to m_capacity, then wraps
    std::size_t m_touched = 0;       // the ring's largest size so far
    std::size_t m_head = 0;   // index of the oldest event
    std::size_t m_count = 0;
    std::uint64_t m_nextSequence = 1;
    std::uint64_t m_dropped = 0;
    std::function<void()> m_waitListener;
};

} // namespace socketlab
