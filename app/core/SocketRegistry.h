// The sockets a lab has made, for the socket table and the kernel probes. Socket threads
// add records; views take snapshots. Closed records stay until pruned so rows can fade.
#pragma once

#include "SocketRecord.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace socketlab {

class SocketRegistry {
public:
    void add(std::shared_ptr<SocketRecord> record);
    std::vector<std::shared_ptr<SocketRecord>> snapshot() const;
    // Forgets records closed before the given steady-clock time (ns), and of the closed ones
    // left, all but the keepClosed most recently added.
    void pruneClosedBefore(std::int64_t timeNs, std::size_t keepClosed = SIZE_MAX);
    void clear();
    std::size_t openCount() const;

private:
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<SocketRecord>> m_records;
};

} // namespace socketlab
