// The window's menus and toolbar, and the lab-wide commands behind them: Step, Run all,
// Pause all, Reset, Add client, export of the sequence diagram, the speed control. Every
// word they show is set in retranslateUi(), so a language switch says them again.
#include "MainWindow.h"

#include "LessonView.h"
#include "LiveViews.h"
#include "PaneView.h"
#include "ParamEditor.h"
#include "SequenceDiagramView.h"

#include <LabSession.h>

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDir>
#include <QCoreApplication>
#include <QFileDialog>
#include <QLabel>
#include <QLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

namespace {
constexpr int kZoomStep = 10;
} // namespace

void MainWindow::createActions()
{
    m_labMenu = menuBar()->addMenu(QString());
    m_step = m_labMenu->addAction(QString(), QKeySequence(Qt::Key_F10), this, &MainWindow::stepLab);
    m_runAll = m_labMenu->addAction(QString(), QKeySequence(Qt::Key_F5), this, &MainWindow::runAll);
    m_pauseAll = m_labMenu->addAction(QString(), QKeySequence(Qt::Key_F6), this, [this] {
        if (m_session)
            m_session->pauseAll();
    });
    m_reset = m_labMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] {
        if (m_session)
            m_session->reset();
    });
    m_addPane = m_labMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_N), this, &MainWindow::addPane);
    m_labMenu->addSeparator();
    m_export = m_labMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export sequence diagram"), QStringLiteral("sequence.svg"),
                                                          tr("SVG for slides (*.svg);;PNG image (*.png)"));
        if (!file.isEmpty() && !exportSequenceDiagram(file))
            QMessageBox::warning(this, tr("Export sequence diagram"), tr("Could not write %1.").arg(file));
    });
    m_labMenu->addSeparator();
    m_openLabsFolder = m_labMenu->addAction(QString(), this, &MainWindow::openLabsFolder);
    m_reloadLabs = m_labMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this, &MainWindow::reloadLabs);
    m_labMenu->addSeparator();
    m_quit = m_labMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    m_lessonsMenu = menuBar()->addMenu(QString());
    fillLessonsMenu();

    m_viewMenu = menuBar()->addMenu(QString());
    m_presentation = m_viewMenu->addAction(QString());
    m_presentation->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_presentation->setCheckable(true);
    connect(m_presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    m_lessonText = m_viewMenu->addAction(QString());
    m_lessonText->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lessonText->setCheckable(true);
    m_lessonText->setChecked(true);
    connect(m_lessonText, &QAction::toggled, m_left, &QWidget::setVisible);
    m_viewMenu->addSeparator();
    m_zoomIn = m_viewMenu->addAction(QString(), QKeySequence::ZoomIn, this, [this] { setZoomPercent(m_zoomPercent + kZoomStep); });
    m_zoomOut = m_viewMenu->addAction(QString(), QKeySequence::ZoomOut, this, [this] { setZoomPercent(m_zoomPercent - kZoomStep); });
    m_actualSize = m_viewMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { setZoomPercent(100); });
    m_viewMenu->addSeparator();
    // Each language named in itself: whoever cannot read the current one still finds theirs.
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageActions = new QActionGroup(this);
    for (const auto &[code, name] : {std::pair{"en", "English"}, std::pair{"zh_CN", "中文（简体）"}}) {
        QAction *a = m_languageMenu->addAction(QString::fromUtf8(name));
        a->setCheckable(true);
        a->setData(QString::fromLatin1(code));
        a->setChecked(m_language == QLatin1String(code));
        m_languageActions->addAction(a);
        connect(a, &QAction::triggered, this, [this, language = QString::fromLatin1(code)] { setLanguage(language); });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox box(QMessageBox::Information, tr("About SocketLab"), aboutText(), QMessageBox::Ok, this);
        box.setTextFormat(Qt::RichText);
        box.setObjectName(QStringLiteral("aboutBox"));
        box.exec();
    });

    // The speed control reads as speed: slow motion on the left, full speed on the right.
    m_speed->setRange(0, kSpeedSteps);
    m_speed->setSingleStep(1);
    m_speed->setPageStep(5);
    m_speed->setValue(kSpeedSteps);
    m_speed->setFixedWidth(fontMetrics().averageCharWidth() * 20);
    m_speed->setTickPosition(QSlider::TicksBelow);
    m_speed->setTickInterval(5);
    connect(m_speed, &QSlider::valueChanged, this, &MainWindow::setSpeedFromControl);

    fillLiveViewChooser();
    connect(m_liveChooser, &QComboBox::activated, this, &MainWindow::setClassroomView);
    connect(m_liveViews, &LiveViews::titlesChanged, this, &MainWindow::fillLiveViewChooser);

    m_toolbar = addToolBar(QString());
    m_toolbar->setObjectName(QStringLiteral("labToolbar"));
    m_toolbar->addAction(m_step);
    m_toolbar->addAction(m_runAll);
    m_toolbar->addAction(m_pauseAll);
    m_toolbar->addAction(m_reset);
    m_toolbar->addAction(m_addPane);
    m_toolbar->addSeparator();
    m_toolbar->addWidget(m_speedLabel);
    m_toolbar->addWidget(m_speed);
    m_toolbar->addWidget(m_speedFast);
    // The classroom's own controls sit at the menu bar's right end, where the row is empty: in
    // the classroom layout's larger text the lab's toolbar needs its whole row, and a row more
    // would take listing lines.
    m_classroomToolbar = new QToolBar(this);
    m_classroomToolbar->setObjectName(QStringLiteral("classroomToolbar"));
    m_classroomToolbar->setContentsMargins(0, 0, 0, 0);  // no taller than the menus: every pixel goes to the listings
    m_classroomToolbar->layout()->setContentsMargins(0, 0, 0, 0);
    m_classroomToolbar->layout()->setSpacing(0);
    menuBar()->setCornerWidget(m_classroomToolbar, Qt::TopRightCorner);
    m_classroomToolbar->addAction(m_presentation);
    m_classroomToolbar->addWidget(m_liveLabel);
    m_classroomToolbar->addWidget(m_liveChooser);
}

void MainWindow::retranslateUi()
{
    m_labMenu->setTitle(tr("&Lab"));
    m_step->setText(tr("&Step"));
    m_step->setToolTip(tr("One step: the selected pane, or else the first pane that can move (F10)"));
    m_runAll->setText(tr("&Run all"));
    m_runAll->setToolTip(tr("Run every pane; clients start once the server has its port (F5)"));
    m_pauseAll->setText(tr("&Pause all"));
    m_pauseAll->setToolTip(tr("Pause every pane before its next step (F6)"));
    m_reset->setText(tr("R&eset"));
    m_reset->setToolTip(tr("Stop every pane, even in a blocked call, close every socket and start afresh (Ctrl+R)"));
    m_addPane->setText(tr("&Add client"));
    updateAddPane();
    showTraceCount();  // in the new words now, not at the next tick
    m_export->setText(tr("E&xport sequence diagram…"));
    m_openLabsFolder->setText(tr("&Open my labs folder"));
    m_openLabsFolder->setToolTip(tr("The folder where your own labs go: each lab a folder with its lab.json (%1)")
                                     .arg(QDir::toNativeSeparators(LabCatalog::userRoot())));
    m_reloadLabs->setText(tr("Re&load labs"));
    m_reloadLabs->setToolTip(tr("Read every lab folder again: a lab you are writing appears without a restart (Ctrl+Shift+R)"));
    m_quit->setText(tr("&Quit"));
    m_lessonsMenu->setTitle(tr("L&essons"));
    fillLessonsMenu();
    m_viewMenu->setTitle(tr("&View"));
    m_presentation->setText(tr("&Classroom layout"));
    m_presentation->setToolTip(tr("For a projector: large text, high contrast, the lesson text folded away, "
                                  "the listings and one live view of your choice filling the screen (Ctrl+Shift+P)"));
    m_lessonText->setText(tr("Lessons and lesson &text"));
    m_lessonText->setToolTip(tr("Show or fold away the list of lessons and the lesson text (Ctrl+L)"));
    m_zoomIn->setText(tr("Zoom &in"));
    m_zoomOut->setText(tr("Zoom &out"));
    m_actualSize->setText(tr("&Actual size"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About SocketLab"));
    m_speedLabel->setText(tr("Speed: slow "));
    m_speedFast->setText(tr(" fast"));
    m_speed->setToolTip(tr("How fast the panes run: left is slow motion (a pause before every step), right is full speed"));
    m_speed->setAccessibleName(tr("Speed"));
    m_liveLabel->setText(tr(" Live view: "));
    m_liveChooser->setToolTip(tr("The live view the classroom layout shows beside or under the listings"));
    m_liveChooser->setAccessibleName(tr("Live view"));
    m_toolbar->setWindowTitle(tr("Lab"));
    m_classroomToolbar->setWindowTitle(tr("Classroom"));
    m_lessonsTitle->setText(QStringLiteral("<b>%1</b>").arg(tr("Lessons").toHtmlEscaped()));
    m_lessonTitle->setText(QStringLiteral("<b>%1</b>").arg(tr("Lesson").toHtmlEscaped()));
    m_lesson->setAccessibleName(tr("Lesson text"));
    setWindowTitle(m_session ? tr("SocketLab — %1").arg(m_session->lab().title.in(m_language)) : tr("SocketLab"));
    retranslateReplay();
}

void MainWindow::fillLessonsMenu()
{
    m_lessonsMenu->clear();
    delete m_lessonActions;
    m_lessonActions = new QActionGroup(this);
    m_lessonActions->setExclusive(true);
    for (const LabDefinition &lab : m_catalog.labs()) {
        QAction *a = m_lessonsMenu->addAction(lab.title.in(m_language));
        a->setCheckable(true);
        a->setData(lab.id);
        a->setChecked(lab.id == labId());
        m_lessonActions->addAction(a);
        connect(a, &QAction::triggered, this, [this, id = lab.id] {
            if (id != labId())
                openLab(id);
        });
    }
}

void MainWindow::fillLiveViewChooser()
{
    const int current = m_classroomView;
    m_liveChooser->clear();
    for (int i = 0; i < m_liveViews->count(); ++i)
        m_liveChooser->addItem(m_liveViews->title(i));
    m_liveChooser->setCurrentIndex(current);
}

QAction *MainWindow::languageAction(const QString &language) const
{
    for (QAction *a : m_languageActions->actions())
        if (a->data().toString() == language)
            return a;
    return nullptr;
}

void MainWindow::setSpeedFromControl(int notch)
{
    const int delay = (kSpeedSteps - notch) * kMsPerSpeedStep;
    if (m_session)
        m_session->setDelayMs(delay);
}

void MainWindow::updateAddPane()
{
    const QString id = m_session ? m_session->copyablePane() : QString();
    m_addPane->setEnabled(!id.isEmpty());
    const PaneDefinition *def = m_session && !id.isEmpty() ? m_session->lab().pane(id) : nullptr;
    m_addPane->setToolTip(def ? tr("Run one more \"%1\" beside the others, on its own socket (Ctrl+N)").arg(def->title.in(m_language))
                              : tr("This lab has no pane that can run more than once"));
}

bool MainWindow::addPane()
{
    if (!m_session)
        return false;
    const QString id = m_session->copyablePane();
    PaneRunner *added = id.isEmpty() ? nullptr : m_session->addCopy(id);
    updateAddPane();
    return added != nullptr;
}

bool MainWindow::commitParams()
{
    bool allGood = true;
    for (PaneView *v : m_paneViews) {
        if (!v->runner()->isActive())
            allGood = v->paramEditor()->commit() && allGood;
    }
    if (!allGood)
        statusBar()->showMessage(tr("A parameter was refused (its reason is shown in its pane): the pane uses its last good value"));
    return allGood;
}

bool MainWindow::exportSequenceDiagram(const QString &file)
{
    SequenceDiagramView *diagram = sequenceDiagram();
    const bool ok = file.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? diagram->exportSvg(file)
                                                                              : diagram->exportPng(file);
    statusBar()->showMessage(ok ? tr("Sequence diagram saved to %1").arg(file) : tr("Could not write %1").arg(file));
    return ok;
}

void MainWindow::runAll()
{
    if (!m_session)
        return;
    commitParams();
    m_session->runAll();
}

bool MainWindow::stepLab()
{
    if (!m_session)
        return false;
    commitParams();
    PaneView *selected = selectedPane();
    PaneRunner *stepped = nullptr;
    if (selected && m_session->canStep(selected->runner())) {
        stepped = selected->runner();
        stepped->gate().setDelayMs(m_session->delayMs());
        stepped->step();
    } else {
        stepped = m_session->stepNext();
    }
    if (!stepped) {
        m_noStepMessage = tr("No pane can step: each is blocked in a call, waiting for your input, or finished");
        statusBar()->showMessage(m_noStepMessage);
        return false;
    }
    return true;
}

void MainWindow::typeIntoClient(const QString &line)
{
    if (PaneView *client = paneView(QStringLiteral("client")))
        client->runner()->sendInput(line);
}

int MainWindow::answeredLines() const
{
    // After each answered line the client asks for the next one.
    const PaneView *client = paneView(QStringLiteral("client"));
    return client ? std::max(0, client->inputRequests() - 1) : 0;
}
