// The window's menus and toolbar, and the lab-wide commands behind them: Step, Run all,
// Pause all, Reset, Add client, export of the sequence diagram, the speed control.
#include "MainWindow.h"

#include "PaneView.h"
#include "ParamEditor.h"
#include "SequenceDiagramView.h"

#include <LabSession.h>

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

namespace {
constexpr int kSlowestDelayMs = 2000;
constexpr int kZoomStep = 10;
} // namespace

void MainWindow::createActions()
{
    QMenu *labMenu = m_labMenu = menuBar()->addMenu(tr("&Lab"));
    m_step = labMenu->addAction(tr("&Step"), QKeySequence(Qt::Key_F10), this, &MainWindow::stepLab);
    m_step->setToolTip(tr("One step: the selected pane, or else the first pane that can move (F10)"));
    m_runAll = labMenu->addAction(tr("&Run all"), QKeySequence(Qt::Key_F5), this, &MainWindow::runAll);
    m_runAll->setToolTip(tr("Run every pane; clients start once the server has its port (F5)"));
    m_pauseAll = labMenu->addAction(tr("&Pause all"), QKeySequence(Qt::Key_F6), this, [this] {
        if (m_session)
            m_session->pauseAll();
    });
    m_pauseAll->setToolTip(tr("Pause every pane before its next step (F6)"));
    m_reset = labMenu->addAction(tr("R&eset"), QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] {
        if (m_session)
            m_session->reset();
    });
    m_reset->setToolTip(tr("Stop every pane, even in a blocked call, close every socket and start afresh (Ctrl+R)"));
    m_addPane = labMenu->addAction(tr("&Add client"), QKeySequence(Qt::CTRL | Qt::Key_N), this, &MainWindow::addPane);
    labMenu->addSeparator();
    labMenu->addAction(tr("E&xport sequence diagram…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export sequence diagram"), QStringLiteral("sequence.svg"),
                                                          tr("SVG for slides (*.svg);;PNG image (*.png)"));
        if (!file.isEmpty() && !exportSequenceDiagram(file))
            QMessageBox::warning(this, tr("Export sequence diagram"), tr("Could not write %1.").arg(file));
    });
    labMenu->addSeparator();
    labMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_lessonsMenu = menuBar()->addMenu(tr("L&essons"));
    fillLessonsMenu();

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    m_presentation = viewMenu->addAction(tr("&Presentation mode"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_presentation->setCheckable(true);
    m_presentation->setToolTip(tr("Larger fonts and high contrast for a projector (Ctrl+Shift+P)"));
    connect(m_presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    viewMenu->addSeparator();
    viewMenu->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, this, [this] { setZoomPercent(m_zoomPercent + kZoomStep); });
    viewMenu->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this, [this] { setZoomPercent(m_zoomPercent - kZoomStep); });
    viewMenu->addAction(tr("&Actual size"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { setZoomPercent(100); });

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About SocketLab"), this, [this] {
        QMessageBox::about(this, tr("About SocketLab"),
                           tr("SocketLab %1 teaches socket programming on real sockets.")
                               .arg(QCoreApplication::applicationVersion()));
    });

    m_speed->setRange(0, kSlowestDelayMs);
    m_speed->setSingleStep(100);
    m_speed->setPageStep(500);
    m_speed->setFixedWidth(160);
    m_speed->setToolTip(tr("Pause between steps while running: left is full speed, right is slow motion"));
    connect(m_speed, &QSlider::valueChanged, this, [this](int ms) {
        if (m_session)
            m_session->setDelayMs(ms);
    });

    QToolBar *toolbar = addToolBar(tr("Lab"));
    toolbar->setObjectName(QStringLiteral("labToolbar"));
    toolbar->addAction(m_step);
    toolbar->addAction(m_runAll);
    toolbar->addAction(m_pauseAll);
    toolbar->addAction(m_reset);
    toolbar->addAction(m_addPane);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr("Speed: ")));
    toolbar->addWidget(m_speed);
    toolbar->addSeparator();
    toolbar->addAction(m_presentation);
}

void MainWindow::fillLessonsMenu()
{
    m_lessonActions = new QActionGroup(this);
    m_lessonActions->setExclusive(true);
    for (const LabDefinition &lab : m_catalog.labs()) {
        QAction *a = m_lessonsMenu->addAction(lab.title.in(m_language));
        a->setCheckable(true);
        a->setData(lab.id);
        m_lessonActions->addAction(a);
        connect(a, &QAction::triggered, this, [this, id = lab.id] {
            if (id != labId())
                openLab(id);
        });
    }
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
        statusBar()->showMessage(tr("A parameter was refused (shown in red in its pane): the pane uses its last good value"));
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
        statusBar()->showMessage(tr("No pane can step: each is blocked in a call, waiting for your input, or finished"));
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
