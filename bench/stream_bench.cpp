// The trace stream under a paced writer and a 20 Hz reader; see stream_bench.h.
#include "stream_bench.h"

#include "bench_support.h"

#include <Clock.h>
#include <TraceStream.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

namespace bench {
namespace {

using socketlab::TraceEvent;
using socketlab::TraceStream;

constexpr auto kDrainPeriod = std::chrono::milliseconds(50);  // the window's 20 Hz refresh
constexpr double kFirstRate = 50'000;
constexpr double kRateStep = 50'000;
constexpr double kMaxRate = 2'000'000;
constexpr std::uint64_t kMemoryEvents = 10'000'000;

// RunFeed::kEventsPerTick (app/lab, which this bench does not link): what the window takes a tick.
constexpr std::size_t kFeedEventsPerTick = 2000;

// A reader at 20 Hz, like RunFeed's tick: taking at most `perTick` each time.
class Drainer {
public:
    Drainer(TraceStream &stream, std::size_t perTick)
        : m_stream(stream), m_perTick(perTick), m_thread([this] { loop(); })
    {
    }
    ~Drainer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

private:
    void loop()
    {
        std::vector<TraceEvent> events;
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, kDrainPeriod, [this] { return m_stop; });
            events.clear();  // the views would turn them into rows here
            m_stream.drain(events, m_perTick);
        }
    }

    TraceStream &m_stream;
    const std::size_t m_perTick;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

// A typical event of a call's return, as CallTrace makes it.
TraceEvent sampleEvent()
{
    TraceEvent e;
    e.timeNs = socketlab::steadyNowNs();
    e.socketId = 7;
    e.fd = 9;
    e.call = socketlab::TraceCall::Recv;
    e.phase = socketlab::TracePhase::Returned;
    e.arg = 1024;
    e.result = 64;
    return e;
}

// Pushes at `rate` for `seconds`, paced every millisecond; returns the events dropped.
std::uint64_t pacedRun(double rate, double seconds)
{
    TraceStream stream;
    const Drainer drainer(stream, SIZE_MAX);  // everything: the stream's own limit
    const double start = nowSeconds();
    std::uint64_t pushed = 0;
    for (double now = start; now - start < seconds; now = nowSeconds()) {
        const auto due = static_cast<std::uint64_t>((now - start) * rate);
        for (; pushed < due; ++pushed)
            stream.push(sampleEvent());
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return stream.dropped();
}

} // namespace

StreamResult measureTraceStream(double scale)
{
    StreamResult result;
    // Memory first, so what earlier runs left to malloc does not hide what this one takes.
    // Ten million events at full speed, read as the window reads them (so most are dropped:
    // memory is the question here).
    const double before = residentMB();
    {
        TraceStream stream;
        const Drainer drainer(stream, kFeedEventsPerTick);  // as the window drains it
        const std::uint64_t tenth = kMemoryEvents / 10;
        double afterTenth = 0;
        for (std::uint64_t i = 0; i < kMemoryEvents; ++i) {
            stream.push(sampleEvent());
            if (i + 1 == tenth)
                afterTenth = residentMB();
        }
        const double after = residentMB();
        result.events = stream.pushed();
        result.ringMB = static_cast<double>(stream.slotsTouched() * sizeof(TraceEvent)) / 1e6;
        result.rssGrowthMB = after - before;
        result.rssDriftMB = after - afterTenth;
    }

    const double seconds = 1.0 * scale;
    for (double rate = kFirstRate; rate <= kMaxRate; rate += kRateStep) {
        if (pacedRun(rate, seconds) > 0) {
            result.firstDropPerSecond = rate;
            break;
        }
        result.sustainedPerSecond = rate;
    }

    return result;
}

} // namespace bench
