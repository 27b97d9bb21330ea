#include "MainWindow.h"

#include "PaneView.h"
#include "SocketTableModel.h"
#include "SocketText.h"

#include <LabSession.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
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
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
constexpr int kRefreshMs = 50;                   // 20 Hz: live enough to watch a call block
constexpr std::size_t kEventsPerRefresh = 2000;  // the GUI takes the trace at its own pace
constexpr int kTraceLogLines = 2000;
constexpr int kSlowestDelayMs = 2000;
}

MainWindow::MainWindow(const LabDefinition &lab, const QString &language, QWidget *parent)
    : QMainWindow(parent), m_language(language), m_session(new LabSession(lab, this)),
      m_socketModel(new SocketTableModel(this)), m_lesson(new QTextBrowser), m_traceLog(new QPlainTextEdit),
      m_socketTable(new QTableView), m_horizontal(new QSplitter(Qt::Horizontal)), m_panes(new QSplitter(Qt::Horizontal)),
      m_vertical(new QSplitter(Qt::Vertical)), m_speed(new QSlider(Qt::Horizontal)), m_refreshTimer(new QTimer(this))
{
    setWindowTitle(tr("SocketLab — %1").arg(lab.title.in(language)));
    m_lesson->setMarkdown(lab.lesson.in(language));
    m_lesson->setOpenExternalLinks(false);
    m_traceLog->setReadOnly(true);
    m_traceLog->setMaximumBlockCount(kTraceLogLines);
    m_traceLog->setFont(QFont(QStringLiteral("monospace")));

    for (PaneRunner *runner : m_session->panes()) {
        auto *view = new PaneView(runner, language);
        m_paneViews.append(view);
        m_panes->addWidget(view);
    }

    m_socketModel->setRegistry(m_session->registry());
    m_socketTable->setModel(m_socketModel);
    m_socketTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_socketTable->horizontalHeader()->setStretchLastSection(true);
    m_socketTable->verticalHeader()->hide();
    m_socketTable->verticalHeader()->setDefaultSectionSize(m_socketTable->fontMetrics().height() + 6);  // compact rows
    m_socketTable->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_vertical->addWidget(m_panes);
    m_vertical->addWidget(titled(tr("Sockets"), m_socketTable));
    m_vertical->addWidget(titled(tr("Trace of every socket call"), m_traceLog));
    m_vertical->setSizes({540, 180, 100});
    m_horizontal->addWidget(titled(tr("Lesson"), m_lesson));
    m_horizontal->addWidget(m_vertical);
    m_horizontal->setSizes({330, 950});
    setCentralWidget(m_horizontal);

    createActions();
    connect(m_session, &LabSession::resetDone, this, [this] {
        for (PaneView *v : m_paneViews)
            v->clear();
        m_traceLog->clear();
        m_socketModel->refresh();
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshViews);
    m_refreshTimer->start(kRefreshMs);
    statusBar()->showMessage(tr("Ready"));
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::titled(const QString &title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped())));
    layout->addWidget(content, 1);
    return box;
}

PaneView *MainWindow::paneView(const QString &id) const
{
    for (PaneView *v : m_paneViews) {
        if (v->runner()->paneId() == id)
            return v;
    }
    return nullptr;
}

void MainWindow::createActions()
{
    QMenu *labMenu = menuBar()->addMenu(tr("&Lab"));
    m_runAll = labMenu->addAction(tr("&Run all"), QKeySequence(Qt::Key_F5), this, &MainWindow::runAll);
    m_runAll->setToolTip(tr("Run every pane; clients start once the server has its port (F5)"));
    m_pauseAll = labMenu->addAction(tr("&Pause all"), QKeySequence(Qt::Key_F6), m_session, &LabSession::pauseAll);
    m_pauseAll->setToolTip(tr("Pause every pane before its next step (F6)"));
    m_reset = labMenu->addAction(tr("R&eset"), QKeySequence(Qt::CTRL | Qt::Key_R), m_session, &LabSession::reset);
    m_reset->setToolTip(tr("Stop every pane, even in a blocked call, close every socket and start afresh (Ctrl+R)"));
    labMenu->addSeparator();
    labMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

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
    connect(m_speed, &QSlider::valueChanged, m_session, &LabSession::setDelayMs);

    QToolBar *toolbar = addToolBar(tr("Lab"));
    toolbar->setObjectName(QStringLiteral("labToolbar"));
    toolbar->addAction(m_runAll);
    toolbar->addAction(m_pauseAll);
    toolbar->addAction(m_reset);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr("Speed: ")));
    toolbar->addWidget(m_speed);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_horizontal->restoreState(settings.value(QStringLiteral("window/horizontal")).toByteArray());
    m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray());
    m_speed->setValue(settings.value(QStringLiteral("lab/delayMs"), 0).toInt());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->stopAll();  // wakes every blocked call and joins the program threads
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/horizontal"), m_horizontal->saveState());
    settings.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    settings.setValue(QStringLiteral("lab/delayMs"), m_speed->value());
    event->accept();
}

void MainWindow::runAll()
{
    m_session->runAll();
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
    m_socketModel->refresh();
    for (PaneView *v : m_paneViews)
        v->refresh();

    std::vector<socketlab::TraceEvent> events;
    m_session->trace()->drain(events, kEventsPerRefresh);
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
    statusBar()->showMessage(tr("%n socket call event(s) traced, %1 dropped", nullptr, int(m_session->trace()->pushed()))
                                 .arg(m_session->trace()->dropped()));
}
