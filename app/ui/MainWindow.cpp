// The window: its parts laid out, labs opened and closed, and the 20 Hz tick that keeps
// the panes and the live views current.
#include "MainWindow.h"

#include "LabNavigator.h"
#include "LessonView.h"
#include "LiveViews.h"
#include "PaneView.h"
#include "PlaygroundDock.h"
#include "ReplayController.h"
#include "SelfStudy.h"
#include "SequenceDiagramView.h"
#include "SocketTableModel.h"
#include "SocketTableView.h"
#include "TraceLogView.h"

#include <LabProgress.h>
#include <LabSession.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int kRefreshMs = 50;  // 20 Hz: live enough to watch a call block
} // namespace

MainWindow::MainWindow(LabCatalog catalog, const QString &language, const QString &initialLab, QWidget *parent)
    : QMainWindow(parent), m_catalog(std::move(catalog)), m_labRoots{LabCatalog::builtInRoot(), LabCatalog::userRoot()},
      m_language(language), m_progress(new LabProgress(this)), m_navigator(nullptr), m_left(new QSplitter(Qt::Vertical)),
      m_lesson(new LessonView), m_liveViews(new LiveViews), m_horizontal(new QSplitter(Qt::Horizontal)),
      m_panes(new QSplitter(Qt::Horizontal)), m_vertical(new QSplitter(Qt::Vertical)), m_speed(new QSlider(Qt::Horizontal)),
      m_liveChooser(new QComboBox), m_refreshTimer(new QTimer(this)), m_traceCount(new QLabel), m_lessonsTitle(new QLabel),
      m_lessonTitle(new QLabel), m_speedLabel(new QLabel), m_speedFast(new QLabel), m_liveLabel(new QLabel), m_baseFont(QApplication::font())
{
    m_panes->setChildrenCollapsible(false);
    m_vertical->addWidget(m_panes);
    m_vertical->addWidget(m_liveViews);
    m_vertical->setSizes({540, 260});
    m_progress->setLabs(m_catalog.labs());
    m_navigator = new LabNavigator(m_catalog.labs(), m_progress, m_language);
    connect(m_navigator, &LabNavigator::labChosen, this, [this](const QString &id) {
        if (id != labId() && !openLab(id))
            m_navigator->setCurrentLab(labId());
    });
    m_left->addWidget(titled(m_lessonsTitle, m_navigator));
    m_left->addWidget(titled(m_lessonTitle, m_lesson));
    m_left->setSizes({220, 580});
    m_left->setMinimumWidth(m_left->fontMetrics().averageCharWidth() * 28);  // a lesson stays readable beside three panes
    m_horizontal->addWidget(m_left);
    m_horizontal->addWidget(m_vertical);
    m_horizontal->setSizes({330, 950});
    setCentralWidget(m_horizontal);
    m_liveViews->setTickListener([this](const LiveTick &tick) { feedPanes(tick); });
    connect(m_lesson, &LessonView::linkRefused, this, [this](const QUrl &url) {
        statusBar()->showMessage(tr("Only web links open from a lesson (%1 is not one)").arg(url.toDisplayString()), 8000);
    });

    createActions();
    createReplay();
    createObserve();
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *w = now; w; w = w->parentWidget()) {
            if (auto *view = qobject_cast<PaneView *>(w)) {
                selectPane(view);
                return;
            }
        }
    });
    // Precise: a coarse timer may fire up to 5 % late each time, and the late ticks add up to
    // fewer than 20 refreshes a second.
    m_refreshTimer->setTimerType(Qt::PreciseTimer);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshViews);
    m_refreshTimer->start(kRefreshMs);
    statusBar()->addPermanentWidget(m_traceCount);
    retranslateUi();
    statusBar()->showMessage(tr("Ready"));
    restoreLayout();
    showCatalogProblems();

    const QString last = QSettings().value(QStringLiteral("lastLab"), QStringLiteral("tcp-timestamp")).toString();
    if (!openLab(initialLab) && !openLab(last) && !m_catalog.labs().isEmpty())
        openLab(m_catalog.labs().first().id);
    m_selfStudy = new SelfStudy(*this, m_language);
    followAskPredictions();
    new PlaygroundDock(*this);  // the socket-object lesson's playground, while it is open
}

MainWindow::~MainWindow()
{
    closeLab();
}

QWidget *MainWindow::titled(QLabel *title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    title->setTextFormat(Qt::RichText);
    layout->addWidget(title);
    layout->addWidget(content, 1);
    return box;
}

SocketTableModel *MainWindow::socketModel() const
{
    return m_liveViews->view<SocketTableView>()->socketModel();
}

QPlainTextEdit *MainWindow::traceLog() const
{
    return m_liveViews->view<TraceLogView>();
}

SequenceDiagramView *MainWindow::sequenceDiagram() const
{
    return m_liveViews->view<SequenceDiagramView>();
}

QWidget *MainWindow::lessonColumn() const
{
    return m_left;
}

QTextBrowser *MainWindow::lessonView() const
{
    return m_lesson;
}

QString MainWindow::labId() const
{
    return m_session ? m_session->lab().id : QString();
}

void MainWindow::closeLab()
{
    endObserving();
    stopRecording();
    if (!m_session)
        return;
    emit labClosing();
    m_session->stopAll();  // wakes every blocked call and joins the program threads
    qDeleteAll(m_paneViews);
    m_paneViews.clear();
    m_liveViews->close();
    delete m_session;
    m_session = nullptr;
    if (m_selfStudy)
        m_selfStudy->labClosed();
}

bool MainWindow::openLab(const QString &id)
{
    const LabDefinition *lab = m_catalog.find(id);
    if (!lab)
        return false;
    closeLab();
    m_session = new LabSession(*lab, this);
    m_session->setDelayMs((kSpeedSteps - m_speed->value()) * kMsPerSpeedStep);
    setWindowTitle(tr("SocketLab — %1").arg(lab->title.in(m_language)));
    showLesson();
    for (PaneRunner *runner : m_session->panes())
        addPaneView(runner);
    connect(m_session, &LabSession::paneAdded, this, &MainWindow::addPaneView);
    updateAddPane();
    m_liveViews->open(m_session->feed(), &m_session->lab());
    recordLab();
    connect(m_session, &LabSession::resetDone, this, [this] {
        for (PaneView *v : m_paneViews)
            v->clear();
    });
    if (m_lessonActions) {
        for (QAction *a : m_lessonActions->actions())
            a->setChecked(a->data().toString() == id);
    }
    m_navigator->setCurrentLab(id);
    QSettings().setValue(QStringLiteral("lastLab"), id);
    statusBar()->showMessage(tr("Opened %1").arg(lab->title.in(m_language)));
    emit labOpened(id);
    return true;
}

void MainWindow::showLesson()
{
    const bool saved = !m_session && m_replay && m_replay->isSaved();
    if (!m_session && !saved)
        return;
    const LabDefinition &lab = saved ? m_replay->recording()->lab() : m_session->lab();
    // A lesson a teacher has not translated yet is shown in English, and says so.
    QString note;
    if (m_language.startsWith(QLatin1String("zh")) && (!lab.lesson.has(m_language) || !lab.untranslated.isEmpty())) {
        const QStringList places = lab.untranslated.isEmpty() ? QStringList{QStringLiteral("lesson.zh_CN")} : lab.untranslated;
        note = tr("Not yet in Chinese, shown in English: %1").arg(places.join(QStringLiteral(", ")));
    }
    m_lesson->setLesson(lab.lesson.in(m_language), lab.directory, note);
}

void MainWindow::addPaneView(PaneRunner *runner)
{
    // Progress counts the lab's own steps: a copy's steps are its original's.
    connect(runner, &PaneRunner::stepReached, m_progress, [this, labId = m_session->lab().id, runner](const QString &step) {
        m_progress->recordStep(labId, runner->definition().originalId(), step);
    });
    auto *view = new PaneView(runner, m_language);
    view->setLab(m_session->lab().id);
    view->setHighContrast(m_presentationOn);
    view->setClassroom(m_presentationOn, m_classroomScreen.isShort);
    m_paneViews.append(view);
    m_panes->addWidget(view);
}

PaneView *MainWindow::paneView(const QString &id) const
{
    for (PaneView *v : m_paneViews) {
        if (v->runner()->paneId() == id)
            return v;
    }
    return nullptr;
}

PaneView *MainWindow::selectedPane() const
{
    for (PaneView *v : m_paneViews) {
        if (v->isSelected())
            return v;
    }
    return nullptr;
}

void MainWindow::selectPane(PaneView *view)
{
    for (PaneView *v : m_paneViews)
        v->setSelected(v == view);
}

void MainWindow::feedPanes(const LiveTick &tick)
{
    for (PaneView *v : m_paneViews)
        v->feed(tick);
}

void MainWindow::showTraceCount()
{
    if (m_session)
        m_traceCount->setText(tr("%n socket call event(s) traced, %1 dropped", nullptr, int(m_session->trace()->pushed()))
                                  .arg(m_session->trace()->dropped()));
}

void MainWindow::refreshViews()
{
    if (m_observing) {
        m_liveViews->tick();
        emit viewsRefreshed();
        return;
    }
    if (!m_session)
        return;
    for (PaneView *v : m_paneViews) {
        v->flush();
        v->refresh();
    }
    m_liveViews->tick();  // the panes too get the tick (feedPanes)
    showTraceCount();
    // "No pane can step" is true until one can: then it goes.
    if (!m_noStepMessage.isEmpty() && statusBar()->currentMessage() == m_noStepMessage) {
        const bool canStep = std::any_of(m_paneViews.begin(), m_paneViews.end(),
                                         [this](const PaneView *v) { return m_session->canStep(v->runner()); });
        if (canStep)
            statusBar()->clearMessage();
    }
    emit viewsRefreshed();
}
