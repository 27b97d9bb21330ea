// A second reference that splits the rr_ratio in two: the core's syscall pattern
// (non-blocking descriptor; try, EAGAIN, poll() on the socket plus a cancel eventfd,
// try again) done in plain C, with no Socket, Result, record or trace. traced / poll is
// then what the core's code and tracing cost; poll / plain what the design costs.
#pragma once

#include "bench_support.h"

namespace bench {

RoundTripResult pollRoundTrips(const RoundTripPlan &plan);

} // namespace bench
