// Injected faults in the learner's words: a label for each fault a teacher may set, and a
// short description of a set of them ("every recv() returns at most 1 byte"), for the
// pane's Faults control and for the runs of an exercise's check.
#pragma once

#include <FaultFields.h>

#include <QCoreApplication>
#include <QString>

class FaultText {
    Q_DECLARE_TR_FUNCTIONS(FaultText)
public:
    static QString label(const FaultField &field);  // what the control's row says
    static QString unit(const FaultField &field);   // " B", " ms", " ×"
    static QString describe(const socketlab::FaultSettings &faults);  // "" when none is set
};
