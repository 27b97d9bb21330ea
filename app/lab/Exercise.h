// An exercise of a lab (lab.json "exercises"): a task for the learner, checked from what
// really happens on the sockets when the lab runs with the learner's answer (the parameters
// they chose, or later their own program), under injected faults where loopback's luck
// would hide a wrong answer. A check is a script of actions on the panes, and properties,
// each with its own message in both languages when it fails.
#pragma once

#include "LocalizedText.h"

#include <FaultPlan.h>

#include <QHash>
#include <QList>
#include <QRegularExpression>

// Something that holds, or not, about a run so far: "client2 printed a line matching ...",
// "server is blocked in accept()", "client's connect() failed with ECONNREFUSED".
struct Condition {
    enum class Kind {
        Printed,      // a console line of the pane matches the pattern
        NotPrinted,   // none does
        Error,        // the pane ended with an error matching the pattern
        NoError,      // the pane reported no error
        State,        // the pane is in a state: input, blocked, running, paused, finished, failed, stopped, ended
        Published,    // the pane has published a value (the server's port)
        Call,         // the pane's sockets made a call with an outcome (count times or more)
        AcceptQueue,  // a listening socket of the pane held at least `count` waiting connections (0: was full)
    };
    Kind kind = Kind::Printed;
    QString pane;
    QRegularExpression pattern;  // Printed, NotPrinted, Error
    QString value;               // State: the state; Published: the name; Call: the call ("connect")
    QString outcome;             // Call: returned, failed, blocked
    QString errorSymbol;         // Call: "ECONNREFUSED", or empty for any
    QString blockedIn;           // State blocked: the call, or empty for any
    int count = 1;               // Call: at least this many; AcceptQueue: at least this many waiting

    // Holds at the moment it is asked (absence, a state now) rather than becoming true later.
    bool isMomentary() const { return kind == Kind::NotPrinted || kind == Kind::NoError; }
    QString describe() const;  // "client2 printed a line matching /hello/", for a failure's detail
};

struct ExerciseAction {
    enum class Kind {
        Start,    // start the pane (full speed)
        Stop,     // stop it, as the Stop button
        Input,    // type a line into it
        EndInput, // end its input (Ctrl-D): input() gets nothing
        WaitFor,  // wait until the condition holds (the check fails if it never does)
        Expect,   // the same, as a property of its own: passes or fails, the script goes on
        Settle,   // wait until no pane can move without the learner (all blocked, waiting or ended)
        Add,      // another copy of a pane the lab lets the learner add ("client" adds "client-2", ...)
    };
    Kind kind = Kind::Start;
    QString pane;
    QString line;          // Input
    Condition condition;   // WaitFor, Expect
    int withinMs = 5000;   // WaitFor, Expect, Settle
    QString property;      // Expect: its id
    LocalizedText failure; // Expect: what the learner reads when it fails
    LocalizedText success; // Expect: what it means when it holds (optional)
};

struct ExerciseProperty {
    QString id;
    Condition condition;
    LocalizedText failure;
    LocalizedText success;  // optional: what it means when it holds, for the window
};

// One run of the script: the faults injected into panes' sockets for it ("recv 1 byte").
struct ExerciseVariant {
    QString name;
    QHash<QString, socketlab::FaultSettings> faults;  // by pane id
};

struct ExerciseDefinition {
    QString id;
    LocalizedText title;
    LocalizedText task;
    QHash<QString, QString> fixed;  // "pane.param" -> value the check imposes, whatever the learner set
    QString programPane;            // "program": the pane whose program the learner writes; "" if none
    QList<ExerciseAction> script;
    QList<ExerciseProperty> properties;  // checked when the script has run
    QList<ExerciseVariant> variants;     // at least one (no faults)
    QList<LocalizedText> hints;          // graduated: each says more
};
