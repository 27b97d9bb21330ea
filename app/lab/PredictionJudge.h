// Whether a prediction's answer was right: what the step it asks about did, read from the run.
// Fed the run as it went (each tick, each pane's next step and console line), it knows when
// an answered question's step has run (the pane reached its next step or ended, the step's
// call blocked for a "blocked" question, waited long for a "waited" one, or the request
// handler it runs in finished) and what the run showed where the prediction observes it.
//
// It holds no lab and no pane, so the same judgement serves a live run (PredictionTracker,
// from the lab's feed and panes) and a saved one (ReplayPredictions, from the recording).
#pragma once

#include "Prediction.h"
#include "RunFeed.h"

#include <QHash>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

struct PredictionOutcome {
    QString predictionId;
    bool skipped = false;
    int answer = -1;          // the learner's choice index, or the number they gave
    QString observed;         // what the run showed (a choice's value, a number, a line)
    int rightChoice = -1;     // the choice that matches what happened; -1 when none does or numeric
    bool right = false;
};

class PredictionJudge {
public:
    struct Revealed {
        const PredictionDefinition *prediction;
        PredictionOutcome outcome;
    };

    // Answered (or skipped): the trace's events after afterSequence are the step's.
    void answered(const PredictionDefinition *prediction, PredictionOutcome outcome, std::uint64_t afterSequence);
    void paneMoved(const QString &pane);  // it reached its next step, or ended: its step has run
    void printed(const QString &pane, const QString &line);
    // A tick of the run; the answers whose steps it shows have run, judged.
    std::vector<Revealed> take(const RunTick &tick);
    // The value a prediction observes, as the run shows it now (tests, and a revealed answer).
    QString observe(const PredictionDefinition &prediction) const;

    bool isWaiting() const { return !m_waiting.empty(); }
    // Forgets the run: the ids of the answers that were waiting for their steps.
    std::vector<QString> clear();

private:
    struct Waiting {  // answered, the step running: what to reveal once it has run
        const PredictionDefinition *prediction;
        PredictionOutcome outcome;
        std::uint64_t afterSequence;  // trace events after this belong to the step
        bool stepDone = false;        // the pane moved on: reveal at the next tick
    };
    bool hasRun(const Waiting &w, std::int64_t nowNs) const;
    PredictionOutcome judge(const Waiting &w) const;
    const socketlab::TraceEvent *firstCallOf(const Waiting &w, bool ended) const;

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
