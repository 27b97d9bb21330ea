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

void SocketRegistry::pruneClosedBefore(std::int64_t timeNs)
{
    std::lock_guard lock(m_mutex);
    m_records.erase(std::remove_if(m_records.begin(), m_records.end(),
                                   [timeNs](const std::shared_ptr<SocketRecord> &r) {
                                       const std::int64_t closedAt = r->closedAtNs.load();
                                       return closedAt != 0 && closedAt < timeNs;
                                   }),
                    m_records.end());
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
