// Requests numbered 1, 2, 3 ... in the order a run's socketserver stages first name them.
// The core numbers requests for the whole process (a second run would start at 7); a learner
// counts from 1 in every run, and the flow view and the panes must say the same number.
#pragma once

#include <TraceEvent.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

class RequestNumbers {
public:
    static constexpr std::size_t kMaxRequests = 100'000;  // past this, new requests keep the core's id

    void add(const std::vector<socketlab::TraceEvent> &events);
    std::uint64_t of(std::uint64_t coreId) const;  // the run's number; the core's id if never seen
    void clear() { m_numbers.clear(); }

private:
    std::unordered_map<std::uint64_t, std::uint64_t> m_numbers;
};
