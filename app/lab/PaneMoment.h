// What one pane of a recorded run showed at a given moment: its listing with the line then
// marked, its state and the call it was blocked in, and its console so far. Worked out from
// the recording alone (the pane reports and the sockets of the tick before), so a saved run
// opened on another machine shows its panes as the window showed them live.
#pragma once

#include "LocalizedText.h"
#include "PaneRunner.h"

#include <SocketError.h>
#include <TraceEvent.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

class RunRecording;

struct ConsoleLine {
    QString text;
    bool error = false;              // printed as an error, as Python prints it
    socketlab::SocketError cause;    // for an error: the socket error behind it, if any
};

struct PaneMoment {
    QString pane;
    LocalizedText title;
    QStringList listing;  // as the pane showed it (parameters in place)
    QString step;         // the step last reached; empty before the first
    int line = 0;         // its line, 1-based; 0 while no line is marked
    PaneRunner::State state = PaneRunner::State::Idle;
    socketlab::TraceCall blockedIn = socketlab::TraceCall::None;  // from its sockets at that tick
    std::int64_t blockedNs = 0;                                   // how long, at that moment
    QList<ConsoleLine> console;
    QString lastError;  // the last error printed, for a failed pane's state line
    int inputRequests = 0;
};

// Every pane the recording saw by that moment, in the order they first reported (the lab's
// panes, then added copies).
QList<PaneMoment> paneMomentsAt(const RunRecording &recording, std::int64_t timeNs);

// An error report's detail: the socket error behind it, as "kind code" ("" when none).
QString errorCauseText(const socketlab::SocketError &error);
socketlab::SocketError errorCauseFrom(const QString &text);
