#include "PaneThreads.h"

#include "LiveView.h"
#include "SocketText.h"

#include <SocketSnapshot.h>
#include <socketserver/StageTrace.h>

#include <algorithm>
#include <optional>

using namespace socketlab;

namespace {

QString codeOf(const QString &line)
{
    const qsizetype hash = line.indexOf(QLatin1Char('#'));
    return hash < 0 ? line : line.left(hash);
}

} // namespace

PaneThreads::PaneThreads(const PaneDefinition &pane) : m_pane(pane) {}

void PaneThreads::reset()
{
    m_threads.clear();
    m_main = 0;
    m_order = 0;
    m_serving.clear();
    m_servingSince.clear();
    m_blocked.clear();
    m_ended.clear();
}

void PaneThreads::stepReached(qint64 thread, const QString &stepId, int line)
{
    // A step report travels by the event loop, the thread's end by the trace: a report may
    // come after the end it preceded. An ended thread does not come back for it.
    if (m_ended.count(thread))
        return;
    if (m_threads.empty())
        m_main = thread;
    Thread &t = m_threads[thread];
    t.stepId = stepId;
    t.line = line;
    t.order = ++m_order;
}

void PaneThreads::feed(const LiveTick &tick)
{
    const std::string owner = m_pane.id.toStdString();
    const auto ours = [&](std::uint32_t socketId) {
        const SocketSample *s = tick.sockets.find(socketId);
        return s && s->record->owner == owner;
    };
    for (const TraceEvent &e : tick.events) {
        if (!socketserver::isServerStage(e.call) || !ours(e.socketId))
            continue;
        if (e.call == TraceCall::ThreadStarted) {
            m_ended.erase(e.result);  // the kernel may give a new thread an old one's id
            Thread &t = m_threads[e.result];
            t.requestThread = true;
            t.request = tick.requests.of(socketserver::requestIdOf(e));
            t.connectionId = e.relatedSocketId;
        } else if (e.call == TraceCall::ThreadEnded) {
            m_threads.erase(e.result);
            m_ended.insert(e.result);
        }
    }
    m_serving.add(tick.events);
    m_servingSince.clear();
    for (const auto &[socketId, since] : m_serving.all())
        if (ours(socketId))
            m_servingSince[socketId] = since;
    m_blocked.clear();
    for (const SocketSample &s : tick.sockets.sockets()) {
        // serve_forever's own poll restarts every poll_interval: its stage events tell the wait.
        if (s.record->owner == owner && s.blockedIn != TraceCall::None && s.blockedIn != TraceCall::ServeForever)
            m_blocked[s.id] = Wait{s.blockedIn, s.blockedSinceNs};
    }
}

qint64 PaneThreads::mainThread() const
{
    return m_main;
}

const StepDefinition *PaneThreads::stepOfCall(TraceCall call) const
{
    const QString name = QString::fromLatin1(traceCallName(call)) + QLatin1Char('(');
    const StepDefinition *found = nullptr;
    for (const StepDefinition &step : m_pane.steps) {
        if (step.line < 1 || step.line > m_pane.listing.size() || !codeOf(m_pane.listing.at(step.line - 1)).contains(name))
            continue;
        if (!found || step.line < found->line)
            found = &step;
    }
    return found;
}

// Where a thread blocked in a call is shown, asked once per (line, call) for a whole
// moments() call: a load pane's hundreds of client threads wait in the same few calls.
PaneThreads::CallPlacements::CallPlacements(const PaneThreads &threads) : m_threads(threads) {}

const StepDefinition *PaneThreads::CallPlacements::stepFor(int line, TraceCall call)
{
    for (const Known &k : m_known)
        if (k.line == line && k.call == call)
            return k.step;
    const QString name = QString::fromLatin1(traceCallName(call)) + QLatin1Char('(');
    const QStringList &listing = m_threads.m_pane.listing;
    const bool onItsLine = line >= 1 && line <= listing.size() && codeOf(listing.at(line - 1)).contains(name);
    const StepDefinition *step = onItsLine ? nullptr : m_threads.stepOfCall(call);
    m_known.push_back(Known{line, call, step});
    return step;
}

std::vector<PaneThreads::Moment> PaneThreads::moments(PaneRunner::State state) const
{
    std::vector<Moment> out;
    if (m_threads.empty())
        return out;
    std::vector<std::uint32_t> connections;  // served by request threads: their waits are theirs
    for (const auto &[id, t] : m_threads)
        if (t.requestThread)
            connections.push_back(t.connectionId);
    CallPlacements placements(*this);
    std::uint64_t newest = 0;
    for (const auto &[id, t] : m_threads) {
        if (t.line == 0 && t.stepId.isEmpty())
            continue;  // a request thread that has not stepped yet
        Moment m;
        m.thread = id;
        m.request = t.requestThread ? t.request : 0;
        m.main = id == m_main;
        m.stepId = t.stepId;
        m.line = t.line;
        std::optional<Wait> wait;
        if (t.requestThread) {
            if (const auto it = m_blocked.find(t.connectionId); it != m_blocked.end())
                wait = it->second;
        } else if (!m_servingSince.empty()) {
            wait = Wait{TraceCall::ServeForever, m_servingSince.begin()->second};
        } else {
            for (const auto &[socketId, w] : m_blocked) {
                if (std::find(connections.begin(), connections.end(), socketId) == connections.end()) {
                    wait = w;
                    break;
                }
            }
        }
        const bool ended = state == PaneRunner::State::Idle || state == PaneRunner::State::Finished
            || state == PaneRunner::State::Failed || state == PaneRunner::State::Stopped;
        if (wait && !ended) {
            m.activity = wait->call == TraceCall::ServeForever ? Activity::WaitingForRequest : Activity::Blocked;
            m.call = wait->call;
            m.sinceNs = wait->sinceNs;
            // The thread went on from its last step into this call: show the call's line.
            if (const StepDefinition *step = placements.stepFor(m.line, wait->call)) {
                m.stepId = step->id;
                m.line = step->line;
            }
        } else if (ended) {
            m.activity = Activity::Ended;
        } else if (state == PaneRunner::State::Paused) {
            m.activity = Activity::Next;
        } else if (state == PaneRunner::State::WaitingForInput && id == m_main) {
            m.activity = Activity::WaitingForInput;
        } else {
            m.activity = Activity::Running;
        }
        if (t.order > newest) {
            newest = t.order;
            for (Moment &other : out)
                other.focus = false;
            m.focus = true;
        }
        out.push_back(m);
    }
    // The program's own thread first, then the request threads in the order of their requests.
    std::stable_sort(out.begin(), out.end(), [this](const Moment &a, const Moment &b) {
        if ((a.thread == m_main) != (b.thread == m_main))
            return a.thread == m_main;
        return a.request < b.request;
    });
    return out;
}

QString PaneThreads::threadName(const Moment &m)
{
    if (m.main)
        return tr("main thread");
    return m.request == 0 ? tr("a new thread") : tr("request %1's thread").arg(m.request);
}

QString PaneThreads::activityText(const Moment &m, PaneRunner::State, std::int64_t nowNs)
{
    switch (m.activity) {
    case Activity::Blocked:
        return tr("blocked in %1() — %2")
            .arg(QString::fromLatin1(traceCallName(m.call)), SocketText::durationText(nowNs - m.sinceNs));
    case Activity::WaitingForRequest:
        return tr("waiting for a request in serve_forever() — %1").arg(SocketText::durationText(nowNs - m.sinceNs));
    case Activity::WaitingForInput: return tr("waiting for your input");
    case Activity::Next: return tr("paused before line %1").arg(m.line);
    case Activity::Running: return tr("running");
    case Activity::Ended: return tr("ended here");
    }
    return {};
}

QString PaneThreads::tagText(const Moment &m)
{
    switch (m.activity) {
    case Activity::Blocked: return tr("blocked");
    case Activity::WaitingForRequest: return tr("waiting for a request");
    case Activity::WaitingForInput: return tr("waiting for input");
    case Activity::Next: return tr("next");
    case Activity::Running: return tr("running");
    case Activity::Ended: return tr("ended here");
    }
    return {};
}
