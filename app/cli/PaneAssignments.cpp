#include "PaneAssignments.h"

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
        const QString problem = pane ? pane->setParam(assignment.mid(dot + 1, eq - dot - 1), assignment.mid(eq + 1))
                                     : Tr::tr("write PANE.NAME=VALUE with a pane of lab %1").arg(session.lab().id);
        if (!problem.isEmpty())
            return QStringLiteral("socketlab: --set %1: %2").arg(assignment, problem);
    }
    return {};
}
