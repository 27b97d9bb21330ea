// A question the learner answers before a key step runs (lab.json "predictions"): the pane
// stops before the step, the learner commits to an answer (or skips), the step runs, and the
// answer is shown beside what really happened. Where the answer depends on the run (the
// bytes recv() really returned, the state the socket is really in) it is observed, not stored.
#pragma once

#include "LocalizedText.h"

#include <QList>
#include <QString>

struct PredictionChoice {
    LocalizedText text;
    QString value;  // what an observation must equal for this choice to be right ("ESTABLISHED", "3")
};

struct PredictionDefinition {
    // What the run shows, read when the step has run (the pane's next step, or it blocks or ends):
    enum class Observe {
        Nothing,       // the answer is fixed in the lab file
        Returned,      // what the step's socket call returned (bytes, a descriptor, ...): a number
        Raised,        // the exception the step's call raised ("ConnectionRefusedError"), or "nothing"
        Blocked,       // whether the step's call had to wait: "yes" or "no"
        Waited,        // whether it waited long (kWaitedNs or more), e.g. for another client: "yes" or "no"
        TcpState,      // the TCP state of the pane's newest socket ("ESTABLISHED", "SYN_SENT", ...)
        AcceptQueue,   // connections waiting in the pane's listening socket: a number
        ConnectsDone,  // connect() calls of every pane that have returned so far: a number
        Printed,       // the pane's last console line
    };
    static constexpr long long kWaitedNs = 250'000'000;  // far above a reply's latency, far below a person's

    QString id;
    QString pane;
    QString beforeStep;
    int occurrence = 1;  // asked before the n-th time the pane reaches the step
    LocalizedText question;
    QList<PredictionChoice> choices;  // empty: the learner answers with a number
    Observe observe = Observe::Nothing;
    int fixedAnswer = -1;             // Observe::Nothing: the right choice's index, or the number
    LocalizedText explanation;        // shown with the answer
};
