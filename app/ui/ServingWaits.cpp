#include "ServingWaits.h"

using namespace socketlab;

namespace {

// The stages the serving thread runs when serve_forever's wait ends. (A request thread's
// stages - finish_request, handle ... - run beside a new wait, and do not end it.)
bool endsWait(TraceCall call)
{
    return call == TraceCall::GetRequest || call == TraceCall::VerifyRequest || call == TraceCall::ProcessRequest
        || call == TraceCall::HandleRequest || call == TraceCall::HandleTimeout;
}

} // namespace

void ServingWaits::add(const std::vector<TraceEvent> &events)
{
    for (const TraceEvent &e : events) {
        if (e.call == TraceCall::ServeForever && e.phase == TracePhase::Blocked)
            m_since[e.socketId] = e.timeNs;
        else if ((e.call == TraceCall::ServeForever && e.phase != TracePhase::Begin) || (endsWait(e.call) && e.phase == TracePhase::Begin))
            m_since.erase(e.socketId);
    }
}

std::optional<std::int64_t> ServingWaits::since(std::uint32_t serverSocketId) const
{
    const auto it = m_since.find(serverSocketId);
    return it == m_since.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}
