#include "LabProgress.h"

#include <QSettings>
#include <QStringList>

namespace {
const QString kStepsKey = QStringLiteral("steps");  // "server.accept", "client.send", ...
}

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
    m_labs.insert(definition.id, std::move(lab));
    emit changed(definition.id);
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
    settings.setValue(group(labId) + QLatin1Char('/') + kStepsKey, keys);
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
    return lab != m_labs.cend() && lab->total > 0 && lab->reachedCount == lab->total;
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
    }
    emit changed(labId);
}
