#include "PaneAssignments.h"

#include <FaultFields.h>
#include <LabSession.h>

#include <QCoreApplication>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(PaneAssignments)
};

} // namespace

QString applyPaneAssignments(LabSession &session, const QStringList &assignments)
{
    for (const QString &assignment : assignments) {
        const qsizetype dot = assignment.indexOf(QLatin1Char('.'));
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        PaneRunner *pane = dot > 0 && eq > dot ? session.pane(assignment.left(dot)) : nullptr;
        const QString name = assignment.mid(dot + 1, eq - dot - 1);
        QString problem;
        if (!pane) {
            problem = Tr::tr("write PANE.NAME=VALUE with a pane of lab %1").arg(session.lab().id);
        } else if (!pane->definition().param(name) && FaultFields::find(name)) {
            // A fault injected into the pane's sockets (PANE.recvMax=4), as its Faults control sets it.
            socketlab::FaultSettings faults = pane->faults().settings();
            problem = FaultFields::assign(faults, name, assignment.mid(eq + 1));
            if (problem.isEmpty())
                pane->faults().set(faults);
        } else {
            problem = pane->setParam(name, assignment.mid(eq + 1));
        }
        if (!problem.isEmpty())
            return QStringLiteral("socketlab: --set %1: %2").arg(assignment, problem);
    }
    return {};
}
