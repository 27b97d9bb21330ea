// What every benchmark of bench_core shares: the scale knob, the clock, the figure
// format of DESIGN.md ("<name> <value> [<unit>]"), timed loops, and the first failure a
// bench thread met. Worker threads never exit the process: they record the failure, wake
// their peer and return, so every thread is joined and main reports the failure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace bench {

// SOCKETLAB_BENCH_SCALE multiplies durations and sizes (0.1 for a quick run); default 1.
double benchScale();

double nowSeconds();  // steady clock, seconds

// Prints the run's context (bench_scale, bench_cpus, bench_load_1m) and returns the scale.
double startRun();
// SOCKETLAB_BENCH_ONLY=a,b: whether group is one of them (all groups when unset). Running
// one group alone serves profiling (perf record) and quick checks.
bool selected(const char *group);

// One figure a line; decimals chosen by the caller so integers print as integers.
void printFigure(const std::string &name, double value, int decimals, const char *unit = nullptr);

// The first failure wins: later ones are usually its echo on the peer thread.
void recordFailure(const std::string &message);
bool failed();
std::string failureMessage();
std::string errnoText(const char *what, int err);  // "recv: Connection reset by peer (errno 104)"
[[noreturn]] void die(const std::string &message);  // main thread only, before workers start

double median(std::vector<double> values);
double residentMB();  // this process's resident memory (/proc/self/statm)

// std::jthread is C++20: this joins on every path out of a scope, failures included.
class JoiningThread {
public:
    template <typename Fn>
    explicit JoiningThread(Fn fn) : m_thread(std::move(fn)) {}
    ~JoiningThread() { m_thread.join(); }
    JoiningThread(const JoiningThread &) = delete;
    JoiningThread &operator=(const JoiningThread &) = delete;

private:
    std::thread m_thread;
};

struct Window {
    std::uint64_t count = 0;
    double seconds = 0;
    double perSecond() const { return seconds > 0 ? static_cast<double>(count) / seconds : 0; }
};

// Repeats step() for `seconds`, or until it returns false (it recorded a failure).
// The clock is read every step: a vDSO read is tens of ns against a round trip of µs.
template <typename Step>
Window runFor(double seconds, Step step)
{
    Window w;
    const double start = nowSeconds();
    double now = start;
    while (now - start < seconds) {
        if (!step())
            break;
        ++w.count;
        now = nowSeconds();
    }
    w.seconds = now - start;
    return w;
}

// What the echo loops ask recv() for: the tutorials' BUFSIZ, as a learner's server would.
constexpr std::size_t kEchoBufsize = 1024;

struct RoundTripPlan {
    double warmupSeconds = 0.2;
    double seconds = 1.0;
};

struct RoundTripResult {
    Window window;
    std::uint64_t warmupCount = 0;   // round trips before the window (for CPU time per round trip)
    std::uint64_t traceEvents = 0;   // traced runs: events pushed during the window
    std::uint64_t traceDropped = 0;  // traced runs: events lost to overflow during the window
};

struct BulkPlan {
    std::uint64_t totalBytes = 512ull << 20;
    std::size_t chunkBytes = 64u << 10;
    std::uint64_t warmupBytes = 32ull << 20;  // received before the clock starts
};

struct BulkResult {
    std::uint64_t bytes = 0;
    double seconds = 0;
    double megabytesPerSecond() const { return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0; }
};

// Counts received bytes and times the part after the warm-up, on the receiving thread:
// the sender's view ends as soon as the kernel took its last chunk, too early by a buffer.
class BulkMeter {
public:
    explicit BulkMeter(const BulkPlan &plan) : m_plan(plan) {}
    void add(std::size_t n);
    bool done() const { return m_bytes >= m_plan.totalBytes; }
    std::size_t nextChunk() const;  // never asks for more than is still due
    BulkResult result() const;

private:
    BulkPlan m_plan;
    std::uint64_t m_bytes = 0;
    std::uint64_t m_startBytes = 0;
    double m_start = -1;
    double m_end = -1;
};

} // namespace bench
