#include "LabSession.h"

#include <QSet>

#include <algorithm>

using namespace socketlab;

LabSession::LabSession(LabDefinition lab, QObject *parent)
    : QObject(parent), m_lab(std::move(lab)), m_trace(std::make_shared<TraceStream>()),
      m_registry(std::make_shared<SocketRegistry>()), m_feed(m_trace, m_registry)
{
    for (const PaneDefinition &def : m_lab.panes)
        adopt(def);
}

PaneRunner *LabSession::adopt(const PaneDefinition &definition)
{
    auto *runner = new PaneRunner(definition, m_trace, m_registry, this);
    connect(runner, &PaneRunner::published, this,
            [this, runner](const QString &name, const QString &value) { onPublished(runner, name, value); });
    // What a stopped or finished pane published is no longer true (its port is closed).
    connect(runner, &PaneRunner::finished, this, [this, runner] { forgetPublished(runner); });
    runner->gate().setDelayMs(m_delayMs);
    m_panes.append(runner);
    return runner;
}

int LabSession::copiesOf(const QString &paneId) const
{
    return int(std::count_if(m_panes.begin(), m_panes.end(),
                             [&](const PaneRunner *p) { return p->definition().originalId() == paneId; }));
}

bool LabSession::canAddCopy(const QString &paneId) const
{
    const PaneDefinition *def = m_lab.pane(paneId);
    return def && copiesOf(paneId) < def->copies;
}

QString LabSession::copyablePane() const
{
    for (const PaneDefinition &def : m_lab.panes) {
        if (canAddCopy(def.id))
            return def.id;
    }
    return {};
}

PaneRunner *LabSession::addCopy(const QString &paneId)
{
    if (!canAddCopy(paneId))
        return nullptr;
    PaneDefinition copy = *m_lab.pane(paneId);
    int number = copiesOf(paneId) + 1;
    while (pane(paneId + QLatin1Char('-') + QString::number(number)))
        ++number;
    copy.id = paneId + QLatin1Char('-') + QString::number(number);  // "client-2": it owns its sockets under that name
    copy.copyOf = paneId;
    const QString suffix = QStringLiteral(" · %1").arg(number);
    copy.title.en += suffix;
    if (!copy.title.zhCN.isEmpty())
        copy.title.zhCN += suffix;
    PaneRunner *runner = adopt(copy);
    for (const ParamDefinition &param : copy.params) {
        if (!param.follows.isEmpty() && m_publishedValues.contains(param.follows))
            runner->setFollowedValue(param.name, m_publishedValues.value(param.follows));
    }
    emit paneAdded(runner);
    return runner;
}

LabSession::~LabSession()
{
    stopAll();
}

PaneRunner *LabSession::pane(const QString &id) const
{
    for (PaneRunner *p : m_panes) {
        if (p->paneId() == id)
            return p;
    }
    return nullptr;
}

bool LabSession::waitsForAnotherPane(const PaneRunner *pane) const
{
    for (const ParamDefinition &p : pane->definition().params) {
        if (!p.follows.isEmpty() && !m_publishedValues.contains(p.follows))
            return true;
    }
    return false;
}

void LabSession::onPublished(PaneRunner *from, const QString &name, const QString &value)
{
    const QString key = from->paneId() + QLatin1Char('.') + name;
    m_publishedValues.insert(key, value);
    for (PaneRunner *p : m_panes) {
        for (const ParamDefinition &param : p->definition().params) {
            if (param.follows == key)
                p->setFollowedValue(param.name, value);
        }
        if (m_startWhenReady.contains(p) && !waitsForAnotherPane(p)) {
            m_startWhenReady.remove(p);
            p->gate().setMode(runMode());
            p->start();
        }
    }
}

void LabSession::forgetPublished(PaneRunner *from)
{
    const QString prefix = from->paneId() + QLatin1Char('.');
    for (auto it = m_publishedValues.begin(); it != m_publishedValues.end();) {
        if (!it.key().startsWith(prefix)) {
            ++it;
            continue;
        }
        for (PaneRunner *p : m_panes) {
            for (const ParamDefinition &param : p->definition().params) {
                if (param.follows == it.key())
                    p->clearFollowedValue(param.name);
            }
        }
        it = m_publishedValues.erase(it);
    }
}

void LabSession::setDelayMs(int ms)
{
    m_delayMs = ms < 0 ? 0 : ms;
    for (PaneRunner *p : m_panes) {
        p->gate().setDelayMs(m_delayMs);
        if (p->isActive() && p->gate().mode() != StepGate::Mode::Step)
            p->gate().setMode(runMode());  // a speed change applies to running panes at once
    }
}

void LabSession::runAll()
{
    for (PaneRunner *p : m_panes) {
        p->gate().setDelayMs(m_delayMs);
        if (p->isActive()) {
            p->run(runMode());
        } else if (waitsForAnotherPane(p)) {
            m_startWhenReady.insert(p);
        } else {
            p->gate().setMode(runMode());
            p->start();
        }
    }
}

bool LabSession::canStep(const PaneRunner *pane) const
{
    return pane->canStep() && (pane->isActive() || !waitsForAnotherPane(pane));
}

PaneRunner *LabSession::stepNext()
{
    for (PaneRunner *p : m_panes) {
        if (canStep(p)) {
            m_startWhenReady.remove(p);
            p->gate().setDelayMs(m_delayMs);
            p->step();
            return p;
        }
    }
    return nullptr;
}

bool LabSession::isSettled() const
{
    return std::all_of(m_panes.begin(), m_panes.end(), [](const PaneRunner *p) { return p->isSettled(); });
}

void LabSession::pauseAll()
{
    for (PaneRunner *p : m_panes)
        p->pause();
}

void LabSession::stopAll()
{
    m_startWhenReady.clear();
    for (PaneRunner *p : m_panes)
        p->stop();
}

void LabSession::reset()
{
    stopAll();  // each stop wakes its program's blocked call and joins its thread
    for (PaneRunner *p : m_panes)
        p->resetToIdle();
    m_publishedValues.clear();
    m_registry->clear();
    m_feed.resetRun();
    emit resetDone();
}
