// Wakes socket calls blocked on other threads (Stop, Reset, quit).
//
// On Linux, close() from another thread does not wake a thread blocked in accept() or
// recv(), and the descriptor number may be reused under it. So the core never blocks in
// the kernel call itself: it polls the socket together with this token's eventfd, and
// cancel() makes that poll return. A cancelled token stays cancelled until reset(), so a
// program being stopped cannot block again on its way out.
#pragma once

#include <atomic>
#include <memory>

namespace socketlab {

class CancelToken {
public:
    static std::shared_ptr<CancelToken> create() { return std::shared_ptr<CancelToken>(new CancelToken); }
    ~CancelToken();
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    void cancel();  // any thread; idempotent
    void reset();   // make calls blockable again (before a program restarts)
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }

    // Descriptor that becomes readable once cancelled; -1 if none could be made (EMFILE),
    // in which case waiters fall back to polling isCancelled() in short slices.
    int wakeDescriptor() const { return m_eventFd; }

private:
    CancelToken();
    std::atomic<bool> m_cancelled{false};
    int m_eventFd = -1;
};

} // namespace socketlab
