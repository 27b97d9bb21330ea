// The client side of every socketserver run: tsTclntSS.py's pattern in plain C - a new
// connection per line, the line sent with "\r\n", one recv() of the reply, close() - in a
// loop, timed. The same client meets every server, so the servers alone differ.
#pragma once

#include "../bench_support.h"

#include <cstdint>

namespace bench {

struct ClientRun {
    Window window;                // requests answered in the timed part
    std::uint64_t warmupCount = 0;
};

// Runs against 127.0.0.1:port on the calling thread (any thread: failures are recorded):
// warm-up, then the timed window. A reply that is not "[<ctime>] line\r\n" ends the run.
ClientRun runTimestampClient(std::uint16_t port, double warmupSeconds, double seconds);

} // namespace bench
