// poll() on the socket and the cancel token's eventfd together, so another thread can
// wake the waiter without touching the socket's descriptor.
#include "BlockingWait.h"

#include "CancelToken.h"
#include "Clock.h"
#include "sys/Syscalls.h"

#include <cerrno>
#include <poll.h>

namespace socketlab {
namespace {
// Without an eventfd (the process ran out of descriptors) the token is checked this often.
constexpr int kFallbackSliceMs = 20;
}

WaitOutcome waitUntilReady(int fd, short events, std::int64_t deadlineNs, const CancelToken *cancel)
{
    for (;;) {
        if (cancel && cancel->isCancelled())
            return WaitOutcome::Cancelled;

        int timeoutMs = -1;
        if (deadlineNs >= 0) {
            const std::int64_t left = deadlineNs - steadyNowNs();
            if (left <= 0)
                return WaitOutcome::TimedOut;
            timeoutMs = static_cast<int>((left + 999'999) / 1'000'000);  // round up: never wake early
        }
        const int wakeFd = cancel ? cancel->wakeDescriptor() : -1;
        if (cancel && wakeFd < 0 && (timeoutMs < 0 || timeoutMs > kFallbackSliceMs))
            timeoutMs = kFallbackSliceMs;

        pollfd fds[2] = {{fd, events, 0}, {wakeFd, POLLIN, 0}};
        const sys::SysResult rc = sys::poll(fds, wakeFd >= 0 ? 2u : 1u, timeoutMs);
        if (!rc.ok()) {
            if (rc.error == EINTR)
                continue;
            return WaitOutcome::Ready;  // let the call itself report what is wrong
        }
        if (wakeFd >= 0 && (fds[1].revents & POLLIN))
            return WaitOutcome::Cancelled;
        if (fds[0].revents != 0)
            return WaitOutcome::Ready;
    }
}

} // namespace socketlab
