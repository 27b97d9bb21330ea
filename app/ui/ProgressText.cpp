#include "ProgressText.h"

#include <QStringList>

QString ProgressText::line(const LabProgress::Summary &s)
{
    if (s.completed && s.exercises == 0 && s.predictions == 0)
        return tr("✓ completed — all %1 steps").arg(s.steps);
    QStringList parts;
    if (s.completed)
        parts << tr("✓ completed");
    parts << tr("%1 / %2 steps").arg(s.stepsReached).arg(s.steps);
    if (s.predictions > 0)
        parts << tr("%1 / %2 predicted, %3 right").arg(s.predictionsAnswered).arg(s.predictions).arg(s.predictionsRight);
    if (s.exercises > 0)
        parts << tr("%1 / %2 exercises").arg(s.exercisesPassed).arg(s.exercises);
    return parts.join(QStringLiteral(" · "));
}

QString ProgressText::details(const LabProgress::Summary &s)
{
    QStringList lines;
    lines << tr("Steps reached: %1 of %2").arg(s.stepsReached).arg(s.steps);
    if (s.predictions > 0)
        lines << tr("Predictions: %1 of %2 answered, %3 right, %4 skipped")
                     .arg(s.predictionsAnswered).arg(s.predictions).arg(s.predictionsRight).arg(s.predictionsSkipped);
    if (s.exercises > 0) {
        lines << tr("Exercises passed: %1 of %2").arg(s.exercisesPassed).arg(s.exercises);
        lines << tr("Hints used: %1").arg(s.hintsUsed);
    }
    lines << (s.completed ? (s.exercises > 0 ? tr("Completed: every exercise passed") : tr("Completed: every step reached"))
                          : (s.exercises > 0 ? tr("Completed once every exercise passes") : tr("Completed once every step is reached")));
    return lines.join(QLatin1Char('\n'));
}
