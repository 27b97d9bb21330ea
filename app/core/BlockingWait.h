// Waiting for a socket to become ready, or for its deadline, or for Stop/Reset.
// Internal to the core: Socket uses it wherever Python's socket would block.
#pragma once

#include <cstdint>

namespace socketlab {

class CancelToken;

enum class WaitOutcome { Ready, TimedOut, Cancelled };

// deadlineNs < 0 waits without limit; events are poll() events (POLLIN, POLLOUT).
WaitOutcome waitUntilReady(int fd, short events, std::int64_t deadlineNs, const CancelToken *cancel);

} // namespace socketlab
