#include "ReplayController.h"

#include "LiveViews.h"
#include "ReplayPaneView.h"

#include <PaneMoment.h>

#include <QElapsedTimer>
#include <QSplitter>
#include <QTimer>

#include <algorithm>

namespace {
constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();
constexpr qint64 kSliceMs = 20;  // the views' feeding per turn of the event loop: well within a frame of 50 ms
} // namespace

ReplayController::ReplayController(LiveViews *views, const QString &language, QObject *parent)
    : QObject(parent), m_views(views), m_language(language), m_paneRow(new QSplitter(Qt::Horizontal)), m_feeding(new QTimer(this))
{
    m_feeding->setSingleShot(true);
    m_feeding->setInterval(0);
    connect(m_feeding, &QTimer::timeout, this, &ReplayController::feedSome);
    // Queued: a pane hidden by itself is noticed in the middle of feeding.
    connect(views, &LiveViews::paneFilterChanged, this, &ReplayController::feedAgain, Qt::QueuedConnection);
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
    m_feeding->stop();
    m_toLive = false;
    // The views forget the moment looked back at; a lab that goes on feeds them afresh.
    const bool wasSaved = m_saved != nullptr;
    if (m_views->isDetached() && !wasSaved)
        m_views->resetReplay();
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

void ReplayController::setLanguage(const QString &language)
{
    m_language = language;
    for (ReplayPaneView *v : paneViews())
        v->setLanguage(language);
    if (m_lookingBack && m_recording)
        showPanes(m_moment);
}

void ReplayController::setClassroom(bool on)
{
    m_classroom = on;
    for (ReplayPaneView *v : paneViews())
        v->setClassroom(on);
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
    if (back || m_saved)
        m_views->setDetached(true);  // attached again once they have caught up with the live run (goLive)
    emit lookingBackChanged(back);
}

void ReplayController::showMoment(std::int64_t timeNs)
{
    if (!m_recording)
        return;
    if (m_originNs == 0)
        noteOrigin();  // a live recording that was empty when followed
    timeNs = std::clamp(timeNs, m_originNs, std::min(m_recording->endNs(), m_revealLimit));
    if (!m_views->isDetached())
        m_fedUntil = kNever;  // the views were live: they are fed afresh
    m_toLive = false;
    setLookingBack(true);
    m_moment = timeNs;
    feedViewsUntil(timeNs);
    showPanes(timeNs);
    emit momentChanged(timeNs);
}

void ReplayController::feedViewsUntil(std::int64_t timeNs)
{
    // Forward goes on from the moment the views have; back starts from the beginning.
    if (m_fedUntil == kNever || timeNs < m_fedUntil) {
        m_views->resetReplay();
        m_fedUntil = kNever;
    }
    m_target = timeNs;
    feedSome();
}

void ReplayController::feedAgain()
{
    if (!m_recording || !m_views->isDetached())
        return;  // the live views start afresh from the lab's next tick
    m_feeding->stop();
    m_views->resetReplay();
    m_fedUntil = kNever;
    feedSome();  // up to the moment shown, or on to the live run when going there
}

// The views are fed the recorded ticks up to the target a slice at a time: a long run's
// thousands of calls would keep the GUI thread from its events for a second or more. A short
// run is fed at once; a long one catches up over a few frames, the panes showing the moment
// already. Going live, the target is the recording's end as it grows, and once the views have
// it all they follow the lab's own ticks again.
void ReplayController::feedSome()
{
    QElapsedTimer spent;
    spent.start();
    const std::deque<RecordedFrame> &frames = m_recording->frames();
    const auto feed = [this](const RunTick &tick) { m_views->replayTick(tick); };
    auto next = std::upper_bound(frames.begin(), frames.end(), m_fedUntil,
                                 [](std::int64_t t, const RecordedFrame &f) { return t < f.timeNs; });
    const std::int64_t target = m_toLive ? std::numeric_limits<std::int64_t>::max() : m_target;
    for (; next != frames.end() && next->timeNs <= target; ++next) {
        if (spent.elapsed() >= kSliceMs) {
            m_feeding->start();
            return;
        }
        m_recording->feedUntil(next->timeNs, feed, m_fedUntil);  // this one frame
        m_fedUntil = next->timeNs;
    }
    if (m_toLive) {
        m_toLive = false;
        m_fedUntil = kNever;
        m_views->setDetached(false);
    } else {
        m_fedUntil = std::max(m_fedUntil, m_target);
    }
    emit viewsFed();
}

bool ReplayController::viewsCaughtUp() const
{
    return !m_feeding->isActive() && !m_toLive;
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
            view->setClassroom(m_classroom);
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
    const RecordedFrame *before = nullptr;
    // Whether a report up to t changes what a pane shows (a listing alone does not: it is
    // there from the start).
    auto reportsUpTo = [&](std::int64_t t) {
        bool changed = false;
        for (; r < reports.size() && reports[r].timeNs <= t; ++r)
            changed = changed || reports[r].kind != PaneReport::Kind::Listing;
        return changed;
    };
    for (const RecordedFrame &f : m_recording->frames()) {
        // A kernel-only row came or went (a connection queued, a TIME_WAIT over): a change too,
        // though no call was traced; a timer counting down is not.
        const bool socketsChanged = before && (f.sockets != before->sockets || f.kernelOnly != before->kernelOnly);
        const bool reported = reportsUpTo(f.timeNs);
        if (!f.events.empty() || socketsChanged || reported)
            out.push_back(f.timeNs);
        before = &f;
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
    // The views get the rest of the recording, then the lab's own ticks again: what they
    // would have shown had nobody looked back.
    m_toLive = true;
    setLookingBack(false);
    emit momentChanged(m_recording->endNs());
    feedSome();
}

void ReplayController::setRevealLimit(std::int64_t timeNs)
{
    m_revealLimit = timeNs;
    if (m_lookingBack && m_moment > timeNs)
        showMoment(timeNs);
}
