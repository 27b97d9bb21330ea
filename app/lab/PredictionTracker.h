// Asks a lab's predictions at their steps and reveals each beside what really happened.
// For every prediction it tells its pane to stop before the step (PaneRunner::holdBefore);
// when the pane stops there, asked() hands the question to the window; the learner answers
// (or skips), the pane goes on as it ran, and once the step has run — the pane reached its
// next step, or ended, or the request handler it runs in finished, or the step's call
// blocked for a "blocked" question (waited long for a "waited" one) — revealed() says what
// happened, read from the run (RunFeed) where the prediction observes it.
//
// Several panes may wait for answers at once (the server before accept(), the client before
// connect()): each is asked as it stops, and each is answered by its id. A question whose
// pane is stopped, or whose lab is Reset, before it is revealed is withdrawn(). GUI thread.
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
    struct Waiting {  // answered, the step running: what to reveal once it has run
        const PredictionDefinition *prediction;
        PredictionOutcome outcome;
        std::uint64_t afterSequence;  // trace events after this belong to the step
        bool stepDone = false;        // the pane moved on: reveal at the next tick
    };
    void armHolds();
    void onHeld(PaneRunner *pane, const QString &stepId, int occurrence);
    void onPaneMoved(PaneRunner *pane);
    void onPaneEnded(PaneRunner *pane);
    const PredictionDefinition *takeAsked(const QString &predictionId);
    void release(const PredictionDefinition *prediction, PredictionOutcome outcome);
    void runTicked(const RunTick &tick) override;
    void runReset() override;
    bool hasRun(const Waiting &w, std::int64_t nowNs) const;
    void reveal(Waiting &w);
    const socketlab::TraceEvent *firstCallOf(const Waiting &w, bool ended) const;

    LabSession &m_session;
    std::vector<const PredictionDefinition *> m_asked;  // waiting for an answer, oldest first
    std::vector<Waiting> m_waiting;
    // The run's calls since the oldest answer still waiting to be revealed: what the steps did.
    std::vector<socketlab::TraceEvent> m_events;
    // The trace's numbers of the connect() calls returned in the whole run: a question about
    // how many had succeeded counts those up to its own step's connect(), however late the
    // reveal comes (the pane may have connected again since).
    std::vector<std::uint64_t> m_connectsReturned;
    QHash<std::uint32_t, QString> m_owners;          // socket id -> pane
    std::optional<socketlab::SocketSnapshot> m_lastSockets;
    QHash<QString, QString> m_lastPrinted;           // pane -> its last console line
};
