// The row under the lab for looking back at the run: Start, Back, the timeline, Forward,
// Now, and the moment shown ("live · 12.40 s", or "2.35 s of 12.40 s" on orange while
// looking back). The buttons are the window's actions, so their keys work anywhere.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class ReplayController;
class RunTimeline;

class ReplayBar : public QWidget {
    Q_OBJECT
public:
    struct Actions {
        QAction *start;
        QAction *back;
        QAction *forward;
        QAction *now;
    };
    ReplayBar(ReplayController *controller, const Actions &actions, QWidget *parent = nullptr);

    RunTimeline *timeline() const { return m_timeline; }
    QLabel *momentLabel() const { return m_moment; }

public slots:
    void refresh();          // the label and the strip now
    void scheduleRefresh();  // soon: as the run is recorded, at most once a frame

signals:
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;  // a language switch: the moment's words again

private:
    ReplayController *m_controller;
    RunTimeline *m_timeline;
    QLabel *m_moment;
    bool m_refreshScheduled = false;
};

// Seconds for the timeline: "2.35 s".
QString replaySeconds(std::int64_t ns);
