// --set PANE.NAME=VALUE for the lab open in the window: each value given to its pane
// before anything starts, checked as the pane's parameter editor checks it. A NAME that is
// no parameter of the pane but a fault (recvMax, sendPiece ... FaultFields.h) is injected
// into the pane's sockets, as its Faults control would.
#pragma once

#include <QString>
#include <QStringList>

class LabSession;

// "" when every assignment was taken, else the first problem, for stderr (exit status 2).
QString applyPaneAssignments(LabSession &session, const QStringList &assignments);
