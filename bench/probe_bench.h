// The cost of the live views' kernel probes: SocketRecord::probe() over every record of a
// registry holding 1000 open TCP sockets, the load DESIGN.md wants cheap at 30 Hz, and the
// whole per-tick SocketSnapshot (the same probes, the endpoints, and the peer pairing).
#pragma once

#include <cstddef>

namespace bench {

struct ProbeResult {
    std::size_t sockets = 0;
    double averageMicroseconds = 0;  // one pass over every record, snapshot included
    double snapshotMicroseconds = 0;  // one SocketSnapshot::take, every socket paired
};

// `pairs` connected loopback pairs (2 * pairs sockets), probed `rounds` times after one
// untimed pass that also checks every sample is a live ESTABLISHED socket; then as many
// snapshots, each checked to pair every socket with its peer.
ProbeResult probeSockets(std::size_t pairs, int rounds);

} // namespace bench
