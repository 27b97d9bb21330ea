#include "PredictionTracker.h"

#include <algorithm>

using namespace socketlab;

PredictionTracker::PredictionTracker(LabSession &session, QObject *parent) : QObject(parent), m_session(session)
{
    session.feed().follow(this);
    auto watch = [this](PaneRunner *pane) {
        connect(pane, &PaneRunner::heldBefore, this,
                [this, pane](const QString &step, int occurrence) { onHeld(pane, step, occurrence); });
        connect(pane, &PaneRunner::stepReached, this, [this, pane] { onPaneMoved(pane); });
        connect(pane, &PaneRunner::finished, this, [this, pane] { onPaneEnded(pane); });
        connect(pane, &PaneRunner::output, this, [this, pane](const QString &line) { m_judge.printed(pane->paneId(), line); });
    };
    for (PaneRunner *pane : session.panes())
        watch(pane);
    connect(&session, &LabSession::paneAdded, this, watch);
    armHolds();
}

PredictionTracker::~PredictionTracker()
{
    m_session.feed().unfollow(this);
    for (PaneRunner *pane : m_session.panes()) {
        pane->clearHolds();
        if (pane->isAwaitingAnswer())
            pane->resumeAfterHold();  // nobody will answer now: let it go on as it ran
    }
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
    return m_asked.empty() ? nullptr : m_asked.front();
}

QStringList PredictionTracker::pendingIds() const
{
    QStringList ids;
    for (const PredictionDefinition *p : m_asked)
        ids << p->id;
    return ids;
}

void PredictionTracker::onHeld(PaneRunner *pane, const QString &stepId, int occurrence)
{
    for (const PredictionDefinition &p : m_session.lab().predictions) {
        if (p.pane == pane->paneId() && p.beforeStep == stepId && p.occurrence == occurrence) {
            m_asked.push_back(&p);
            emit asked(p);
            return;
        }
    }
}

const PredictionDefinition *PredictionTracker::takeAsked(const QString &predictionId)
{
    const auto found = predictionId.isEmpty() ? m_asked.begin()
                                              : std::find_if(m_asked.begin(), m_asked.end(),
                                                             [&](const PredictionDefinition *p) { return p->id == predictionId; });
    if (found == m_asked.end())
        return nullptr;
    const PredictionDefinition *p = *found;
    m_asked.erase(found);
    return p;
}

void PredictionTracker::answer(int answer, const QString &predictionId)
{
    const PredictionDefinition *p = takeAsked(predictionId);
    if (!p)
        return;
    PredictionOutcome outcome;
    outcome.predictionId = p->id;
    outcome.answer = answer;
    release(p, outcome);
}

void PredictionTracker::skip(const QString &predictionId)
{
    const PredictionDefinition *p = takeAsked(predictionId);
    if (!p)
        return;
    PredictionOutcome outcome;
    outcome.predictionId = p->id;
    outcome.skipped = true;
    release(p, outcome);
}

void PredictionTracker::release(const PredictionDefinition *p, PredictionOutcome outcome)
{
    // Every call traced from now on is the step's: the trace numbers its events in order.
    m_judge.answered(p, outcome, m_session.trace()->pushed());
    if (PaneRunner *pane = m_session.pane(p->pane))
        pane->resumeAfterHold();  // the step runs now, as the pane ran before
}

void PredictionTracker::onPaneMoved(PaneRunner *pane)
{
    m_judge.paneMoved(pane->paneId());
}

void PredictionTracker::onPaneEnded(PaneRunner *pane)
{
    onPaneMoved(pane);  // what it did before it ended is revealed
    // A question it was stopped at will never be answered: Stop or Reset came first.
    for (auto it = m_asked.begin(); it != m_asked.end();) {
        if ((*it)->pane != pane->paneId()) {
            ++it;
            continue;
        }
        const QString id = (*it)->id;
        it = m_asked.erase(it);
        emit withdrawn(id);
    }
}

QString PredictionTracker::observe(const PredictionDefinition &p) const
{
    return m_judge.observe(p);
}

void PredictionTracker::runTicked(const RunTick &tick)
{
    for (const PredictionJudge::Revealed &r : m_judge.take(tick))
        emit revealed(*r.prediction, r.outcome);
}

void PredictionTracker::runReset()
{
    // Reset stopped every pane first (their questions were withdrawn then); what was
    // answered and not yet revealed goes too.
    std::vector<QString> gone;
    for (const PredictionDefinition *p : m_asked)
        gone.push_back(p->id);
    for (const QString &id : m_judge.clear())
        gone.push_back(id);
    m_asked.clear();
    for (const QString &id : gone)
        emit withdrawn(id);
}
