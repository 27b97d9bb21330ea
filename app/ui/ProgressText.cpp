#include "ProgressText.h"

#include <QStringList>

QString ProgressText::line(const LabProgress::Summary &s)
{
    // The navigator has room for a few words beside the bar that shows the steps: a lab with
    // exercises says how many passed (what "completed" means there), others count the steps.
    if (s.exercises > 0)
        return s.completed ? tr("✓ completed") : tr("%1 / %2 exercises").arg(s.exercisesPassed).arg(s.exercises);
    if (s.completed)
        return tr("✓ completed — all %1 steps").arg(s.steps);
    return tr("%1 / %2 steps").arg(s.stepsReached).arg(s.steps);
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
