// Asks a lab's predictions at their steps and reveals each beside what really happened.
// For every prediction it tells its pane to stop before the step (PaneRunner::holdBefore);
// when the pane stops there, asked() hands the question to the window; the learner answers
// (or skips), the pane goes on as it ran, and once the step has run — the pane reached its
// next step, or ended, or the step's call blocked for a "blocked" question — revealed() says
// what happened, read from the run (RunFeed) where the prediction observes it. GUI thread.
#pragma once

#include "LabSession.h"
#include "Prediction.h"
#include "RunFeed.h"

#include <QObject>

#include <optional>

struct PredictionOutcome {
    QString predictionId;
    bool skipped = false;
    int answer = -1;          // the learner's choice index, or the number they gave
    QString observed;         // what the run showed (a choice's value, a number, a line)
    int rightChoice = -1;     // the choice that matches what happened; -1 when none does or numeric
    bool right = false;
};

Q_DECLARE_METATYPE(PredictionOutcome)
Q_DECLARE_METATYPE(PredictionDefinition)

class PredictionTracker : public QObject, private RunListener {
    Q_OBJECT
public:
    explicit PredictionTracker(LabSession &session, QObject *parent = nullptr);
    ~PredictionTracker() override;

    const PredictionDefinition *pending() const;  // the question waiting for an answer, if any
    void answer(int answer);  // a choice's index, or the number
    void skip();

    // The value a prediction observes, as it is now (tests, and a revealed answer).
    QString observe(const PredictionDefinition &prediction) const;

signals:
    void asked(const PredictionDefinition &prediction);
    void revealed(const PredictionDefinition &prediction, const PredictionOutcome &outcome);

private:
    struct Waiting {  // answered, the step running: what to reveal once it has run
        const PredictionDefinition *prediction;
        PredictionOutcome outcome;
        std::uint64_t afterSequence;  // trace events after this belong to the step
        bool stepDone = false;        // the pane moved on: reveal at the next tick
    };
    void armHolds();
    void onHeld(PaneRunner *pane, const QString &stepId, int occurrence);
    void onPaneMoved(PaneRunner *pane);
    void release(PredictionOutcome outcome);
    void runTicked(const RunTick &tick) override;
    void runReset() override;
    void reveal(Waiting &w);
    const socketlab::TraceEvent *firstCallOf(const Waiting &w, bool ended) const;

    LabSession &m_session;
    const PredictionDefinition *m_pending = nullptr;
    std::vector<Waiting> m_waiting;
    std::vector<socketlab::TraceEvent> m_events;     // the run's calls so far
    QHash<std::uint32_t, QString> m_owners;          // socket id -> pane
    std::optional<socketlab::SocketSnapshot> m_lastSockets;
    QHash<QString, QString> m_lastPrinted;           // pane -> its last console line
};
