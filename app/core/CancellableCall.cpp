// runCancellably: the abandonable thread behind cancellable name lookups.
#include "CancellableCall.h"

#include "BlockingWait.h"
#include "sys/Syscalls.h"

#include <atomic>
#include <mutex>
#include <poll.h>
#include <system_error>
#include <thread>

namespace socketlab {
namespace {

std::atomic<int> g_running{0};

// What the caller and the call's thread share; the last of the two to let go frees it.
struct Outcome {
    std::mutex mutex;
    bool done = false;
    int doneFd = -1;  // an eventfd, readable once done: what the caller polls with its token
    ~Outcome()
    {
        if (doneFd >= 0)
            (void)sys::close(doneFd);
    }
};

} // namespace

int cancellableCallsRunning()
{
    return g_running.load();
}

bool runCancellably(const CancelToken *cancel, std::function<void()> work)
{
    if (!cancel) {
        work();
        return true;
    }
    auto outcome = std::make_shared<Outcome>();
    const sys::SysResult fd = sys::eventfdCreate();
    if (!fd.ok()) {  // out of descriptors: the lookup itself needs some, and will fail quickly
        work();
        return true;
    }
    outcome->doneFd = static_cast<int>(fd.value);
    auto shared = std::make_shared<std::function<void()>>(std::move(work));
    ++g_running;
    try {
        std::thread([outcome, shared]() mutable {
            (*shared)();
            {
                std::lock_guard lock(outcome->mutex);
                outcome->done = true;
            }
            (void)sys::eventfdSignal(outcome->doneFd);
            shared.reset();   // the call's own state, and the result if nobody waits for it
            outcome.reset();
            --g_running;      // last: nothing of the call is left once this reads 0
        }).detach();
    } catch (const std::system_error &) {  // no thread to be had: do it here, uncancellable
        --g_running;
        (*shared)();
        return true;
    }
    for (;;) {
        if (waitUntilReady(outcome->doneFd, POLLIN, -1, cancel) == WaitOutcome::Cancelled)
            return false;
        std::lock_guard lock(outcome->mutex);  // also orders the call's writes before our reads
        if (outcome->done)
            return true;
    }
}

} // namespace socketlab
