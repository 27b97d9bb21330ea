// tst_mainwindow: the window driven as a learner would, offscreen: Run all, typing into the
// client's input line, the socket table's rows and states, the marked listing line, and
// Reset while the server is blocked, which empties the table within a second.
#include "GuiStallProbe.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <AcceptQueueGauge.h>
#include <LabNavigator.h>
#include <LiveViews.h>
#include <MainWindow.h>
#include <ParamEditor.h>
#include <PaneRunner.h>
#include <PaneView.h>
#include <SequenceDiagramView.h>
#include <SequenceModel.h>
#include <SocketTableModel.h>

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTextBrowser>
#include <QSignalSpy>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QSpinBox>
#include <QTextBlock>
#include <QSettings>
#include <QtTest>

#include <sys/socket.h>

using namespace socketlab;
using State = PaneRunner::State;

namespace {
constexpr int kWaitMs = 10000;
constexpr int kPromptlyMs = 1000;
// The window's tick, nominally: the probe must have seen ticks at least every two of these.
// Sanitizer builds run everything several times slower, the GUI thread's own work included.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr qint64 kTickBoundMs = 150;
#else
constexpr qint64 kTickBoundMs = 50;
#endif
// What this test fails on: GUI work between two ticks long enough to be seen as a freeze.
// The 50 ms target of the performance issue is a figure the bench prints (a timed test on a
// shared machine would fail by chance); the measured worst is printed here too.
constexpr qint64 kStallLimitMs = 4 * kTickBoundMs;
constexpr qint64 kBlockedLimitMs = 1000;  // wall clock: a GUI waiting on a socket would show here
constexpr qint64 kRunMs = 3000;           // how long the client runs flat out under the stall probe
constexpr int kLinesAhead = 500;          // lines typed ahead of it, so it never waits for input

QStringList column(const SocketTableModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}

// The last lines of a pane's console, read without copying all of it (it holds thousands).
QString consoleTail(PaneView *view, int lines)
{
    QStringList tail;
    for (QTextBlock b = view->console()->document()->lastBlock(); b.isValid() && tail.size() < lines; b = b.previous())
        tail.prepend(b.text());
    return tail.join(QLatin1Char('\n'));
}

QString markedLine(PaneView *view)
{
    const QList<QTextEdit::ExtraSelection> marks = view->listing()->extraSelections();
    return marks.size() == 1 ? marks.first().cursor.block().text() : QString();
}

// A client of our own, connected to 127.0.0.1:port (empty if that failed).
Socket connectedTo(std::uint16_t port)
{
    auto s = Socket::create(AF_INET, SOCK_STREAM);
    if (!s || !s->connect(SocketAddress::loopback(AF_INET, port)))
        return {};
    return std::move(s).value();
}

int arrowsOf(const SequenceModel &model, SequenceModel::ArrowKind kind, std::int64_t bytes = -1)
{
    int n = 0;
    for (const SequenceModel::Arrow &a : model.arrows())
        n += a.kind == kind && (bytes < 0 || a.bytes == bytes) ? 1 : 0;
    return n;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTests"));  // keep the user's settings out
        // These runs go through without stopping at the labs' predictions (tst_selfstudy asks them).
        QSettings().setValue(QStringLiteral("selfStudy/askPredictions"), false);
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")));
    }

    void runTypeAndReset()
    {
        MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
        window.show();
        PaneView *serverView = window.paneView(QStringLiteral("server"));
        PaneView *clientView = window.paneView(QStringLiteral("client"));
        QVERIFY(serverView && clientView);
        QCOMPARE(serverView->runner()->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        const int socketsBefore = testsupport::openSocketCount();

        window.runAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(clientView->runner()->state() == State::WaitingForInput, kWaitMs);  // the client waits at input()
        QTRY_VERIFY_WITH_TIMEOUT(serverView->runner()->blockedIn() == TraceCall::Recv, kWaitMs);

        // The table, as ss would show it: one listener and the two ends of the connection.
        window.refreshViews();
        SocketTableModel &model = *window.socketModel();
        QCOMPARE(model.rowCount(), 3);
        QStringList tcpStates = column(model, SocketTableModel::TcpState);
        tcpStates.sort();
        QCOMPARE(tcpStates, (QStringList{QStringLiteral("ESTABLISHED"), QStringLiteral("ESTABLISHED"), QStringLiteral("LISTEN")}));
        QVERIFY(column(model, SocketTableModel::State).filter(QStringLiteral("blocked in recv()")).size() == 1);
        QVERIFY(column(model, SocketTableModel::AcceptQueue).contains(QStringLiteral("0 / 5")));
        QVERIFY(serverView->stateLabel()->text().startsWith(QStringLiteral("blocked in recv()")));

        // Type as a learner does: the client echoes the line and prints the answer.
        QTest::keyClicks(clientView->input(), QStringLiteral("hello"));
        QTest::keyClick(clientView->input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(clientView->console()->toPlainText().contains(QStringLiteral("] hello")), kWaitMs);
        QVERIFY(clientView->console()->toPlainText().startsWith(QStringLiteral("> hello")));
        QTRY_VERIFY_WITH_TIMEOUT(serverView->runner()->blockedIn() == TraceCall::Recv, kWaitMs);
        window.refreshViews();
        QVERIFY(column(model, SocketTableModel::Sent).contains(QStringLiteral("5 B / 1")));  // the client's send
        // The sequence diagram drew the handshake and the 5 bytes going to the server.
        const SequenceModel &sequence = window.sequenceDiagram()->model();
        QCOMPARE(arrowsOf(sequence, SequenceModel::ArrowKind::Connect), 1);
        QCOMPARE(arrowsOf(sequence, SequenceModel::ArrowKind::Stream, 5), 1);

        // The marked listing line is the server's recv line.
        const QList<QTextEdit::ExtraSelection> marks = serverView->listing()->extraSelections();
        QCOMPARE(marks.size(), 1);
        QVERIFY(marks.first().cursor.block().text().contains(QStringLiteral(".recv(")));

        // Add client: a third pane, beside the others, already following the server's port.
        QVERIFY(window.addPaneAction()->isEnabled());
        window.addPaneAction()->trigger();
        PaneView *added = window.paneView(QStringLiteral("client-2"));
        QVERIFY(added);
        QCOMPARE(window.paneViews().size(), 3);
        QCOMPARE(added->runner()->paramValues().value(QStringLiteral("port")),
                 clientView->runner()->paramValues().value(QStringLiteral("port")));

        // Reset while blocked: every pane stops, the table empties, within a second, and the
        // kernel has none of the lab's sockets left open.
        QCOMPARE(testsupport::openSocketCount(), socketsBefore + 3);  // the listener and both ends
        QElapsedTimer clock;
        clock.start();
        window.resetAction()->trigger();
        QVERIFY(!serverView->runner()->isActive() && !clientView->runner()->isActive());
        window.refreshViews();
        QCOMPARE(model.labRowCount(), 0);  // the kernel may keep a TIME_WAIT: its row is not the lab's
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, SocketTableModel::TcpState).data().toString(), QStringLiteral("TIME_WAIT"));
        QVERIFY2(clock.elapsed() < kPromptlyMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(clientView->console()->toPlainText().isEmpty());
        QCOMPARE(window.session()->registry()->openCount(), std::size_t(0));
        QCOMPARE(testsupport::openSocketCount(), socketsBefore);
    }

    // A learner's path through the TCP lab with the real buttons: the port typed into the
    // server's parameter form, the server stepped with its Step button to accept(), the
    // accept queue filling while it is not in accept(), then emptied by it.
    void stepWithTheButtons()
    {
        const int before = testsupport::openDescriptorCount();
        {
            MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            PaneView *serverView = window.paneView(QStringLiteral("server"));
            PaneRunner *server = serverView->runner();

            auto *port = qobject_cast<QSpinBox *>(serverView->paramEditor()->field(QStringLiteral("port")));
            QVERIFY(port);
            port->setFocus();
            QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(port, QStringLiteral("0"));
            QTest::keyClick(port, Qt::Key_Return);
            QCOMPARE(server->paramValues().value(QStringLiteral("port")), QStringLiteral("0"));

            const QStringList lines{QStringLiteral("socket("), QStringLiteral(".setsockopt("), QStringLiteral(".bind("),
                                    QStringLiteral(".listen("), QStringLiteral("print("), QStringLiteral(".accept(")};
            for (const QString &expected : lines) {
                QTest::mouseClick(serverView->stepButton(), Qt::LeftButton);
                QTRY_VERIFY_WITH_TIMEOUT(window.session()->isSettled() && markedLine(serverView).contains(expected), kWaitMs);
            }
            QVERIFY(!serverView->paramEditor()->isEnabled() || !serverView->paramEditor()->isVisible());

            // Paused before accept(): two clients connect anyway, and wait in the queue.
            const std::uint16_t serverPort = server->paramValues().value(QStringLiteral("port")).toUShort();
            window.refreshViews();
            const auto &gauges = window.liveViews()->view<AcceptQueueGauge>()->gauges();
            QCOMPARE(gauges.size(), std::size_t(1));
            const std::uint16_t bound = std::uint16_t(gauges.front().port);
            QVERIFY(bound != 0 && serverPort == 0);
            Socket first = connectedTo(bound);
            Socket second = connectedTo(bound);
            QVERIFY(first.isOpen() && second.isOpen());
            QTRY_VERIFY_WITH_TIMEOUT((window.refreshViews(), gauges.front().waiting == 2), kWaitMs);
            QCOMPARE(gauges.front().limit, 5u);
            QVERIFY(!gauges.front().inAccept);

            // Step: accept() takes the first; the queue holds one.
            QTest::mouseClick(serverView->stepButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(markedLine(serverView).contains(QStringLiteral("print(")), kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT((window.refreshViews(), gauges.front().waiting == 1), kWaitMs);

            window.resetAction()->trigger();
            QCOMPARE(window.session()->registry()->openCount(), std::size_t(0));
        }
        QCOMPARE(testsupport::openDescriptorCount(), before);
    }

    // Choosing another lesson in the navigator stops the open lab, even blocked in accept(),
    // closes its sockets and opens the other one's panes and lesson.
    void switchLabsFromTheNavigator()
    {
        MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.navigator()->currentLab(), QStringLiteral("tcp-timestamp"));
        PaneRunner *oldServer = window.paneView(QStringLiteral("server"))->runner();
        QCOMPARE(oldServer->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        const int before = testsupport::openDescriptorCount();
        oldServer->start();
        QTRY_VERIFY_WITH_TIMEOUT(oldServer->blockedIn() == TraceCall::Accept, kWaitMs);

        QListWidget *list = window.navigator()->list();
        const int row = int(window.navigator()->labIds().indexOf(QStringLiteral("udp-timestamp")));
        QVERIFY(row >= 0);
        QSignalSpy opened(&window, &MainWindow::labOpened);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
        QCOMPARE(opened.count(), 1);
        QCOMPARE(window.labId(), QStringLiteral("udp-timestamp"));
        QCOMPARE(window.navigator()->currentLab(), QStringLiteral("udp-timestamp"));
        // The old lab's listening socket is closed; its two panes' wake-up descriptors gave way to the new two.
        QCOMPARE(testsupport::openDescriptorCount(), before);
        QVERIFY(window.lessonView()->toPlainText().contains(QStringLiteral("UDP")));
        QCOMPARE(window.paneViews().size(), 2);
        QVERIFY(window.paneView(QStringLiteral("server"))->listing()->toPlainText().contains(QStringLiteral("recvfrom(")));
        window.refreshViews();
        QCOMPARE(window.socketModel()->rowCount(), 0);  // a listener leaves nothing in the kernel
    }

    // Reset with the server blocked in accept(): back to a clean, as-opened window within a
    // second, with every descriptor the lab opened closed again.
    void resetWhileBlockedInAccept()
    {
        MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PaneView *serverView = window.paneView(QStringLiteral("server"));
        QCOMPARE(serverView->runner()->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        const int before = testsupport::openDescriptorCount();
        QTest::mouseClick(serverView->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(serverView->runner()->blockedIn() == TraceCall::Accept, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(serverView->stateLabel()->text().startsWith(QStringLiteral("blocked in accept()")), kWaitMs);
        QVERIFY(testsupport::openDescriptorCount() > before);

        QElapsedTimer clock;
        clock.start();
        window.resetAction()->trigger();
        QVERIFY2(clock.elapsed() < kPromptlyMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!serverView->runner()->isActive());
        QCOMPARE(serverView->runner()->state(), State::Idle);
        QCOMPARE(testsupport::openDescriptorCount(), before);
        window.refreshViews();
        QCOMPARE(window.socketModel()->rowCount(), 0);  // a listener leaves nothing in the kernel
        QVERIFY(window.liveViews()->view<AcceptQueueGauge>()->gauges().empty());
        QVERIFY(window.sequenceDiagram()->model().calls().empty());
        QVERIFY(serverView->stateLabel()->text() == QStringLiteral("not started"));
        QVERIFY(serverView->listing()->extraSelections().isEmpty());
    }

    // The GUI thread keeps its 20 Hz promise while a lab runs flat out for seconds: between
    // two ticks of a 5 ms timer it never works more than 50 ms, while the client sends line
    // after line (the test keeps its input topped up) and then the window drains the backlog
    // of console lines and trace events — inside the measured window, by its own refresh timer.
    void noStallAtFullSpeed()
    {
        MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PaneView *serverView = window.paneView(QStringLiteral("server"));
        PaneRunner *client = window.paneView(QStringLiteral("client"))->runner();
        QCOMPARE(serverView->runner()->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        const auto line = [](int i) { return QStringLiteral("line %1 of the stall probe").arg(i); };

        testsupport::GuiStallProbe probe;
        // Every refresh of the views refreshes the socket table, which has rows all along.
        probe.countRefreshes(window.socketModel(), &QAbstractItemModel::dataChanged);
        probe.countRefreshes(window.socketModel(), &QAbstractItemModel::modelReset);
        // The client never waits for input until kRunMs have passed: lines are typed ahead of it.
        int typed = 0;
        QTimer feeder;
        connect(&feeder, &QTimer::timeout, this, [&] {
            if (probe.measuredMs() >= kRunMs) {
                window.typeIntoClient(QString());  // then the client ends
                feeder.stop();
                return;
            }
            while (typed - window.answeredLines() < kLinesAhead)
                window.typeIntoClient(line(typed++));
        });
        qint64 finishedAtMs = -1;
        int refreshesAtFinish = 0;
        connect(client, &PaneRunner::finished, this, [&] {
            finishedAtMs = probe.measuredMs();
            refreshesAtFinish = probe.refreshes();
        });

        probe.start();
        feeder.start(10);
        window.runAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finishedAtMs >= 0, kRunMs + 60000);
        QCOMPARE(client->state(), State::Finished);
        QVERIFY2(finishedAtMs >= kRunMs, qPrintable(QStringLiteral("the client finished early, after %1 ms and %2 lines")
                                                        .arg(finishedAtMs)
                                                        .arg(window.answeredLines())));
        // The backlog — answers not shown yet, trace events not drawn yet — is drained by the
        // window's own refresh timer while the probe still measures.
        const QString last = QStringLiteral("] %1").arg(line(typed - 1));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->trace()->size() == 0
                                     && consoleTail(window.paneView(QStringLiteral("client")), 3).contains(last),
                                 60000);
        probe.stop();
        qInfo("%d lines answered at full speed; %s; %d of the refreshes after the client finished",
              window.answeredLines(), qPrintable(probe.summary()), probe.refreshes() - refreshesAtFinish);

        QCOMPARE(window.answeredLines(), typed);
        // Enough was measured to mean something: on average a tick at least every two stall
        // limits and a view refresh at least every 200 ms (nominally every 5 ms and 50 ms; a
        // GUI thread busy with its share of the work ticks less often).
        qInfo("%s", qPrintable(probe.summary()));
        QVERIFY2(probe.ticks() >= probe.measuredMs() / (2 * kTickBoundMs), qPrintable(probe.summary()));
        QVERIFY2(probe.refreshes() >= probe.measuredMs() / 200, qPrintable(probe.summary()));
        QVERIFY2(probe.worstWorkMs() <= kStallLimitMs, qPrintable(probe.summary()));
        QVERIFY2(probe.worstGapMs() <= kBlockedLimitMs, qPrintable(probe.summary()));
        window.resetAction()->trigger();
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
