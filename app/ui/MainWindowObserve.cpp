// Observe mode in the window: File → Observe a port or process… asks what to watch
// (ObserveDialog); the open lab closes, its panes give their place to a banner
// (ObserveBanner) and the live views follow an ObserveSession instead of a lab. The lab's
// commands wait meanwhile; Stop observing reopens the lab that was open.
#include "MainWindow.h"

#include "LabNavigator.h"
#include "LiveViews.h"
#include "ObserveBanner.h"
#include "ObserveDialog.h"
#include "PaneFilterButton.h"
#include "SequenceDiagramView.h"
#include "SocketTableView.h"
#include "TraceLogView.h"

#include <observe/ObserveSession.h>

#include <QAction>
#include <QMenu>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>

void MainWindow::createObserve()
{
    m_observeAction = new QAction(this);
    connect(m_observeAction, &QAction::triggered, this, [this] {
        ObserveDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted && dialog.target())
            observe(*dialog.target());
    });
    m_fileMenu->addAction(m_observeAction);
    m_observeBanner = new ObserveBanner(this);
    m_observeBanner->hide();
    connect(m_observeBanner, &ObserveBanner::stopRequested, this, &MainWindow::stopObserving);
    connect(this, &MainWindow::viewsRefreshed, this, [this] {
        if (m_observing)
            m_observeBanner->setOpenSockets(int(m_observing->observer().openCount()));
    });
    retranslateObserve();
}

void MainWindow::retranslateObserve()
{
    if (!m_observeAction)
        return;  // before createObserve
    m_observeAction->setText(tr("Ob&serve a port or process…"));
    m_observeAction->setToolTip(tr("Watch the sockets on a port or of a process of this machine, read-only"));
    if (m_observing)
        setWindowTitle(tr("SocketLab — observing %1").arg(m_observing->target().describe()));
}

void MainWindow::observe(const ObserveTarget &target)
{
    const QString previous = m_observing ? m_labBeforeObserving : labId();
    closeLab();  // ends any earlier observing too
    m_labBeforeObserving = previous;
    m_navigator->setCurrentLab(QString());  // no live lab: a click on any lesson opens it
    m_liveViews->paneFilter()->forgetLab();  // the observed processes all shown, until hidden here
    m_observing = new ObserveSession(target, this);
    connect(&m_observing->observer(), &SocketObserver::processExited, m_observeBanner, &ObserveBanner::setProcessEnded);
    m_observeBanner->setTarget(target.describe());
    m_observeBanner->setOpenSockets(int(m_observing->observer().openCount()));
    replacePaneRow(m_panes, m_observeBanner);
    m_vertical->setSizes({m_observeBanner->sizeHint().height(), m_vertical->height()});
    m_left->hide();  // the lesson is not what is shown
    m_timelineToolbar->hide();  // nothing is recorded
    for (QAction *a : {m_step, m_runAll, m_pauseAll, m_reset, m_addPane})
        a->setEnabled(false);
    m_speed->setEnabled(false);
    m_liveViews->open(m_observing->feed());
    arrangeClassroom();
    retranslateObserve();
    statusBar()->showMessage(tr("Observing %1: read-only").arg(target.describe()));
}

void MainWindow::endObserving()
{
    if (!m_observing)
        return;
    m_liveViews->close();
    delete m_observing;  // its thread stops first
    m_observing = nullptr;
    replacePaneRow(m_observeBanner, m_panes);
    m_left->setVisible(m_lessonText->isChecked());
    showTimelineBar();
    for (QAction *a : {m_step, m_runAll, m_pauseAll, m_reset})
        a->setEnabled(true);
    m_speed->setEnabled(true);
    arrangeClassroom();
}

int MainWindow::observedClassroomView() const
{
    // The diagram and the trace need calls, and observe mode sees none: the table instead.
    const QWidget *chosen = m_liveViews->widget(m_classroomView);
    const bool empty = chosen == m_liveViews->view<SequenceDiagramView>() || chosen == m_liveViews->view<TraceLogView>();
    return empty ? m_liveViews->indexOf(m_liveViews->view<SocketTableView>()) : m_classroomView;
}

void MainWindow::stopObserving()
{
    const QString lab = m_labBeforeObserving;
    endObserving();
    if (!openLab(lab) && !m_catalog.labs().isEmpty())
        openLab(m_catalog.labs().first().id);
}
