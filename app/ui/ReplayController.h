// Looking back at a recorded run. The window's live views and a row of ReplayPaneViews are
// shown the recording up to a moment: every view is fed the recorded ticks up to it (from
// the start, or on from the moment shown before when going forward), each pane its
// recorded reports. Nothing here reaches a program or a socket, so going back leaves the
// live run as it is; going to "now" feeds the views the whole recording and lets the lab's
// ticks through again.
//
// The source is a live lab's RunRecorder, or a saved run opened from a file (read-only:
// there is no "now", only its end).
#pragma once

#include <RunRecording.h>

#include <QObject>
#include <QPointer>
#include <QSplitter>

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

class LiveViews;
class QTimer;
class ReplayPaneView;

class ReplayController : public QObject {
    Q_OBJECT
public:
    ReplayController(LiveViews *views, const QString &language, QObject *parent = nullptr);
    ~ReplayController() override;

    // A live lab's recording (RunRecorder::recording()): shown live until Back.
    void followLive(const RunRecording *recording);
    // A saved run, shown at its end; the controller keeps it.
    void showSaved(RunRecording recording);
    void close();  // no source: the lab closed
    void setLanguage(const QString &language);  // the recorded panes say the moment shown again
    void setClassroom(bool on);                 // the recorded panes' listings wrap, as the live ones do

    const RunRecording *recording() const { return m_recording; }
    bool hasRecording() const { return m_recording && !m_recording->isEmpty(); }
    bool isSaved() const { return m_saved != nullptr; }
    bool isLookingBack() const { return m_lookingBack; }  // a saved run always is
    std::int64_t moment() const;                          // the moment shown (the end when live)
    std::int64_t originNs() const { return m_originNs; }  // the run's time 0

    // The moments Back and Forward stop at: each tick at which something changed (calls
    // traced, a socket or a kernel-only row changed, a pane reported since the tick before),
    // in order.
    std::vector<std::int64_t> stops() const;
    // Whether the live views show the moment (or, live, the whole run) yet: a long run's
    // ticks are fed to them over a few turns of the event loop (viewsFed()).
    bool viewsCaughtUp() const;
    bool canGoBack() const;
    bool canGoForward() const;

    // A hook for predictions: the timeline goes no later than this moment (not past the
    // step a pending prediction asks about). No limit by default.
    void setRevealLimit(std::int64_t timeNs);
    std::int64_t revealLimit() const { return m_revealLimit; }

    QSplitter *paneRow() const { return m_paneRow.data(); }
    QList<ReplayPaneView *> paneViews() const;
    ReplayPaneView *paneView(const QString &paneId) const;

public slots:
    void showMoment(std::int64_t timeNs);  // clamped to the recording; looks back
    void back();
    void forward();                        // past the last change: now (a saved run: its end)
    void toStart();
    void goLive();                         // a saved run: its end

signals:
    void lookingBackChanged(bool lookingBack);
    void momentChanged(std::int64_t timeNs);
    void sourceChanged();
    void viewsFed();  // the views have caught up with the moment, or the live run

private:
    void setLookingBack(bool back);
    void feedViewsUntil(std::int64_t timeNs);
    void feedAgain();  // the views' pane filter changed: they get what they had, filtered anew
    void feedSome();
    void showPanes(std::int64_t timeNs);
    void clearPanes();
    void noteOrigin();

    LiveViews *m_views;
    QString m_language;
    bool m_classroom = false;
    QPointer<QSplitter> m_paneRow;  // the window places it, and usually owns it
    const RunRecording *m_recording = nullptr;
    std::unique_ptr<RunRecording> m_saved;
    bool m_lookingBack = false;
    std::int64_t m_moment = 0;
    QTimer *m_feeding;  // the next slice of ticks for the views
    std::int64_t m_target = 0;  // the moment the views are being fed up to
    bool m_toLive = false;      // going live: fed up to the growing end, then the lab's ticks
    std::int64_t m_fedUntil = std::numeric_limits<std::int64_t>::min();  // the views have every tick up to this
    std::int64_t m_originNs = 0;
    std::int64_t m_revealLimit = std::numeric_limits<std::int64_t>::max();
};
