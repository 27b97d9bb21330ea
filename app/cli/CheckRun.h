// `socketlab --lab ID --check EXERCISE [--set PANE.NAME=VALUE]... [--program PANE=FILE.py]...`:
// an exercise's check in the terminal, with the learner's own programs in those panes. One line per property on stdout (PASS id, or FAIL id: why); exit status 0
// when all pass, 1 when one fails, 2 for a misuse (no such exercise, a bad --set).
#pragma once

#include <LabDefinition.h>

#include <QStringList>

int runCheckHeadless(const LabDefinition &lab, const QString &exerciseId, const QStringList &assignments,
                     const QStringList &programs, const QString &language);
