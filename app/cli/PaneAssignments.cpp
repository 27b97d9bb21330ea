#include "PaneAssignments.h"

#include <LabDefinition.h>
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

QHash<QString, QString> panePrograms(const LabDefinition &lab, const QStringList &programs, QString *problem)
{
    QHash<QString, QString> byPane;
    for (const QString &given : programs) {
        const qsizetype eq = given.indexOf(QLatin1Char('='));
        const QString pane = given.left(eq);
        if (eq <= 0 || !lab.pane(pane)) {
            *problem = Tr::tr("socketlab: --program: lab %1 has no pane \"%2\"").arg(lab.id, pane);
            return {};
        }
        byPane.insert(pane, given.mid(eq + 1));
    }
    return byPane;
}

QString applyPanePrograms(LabSession &session, const QStringList &programs)
{
    QString problem;
    const QHash<QString, QString> byPane = panePrograms(session.lab(), programs, &problem);
    for (auto it = byPane.begin(); problem.isEmpty() && it != byPane.end(); ++it) {
        if (const QString why = session.pane(it.key())->setLearnerProgram(it.value()); !why.isEmpty())
            problem = QStringLiteral("socketlab: --program: ") + why;
    }
    return problem;
}
