// The GUI-like trace drainer and watchdog behind TracedContext; see traced_context.h.
#include "traced_context.h"

#include "bench_support.h"

#include <CancelToken.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <memory>
#include <vector>

namespace bench {
namespace {

// A drain every 10 ms, in batches of at most 2000 events (the GUI's refresh batch) so
// the stream's mutex is never held for one huge copy. The stream's 16384 slots hold
// ~35 ms of the echo loop's ~450k events/s: only a drainer starved of CPU for longer
// than that (a loaded machine) makes trace_dropped non-zero.
constexpr auto kDrainPeriod = std::chrono::milliseconds(10);
constexpr std::size_t kDrainBatch = 2000;
constexpr int kMaxBatchesPerDrain = 16;  // more than the stream's 16384 slots

// SOCKETLAB_BENCH_TRACE=0: the same runs with no TraceStream attached, to price the
// trace alone (the core then records nothing). Only the bench reads it.
bool traceWanted()
{
    const char *flag = std::getenv("SOCKETLAB_BENCH_TRACE");
    return !flag || std::string(flag) != "0";
}

} // namespace

TracedContext::TracedContext(double watchdogSeconds)
{
    if (traceWanted())
        m_context.trace = std::make_shared<socketlab::TraceStream>();
    m_context.registry = std::make_shared<socketlab::SocketRegistry>();
    m_context.cancel = socketlab::CancelToken::create();
    m_context.owner = "bench";
    if (m_context.cancel->wakeDescriptor() < 0)
        die("the cancel token has no eventfd (out of descriptors?)");
    m_drainer = std::thread([this, deadline = nowSeconds() + watchdogSeconds] { drainLoop(deadline); });
}

TracedContext::~TracedContext()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_drainer.join();
}

void TracedContext::cancel() const
{
    m_context.cancel->cancel();
}

void TracedContext::drainLoop(double deadline)
{
    std::vector<socketlab::TraceEvent> events;
    events.reserve(kDrainBatch);
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_wake.wait_for(lock, kDrainPeriod, [this] { return m_stop; });
        lock.unlock();
        // Bounded, so a writer faster than the drain cannot keep this thread busy forever.
        for (int batch = 0; m_context.trace && batch < kMaxBatchesPerDrain && m_context.trace->drain(events, kDrainBatch) > 0; ++batch) {
            m_drained.fetch_add(events.size(), std::memory_order_relaxed);
            events.clear();  // a view would turn them into rows here, on its own thread
        }
        if (nowSeconds() > deadline && !m_context.cancel->isCancelled()) {
            recordFailure("watchdog: a core run took too long; cancelled it");
            m_context.cancel->cancel();
        }
        lock.lock();
    }
}

} // namespace bench
