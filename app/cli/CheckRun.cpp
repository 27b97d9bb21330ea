#include "CheckRun.h"

#include "PaneAssignments.h"

#include <ExerciseCheck.h>

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
    QHash<QString, QString> answer;
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        const QString name = assignment.left(eq);
        if (eq <= 0 || name.count(QLatin1Char('.')) != 1) {
            print(stderr, Tr::tr("socketlab: --set: write PANE.NAME=VALUE, not \"%1\"").arg(assignment));
            return 2;
        }
        answer.insert(name, assignment.mid(eq + 1));
    }
    QString problem;
    const QHash<QString, QString> byPane = panePrograms(lab, programs, &problem);
    if (!problem.isEmpty()) {
        print(stderr, problem);
        return 2;
    }
    ExerciseCheck check(lab, *exercise, answer);
    check.setPrograms(byPane);
    QObject::connect(&check, &ExerciseCheck::finished, qApp, [&] { QCoreApplication::exit(check.passed() ? 0 : 1); });
    check.start();
    const int status = QCoreApplication::exec();
    for (const QString &line : check.report(language))
        print(stdout, line);
    return status;
}
