// bench_core: what the socket core's design costs (DESIGN.md, "Benchmarks").
//
// Prints one figure a line, "<name> <value> [<unit>]". Each comparison is measured in
// this run against a plain C reference and printed as <name>_ratio = ours / reference,
// so ratios can be compared across machines where absolute figures cannot. Not a test:
// it fails (non-zero, message on stderr) only when a socket call fails or a run stalls.
// Environment: SOCKETLAB_BENCH_SCALE multiplies durations and sizes (0.1: a quick run);
// SOCKETLAB_BENCH_ONLY=rr,bulk,probe picks groups; SOCKETLAB_BENCH_VERBOSE=1 shows rounds.
#include "bench_support.h"
#include "plain_loop.h"
#include "poll_loop.h"
#include "probe_bench.h"
#include "traced_loop.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace bench;

// Every figure is the best of several rounds, and rounds rotate the order of the
// contenders. Other load on the machine only ever slows a round down, so the best round
// is the closest to what the code itself costs, and the one that repeats from run to run
// (on a shared 2-CPU VM, medians moved rr_ratio by 0.26 between runs, bests by 0.04).
constexpr int kRounds = 5;
constexpr std::size_t kProbePairs = 500;  // 1000 sockets
constexpr double kProbeHz = 30;

// One side of a comparison: its figure's name and a run giving one round's value.
struct Contender {
    std::string name;
    std::function<double()> run;
    std::vector<double> values;
    double best() const { return values.empty() ? 0 : *std::max_element(values.begin(), values.end()); }
};

void runRounds(std::vector<Contender> &contenders)
{
    // Every round on stderr when asked, to judge the spread behind a best.
    const char *verbose = std::getenv("SOCKETLAB_BENCH_VERBOSE");
    const bool showRounds = verbose && *verbose && std::string(verbose) != "0";
    const std::size_t n = contenders.size();
    for (int round = 0; round < kRounds; ++round) {
        for (std::size_t i = 0; i < n; ++i) {
            Contender &c = contenders[(static_cast<std::size_t>(round) + i) % n];
            const double value = c.run();
            if (failed())
                die(failureMessage());
            c.values.push_back(value);
            if (showRounds)
                std::fprintf(stderr, "# round %d %s %.1f\n", round, c.name.c_str(), value);
        }
    }
    if (showRounds)
        for (const Contender &c : contenders)
            std::fprintf(stderr, "# %s median %.1f best %.1f\n", c.name.c_str(), median(c.values), c.best());
}

void roundTrips(double scale)
{
    const RoundTripPlan plan{0.1 * scale, 0.8 * scale};
    std::uint64_t events = 0, dropped = 0, tracedCount = 0;
    double tracedSeconds = 0;
    std::vector<Contender> c{
        {"rr_traced_per_s",
         [&] {
             const RoundTripResult r = tracedRoundTrips(plan);
             events += r.traceEvents;
             dropped += r.traceDropped;
             tracedCount += r.window.count;
             tracedSeconds += r.window.seconds;
             return r.window.perSecond();
         }, {}},
        {"rr_plain_per_s", [&] { return plainRoundTrips(plan).window.perSecond(); }, {}},
        {"rr_poll_per_s", [&] { return pollRoundTrips(plan).window.perSecond(); }, {}},
    };
    runRounds(c);
    const double traced = c[0].best(), plain = c[1].best(), poll = c[2].best();
    printFigure(c[0].name, traced, 0);
    printFigure(c[1].name, plain, 0);
    printFigure("rr_ratio", traced / plain, 3);
    // The split of rr_ratio: the design's wait pattern, then the core's code and tracing.
    printFigure(c[2].name, poll, 0);
    printFigure("rr_poll_ratio", poll / plain, 3);
    printFigure("rr_trace_ratio", traced / poll, 3);
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
    auto mbps = [](BulkResult r) { return r.megabytesPerSecond(); };
    std::vector<Contender> c{
        {"bulk_send_traced_MBps", [&] { return mbps(tracedBulkSend(plan)); }, {}},
        {"bulk_send_plain_MBps", [&] { return mbps(plainBulk(plan)); }, {}},
        {"bulk_recv_traced_MBps", [&] { return mbps(tracedBulkRecv(plan)); }, {}},
        // The same run as bulk_send_plain, measured again in its own slot of the rotation.
        {"bulk_recv_plain_MBps", [&] { return mbps(plainBulk(plan)); }, {}},
    };
    runRounds(c);
    for (std::size_t i = 0; i < 2; ++i)
        printFigure(c[i].name, c[i].best(), 1);
    printFigure("bulk_ratio", c[0].best() / c[1].best(), 3);
    for (std::size_t i = 2; i < 4; ++i)
        printFigure(c[i].name, c[i].best(), 1);
    printFigure("bulk_recv_ratio", c[2].best() / c[3].best(), 3);
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

// Running one group alone serves profiling (perf record) and quick checks.
bool selected(const char *group)
{
    const char *only = std::getenv("SOCKETLAB_BENCH_ONLY");
    if (!only || !*only)
        return true;
    const std::string list = std::string(",") + only + ",";
    return list.find(std::string(",") + group + ",") != std::string::npos;
}

} // namespace

int main()
{
    const double scale = benchScale();
    printFigure("bench_scale", scale, 2);
    // Context for reading the figures: with a load near the CPU count, every figure
    // measures the neighbours too (the ratios least, being taken in the same run).
    printFigure("bench_cpus", static_cast<double>(std::thread::hardware_concurrency()), 0);
    double load[1] = {0};
    if (getloadavg(load, 1) == 1)
        printFigure("bench_load_1m", load[0], 2);
    if (selected("rr"))
        roundTrips(scale);
    if (selected("bulk"))
        bulk(scale);
    if (selected("probe"))
        probes(scale);
    return EXIT_SUCCESS;
}
