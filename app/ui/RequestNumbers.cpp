#include "RequestNumbers.h"

#include <socketserver/StageTrace.h>

using namespace socketlab;

namespace {

// The stages whose arg is a request (StageTrace.h): others carry a timeout, a backlog ...
bool namesRequest(TraceCall call)
{
    switch (call) {
    case TraceCall::VerifyRequest:
    case TraceCall::ProcessRequest:
    case TraceCall::FinishRequest:
    case TraceCall::Setup:
    case TraceCall::Handle:
    case TraceCall::Finish:
    case TraceCall::ShutdownRequest:
    case TraceCall::CloseRequest:
    case TraceCall::HandleError:
    case TraceCall::ThreadStarted:
    case TraceCall::ThreadEnded:
    case TraceCall::ChildStarted:
    case TraceCall::ChildExited:
        return true;
    default:
        return false;
    }
}

} // namespace

void RequestNumbers::add(const std::vector<TraceEvent> &events)
{
    for (const TraceEvent &e : events) {
        if (!namesRequest(e.call))
            continue;
        const std::uint64_t id = socketserver::requestIdOf(e);
        if (id != 0 && m_numbers.size() < kMaxRequests)
            m_numbers.emplace(id, m_numbers.size() + 1);
    }
}

std::uint64_t RequestNumbers::of(std::uint64_t coreId) const
{
    const auto it = m_numbers.find(coreId);
    return it == m_numbers.end() ? coreId : it->second;
}
