#include "SocketServerFlowModel.h"

#include <socketserver/StageTrace.h>

#include <algorithm>

using namespace socketlab;
using socketlab::socketserver::isServerStage;

namespace {
constexpr TraceCall kBoxCalls[SocketServerFlowModel::BoxCount] = {
    TraceCall::ServeForever, TraceCall::GetRequest, TraceCall::VerifyRequest, TraceCall::ProcessRequest,
    TraceCall::FinishRequest, TraceCall::Setup, TraceCall::Handle, TraceCall::Finish, TraceCall::ShutdownRequest,
};
} // namespace

SocketServerFlowModel::SocketServerFlowModel()
{
    clear();
}

int SocketServerFlowModel::boxOf(TraceCall call)
{
    if (call == TraceCall::HandleRequest)
        return Loop;
    for (int i = 0; i < BoxCount; ++i)
        if (kBoxCalls[i] == call)
            return i;
    return -1;
}

void SocketServerFlowModel::clear()
{
    m_seen = false;
    for (int i = 0; i < BoxCount; ++i)
        m_boxes[std::size_t(i)] = StageBox{kBoxCalls[i]};
    m_visits.clear();
    m_workers.clear();
    m_workersDropped = 0;
    m_requestStage.clear();
}

void SocketServerFlowModel::recordVisit(const TraceEvent &e)
{
    // Child processes report with their own clock readings, sometimes after later server
    // events: keep the visits ordered by time (they are nearly ordered, so this is short).
    Visit v{e.call, static_cast<std::uint64_t>(e.arg), e.timeNs};
    auto at = m_visits.end();
    while (at != m_visits.begin() && std::prev(at)->timeNs > v.timeNs)
        --at;
    m_visits.insert(at, v);
    if (m_visits.size() > kMaxVisits)
        m_visits.pop_front();
}

void SocketServerFlowModel::addWorker(Worker w)
{
    if (m_workers.size() >= kMaxWorkers) {
        auto victim = std::find_if(m_workers.begin(), m_workers.end(), [](const Worker &x) { return x.ended; });
        if (victim == m_workers.end()) {
            victim = m_workers.begin();  // all alive: the oldest leaves the list, counted
            ++m_workersDropped;
        }
        m_workers.erase(victim);
    }
    m_workers.push_back(std::move(w));
}

void SocketServerFlowModel::onWorker(const TraceEvent &e, const RequestNumbers *numbers)
{
    const bool process = e.call == TraceCall::ChildStarted || e.call == TraceCall::ChildExited;
    if (e.call == TraceCall::ThreadStarted || e.call == TraceCall::ChildStarted) {
        Worker w;
        w.process = process;
        w.id = e.result;
        w.requestId = static_cast<std::uint64_t>(e.arg);
        w.number = numbers ? numbers->of(w.requestId) : w.requestId;
        w.client = e.address.isValid() ? e.address.toString() : std::string();
        w.startedNs = e.timeNs;
        addWorker(std::move(w));
        return;
    }
    for (Worker &w : m_workers) {
        if (w.process == process && w.id == e.result && !w.ended) {
            w.ended = true;
            w.endedNs = e.timeNs;
            w.exitCode = process ? e.errorCode : 0;
            return;
        }
    }
}

bool SocketServerFlowModel::addEvents(const std::vector<TraceEvent> &events, const RequestNumbers *numbers)
{
    bool any = false;
    for (const TraceEvent &e : events) {
        if (!isServerStage(e.call))
            continue;
        any = true;
        m_seen = true;
        if (e.call == TraceCall::ThreadStarted || e.call == TraceCall::ThreadEnded || e.call == TraceCall::ChildStarted
            || e.call == TraceCall::ChildExited) {
            onWorker(e, numbers);
            continue;
        }
        const int box = boxOf(e.call);
        if (box < 0)
            continue;
        StageBox &b = m_boxes[std::size_t(box)];
        const std::uint64_t request = static_cast<std::uint64_t>(e.arg);
        if (e.phase == TracePhase::Begin) {
            b.call = box == Loop ? e.call : b.call;
            ++b.active;
            ++b.entered;
            b.lastBeginNs = std::max(b.lastBeginNs, e.timeNs);
            recordVisit(e);
            if (box != Loop && request != 0) {
                m_requestStage[request] = e.call;
                if (m_requestStage.size() > kMaxRequests)
                    m_requestStage.erase(m_requestStage.begin());  // request ids grow: the oldest
            }
        } else if (e.phase == TracePhase::Returned || e.phase == TracePhase::Failed) {
            b.active = std::max(0, b.active - 1);  // an end whose begin was dropped stays harmless
            b.lastEndNs = std::max(b.lastEndNs, e.timeNs);
            b.lastFailed = e.phase == TracePhase::Failed;
        }
    }
    return any;
}

bool SocketServerFlowModel::prune(std::int64_t nowNs)
{
    const auto before = m_workers.size();
    m_workers.erase(std::remove_if(m_workers.begin(), m_workers.end(),
                                   [&](const Worker &w) { return w.ended && nowNs - w.endedNs > kEndedShownNs; }),
                    m_workers.end());
    return m_workers.size() != before;
}

int SocketServerFlowModel::currentBox() const
{
    int best = -1;
    for (int i = 0; i < BoxCount; ++i) {
        const StageBox &b = m_boxes[std::size_t(i)];
        if (b.active > 0 && (best < 0 || b.lastBeginNs >= m_boxes[std::size_t(best)].lastBeginNs))
            best = i;
    }
    return best;
}

double SocketServerFlowModel::intensity(int box, std::int64_t nowNs) const
{
    if (box < 0 || box >= BoxCount)
        return 0;
    const StageBox &b = m_boxes[std::size_t(box)];
    if (b.active > 0)
        return 1;
    if (b.entered == 0)
        return 0;
    const double age = double(nowNs - b.lastEndNs) / double(kFadeNs);
    return std::clamp(1.0 - age, 0.0, 1.0);
}

TraceCall SocketServerFlowModel::stageOf(std::uint64_t requestId) const
{
    const auto it = m_requestStage.find(requestId);
    return it == m_requestStage.end() ? TraceCall::None : it->second;
}
