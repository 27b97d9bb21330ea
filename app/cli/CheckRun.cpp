#include "CheckRun.h"

#include "PaneAssignments.h"

#include <ExerciseCheck.h>
#include <FaultFields.h>

#include <QCoreApplication>

#include <cstdio>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CheckRun)
};

void print(FILE *stream, const QString &line)
{
    std::fprintf(stream, "%s\n", line.toUtf8().constData());
    std::fflush(stream);
}

} // namespace

int runCheckHeadless(const LabDefinition &lab, const QString &exerciseId, const QStringList &assignments,
                     const QStringList &programs, const QString &language)
{
    const ExerciseDefinition *exercise = nullptr;
    QStringList ids;
    for (const ExerciseDefinition &e : lab.exercises) {
        ids << e.id;
        if (e.id == exerciseId)
            exercise = &e;
    }
    if (!exercise) {
        print(stderr, ids.isEmpty() ? Tr::tr("socketlab: lab %1 has no exercises").arg(lab.id)
                                    : Tr::tr("socketlab: lab %1 has no exercise \"%2\" (it has: %3)").arg(lab.id, exerciseId, ids.join(QStringLiteral(", "))));
        return 2;
    }
    // The answer: parameters, and faults the learner injects (PANE.recvMax=4) where the
    // pane has no parameter of that name.
    QHash<QString, QString> answer;
    QHash<QString, socketlab::FaultSettings> faults;
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        const QString name = assignment.left(eq);
        if (eq <= 0 || name.count(QLatin1Char('.')) != 1) {
            print(stderr, Tr::tr("socketlab: --set: write PANE.NAME=VALUE, not \"%1\"").arg(assignment));
            return 2;
        }
        const QString pane = name.section(QLatin1Char('.'), 0, 0);
        const QString key = name.section(QLatin1Char('.'), 1);
        const PaneDefinition *definition = lab.pane(pane);
        if (definition && !definition->param(key) && FaultFields::find(key)) {
            auto known = faults.find(pane);
            if (known == faults.end())
                known = faults.insert(pane, definition->faults);
            if (const QString problem = FaultFields::assign(*known, key, assignment.mid(eq + 1)); !problem.isEmpty()) {
                print(stderr, QStringLiteral("socketlab: --set %1: %2").arg(assignment, problem));
                return 2;
            }
            continue;
        }
        answer.insert(name, assignment.mid(eq + 1));
    }
    QString problem;
    const QHash<QString, QString> byPane = panePrograms(lab, programs, &problem);
    if (!problem.isEmpty()) {
        print(stderr, problem);
        return 2;
    }
    ExerciseCheck check(lab, *exercise, answer, faults);
    check.setPrograms(byPane);
    QObject::connect(&check, &ExerciseCheck::finished, qApp, [&] { QCoreApplication::exit(check.passed() ? 0 : 1); });
    check.start();
    const int status = QCoreApplication::exec();
    for (const QString &line : check.report(language))
        print(stdout, line);
    return status;
}
