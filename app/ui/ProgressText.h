// A lab's progress in words, for the lesson navigator: one short line under its title
// ("5 / 19 steps · 2 / 3 predicted, 1 right · 0 / 1 exercises") and the whole of it for the
// tooltip. "Completed" is what LabProgress says: the exercises passed (or, in a lab without
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
