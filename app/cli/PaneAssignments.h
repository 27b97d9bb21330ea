// --set PANE.NAME=VALUE for the lab open in the window: each value given to its pane
// before anything starts, checked as the pane's parameter editor checks it. A NAME that is
// no parameter of the pane but a fault (recvMax, sendPiece ... FaultFields.h) is injected
// into the pane's sockets, as its Faults control would. --program PANE=FILE.py (the window
// and --check): the learner's own programs, by pane.
#pragma once

#include <QString>
#include <QStringList>

#include <QHash>

class LabSession;
struct LabDefinition;

// "" when every assignment was taken, else the first problem, for stderr (exit status 2).
QString applyPaneAssignments(LabSession &session, const QStringList &assignments);

// "pane" -> file for each PANE=FILE.py; *problem says why not (no such pane) for stderr.
QHash<QString, QString> panePrograms(const LabDefinition &lab, const QStringList &programs, QString *problem);
// Puts them in the panes' place; "" when all were taken, else why not.
QString applyPanePrograms(LabSession &session, const QStringList &programs);
