// Waiting for a call that cannot be interrupted - the C library's name lookups, which may
// wait seconds for a DNS server - so that Stop, Reset and quit still end the wait at once.
//
// The call runs on a thread of its own; the caller waits for it or for its CancelToken. When
// cancelled, the caller gets ErrorKind::Cancelled at once and the call is abandoned: it runs
// to its end on its thread, which then frees what the call used and ends. The call must own
// what it touches (capture by value), since its caller may be long gone by then.
#pragma once

#include "CancelToken.h"
#include "Result.h"

#include <cerrno>
#include <functional>
#include <memory>
#include <optional>

namespace socketlab {

// Runs work on its own thread and waits until it has returned (true), or until cancel is
// cancelled (false: work goes on, abandoned). Without a token, or when no thread or
// descriptor can be had, work runs here and now.
bool runCancellably(const CancelToken *cancel, std::function<void()> work);

// Calls started by runCancellably whose thread has not ended yet (abandoned ones included).
int cancellableCallsRunning();

template <typename T>
Result<T> callCancellably(const CancelToken *cancel, std::function<Result<T>()> call)
{
    if (cancel && cancel->isCancelled())
        return SocketError(ErrorKind::Cancelled, ECANCELED);
    auto result = std::make_shared<std::optional<Result<T>>>();
    if (!runCancellably(cancel, [result, call = std::move(call)] { result->emplace(call()); }))
        return SocketError(ErrorKind::Cancelled, ECANCELED);
    return std::move(**result);
}

} // namespace socketlab
