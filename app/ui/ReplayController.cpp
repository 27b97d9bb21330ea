#include "ReplayController.h"

#include "LiveViews.h"
#include "ReplayPaneView.h"

#include <PaneMoment.h>

#include <QSplitter>

#include <algorithm>

namespace {
constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();
} // namespace

ReplayController::ReplayController(LiveViews *views, const QString &language, QObject *parent)
    : QObject(parent), m_views(views), m_language(language), m_paneRow(new QSplitter(Qt::Horizontal))
{
    m_paneRow->setChildrenCollapsible(false);
}

ReplayController::~ReplayController()
{
    if (m_paneRow && !m_paneRow->parent())
        delete m_paneRow.data();
}

void ReplayController::followLive(const RunRecording *recording)
{
    close();
    m_recording = recording;
    noteOrigin();
    emit sourceChanged();
}

void ReplayController::showSaved(RunRecording recording)
{
    close();
    m_saved = std::make_unique<RunRecording>(std::move(recording));
    m_recording = m_saved.get();
    noteOrigin();
    setLookingBack(true);
    showMoment(m_recording->endNs());
    emit sourceChanged();
}

void ReplayController::close()
{
    if (m_lookingBack && !m_saved && m_recording)
        goLive();  // the live views get the whole run back before the lab goes
    const bool wasSaved = m_saved != nullptr;
    clearPanes();
    m_recording = nullptr;
    m_saved.reset();
    setLookingBack(false);
    m_views->setDetached(false);
    if (wasSaved)
        m_views->reset();
    m_fedUntil = kNever;
    m_revealLimit = std::numeric_limits<std::int64_t>::max();
    emit sourceChanged();
}

void ReplayController::noteOrigin()
{
    // A live run's time 0 is its first moment, kept while the oldest history goes to stay in
    // memory, so the times a learner reads do not shift under them.
    m_originNs = m_recording ? m_recording->startNs() : 0;
}

std::int64_t ReplayController::moment() const
{
    if (m_lookingBack)
        return m_moment;
    return m_recording ? m_recording->endNs() : 0;
}

void ReplayController::setLookingBack(bool back)
{
    if (back == m_lookingBack)
        return;
    m_lookingBack = back;
    m_views->setDetached(back || m_saved);
    emit lookingBackChanged(back);
}

void ReplayController::showMoment(std::int64_t timeNs)
{
    if (!m_recording)
        return;
    if (m_originNs == 0)
        noteOrigin();  // a live recording that was empty when followed
    timeNs = std::clamp(timeNs, m_originNs, std::min(m_recording->endNs(), m_revealLimit));
    const bool wasBack = m_lookingBack;
    setLookingBack(true);
    if (!wasBack)
        m_fedUntil = kNever;  // the live views are fed afresh
    m_moment = timeNs;
    feedViewsUntil(timeNs);
    showPanes(timeNs);
    emit momentChanged(timeNs);
}

void ReplayController::feedViewsUntil(std::int64_t timeNs)
{
    // Forward goes on from the moment shown; back starts from the beginning.
    if (m_fedUntil == kNever || timeNs < m_fedUntil) {
        m_views->reset();
        m_fedUntil = kNever;
    }
    m_recording->feedUntil(timeNs, [this](const RunTick &tick) { m_views->replayTick(tick); }, m_fedUntil);
    m_fedUntil = timeNs;
}

void ReplayController::showPanes(std::int64_t timeNs)
{
    const QList<PaneMoment> moments = paneMomentsAt(*m_recording, timeNs);
    QList<ReplayPaneView *> views = paneViews();
    for (ReplayPaneView *v : views)
        v->setVisible(false);  // a pane added later in the run is not there yet
    for (const PaneMoment &m : moments) {
        ReplayPaneView *view = paneView(m.pane);
        if (!view) {
            view = new ReplayPaneView(m_recording->lab(), m.pane, m_language);
            m_paneRow->addWidget(view);
        }
        view->showMoment(m);
        view->setVisible(true);
    }
}

void ReplayController::clearPanes()
{
    qDeleteAll(paneViews());
}

QList<ReplayPaneView *> ReplayController::paneViews() const
{
    QList<ReplayPaneView *> views;
    if (!m_paneRow)
        return views;
    for (int i = 0; i < m_paneRow->count(); ++i) {
        if (auto *v = qobject_cast<ReplayPaneView *>(m_paneRow->widget(i)))
            views << v;
    }
    return views;
}

ReplayPaneView *ReplayController::paneView(const QString &paneId) const
{
    for (ReplayPaneView *v : paneViews()) {
        if (v->paneId() == paneId)
            return v;
    }
    return nullptr;
}

std::vector<std::int64_t> ReplayController::stops() const
{
    std::vector<std::int64_t> out;
    if (!m_recording)
        return out;
    const std::deque<PaneReport> &reports = m_recording->reports();
    std::size_t r = 0;
    const std::vector<socketlab::SocketSample> *before = nullptr;
    // Whether a report up to t changes what a pane shows (a listing alone does not: it is
    // there from the start).
    auto reportsUpTo = [&](std::int64_t t) {
        bool changed = false;
        for (; r < reports.size() && reports[r].timeNs <= t; ++r)
            changed = changed || reports[r].kind != PaneReport::Kind::Listing;
        return changed;
    };
    for (const RecordedFrame &f : m_recording->frames()) {
        const bool socketsChanged = before && f.sockets.get() != before;
        const bool reported = reportsUpTo(f.timeNs);
        if (!f.events.empty() || socketsChanged || reported)
            out.push_back(f.timeNs);
        before = f.sockets.get();
    }
    for (; r < reports.size(); ++r) {  // reported after the last tick
        if (reports[r].kind != PaneReport::Kind::Listing && (out.empty() || out.back() != reports[r].timeNs))
            out.push_back(reports[r].timeNs);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove_if(out.begin(), out.end(), [this](std::int64_t t) { return t > m_revealLimit; }), out.end());
    return out;
}

bool ReplayController::canGoBack() const
{
    return hasRecording() && moment() > m_originNs;
}

bool ReplayController::canGoForward() const
{
    if (!hasRecording() || !m_lookingBack)
        return false;
    return m_saved ? m_moment < std::min(m_recording->endNs(), m_revealLimit) : true;
}

void ReplayController::back()
{
    if (!canGoBack())
        return;
    // The last stop at or before the moment is what shows now; Back shows the one before it.
    const std::vector<std::int64_t> s = stops();
    auto shown = std::upper_bound(s.begin(), s.end(), moment());
    if (shown == s.begin() || --shown == s.begin())
        toStart();
    else
        showMoment(*(shown - 1));
}

void ReplayController::forward()
{
    if (!canGoForward())
        return;
    const std::vector<std::int64_t> s = stops();
    auto next = std::upper_bound(s.begin(), s.end(), m_moment);
    if (next != s.end())
        showMoment(*next);
    else
        goLive();
}

void ReplayController::toStart()
{
    if (hasRecording())
        showMoment(m_originNs);
}

void ReplayController::goLive()
{
    if (!m_recording)
        return;
    if (m_saved) {
        showMoment(m_recording->endNs());
        return;
    }
    if (!m_lookingBack)
        return;
    // The views get every recorded tick, then the lab's own ticks again: what they would
    // have shown had nobody looked back.
    m_views->reset();
    m_recording->feedUntil(m_recording->endNs(), [this](const RunTick &tick) { m_views->replayTick(tick); });
    m_fedUntil = kNever;
    setLookingBack(false);
    emit momentChanged(m_recording->endNs());
}

void ReplayController::setRevealLimit(std::int64_t timeNs)
{
    m_revealLimit = timeNs;
    if (m_lookingBack && m_moment > timeNs)
        showMoment(timeNs);
}
