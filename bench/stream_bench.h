// What the trace stream sustains (issue 18): the event rate it carries with no drop while
// its reader drains it at the GUI's 20 Hz, and the memory it holds over ten million events.
#pragma once

#include <cstdint>

namespace bench {

struct StreamResult {
    double sustainedPerSecond = 0;  // the highest paced rate tried that lost nothing
    double firstDropPerSecond = 0;  // the rate that first lost events (0: none did)
    std::uint64_t events = 0;       // pushed in the memory run
    // Resident memory after the memory run minus before the stream existed (memory malloc
    // kept from earlier groups may be reused, so the ring's own size is given too).
    double rssGrowthMB = 0;
    double rssDriftMB = 0;          // the same after the last 90 % of it: flat means ~0
    double ringMB = 0;              // what the stream's ring itself came to hold
};

StreamResult measureTraceStream(double scale);

} // namespace bench
