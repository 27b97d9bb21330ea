// Where each step of a pane's program sits in its listing, found by content rather than by
// line number, so editing a listing never means renumbering. A step's line is the one line
// that contains its anchor: the lab's "at" text when it gives one, else the program's call
// text ("accept("). An anchor found on no line or on several is an error, and so is an "at"
// line that does not make the program's call: two steps whose lines are swapped, or a
// listing that no longer matches its program, are caught when the lab loads.
#pragma once

#include "LabDefinition.h"

#include <optional>

struct StepAnchor {
    QString at;    // the lab's "at", or empty
    QString call;  // what the program says the line calls
};

// The 1-based line of the step, or nullopt with the reason (translated) in *problem.
std::optional<int> locateStep(const QStringList &listing, const QString &listingName, const StepAnchor &anchor,
                              QString *problem);
