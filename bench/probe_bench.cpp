// Times what a socket-table refresh costs the kernel side: a registry snapshot and one
// probe() (TCP_INFO, SO_RCVBUF, SO_SNDBUF, SIOCINQ, SIOCOUTQ) per open socket.
#include "probe_bench.h"

#include "bench_support.h"
#include "core_setup.h"

#include <SocketRegistry.h>
#include <SocketSnapshot.h>

#include <cerrno>
#include <cstdint>
#include <limits>
#include <memory>
#include <netinet/tcp.h>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace bench {
namespace {

using socketlab::Socket;

// 1000 sockets plus a listener, eventfds and stdio need more than a default soft limit
// of 1024: raise it to the hard limit, as a lab with many clients would have to.
void ensureDescriptors(std::size_t needed)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        die(errnoText("getrlimit(RLIMIT_NOFILE)", errno));
    if (limit.rlim_cur >= needed)
        return;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed)
        die("RLIMIT_NOFILE hard limit " + std::to_string(limit.rlim_max) + " is below the " +
            std::to_string(needed) + " descriptors the probe benchmark needs");
    limit.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
        die(errnoText("setrlimit(RLIMIT_NOFILE)", errno));
}

// One refresh as a view does it; returns how many samples were complete: a live
// ESTABLISHED socket whose every probe answered (a failed one would look cheap).
std::size_t probeAll(const socketlab::SocketRegistry &registry)
{
    std::size_t complete = 0;
    for (const std::shared_ptr<socketlab::SocketRecord> &record : registry.snapshot()) {
        const socketlab::KernelSample s = record->probe();
        const bool ok = s.available && s.tcpState == TCP_ESTABLISHED && s.receiveQueue >= 0 && s.sendQueue >= 0 &&
                        s.receiveBuffer > 0 && s.sendBuffer > 0;
        complete += ok ? 1 : 0;
    }
    return complete;
}

} // namespace

ProbeResult probeSockets(std::size_t pairs, int rounds)
{
    ensureDescriptors(2 * pairs + 64);
    auto registry = std::make_shared<socketlab::SocketRegistry>();
    socketlab::SocketContext context;
    context.registry = registry;
    context.owner = "bench";

    std::vector<Socket> sockets;
    sockets.reserve(2 * pairs);
    {
        // Accepted sockets inherit the listener's context, so the listener is registered
        // too; it is closed and pruned below so only the 2 * pairs connections remain.
        Socket listener = coreListener(context, Socket::kDefaultBacklog);
        const std::uint16_t port = portOf(listener);
        for (std::size_t i = 0; i < pairs; ++i) {
            sockets.push_back(coreConnect(context, port, false));
            sockets.push_back(must(listener.accept(), "accept").socket);
        }
    }
    registry->pruneClosedBefore(std::numeric_limits<std::int64_t>::max());

    ProbeResult result;
    result.sockets = registry->openCount();
    const std::size_t live = probeAll(*registry);  // warm-up, and proof the probes see real sockets
    if (result.sockets != 2 * pairs || live != 2 * pairs)
        die("probe: expected " + std::to_string(2 * pairs) + " ESTABLISHED sockets, registry has " +
            std::to_string(result.sockets) + ", complete probes of " + std::to_string(live));

    std::size_t seen = 0;
    const double start = nowSeconds();
    for (int i = 0; i < rounds; ++i)
        seen += probeAll(*registry);
    const double seconds = nowSeconds() - start;
    if (seen != static_cast<std::size_t>(rounds) * 2 * pairs)
        die("probe: a probe failed, or a socket stopped being ESTABLISHED, during the benchmark");
    result.averageMicroseconds = seconds * 1e6 / rounds;

    std::size_t paired = 0;
    const double snapshotStart = nowSeconds();
    for (int i = 0; i < rounds; ++i) {
        const socketlab::SocketSnapshot snapshot = socketlab::SocketSnapshot::take(*registry);
        for (const socketlab::SocketSample &sample : snapshot.sockets())
            paired += sample.peerId != 0 && sample.kernel.available ? 1 : 0;
    }
    const double snapshotSeconds = nowSeconds() - snapshotStart;
    if (paired != static_cast<std::size_t>(rounds) * 2 * pairs)
        die("probe: a snapshot left a socket unpaired or unprobed");
    result.snapshotMicroseconds = snapshotSeconds * 1e6 / rounds;
    return result;
}

} // namespace bench
