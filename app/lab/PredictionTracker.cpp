#include "PredictionTracker.h"

#include <KernelProbe.h>
#include <socketserver/StageTrace.h>

#include <algorithm>

using namespace socketlab;
using Observe = PredictionDefinition::Observe;

PredictionTracker::PredictionTracker(LabSession &session, QObject *parent) : QObject(parent), m_session(session)
{
    session.feed().follow(this);
    auto watch = [this](PaneRunner *pane) {
        connect(pane, &PaneRunner::heldBefore, this,
                [this, pane](const QString &step, int occurrence) { onHeld(pane, step, occurrence); });
        connect(pane, &PaneRunner::stepReached, this, [this, pane] { onPaneMoved(pane); });
        connect(pane, &PaneRunner::finished, this, [this, pane] { onPaneMoved(pane); });
        connect(pane, &PaneRunner::output, this, [this, pane](const QString &line) { m_lastPrinted[pane->paneId()] = line; });
    };
    for (PaneRunner *pane : session.panes())
        watch(pane);
    connect(&session, &LabSession::paneAdded, this, watch);
    armHolds();
}

PredictionTracker::~PredictionTracker()
{
    m_session.feed().unfollow(this);
    for (PaneRunner *pane : m_session.panes())
        pane->clearHolds();
}

void PredictionTracker::armHolds()
{
    for (PaneRunner *pane : m_session.panes()) {
        pane->clearHolds();
        for (const PredictionDefinition &p : m_session.lab().predictions) {
            if (p.pane == pane->paneId())
                pane->holdBefore(p.beforeStep, p.occurrence);
        }
    }
}

const PredictionDefinition *PredictionTracker::pending() const
{
    return m_pending;
}

void PredictionTracker::onHeld(PaneRunner *pane, const QString &stepId, int occurrence)
{
    for (const PredictionDefinition &p : m_session.lab().predictions) {
        if (p.pane == pane->paneId() && p.beforeStep == stepId && p.occurrence == occurrence) {
            m_pending = &p;
            emit asked(p);
            return;
        }
    }
}

void PredictionTracker::answer(int answer)
{
    if (!m_pending)
        return;
    PredictionOutcome outcome;
    outcome.predictionId = m_pending->id;
    outcome.answer = answer;
    release(outcome);
}

void PredictionTracker::skip()
{
    if (!m_pending)
        return;
    PredictionOutcome outcome;
    outcome.predictionId = m_pending->id;
    outcome.skipped = true;
    release(outcome);
}

void PredictionTracker::release(PredictionOutcome outcome)
{
    const PredictionDefinition *p = std::exchange(m_pending, nullptr);
    // Every call traced from now on is the step's: the trace numbers its events in order.
    m_waiting.push_back(Waiting{p, outcome, m_session.trace()->pushed()});
    if (PaneRunner *pane = m_session.pane(p->pane))
        pane->resumeAfterHold();  // the step runs now, as the pane ran before
}

void PredictionTracker::onPaneMoved(PaneRunner *pane)
{
    // The pane reached its next step or ended: the step of a prediction that waits has run.
    // Its calls are in the trace by now, and reach us with the next tick.
    for (Waiting &w : m_waiting) {
        if (w.prediction->pane == pane->paneId())
            w.stepDone = true;
    }
}

const TraceEvent *PredictionTracker::firstCallOf(const Waiting &w, bool ended) const
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

QString PredictionTracker::observe(const PredictionDefinition &p) const
{
    const QString pane = p.pane;
    switch (p.observe) {
    case Observe::Nothing:
    case Observe::Returned:
    case Observe::Raised:
    case Observe::Blocked:
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
        return QString::number(std::count_if(m_events.begin(), m_events.end(), [](const TraceEvent &e) {
            return e.call == TraceCall::Connect && e.phase == TracePhase::Returned;
        }));
    case Observe::Printed:
        return m_lastPrinted.value(pane);
    }
    return {};
}

void PredictionTracker::runTicked(const RunTick &tick)
{
    m_events.insert(m_events.end(), tick.events.begin(), tick.events.end());
    for (const SocketSample &s : tick.sockets.sockets())
        m_owners.insert(s.id, QString::fromStdString(s.record->owner));
    m_lastSockets = tick.sockets;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        const bool blockedQuestion = it->prediction->observe == Observe::Blocked;
        const bool blockedNow = blockedQuestion && firstCallOf(*it, false) && firstCallOf(*it, false)->phase == TracePhase::Blocked;
        if (it->stepDone || blockedNow) {
            reveal(*it);
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
}

void PredictionTracker::reveal(Waiting &w)
{
    const PredictionDefinition &p = *w.prediction;
    PredictionOutcome &o = w.outcome;
    const TraceEvent *call = firstCallOf(w, p.observe != Observe::Blocked);
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
    emit revealed(p, o);
}

void PredictionTracker::runReset()
{
    m_pending = nullptr;
    m_waiting.clear();
    m_events.clear();
    m_owners.clear();
    m_lastSockets.reset();
    m_lastPrinted.clear();
}
