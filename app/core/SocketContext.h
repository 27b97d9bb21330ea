// Where a socket reports and who may stop it: the trace it writes, the cancel token that
// wakes its blocked calls, the registry that lists it, the owner named in views, and the
// faults a lesson injects into its calls.
// Sockets accepted from a listener inherit the listener's context. Every member may be
// empty: a socket without a trace is simply not traced, one without a token cannot be
// cancelled (only timed out).
#pragma once

#include <memory>
#include <string>

namespace socketlab {

class TraceStream;
class CancelToken;
class SocketRegistry;
class FaultPlan;

struct SocketContext {
    std::shared_ptr<TraceStream> trace;
    std::shared_ptr<CancelToken> cancel;
    std::shared_ptr<SocketRegistry> registry;
    std::string owner;
    std::shared_ptr<FaultPlan> faults = nullptr;  // injected faults (FaultPlan.h); none when empty
};

} // namespace socketlab
