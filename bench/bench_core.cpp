// bench_core: what the socket core's design costs (DESIGN.md, "Benchmarks").
//
// Prints one figure a line, "<name> <value> [<unit>]". Each comparison is measured in
// this run against a plain C reference, in pairs (paired_runs.h), and printed as
// <name>_ratio = the median of the pairs' ours / reference, with <name>_ratio_min and
// _max, so ratios can be compared across machines where absolute figures cannot; the
// absolute figures are the medians of the runs. Not a test:
// it fails (non-zero, message on stderr) only when a socket call fails or a run stalls.
// Environment: SOCKETLAB_BENCH_SCALE multiplies durations and sizes (0.1: a quick run);
// SOCKETLAB_BENCH_ONLY=rr,bulk,probe,stream picks groups; SOCKETLAB_BENCH_VERBOSE=1 shows each run;
// SOCKETLAB_BENCH_SOLO=<figure> runs only that contender (to profile one side).
#include "bench_support.h"
#include "paired_runs.h"
#include "plain_loop.h"
#include "poll_loop.h"
#include "probe_bench.h"
#include "stream_bench.h"
#include "traced_loop.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace bench;

constexpr std::size_t kProbePairs = 500;  // 1000 sockets
constexpr double kProbeHz = 30;

RunFigures figures(const RoundTripResult &r)
{
    return {r.window.perSecond(), static_cast<double>(r.warmupCount + r.window.count)};
}

void roundTrips(double scale)
{
    const RoundTripPlan plan{0.1 * scale, 0.8 * scale};
    std::uint64_t events = 0, dropped = 0, tracedCount = 0;
    double tracedSeconds = 0;
    std::vector<PairedContender> c{
        {"rr_traced_per_s",
         [&] {
             const RoundTripResult r = tracedRoundTrips(plan);
             events += r.traceEvents;
             dropped += r.traceDropped;
             tracedCount += r.window.count;
             tracedSeconds += r.window.seconds;
             return figures(r);
         }, {}, {}},
        {"rr_plain_per_s", [&] { return figures(plainRoundTrips(plan)); }, {}, {}},
        {"rr_poll_per_s", [&] { return figures(pollRoundTrips(plan)); }, {}, {}},
    };
    runPairs(c);
    const PairedContender &traced = c[0], &plain = c[1], &poll = c[2];
    printMedian(traced, 0);
    printMedian(plain, 0);
    printPairRatio("rr", traced, plain);
    // The split of rr_ratio: the design's wait pattern, then the core's code and tracing.
    printMedian(poll, 0);
    printPairRatio("rr_poll", poll, plain);
    printPairRatio("rr_trace", traced, poll);
    printFigure("trace_events_per_s", static_cast<double>(events) / tracedSeconds, 0);
    printFigure("trace_events_per_rr", static_cast<double>(events) / static_cast<double>(tracedCount), 2);
    printFigure("trace_dropped", static_cast<double>(dropped), 0, "events");
}

BulkPlan bulkPlan(double scale)
{
    BulkPlan plan;
    const double total = std::max(16.0 * (1 << 20), std::round(512.0 * (1 << 20) * scale));
    // Whole chunks: every run makes the same sequence of full-size sendall() calls.
    plan.totalBytes = static_cast<std::uint64_t>(total) / plan.chunkBytes * plan.chunkBytes;
    plan.warmupBytes = plan.totalBytes / 16;
    return plan;
}

void bulk(double scale)
{
    const BulkPlan plan = bulkPlan(scale);
    // CPU per megabyte of the whole transfer, warm-up included.
    auto mbps = [&plan](BulkResult r) { return RunFigures{r.megabytesPerSecond(), static_cast<double>(plan.totalBytes) / 1e6}; };
    // Two comparisons, each against its own plain run made right beside it.
    const auto compare = [](const char *name, PairedContender ours, PairedContender plain) {
        std::vector<PairedContender> pair{std::move(ours), std::move(plain)};
        runPairs(pair);
        printMedian(pair[0], 1);
        printMedian(pair[1], 1);
        printPairRatio(name, pair[0], pair[1]);
    };
    compare("bulk", {"bulk_send_traced_MBps", [&] { return mbps(tracedBulkSend(plan)); }, {}, {}},
            {"bulk_send_plain_MBps", [&] { return mbps(plainBulk(plan)); }, {}, {}});
    compare("bulk_recv", {"bulk_recv_traced_MBps", [&] { return mbps(tracedBulkRecv(plan)); }, {}, {}},
            {"bulk_recv_plain_MBps", [&] { return mbps(plainBulk(plan)); }, {}, {}});
}

void probes(double scale)
{
    const int rounds = std::max(3, static_cast<int>(std::lround(30 * scale)));
    const ProbeResult result = probeSockets(kProbePairs, rounds);
    printFigure("probe_" + std::to_string(result.sockets) + "_sockets_us", result.averageMicroseconds, 1);
    // Probe time per second of wall time at the table's refresh rate, as % of one core.
    printFigure("probe_30hz_cpu_percent", result.averageMicroseconds * kProbeHz / 1e6 * 100, 2);
    // The views' whole tick: the same probes plus endpoints and pairing, against probes alone.
    printFigure("snapshot_" + std::to_string(result.sockets) + "_sockets_us", result.snapshotMicroseconds, 1);
    printFigure("snapshot_ratio", result.snapshotMicroseconds / result.averageMicroseconds, 3);
}

void stream(double scale)
{
    const StreamResult r = measureTraceStream(scale);
    printFigure("trace_sustained_events_per_s", r.sustainedPerSecond, 0);
    printFigure("trace_first_drop_events_per_s", r.firstDropPerSecond, 0);
    printFigure("trace_memory_run_events", static_cast<double>(r.events), 0);
    printFigure("trace_rss_growth_MB", r.rssGrowthMB, 2);
    printFigure("trace_rss_drift_MB", r.rssDriftMB, 2);
    printFigure("trace_ring_MB", r.ringMB, 2);
}

} // namespace

int main()
{
    const double scale = startRun();
    if (selected("rr"))
        roundTrips(scale);
    if (selected("bulk"))
        bulk(scale);
    if (selected("probe"))
        probes(scale);
    if (selected("stream"))
        stream(scale);
    return EXIT_SUCCESS;
}
