// A lab's progress in words, for the lesson navigator: one short line beside the bar of steps
// under its title ("0 / 1 exercises", or "5 / 19 steps" in a lab without exercises) and the
// whole of it, predictions and hints too, for the tooltip. "Completed" is what LabProgress says: the exercises passed (or, in a lab without
// exercises, every step reached).
#pragma once

#include <LabProgress.h>

#include <QCoreApplication>

class ProgressText {
    Q_DECLARE_TR_FUNCTIONS(ProgressText)
public:
    static QString line(const LabProgress::Summary &s);
    static QString details(const LabProgress::Summary &s);
};
