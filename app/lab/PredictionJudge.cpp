#include "PredictionJudge.h"

#include <KernelProbe.h>
#include <socketserver/StageTrace.h>

#include <algorithm>

using namespace socketlab;
using Observe = PredictionDefinition::Observe;

void PredictionJudge::answered(const PredictionDefinition *prediction, PredictionOutcome outcome, std::uint64_t afterSequence)
{
    m_waiting.push_back(Waiting{prediction, std::move(outcome), afterSequence});
}

void PredictionJudge::paneMoved(const QString &pane)
{
    // The pane reached its next step: the step of a prediction that waits has run. Its
    // calls are in the trace by now, and come with the next tick.
    for (Waiting &w : m_waiting) {
        if (w.prediction->pane == pane)
            w.stepDone = true;
    }
}

void PredictionJudge::printed(const QString &pane, const QString &line)
{
    m_lastPrinted[pane] = line;
}

std::vector<PredictionJudge::Revealed> PredictionJudge::take(const RunTick &tick)
{
    std::vector<Revealed> revealed;
    for (const TraceEvent &e : tick.events)
        if (e.call == TraceCall::Connect && e.phase == TracePhase::Returned)
            m_connectsReturned.push_back(e.sequence);
    if (!m_waiting.empty())  // only the steps being revealed need their calls
        m_events.insert(m_events.end(), tick.events.begin(), tick.events.end());
    for (const SocketSample &s : tick.sockets.sockets())
        m_owners.insert(s.id, QString::fromStdString(s.record->owner));
    m_lastSockets = tick.sockets;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (hasRun(*it, tick.nowNs)) {
            revealed.push_back(Revealed{it->prediction, judge(*it)});
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
    if (m_waiting.empty())
        m_events.clear();
    return revealed;
}

std::vector<QString> PredictionJudge::clear()
{
    std::vector<QString> gone;
    for (const Waiting &w : m_waiting)
        gone.push_back(w.prediction->id);
    m_waiting.clear();
    m_events.clear();
    m_connectsReturned.clear();
    m_owners.clear();
    m_lastSockets.reset();
    m_lastPrinted.clear();
    return gone;
}

const TraceEvent *PredictionJudge::firstCallOf(const Waiting &w, bool ended) const
{
    // The step's socket call: the first call of one of the pane's sockets after the answer,
    // at its end (Returned or Failed) or, for a "blocked" question, as soon as it blocks.
    const TraceEvent *begin = nullptr;
    for (const TraceEvent &e : m_events) {
        if (e.sequence <= w.afterSequence || m_owners.value(e.socketId) != w.prediction->pane || socketserver::isServerStage(e.call))
            continue;
        if (!begin) {
            if (e.phase != TracePhase::Begin)
                continue;
            begin = &e;
            continue;
        }
        if (e.socketId != begin->socketId || e.call != begin->call)
            continue;
        if (e.phase == TracePhase::Blocked && !ended)
            return &e;
        if (e.phase == TracePhase::Returned || e.phase == TracePhase::Failed)
            return &e;
    }
    return nullptr;
}

QString PredictionJudge::observe(const PredictionDefinition &p) const
{
    const QString pane = p.pane;
    switch (p.observe) {
    case Observe::Nothing:
    case Observe::Returned:
    case Observe::Raised:
    case Observe::Blocked:
    case Observe::Waited:
        return {};  // these read the step's call: see reveal()
    case Observe::TcpState: {
        if (!m_lastSockets)
            return {};
        const SocketSample *newest = nullptr;
        for (const SocketSample &s : m_lastSockets->sockets()) {
            if (QString::fromStdString(s.record->owner) == pane && s.kernel.tcpState >= 0)
                newest = &s;  // the snapshot lists sockets in the order they were made
        }
        return newest ? QString::fromLatin1(tcpStateName(newest->kernel.tcpState)) : QStringLiteral("CLOSED");
    }
    case Observe::AcceptQueue: {
        if (!m_lastSockets)
            return {};
        for (const SocketSample &s : m_lastSockets->sockets()) {
            if (QString::fromStdString(s.record->owner) == pane && s.kernel.listening)
                return QString::number(s.kernel.acceptQueueLength);
        }
        return QStringLiteral("0");
    }
    case Observe::ConnectsDone:
        return QString::number(m_connectsReturned.size());  // see reveal(): up to the step's own
    case Observe::Printed:
        return m_lastPrinted.value(pane);
    }
    return {};
}

bool PredictionJudge::hasRun(const Waiting &w, std::int64_t nowNs) const
{
    if (w.stepDone)
        return true;
    const Observe observe = w.prediction->observe;
    if (observe == Observe::Blocked || observe == Observe::Waited) {
        // Revealed while the call still waits: it will not return before the learner acts.
        const TraceEvent *call = firstCallOf(w, false);
        if (call && call->phase == TracePhase::Blocked && (observe == Observe::Blocked || nowNs - call->timeNs >= PredictionDefinition::kWaitedNs))
            return true;
    }
    // A step inside a request handler: the handler's request finished (finish() returned),
    // though the pane reaches no other step until the next request comes.
    return std::any_of(m_events.begin(), m_events.end(), [&](const TraceEvent &e) {
        return e.sequence > w.afterSequence && e.call == TraceCall::Finish && e.phase != TracePhase::Begin
               && m_owners.value(e.socketId) == w.prediction->pane;
    });
}

PredictionOutcome PredictionJudge::judge(const Waiting &w) const
{
    const PredictionDefinition &p = *w.prediction;
    PredictionOutcome o = w.outcome;
    const bool whileWaiting = p.observe == Observe::Blocked || p.observe == Observe::Waited;
    const TraceEvent *call = firstCallOf(w, !whileWaiting);
    switch (p.observe) {
    case Observe::Nothing:
        break;
    case Observe::Returned:
        o.observed = !call ? QString()
                     : call->phase == TracePhase::Failed ? QString::fromStdString(call->error().pythonException())
                                                         : QString::number(call->result);
        break;
    case Observe::Raised:
        o.observed = call && call->phase == TracePhase::Failed ? QString::fromStdString(call->error().pythonException())
                                                               : QStringLiteral("nothing");
        break;
    case Observe::Blocked:
        o.observed = call && (call->phase == TracePhase::Blocked || call->blockedNs > 0) ? QStringLiteral("yes") : QStringLiteral("no");
        break;
    case Observe::Waited: {
        // Still blocked at the reveal: it has waited long already (hasRun), or it ended blocked.
        const bool waited = call && (call->phase == TracePhase::Blocked || call->blockedNs >= PredictionDefinition::kWaitedNs);
        o.observed = waited ? QStringLiteral("yes") : QStringLiteral("no");
        break;
    }
    case Observe::ConnectsDone: {
        // Up to the step's own connect() if it returned, however late this reveal comes (the
        // pane may have connected again since); else all so far.
        const std::uint64_t upTo = call && call->call == TraceCall::Connect ? call->sequence : ~std::uint64_t(0);
        o.observed = QString::number(std::count_if(m_connectsReturned.begin(), m_connectsReturned.end(),
                                                   [upTo](std::uint64_t s) { return s <= upTo; }));
        break;
    }
    default:
        o.observed = observe(p);
        break;
    }
    if (p.observe == Observe::Nothing) {
        o.rightChoice = p.choices.isEmpty() ? -1 : p.fixedAnswer;
        o.observed = p.choices.isEmpty() ? QString::number(p.fixedAnswer) : p.choices.value(p.fixedAnswer).value;
        o.right = !o.skipped && o.answer == p.fixedAnswer;
    } else if (!p.choices.isEmpty()) {
        for (qsizetype i = 0; i < p.choices.size(); ++i) {
            if (p.choices.at(i).value == o.observed)
                o.rightChoice = int(i);
        }
        o.right = !o.skipped && o.rightChoice >= 0 && o.answer == o.rightChoice;
    } else {
        o.right = !o.skipped && o.observed == QString::number(o.answer);
    }
    return o;
}
