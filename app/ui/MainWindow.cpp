#include "MainWindow.h"

#include "LabNavigator.h"
#include "LiveViewsPanel.h"
#include "PaneView.h"
#include "ParamEditor.h"
#include "SequenceDiagramView.h"
#include "SocketTableModel.h"
#include "SocketText.h"

#include <LabProgress.h>
#include <LabSession.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int kRefreshMs = 50;                   // 20 Hz: live enough to watch a call block
constexpr std::size_t kEventsPerRefresh = 2000;  // the GUI takes the trace at its own pace
constexpr int kTraceLogLines = 2000;
constexpr int kSlowestDelayMs = 2000;
constexpr int kMinZoom = 50;
constexpr int kMaxZoom = 300;
constexpr int kZoomStep = 10;
constexpr double kPresentationScale = 1.5;  // fonts in presentation mode, before zoom

// Black on white with saturated accents: what survives a washed-out projector.
QPalette highContrastPalette()
{
    QPalette p;
    const QColor black(0, 0, 0), white(255, 255, 255);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, QColor(245, 245, 245));
        p.setColor(group, QPalette::WindowText, black);
        p.setColor(group, QPalette::Base, white);
        p.setColor(group, QPalette::AlternateBase, QColor(230, 236, 255));
        p.setColor(group, QPalette::Text, black);
        p.setColor(group, QPalette::Button, QColor(225, 225, 225));
        p.setColor(group, QPalette::ButtonText, black);
        p.setColor(group, QPalette::Highlight, QColor(0, 50, 170));
        p.setColor(group, QPalette::HighlightedText, white);
        p.setColor(group, QPalette::ToolTipBase, white);
        p.setColor(group, QPalette::ToolTipText, black);
        p.setColor(group, QPalette::PlaceholderText, QColor(80, 80, 80));
    }
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(90, 90, 90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(90, 90, 90));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(90, 90, 90));
    return p;
}
} // namespace

MainWindow::MainWindow(LabCatalog catalog, const QString &language, const QString &initialLab, QWidget *parent)
    : QMainWindow(parent), m_catalog(std::move(catalog)), m_language(language),
      m_progress(new LabProgress(this)), m_navigator(nullptr), m_left(new QSplitter(Qt::Vertical)), m_socketModel(new SocketTableModel(this)),
      m_lesson(new QTextBrowser), m_traceLog(new QPlainTextEdit), m_socketTable(new QTableView), m_liveViews(new QTabWidget),
      m_sequence(new SequenceDiagramView), m_queues(new LiveViewsPanel), m_bottom(new QSplitter(Qt::Horizontal)),
      m_horizontal(new QSplitter(Qt::Horizontal)), m_panes(new QSplitter(Qt::Horizontal)),
      m_vertical(new QSplitter(Qt::Vertical)), m_speed(new QSlider(Qt::Horizontal)), m_refreshTimer(new QTimer(this)),
      m_traceCount(new QLabel), m_baseFont(QApplication::font())
{
    setWindowTitle(tr("SocketLab"));
    m_lesson->setOpenExternalLinks(false);
    m_traceLog->setReadOnly(true);
    m_traceLog->setMaximumBlockCount(kTraceLogLines);
    QFont mono;
    mono.setFamily(QStringLiteral("monospace"));  // only the family: the size follows zoom
    mono.setStyleHint(QFont::Monospace);
    m_traceLog->setFont(mono);

    m_socketTable->setModel(m_socketModel);
    m_socketTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_socketTable->horizontalHeader()->setStretchLastSection(true);
    m_socketTable->verticalHeader()->hide();
    m_socketTable->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_liveViews->setDocumentMode(true);
    m_liveViews->addTab(m_socketTable, tr("Sockets"));
    m_liveViews->addTab(m_sequence, tr("Sequence diagram"));
    m_liveViews->addTab(m_traceLog, tr("Trace of every socket call"));
    m_bottom->addWidget(m_liveViews);
    m_bottom->addWidget(m_queues);
    m_bottom->setSizes({700, 300});
    m_panes->setChildrenCollapsible(false);
    m_vertical->addWidget(m_panes);
    m_vertical->addWidget(m_bottom);
    m_vertical->setSizes({540, 260});
    m_progress->setLabs(m_catalog.labs());
    m_navigator = new LabNavigator(m_catalog.labs(), m_progress, m_language);
    connect(m_navigator, &LabNavigator::labChosen, this, [this](const QString &id) {
        if (id != labId() && !openLab(id))
            m_navigator->setCurrentLab(labId());
    });
    m_left->addWidget(titled(tr("Lessons"), m_navigator));
    m_left->addWidget(titled(tr("Lesson"), m_lesson));
    m_left->setSizes({220, 580});
    m_left->setMinimumWidth(m_left->fontMetrics().averageCharWidth() * 28);  // a lesson stays readable beside three panes
    m_horizontal->addWidget(m_left);
    m_horizontal->addWidget(m_vertical);
    m_horizontal->setSizes({330, 950});
    setCentralWidget(m_horizontal);

    createActions();
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *w = now; w; w = w->parentWidget()) {
            if (auto *view = qobject_cast<PaneView *>(w)) {
                selectPane(view);
                return;
            }
        }
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshViews);
    m_refreshTimer->start(kRefreshMs);
    statusBar()->addPermanentWidget(m_traceCount);
    statusBar()->showMessage(tr("Ready"));
    restoreLayout();

    const QString last = QSettings().value(QStringLiteral("lastLab"), QStringLiteral("tcp-timestamp")).toString();
    if (!openLab(initialLab) && !openLab(last) && !m_catalog.labs().isEmpty())
        openLab(m_catalog.labs().first().id);
}

MainWindow::~MainWindow()
{
    closeLab();
}

QWidget *MainWindow::titled(const QString &title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped())));
    layout->addWidget(content, 1);
    return box;
}

QString MainWindow::labId() const
{
    return m_session ? m_session->lab().id : QString();
}

void MainWindow::closeLab()
{
    if (!m_session)
        return;
    m_session->stopAll();  // wakes every blocked call and joins the program threads
    qDeleteAll(m_paneViews);
    m_paneViews.clear();
    m_socketModel->setRegistry(nullptr);
    m_sequence->clear();
    m_sequence->setRegistry(nullptr);
    m_queues->clear();
    m_queues->setRegistry(nullptr);
    delete m_session;
    m_session = nullptr;
    m_traceLog->clear();
}

bool MainWindow::openLab(const QString &id)
{
    const LabDefinition *lab = m_catalog.find(id);
    if (!lab)
        return false;
    closeLab();
    m_session = new LabSession(*lab, this);
    m_session->setDelayMs(m_speed->value());
    setWindowTitle(tr("SocketLab — %1").arg(lab->title.in(m_language)));
    showLesson();
    for (PaneRunner *runner : m_session->panes())
        addPaneView(runner);
    connect(m_session, &LabSession::paneAdded, this, &MainWindow::addPaneView);
    updateAddPane();
    m_socketModel->setRegistry(m_session->registry());
    m_sequence->setRegistry(m_session->registry());
    m_queues->setRegistry(m_session->registry());
    connect(m_session, &LabSession::resetDone, this, [this] {
        for (PaneView *v : m_paneViews)
            v->clear();
        m_traceLog->clear();
        m_sequence->clear();
        m_queues->clear();
        m_socketModel->refresh();
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

void MainWindow::addPaneView(PaneRunner *runner)
{
    // Progress counts the lab's own steps: a copy's steps are its original's.
    connect(runner, &PaneRunner::stepReached, m_progress, [this, labId = m_session->lab().id, runner](const QString &step) {
        m_progress->recordStep(labId, runner->definition().originalId(), step);
    });
    auto *view = new PaneView(runner, m_language);
    view->setHighContrast(m_presentationOn);
    m_paneViews.append(view);
    m_panes->addWidget(view);
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

void MainWindow::createActions()
{
    QMenu *labMenu = menuBar()->addMenu(tr("&Lab"));
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

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_horizontal->restoreState(settings.value(QStringLiteral("window/horizontal")).toByteArray());
    m_left->restoreState(settings.value(QStringLiteral("window/left")).toByteArray());
    m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray());
    m_bottom->restoreState(settings.value(QStringLiteral("window/bottom")).toByteArray());
    m_speed->setValue(settings.value(QStringLiteral("lab/delayMs"), 0).toInt());
    m_zoomPercent = std::clamp(settings.value(QStringLiteral("view/zoom"), 100).toInt(), kMinZoom, kMaxZoom);
    m_presentation->setChecked(settings.value(QStringLiteral("view/presentation"), false).toBool());
    applyAppearance();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session)
        m_session->stopAll();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/horizontal"), m_horizontal->saveState());
    settings.setValue(QStringLiteral("window/left"), m_left->saveState());
    settings.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    settings.setValue(QStringLiteral("window/bottom"), m_bottom->saveState());
    settings.setValue(QStringLiteral("lab/delayMs"), m_speed->value());
    settings.setValue(QStringLiteral("view/zoom"), m_zoomPercent);
    settings.setValue(QStringLiteral("view/presentation"), m_presentationOn);
    event->accept();
}

void MainWindow::setPresentationMode(bool on)
{
    if (m_presentation->isChecked() != on)
        m_presentation->setChecked(on);  // comes back here through toggled
    if (m_presentationOn == on)
        return;
    m_presentationOn = on;
    applyAppearance();
}

void MainWindow::setZoomPercent(int percent)
{
    percent = std::clamp(percent, kMinZoom, kMaxZoom);
    if (percent == m_zoomPercent)
        return;
    m_zoomPercent = percent;
    applyAppearance();
    statusBar()->showMessage(tr("Zoom %1%").arg(m_zoomPercent));
}

void MainWindow::applyAppearance()
{
    // One font for the whole window: listings, consoles, tables and the lesson take their
    // size from it, so zoom scales them together.
    QFont font = m_baseFont;
    const double scale = m_zoomPercent / 100.0 * (m_presentationOn ? kPresentationScale : 1.0);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else
        font.setPixelSize(std::max(1, int(font.pixelSize() * scale)));
    setFont(font);
    setPalette(m_presentationOn ? highContrastPalette() : QApplication::palette());
    m_lesson->document()->setDefaultFont(font);
    showLesson();
    for (PaneView *v : m_paneViews)
        v->setHighContrast(m_presentationOn);
    m_socketTable->horizontalHeader()->setFont(font);  // a header takes the style's font unless told
    m_socketTable->verticalHeader()->setDefaultSectionSize(QFontMetrics(font).height() + 6);  // compact rows
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

void MainWindow::showLesson()
{
    if (!m_session)
        return;
    m_lesson->setMarkdown(m_session->lab().lesson.in(m_language));
    // Qt's Markdown headings are sized for a page, not a side column: a title of four
    // words would take six lines. Scale them from the window's font instead.
    const double base = font().pointSizeF() > 0 ? font().pointSizeF() : 10.0;
    for (QTextBlock block = m_lesson->document()->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level <= 0)
            continue;
        QTextCursor cursor(block);
        cursor.select(QTextCursor::BlockUnderCursor);
        QTextCharFormat heading;
        heading.setFontPointSize(base * (level == 1 ? 1.45 : level == 2 ? 1.2 : 1.05));
        heading.setFontWeight(QFont::Bold);
        cursor.mergeCharFormat(heading);
    }
}

bool MainWindow::exportSequenceDiagram(const QString &file)
{
    const bool ok = file.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? m_sequence->exportSvg(file)
                                                                              : m_sequence->exportPng(file);
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

void MainWindow::refreshViews()
{
    if (!m_session)
        return;
    m_socketModel->refresh();
    for (PaneView *v : m_paneViews) {
        v->flush();
        v->refresh();
    }

    std::vector<socketlab::TraceEvent> events;
    m_session->trace()->drain(events, kEventsPerRefresh);
    m_sequence->addEvents(events);
    m_sequence->refresh();
    m_queues->addEvents(events);
    m_queues->refresh();  // every tick: the kernel's queues change without events
    if (!events.empty()) {
        QHash<std::uint32_t, QString> owners;
        for (const auto &record : m_session->registry()->snapshot())
            owners.insert(record->id, QString::fromStdString(record->owner));
        QStringList lines;
        for (const socketlab::TraceEvent &e : events) {
            if (e.phase == socketlab::TracePhase::Begin)
                continue;  // the end of each call says what it did
            const std::uint32_t id = e.socketId ? e.socketId : e.relatedSocketId;
            lines << SocketText::eventLine(e, owners.value(id));
        }
        if (!lines.isEmpty())
            m_traceLog->appendPlainText(lines.join(QLatin1Char('\n')));
    }
    m_traceCount->setText(tr("%n socket call event(s) traced, %1 dropped", nullptr, int(m_session->trace()->pushed()))
                              .arg(m_session->trace()->dropped()));
}
