#include "MainWindow.h"

#include "SocketTableModel.h"
#include "SocketText.h"

#include <TimestampDemo.h>

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
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
constexpr int kRefreshMs = 50;            // 20 Hz: live enough to watch a call block
constexpr std::size_t kEventsPerRefresh = 2000;  // the GUI takes the trace at its own pace
constexpr int kTraceLogLines = 2000;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_demo(new TimestampDemo(this)), m_socketModel(new SocketTableModel(this)),
      m_serverConsole(new QPlainTextEdit), m_clientConsole(new QPlainTextEdit), m_traceLog(new QPlainTextEdit),
      m_clientInput(new QLineEdit), m_socketTable(new QTableView), m_panes(new QSplitter(Qt::Horizontal)),
      m_vertical(new QSplitter(Qt::Vertical)), m_refreshTimer(new QTimer(this))
{
    setWindowTitle(tr("SocketLab — TCP timestamp server and client"));
    for (QPlainTextEdit *console : {m_serverConsole, m_clientConsole, m_traceLog}) {
        console->setReadOnly(true);
        console->setMaximumBlockCount(kTraceLogLines);
        console->setFont(QFont(QStringLiteral("monospace")));
    }
    m_clientInput->setPlaceholderText(tr("Type a message for the client to send; an empty line ends the client"));
    m_clientInput->setEnabled(false);

    m_panes->addWidget(makePane(tr("Server — tsTserv"), m_serverConsole, nullptr));
    m_panes->addWidget(makePane(tr("Client — tsTclnt"), m_clientConsole, m_clientInput));

    m_socketModel->setRegistry(m_demo->registry());
    m_socketTable->setModel(m_socketModel);
    m_socketTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_socketTable->verticalHeader()->hide();
    m_socketTable->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *intro = new QLabel(tr("Start runs the tutorial's TCP timestamp server and client on real sockets "
                                "on 127.0.0.1. Type at the client's prompt: the server answers with the time. "
                                "Watch accept() and recv() block in the socket table."));
    intro->setWordWrap(true);
    intro->setMargin(6);

    m_vertical->addWidget(m_panes);
    m_vertical->addWidget(makePane(tr("Sockets"), nullptr, m_socketTable));
    m_vertical->addWidget(makePane(tr("Trace of every socket call"), m_traceLog, nullptr));
    m_vertical->setStretchFactor(0, 3);
    m_vertical->setStretchFactor(1, 2);
    m_vertical->setStretchFactor(2, 2);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(intro);
    layout->addWidget(m_vertical, 1);
    setCentralWidget(central);

    createActions();
    connect(m_clientInput, &QLineEdit::returnPressed, this, &MainWindow::submitClientLine);
    connect(m_demo, &TimestampDemo::serverOutput, m_serverConsole, &QPlainTextEdit::appendPlainText);
    connect(m_demo, &TimestampDemo::clientOutput, m_clientConsole, &QPlainTextEdit::appendPlainText);
    connect(m_demo, &TimestampDemo::runningChanged, this, &MainWindow::setRunning);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshViews);
    m_refreshTimer->start(kRefreshMs);
    statusBar()->showMessage(tr("Ready"));
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::makePane(const QString &title, QPlainTextEdit *console, QWidget *extra)
{
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    layout->addWidget(label);
    if (console)
        layout->addWidget(console, 1);
    if (extra)
        layout->addWidget(extra, console ? 0 : 1);
    return pane;
}

void MainWindow::createActions()
{
    QMenu *labMenu = menuBar()->addMenu(tr("&Lab"));
    m_startAction = labMenu->addAction(tr("&Start"), QKeySequence(Qt::Key_F5), m_demo, &TimestampDemo::start);
    m_startAction->setToolTip(tr("Start the server and the client (F5)"));
    m_stopAction = labMenu->addAction(tr("S&top"), QKeySequence(Qt::SHIFT | Qt::Key_F5), m_demo, &TimestampDemo::stop);
    m_stopAction->setToolTip(tr("Stop both programs, even while they are blocked (Shift+F5)"));
    m_stopAction->setEnabled(false);
    labMenu->addSeparator();
    labMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About SocketLab"), this, [this] {
        QMessageBox::about(this, tr("About SocketLab"),
                           tr("SocketLab %1 teaches socket programming on real sockets.")
                               .arg(QCoreApplication::applicationVersion()));
    });

    QToolBar *toolbar = addToolBar(tr("Lab"));
    toolbar->setObjectName(QStringLiteral("labToolbar"));
    toolbar->addAction(m_startAction);
    toolbar->addAction(m_stopAction);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_panes->restoreState(settings.value(QStringLiteral("window/panes")).toByteArray());
    m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_demo->stop();  // wakes any blocked accept()/recv() and joins the program threads
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/panes"), m_panes->saveState());
    settings.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    event->accept();
}

void MainWindow::setRunning(bool running)
{
    m_startAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
    m_clientInput->setEnabled(running);
    if (running) {
        m_serverConsole->clear();
        m_clientConsole->clear();
        m_traceLog->clear();
        m_clientInput->setFocus();
    }
}

void MainWindow::submitClientLine()
{
    m_demo->sendLine(m_clientInput->text());  // the client echoes it at its prompt
    m_clientInput->clear();
}

void MainWindow::refreshViews()
{
    m_socketModel->refresh();

    std::vector<socketlab::TraceEvent> events;
    m_demo->trace()->drain(events, kEventsPerRefresh);
    if (!events.empty()) {
        QHash<std::uint32_t, QString> owners;
        for (const auto &record : m_demo->registry()->snapshot())
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
    statusBar()->showMessage(tr("%n socket call event(s) traced, %1 dropped", nullptr, int(m_demo->trace()->pushed()))
                                 .arg(m_demo->trace()->dropped()));
}
