// The core under test: the same traffic as plain_loop.h, through socketlab::Socket in
// blocking mode with full tracing (TracedContext). Each function builds its own
// connection and context, so runs do not share state.
#pragma once

#include "bench_support.h"

namespace bench {

// Echo round trips, client and echo server both core Sockets. Also reports the events
// the trace took during the timed window.
RoundTripResult tracedRoundTrips(const RoundTripPlan &plan);

// Core sendall() on one end, core recv_into() on the other: the core on both sides.
BulkResult tracedBulkSend(const BulkPlan &plan);

// A plain sender, and the core receiving with recv(bufsize), which returns bytes as
// Python's does: the core's receive side alone, allocation of the result included.
BulkResult tracedBulkRecv(const BulkPlan &plan);

} // namespace bench
