#include "LabProgress.h"

#include <QSettings>
#include <QStringList>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QString kStepsKey = QStringLiteral("steps");              // "server.accept", "client.send", ...
const QString kAnswersKey = QStringLiteral("predictions");     // "recv-bytes=right", ...
const QString kPassedKey = QStringLiteral("exercisesPassed");  // exercise ids
const QString kHintsKey = QStringLiteral("hints");             // "serve-second=2", ...

struct Tr {  // lupdate reads the context from this declaration
    Q_DECLARE_TR_FUNCTIONS(LabProgress)
};

QHash<QString, QString> pairs(const QStringList &stored)
{
    QHash<QString, QString> out;
    for (const QString &item : stored)
        out.insert(item.section(QLatin1Char('='), 0, 0), item.section(QLatin1Char('='), 1));
    return out;
}

QStringList sortedPairs(const QHash<QString, QString> &values)
{
    QStringList out;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        out << it.key() + QLatin1Char('=') + it.value();
    out.sort();
    return out;
}
} // namespace

LabProgress::LabProgress(QObject *parent) : QObject(parent) {}

void LabProgress::addLab(const LabDefinition &definition)
{
    Lab lab;
    for (const PaneDefinition &pane : definition.panes) {
        QSet<QString> &steps = lab.defined[pane.id];
        for (auto it = pane.steps.cbegin(); it != pane.steps.cend(); ++it)
            steps.insert(it.key());
        lab.total += int(steps.size());
    }
    QSettings settings;
    const QStringList stored = settings.value(group(definition.id) + QLatin1Char('/') + kStepsKey).toStringList();
    for (const QString &key : stored) {
        for (auto pane = lab.defined.cbegin(); pane != lab.defined.cend(); ++pane) {
            if (!key.startsWith(pane.key() + QLatin1Char('.')))
                continue;
            const QString step = key.mid(pane.key().size() + 1);
            if (pane->contains(step) && !lab.reached[pane.key()].contains(step)) {
                lab.reached[pane.key()].insert(step);
                ++lab.reachedCount;
            }
        }
    }
    for (const PredictionDefinition &p : definition.predictions)
        lab.predictions.insert(p.id);
    for (const ExerciseDefinition &e : definition.exercises)
        lab.exercises.insert(e.id);
    const QString g = group(definition.id) + QLatin1Char('/');
    const QHash<QString, QString> answers = pairs(settings.value(g + kAnswersKey).toStringList());
    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        if (lab.predictions.contains(it.key()))
            lab.answers.insert(it.key(), it.value());
    }
    for (const QString &id : settings.value(g + kPassedKey).toStringList()) {
        if (lab.exercises.contains(id))
            lab.passed.insert(id);
    }
    const QHash<QString, QString> hints = pairs(settings.value(g + kHintsKey).toStringList());
    for (auto it = hints.cbegin(); it != hints.cend(); ++it) {
        if (lab.exercises.contains(it.key()))
            lab.hints.insert(it.key(), it.value().toInt());
    }
    m_labs.insert(definition.id, std::move(lab));
    emit changed(definition.id);
}

LabProgress::Lab *LabProgress::known(const QString &labId)
{
    const auto lab = m_labs.find(labId);
    return lab == m_labs.end() ? nullptr : &*lab;
}

void LabProgress::recordPrediction(const QString &labId, const QString &predictionId, bool skipped, bool right)
{
    Lab *lab = known(labId);
    if (!lab || !lab->predictions.contains(predictionId))
        return;
    lab->answers.insert(predictionId, skipped ? QStringLiteral("skipped") : right ? QStringLiteral("right") : QStringLiteral("wrong"));
    save(labId, *lab);
    emit changed(labId);
}

void LabProgress::recordExercise(const QString &labId, const QString &exerciseId, bool passed)
{
    Lab *lab = known(labId);
    if (!lab || !lab->exercises.contains(exerciseId) || !passed || lab->passed.contains(exerciseId))
        return;
    lab->passed.insert(exerciseId);
    save(labId, *lab);
    emit changed(labId);
}

void LabProgress::recordHint(const QString &labId, const QString &exerciseId, int level)
{
    Lab *lab = known(labId);
    if (!lab || !lab->exercises.contains(exerciseId) || level <= lab->hints.value(exerciseId))
        return;
    lab->hints.insert(exerciseId, level);
    save(labId, *lab);
    emit changed(labId);
}

LabProgress::Summary LabProgress::summary(const QString &labId) const
{
    Summary s;
    const auto lab = m_labs.constFind(labId);
    if (lab == m_labs.cend())
        return s;
    s.stepsReached = lab->reachedCount;
    s.steps = lab->total;
    s.predictions = int(lab->predictions.size());
    for (const QString &answer : lab->answers) {
        if (answer == QLatin1String("skipped"))
            ++s.predictionsSkipped;
        else
            ++s.predictionsAnswered;
        if (answer == QLatin1String("right"))
            ++s.predictionsRight;
    }
    s.exercises = int(lab->exercises.size());
    s.exercisesPassed = int(lab->passed.size());
    for (int level : lab->hints)
        s.hintsUsed += level;
    s.completed = completed(labId);
    return s;
}

bool LabProgress::exercisePassed(const QString &labId, const QString &exerciseId) const
{
    return m_labs.value(labId).passed.contains(exerciseId);
}

int LabProgress::hintsShown(const QString &labId, const QString &exerciseId) const
{
    return m_labs.value(labId).hints.value(exerciseId);
}

QByteArray LabProgress::reportJson(const QList<LabDefinition> &labs, const QString &learner) const
{
    QJsonArray entries;
    for (const LabDefinition &lab : labs) {
        const Summary s = summary(lab.id);
        entries.append(QJsonObject{
            {QStringLiteral("lab"), lab.id},
            {QStringLiteral("title"), lab.title.en},
            {QStringLiteral("completed"), s.completed},
            {QStringLiteral("steps"), QJsonObject{{QStringLiteral("reached"), s.stepsReached}, {QStringLiteral("of"), s.steps}}},
            {QStringLiteral("predictions"), QJsonObject{{QStringLiteral("answered"), s.predictionsAnswered},
                                                        {QStringLiteral("right"), s.predictionsRight},
                                                        {QStringLiteral("skipped"), s.predictionsSkipped},
                                                        {QStringLiteral("of"), s.predictions}}},
            {QStringLiteral("exercises"), QJsonObject{{QStringLiteral("passed"), s.exercisesPassed}, {QStringLiteral("of"), s.exercises}}},
            {QStringLiteral("hintsUsed"), s.hintsUsed},
        });
    }
    const QJsonObject report{{QStringLiteral("format"), QStringLiteral("socketlab-progress/1")},
                             {QStringLiteral("learner"), learner},
                             {QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                             {QStringLiteral("labs"), entries}};
    return QJsonDocument(report).toJson(QJsonDocument::Indented);
}

QString LabProgress::reportMarkdown(const QList<LabDefinition> &labs, const QString &learner, const QString &language) const
{
    QString out = Tr::tr("# SocketLab progress: %1").arg(learner) + QStringLiteral("\n\n");
    out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n|---|---|---|---|---|---|\n")
               .arg(Tr::tr("Lab"), Tr::tr("Steps"), Tr::tr("Predictions right"), Tr::tr("Exercises passed"), Tr::tr("Hints used"),
                    Tr::tr("Completed"));
    for (const LabDefinition &lab : labs) {
        const Summary s = summary(lab.id);
        out += QStringLiteral("| %1 | %2 / %3 | %4 / %5 | %6 / %7 | %8 | %9 |\n")
                   .arg(lab.title.in(language))
                   .arg(s.stepsReached).arg(s.steps)
                   .arg(s.predictionsRight).arg(s.predictions)
                   .arg(s.exercisesPassed).arg(s.exercises)
                   .arg(s.hintsUsed)
                   .arg(s.completed ? Tr::tr("yes") : Tr::tr("no"));
    }
    return out;
}

void LabProgress::setLabs(const QList<LabDefinition> &labs)
{
    m_labs.clear();
    for (const LabDefinition &lab : labs)
        addLab(lab);
}

void LabProgress::recordStep(const QString &labId, const QString &paneId, const QString &stepId)
{
    // The hot path: a repeated step ends at the first look-ups, without building any string.
    const auto lab = m_labs.find(labId);
    if (lab == m_labs.end())
        return;
    const auto reached = lab->reached.constFind(paneId);
    if (reached != lab->reached.cend() && reached->contains(stepId))
        return;
    if (!lab->defined.value(paneId).contains(stepId))
        return;
    lab->reached[paneId].insert(stepId);
    ++lab->reachedCount;
    save(labId, *lab);
    emit changed(labId);
}

void LabProgress::save(const QString &labId, const Lab &lab) const
{
    QStringList keys;
    for (auto pane = lab.reached.cbegin(); pane != lab.reached.cend(); ++pane) {
        for (const QString &step : *pane)
            keys << pane.key() + QLatin1Char('.') + step;
    }
    keys.sort();  // a stable file, easy to read and diff
    QSettings settings;
    const QString g = group(labId) + QLatin1Char('/');
    settings.setValue(g + kStepsKey, keys);
    QStringList passed(lab.passed.begin(), lab.passed.end());
    passed.sort();
    settings.setValue(g + kAnswersKey, sortedPairs(lab.answers));
    settings.setValue(g + kPassedKey, passed);
    QHash<QString, QString> hints;
    for (auto it = lab.hints.cbegin(); it != lab.hints.cend(); ++it)
        hints.insert(it.key(), QString::number(it.value()));
    settings.setValue(g + kHintsKey, sortedPairs(hints));
}

int LabProgress::stepsReached(const QString &labId) const
{
    return m_labs.value(labId).reachedCount;
}

int LabProgress::stepCount(const QString &labId) const
{
    return m_labs.value(labId).total;
}

double LabProgress::fraction(const QString &labId) const
{
    const auto lab = m_labs.constFind(labId);
    return lab == m_labs.cend() || lab->total == 0 ? 0.0 : double(lab->reachedCount) / double(lab->total);
}

bool LabProgress::completed(const QString &labId) const
{
    const auto lab = m_labs.constFind(labId);
    if (lab == m_labs.cend())
        return false;
    if (!lab->exercises.isEmpty())
        return lab->passed.size() == lab->exercises.size();  // running the lab is not learning it
    return lab->total > 0 && lab->reachedCount == lab->total;
}

bool LabProgress::reached(const QString &labId, const QString &paneId, const QString &stepId) const
{
    const auto lab = m_labs.constFind(labId);
    return lab != m_labs.cend() && lab->reached.value(paneId).contains(stepId);
}

void LabProgress::forget(const QString &labId)
{
    QSettings settings;
    settings.remove(group(labId));
    const auto lab = m_labs.find(labId);
    if (lab != m_labs.end()) {
        lab->reached.clear();
        lab->reachedCount = 0;
        lab->answers.clear();
        lab->passed.clear();
        lab->hints.clear();
    }
    emit changed(labId);
}

void LabProgress::forgetAll()
{
    for (const QString &id : m_labs.keys())
        forget(id);
    QSettings().remove(QStringLiteral("progress"));  // also labs that are not loaded now
}
