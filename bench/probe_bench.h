// The cost of the socket table's kernel probes: SocketRecord::probe() over every record
// of a registry holding 1000 open TCP sockets, the load DESIGN.md wants cheap at 30 Hz.
#pragma once

#include <cstddef>

namespace bench {

struct ProbeResult {
    std::size_t sockets = 0;
    double averageMicroseconds = 0;  // one pass over every record, snapshot included
};

// `pairs` connected loopback pairs (2 * pairs sockets), probed `rounds` times after one
// untimed pass that also checks every sample is a live ESTABLISHED socket.
ProbeResult probeSockets(std::size_t pairs, int rounds);

} // namespace bench
