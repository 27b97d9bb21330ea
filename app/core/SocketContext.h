// Where a socket reports and who may stop it: the trace it writes, the cancel token that
// wakes its blocked calls, the registry that lists it, the owner named in views, the
// faults a lesson injects into its calls, and who explains its errors to the learner.
// Sockets accepted from a listener inherit the listener's context. Every member may be
// empty: a socket without a trace is simply not traced, one without a token cannot be
// cancelled (only timed out).
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace socketlab {

class TraceStream;
class CancelToken;
class SocketRegistry;
class FaultPlan;
class SocketError;

// What an error usually means, in the learner's language ("" when there is nothing to add).
// The core has no translations, so the lab layer supplies this; reports such as a server's
// handle_error add it under Python's own text.
using ErrorExplainer = std::function<std::string(const SocketError &)>;

struct SocketContext {
    std::shared_ptr<TraceStream> trace;
    std::shared_ptr<CancelToken> cancel;
    std::shared_ptr<SocketRegistry> registry;
    std::string owner;
    std::shared_ptr<FaultPlan> faults = nullptr;  // injected faults (FaultPlan.h); none when empty
    ErrorExplainer explain = {};
};

} // namespace socketlab
