// The window's side of looking back at a run: every lab run is recorded (a RunRecorder per
// session), the timeline under the lab with Back (Shift+F10), Forward (F10 while looking
// back) and Now, and File → Save run / Open run. While looking back the panes' row shows
// the recorded panes (ReplayPaneView) and the live views the recorded ticks; the run's
// controls wait, and the live run goes on untouched behind them.
#include "MainWindow.h"

#include "LabNavigator.h"
#include "LessonView.h"
#include "LiveViews.h"
#include "PaneFilterButton.h"
#include "ReplayBar.h"
#include "ReplayController.h"
#include "ReplayPredictions.h"
#include "SelfStudy.h"

#include <LabSession.h>
#include <RunFile.h>
#include <RunRecorder.h>

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>

namespace {
const QString kRunSuffix = QStringLiteral(".socketlab-run");
} // namespace

void MainWindow::createReplay()
{
    m_replay = new ReplayController(m_liveViews, m_language, this);
    m_replay->paneRow()->setParent(this);  // hidden until the window looks back
    m_replay->paneRow()->hide();
    m_replayPredictions = new ReplayPredictions(m_replay, m_catalog, m_progress, m_language, this);
    m_backToStart = new QAction(this);
    m_back = new QAction(this);
    m_back->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10));
    m_forward = new QAction(this);
    m_forward->setShortcut(QKeySequence(Qt::Key_F10));
    m_now = new QAction(this);
    m_now->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F10));
    connect(m_backToStart, &QAction::triggered, m_replay, &ReplayController::toStart);
    connect(m_back, &QAction::triggered, m_replay, &ReplayController::back);
    connect(m_forward, &QAction::triggered, m_replay, &ReplayController::forward);
    connect(m_now, &QAction::triggered, m_replay, &ReplayController::goLive);

    m_saveRun = new QAction(this);
    m_saveRun->setShortcut(QKeySequence::Save);
    connect(m_saveRun, &QAction::triggered, this, [this] {
        const QString suggested = (labId().isEmpty() ? QStringLiteral("run") : labId()) + kRunSuffix;
        QString file = QFileDialog::getSaveFileName(this, tr("Save run"), suggested, tr("SocketLab runs (*.socketlab-run)"));
        if (file.isEmpty())
            return;
        if (QFileInfo(file).suffix().isEmpty())
            file += kRunSuffix;
        QString error;
        if (!saveRun(file, &error))
            QMessageBox::warning(this, tr("Save run"), tr("The run was not saved.\n%1").arg(error));
    });
    m_openRun = new QAction(this);
    m_openRun->setShortcut(QKeySequence::Open);
    connect(m_openRun, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open run"), QString(),
                                                          tr("SocketLab runs (*.socketlab-run);;All files (*)"));
        QString error;
        if (!file.isEmpty() && !openRun(file, &error))
            QMessageBox::warning(this, tr("Open run"), tr("%1 was not opened.\n%2").arg(QFileInfo(file).fileName(), error));
    });

    m_fileMenu = new QMenu(this);
    m_fileMenu->addAction(m_openRun);
    m_fileMenu->addAction(m_saveRun);
    m_fileMenu->addSeparator();  // observe mode's action follows (createObserve)
    menuBar()->insertMenu(menuBar()->actions().value(0), m_fileMenu);
    m_timelineMenu = new QMenu(this);
    m_timelineMenu->addActions({m_backToStart, m_back, m_forward, m_now});
    menuBar()->insertMenu(menuBar()->actions().value(menuBar()->actions().size() - 1), m_timelineMenu);  // before Help

    m_replayBar = new ReplayBar(m_replay, {m_backToStart, m_back, m_forward, m_now});
    m_timelineToolbar = new QToolBar;
    m_timelineToolbar->setObjectName(QStringLiteral("timelineToolbar"));
    m_timelineToolbar->setMovable(false);
    m_timelineToolbar->addWidget(m_replayBar);
    addToolBar(Qt::BottomToolBarArea, m_timelineToolbar);

    connect(m_replay, &ReplayController::lookingBackChanged, this, &MainWindow::showLookingBack);
    connect(m_replay, &ReplayController::momentChanged, this, &MainWindow::updateReplayActions);
    connect(m_replay, &ReplayController::sourceChanged, this, &MainWindow::updateReplayActions);
    connect(m_replayBar, &ReplayBar::refreshed, this, &MainWindow::updateReplayActions);  // as the run grows
    retranslateReplay();
    updateReplayActions();
}

// The timeline's and saved runs' words, in the window's language (at the start, and after a switch).
void MainWindow::retranslateReplay()
{
    if (!m_replay)
        return;  // before createReplay
    m_backToStart->setText(tr("|◀ Start"));
    m_backToStart->setToolTip(tr("The run's first moment"));
    m_back->setText(tr("◀ Back"));
    m_back->setToolTip(tr("The moment before the last change: calls, sockets and panes as they were then (Shift+F10). "
                          "Nothing runs again and no socket is touched."));
    m_forward->setText(tr("Forward ▶"));
    m_forward->setToolTip(tr("The next change of the run (F10 while looking back)"));
    m_now->setText(tr("Now"));
    m_now->setToolTip(tr("Back to the live run (Ctrl+F10)"));
    m_saveRun->setText(tr("&Save run…"));
    m_saveRun->setToolTip(tr("Save this run to a file, to show it again later or elsewhere without running it"));
    m_openRun->setText(tr("&Open run…"));
    m_openRun->setToolTip(tr("Open a saved run: every moment of it, without running anything"));
    m_fileMenu->setTitle(tr("&File"));
    m_timelineMenu->setTitle(tr("&Timeline"));
    m_timelineToolbar->setWindowTitle(tr("Timeline"));
    m_replay->setLanguage(m_language);
    m_replayPredictions->setLanguage(m_language);
    retranslateObserve();
    if (m_replay->isSaved())
        setWindowTitle(tr("SocketLab — %1 (saved run %2)").arg(m_replay->recording()->lab().title.in(m_language), m_savedRunName));
}

// A saved run asks the lab's predictions as the live lab would, unless the learner turned them off.
void MainWindow::followAskPredictions()
{
    m_replayPredictions->setAsking(m_selfStudy->asksPredictions());
    connect(m_selfStudy->askPredictionsAction(), &QAction::toggled, m_replayPredictions, &ReplayPredictions::setAsking);
}

void MainWindow::recordLab()
{
    m_recorder = new RunRecorder(*m_session, RunRecording::kDefaultBudgetBytes, this);
    m_replay->followLive(&m_recorder->recording());
    // The strip and the buttons follow the recording at most once a frame.
    connect(m_recorder, &RunRecorder::recorded, m_replayBar, &ReplayBar::scheduleRefresh);
    // A Reset starts a new run, and a new recording: its time starts again at 0.
    connect(m_session, &LabSession::resetDone, this, [this] { m_replay->followLive(&m_recorder->recording()); });
}

void MainWindow::stopRecording()
{
    m_replay->close();
    delete m_recorder;
    m_recorder = nullptr;
}

void MainWindow::showLookingBack(bool back)
{
    // The recorded panes take the live panes' place in the splitter, at the same size.
    QWidget *row = m_replay->paneRow();
    replacePaneRow(back ? static_cast<QWidget *>(m_panes) : row, back ? row : static_cast<QWidget *>(m_panes));
    showTimelineBar();
    const bool live = !back && m_session;
    for (QAction *a : {m_step, m_runAll, m_pauseAll, m_reset})
        a->setEnabled(live);
    m_speed->setEnabled(live);
    if (live)
        updateAddPane();
    else
        m_addPane->setEnabled(false);
    if (back && !m_replay->isSaved())
        statusBar()->showMessage(tr("Looking back: the panes and views show an earlier moment; nothing runs again and no "
                                    "socket is touched. Forward (F10) or Now returns to the live run."));
    else if (live)
        statusBar()->showMessage(tr("Back to the live run"));
    updateReplayActions();
}

void MainWindow::replacePaneRow(QWidget *from, QWidget *to)
{
    if (const int index = m_vertical->indexOf(from); index >= 0) {
        const QList<int> sizes = m_vertical->sizes();
        m_vertical->replaceWidget(index, to);
        from->setParent(this);  // kept for when it comes back
        from->hide();
        to->show();
        m_vertical->setSizes(sizes);
    }
}

// In the classroom layout the listings have the height to themselves: the timeline shows only
// while the class looks back (Shift+F10 and the Timeline menu reach it meanwhile).
void MainWindow::showTimelineBar()
{
    if (m_timelineToolbar)
        m_timelineToolbar->setVisible(!m_observing && (!m_presentationOn || m_replay->isLookingBack()));  // observing records nothing
}

void MainWindow::updateReplayActions()
{
    m_back->setEnabled(m_replay->canGoBack());
    m_backToStart->setEnabled(m_replay->canGoBack());
    m_forward->setEnabled(m_replay->canGoForward());
    m_now->setEnabled(m_replay->isLookingBack() && !m_replay->isSaved());
    m_now->setVisible(!m_replay->isSaved());
    m_saveRun->setEnabled(m_replay->hasRecording());
}

bool MainWindow::openRun(const QString &file, QString *error)
{
    QString why;
    std::optional<RunRecording> run = RunFile::load(file, &why);
    if (!run) {
        if (error)
            *error = why;
        return false;
    }
    closeLab();
    m_navigator->setCurrentLab(QString());  // no live lab: a click on any lesson, the run's own too, opens it
    m_liveViews->paneFilter()->forgetLab();  // another run: its panes all shown, until hidden here
    m_replay->showSaved(std::move(*run));
    m_savedRunName = QFileInfo(file).fileName();
    retranslateReplay();  // the window's title
    showLesson();
    statusBar()->showMessage(tr("A saved run: nothing runs. The timeline, Back (Shift+F10) and Forward (F10) show any "
                                "moment of it; a lesson opens the live lab again."));
    return true;
}

bool MainWindow::saveRun(const QString &file, QString *error) const
{
    const RunRecording *run = m_replay->recording();
    if (!run || run->isEmpty()) {
        if (error)
            *error = tr("Nothing has been recorded yet.");
        return false;
    }
    return RunFile::save(*run, file, error);
}
