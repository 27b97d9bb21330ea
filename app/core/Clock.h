// The one clock of the trace: monotonic nanoseconds.
#pragma once

#include <chrono>
#include <cstdint>

namespace socketlab {

inline std::int64_t steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace socketlab
