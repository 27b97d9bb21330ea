// Ring buffer behind TraceStream.
#include "TraceStream.h"

#include <algorithm>

namespace socketlab {

TraceStream::TraceStream(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1))
{
    // Room without touching it: a slot's pages are only written (and become resident) when
    // an event first lands there, so a quiet run costs a few kilobytes, not 16384 events.
    m_ring.reserve(m_capacity);
}

std::size_t TraceStream::slotAfter(std::size_t index, std::size_t steps) const
{
    // index < size and steps <= size: one subtraction at most (a % costs tens of cycles on
    // the socket path, once per event).
    const std::size_t slot = index + steps;
    return slot >= m_ring.size() ? slot - m_ring.size() : slot;
}

void TraceStream::push(const TraceEvent &event)
{
    store(event);
    if (m_waitListener && event.phase == TracePhase::Blocked)
        m_waitListener();
}

void TraceStream::store(const TraceEvent &event)
{
    std::lock_guard lock(m_mutex);
    if (m_ring.size() < m_capacity) {
        // Still growing: the events lie in [m_head, size), so the next one goes at the end.
        m_ring.push_back(event);
        m_ring.back().sequence = m_nextSequence++;
        ++m_count;
        m_touched = std::max(m_touched, m_ring.size());
        return;
    }
    TraceEvent &slot = m_ring[slotAfter(m_head, m_count)];
    slot = event;
    slot.sequence = m_nextSequence++;
    if (m_count < m_ring.size()) {
        ++m_count;
    } else {
        m_head = slotAfter(m_head, 1);  // overwrote the oldest
        ++m_dropped;
    }
}

std::size_t TraceStream::drain(std::vector<TraceEvent> &out, std::size_t max)
{
    // Short runs under the lock, each from the current head: what pushes meanwhile is
    // appended in order behind them, and an overflow meanwhile moves the head as usual.
    std::size_t budget = max;
    {
        std::lock_guard lock(m_mutex);
        budget = std::min(budget, m_count);
    }
    std::size_t taken = 0;
    while (taken < budget) {
        std::lock_guard lock(m_mutex);
        const std::size_t n = std::min({m_count, budget - taken, kDrainRun});
        if (n == 0)
            break;
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(m_ring[slotAfter(m_head, i)]);  // out grows geometrically: no exact reserve here
        m_head = slotAfter(m_head, n);
        m_count -= n;
        taken += n;
        if (m_count == 0 && m_ring.size() < m_capacity) {
            // Drained while growing: start again at the front, in memory already touched,
            // so a stream drained in time never grows past what waits between two drains.
            m_ring.clear();
            m_head = 0;
        }
    }
    return taken;
}

std::size_t TraceStream::size() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
}

std::size_t TraceStream::slotsTouched() const
{
    std::lock_guard lock(m_mutex);
    return m_touched;
}

std::uint64_t TraceStream::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

std::uint64_t TraceStream::pushed() const
{
    std::lock_guard lock(m_mutex);
    return m_nextSequence - 1;
}

} // namespace socketlab
