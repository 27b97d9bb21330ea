// SocketRegistry: a short lock around a vector of shared records.
#include "SocketRegistry.h"

#include <algorithm>

namespace socketlab {

void SocketRegistry::add(std::shared_ptr<SocketRecord> record)
{
    std::lock_guard lock(m_mutex);
    m_records.push_back(std::move(record));
}

std::vector<std::shared_ptr<SocketRecord>> SocketRegistry::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_records;
}

void SocketRegistry::pruneClosedBefore(std::int64_t timeNs, std::size_t keepClosed)
{
    std::lock_guard lock(m_mutex);
    // Newest first, counting the closed ones kept; then the survivors back in their order.
    std::size_t closedKept = 0;
    std::vector<std::shared_ptr<SocketRecord>> kept;
    kept.reserve(m_records.size());
    for (auto r = m_records.rbegin(); r != m_records.rend(); ++r) {
        const std::int64_t closedAt = (*r)->closedAtNs.load();
        if (closedAt != 0 && (closedAt < timeNs || closedKept++ >= keepClosed))
            continue;
        kept.push_back(std::move(*r));
    }
    m_records.assign(std::make_move_iterator(kept.rbegin()), std::make_move_iterator(kept.rend()));
}

void SocketRegistry::clear()
{
    std::lock_guard lock(m_mutex);
    m_records.clear();
}

std::size_t SocketRegistry::openCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(std::count_if(m_records.begin(), m_records.end(),
        [](const std::shared_ptr<SocketRecord> &r) { return r->state.load() != SocketState::Closed; }));
}

} // namespace socketlab
