// Socket::retryUntilReady: the loop behind every call that may block. Internal to the
// core; included by the files that implement Socket.
#pragma once

#include "BlockingWait.h"
#include "CallTrace.h"
#include "CancelToken.h"
#include "Socket.h"
#include "sys/Syscalls.h"

#include <cerrno>

namespace socketlab {

template <typename Attempt>
Result<long long> Socket::retryUntilReady(short events, CallTrace &trace, std::int64_t deadline, Attempt attempt)
{
    const CancelToken *cancel = m_context.cancel.get();
    for (;;) {
        // A stopped program must not block again on its way out, even if data is ready.
        if (cancel && cancel->isCancelled())
            return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
        const sys::SysResult r = attempt();
        if (r.ok())
            return r.value;
        if (r.error != EAGAIN || nonBlocking())
            return trace.failed(SocketError::fromErrno(r.error));
        trace.blockBegins();
        const WaitOutcome outcome = waitUntilReady(m_fd, events, deadline, cancel);
        trace.blockEnds();
        if (outcome == WaitOutcome::TimedOut)
            return trace.failed(SocketError(ErrorKind::Timeout, ETIMEDOUT));
        if (outcome == WaitOutcome::Cancelled)
            return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
    }
}

} // namespace socketlab
