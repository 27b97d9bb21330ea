// Asks a lab's predictions at their steps and reveals each beside what really happened.
// For every prediction it tells its pane to stop before the step (PaneRunner::holdBefore);
// when the pane stops there, asked() hands the question to the window; the learner answers
// (or skips), the pane goes on as it ran, and once the step has run — the pane reached its
// next step, or ended, or the request handler it runs in finished, or the step's call
// blocked for a "blocked" question (waited long for a "waited" one) — revealed() says what
// happened, read from the run (RunFeed) where the prediction observes it (PredictionJudge).
//
// Several panes may wait for answers at once (the server before accept(), the client before
// connect()): each is asked as it stops, and each is answered by its id. A question whose
// pane is stopped, or whose lab is Reset, before it is revealed is withdrawn(). GUI thread.
#pragma once

#include "LabSession.h"
#include "Prediction.h"
#include "PredictionJudge.h"
#include "RunFeed.h"

#include <QObject>


Q_DECLARE_METATYPE(PredictionOutcome)
Q_DECLARE_METATYPE(PredictionDefinition)

class PredictionTracker : public QObject, private RunListener {
    Q_OBJECT
public:
    explicit PredictionTracker(LabSession &session, QObject *parent = nullptr);
    ~PredictionTracker() override;

    const PredictionDefinition *pending() const;  // the oldest question waiting for an answer, if any
    QStringList pendingIds() const;               // every question waiting for an answer, oldest first
    // A choice's index, or the number; predictionId "" answers the oldest question. An id
    // that waits for no answer is ignored.
    void answer(int answer, const QString &predictionId = {});
    void skip(const QString &predictionId = {});

    // The value a prediction observes, as it is now (tests, and a revealed answer).
    QString observe(const PredictionDefinition &prediction) const;

signals:
    void asked(const PredictionDefinition &prediction);
    void revealed(const PredictionDefinition &prediction, const PredictionOutcome &outcome);
    void withdrawn(const QString &predictionId);

private:
    void armHolds();
    void onHeld(PaneRunner *pane, const QString &stepId, int occurrence);
    void onPaneMoved(PaneRunner *pane);
    void onPaneEnded(PaneRunner *pane);
    const PredictionDefinition *takeAsked(const QString &predictionId);
    void release(const PredictionDefinition *prediction, PredictionOutcome outcome);
    void runTicked(const RunTick &tick) override;
    void runReset() override;

    LabSession &m_session;
    std::vector<const PredictionDefinition *> m_asked;  // waiting for an answer, oldest first
    PredictionJudge m_judge;  // what the answered questions' steps did
};
