// Full tracing for the core's benchmark runs: a SocketContext with a TraceStream, a
// SocketRegistry and a CancelToken attached, as a lab pane has, plus a thread that drains
// the trace in batches on a timer the way the GUI does (it sleeps on a condition variable
// between drains, never on the socket path). The same thread is the run's watchdog: past
// its deadline it cancels the token, so every blocked core call returns and every thread
// can be joined; the run then fails with a clear message.
#pragma once

#include <SocketContext.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace socketlab {
class CancelToken;
class TraceStream;
}

namespace bench {

class TracedContext {
public:
    explicit TracedContext(double watchdogSeconds);
    ~TracedContext();  // stops and joins the drainer
    TracedContext(const TracedContext &) = delete;
    TracedContext &operator=(const TracedContext &) = delete;

    const socketlab::SocketContext &context() const { return m_context; }
    socketlab::TraceStream *trace() const { return m_context.trace.get(); }  // null: SOCKETLAB_BENCH_TRACE=0
    // Wakes the peer of a thread that failed, as Stop does in the app.
    void cancel() const;

    std::uint64_t drainedEvents() const { return m_drained.load(std::memory_order_relaxed); }

private:
    void drainLoop(double deadline);

    socketlab::SocketContext m_context;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;  // guarded by m_mutex
    std::atomic<std::uint64_t> m_drained{0};
    std::thread m_drainer;  // last: starts after everything it reads is built
};

} // namespace bench
