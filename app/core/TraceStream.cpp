// Ring buffer behind TraceStream.
#include "TraceStream.h"

#include <algorithm>

namespace socketlab {

TraceStream::TraceStream(std::size_t capacity) : m_ring(std::max<std::size_t>(capacity, 1)) {}

void TraceStream::push(TraceEvent event)
{
    std::lock_guard lock(m_mutex);
    event.sequence = m_nextSequence++;
    const std::size_t slot = (m_head + m_count) % m_ring.size();
    m_ring[slot] = std::move(event);
    if (m_count < m_ring.size()) {
        ++m_count;
    } else {
        m_head = (m_head + 1) % m_ring.size();  // overwrote the oldest
        ++m_dropped;
    }
}

std::size_t TraceStream::drain(std::vector<TraceEvent> &out, std::size_t max)
{
    std::lock_guard lock(m_mutex);
    const std::size_t n = std::min(m_count, max);  // out grows geometrically: no exact reserve here
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(m_ring[(m_head + i) % m_ring.size()]);
    m_head = (m_head + n) % m_ring.size();
    m_count -= n;
    return n;
}

std::size_t TraceStream::size() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
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
