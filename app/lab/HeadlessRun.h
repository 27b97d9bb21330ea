// `socketlab --lab ID --run PANE [--set NAME=VALUE]...`: one pane's program in the
// terminal, without a window. Its console goes to stdout, its errors to stderr, its
// input comes from stdin; the exit status is the program's (0 ok, 1 failed, 2 misuse).
#pragma once

#include "LabDefinition.h"

#include <QStringList>

int runPaneHeadless(const LabDefinition &lab, const QString &paneId, const QStringList &assignments);

// `socketlab --lab ID --run PANE --program FILE.py [--trace-out T.jsonl]`: the learner's own
// program in that pane's place (LearnerRun), console and input as above; T.jsonl gets one
// JSON line per socket call it made. The exit status is the program's.
int runLearnerProgramHeadless(const LabDefinition &lab, const QString &paneId, const QString &programFile,
                              const QString &traceOut);
