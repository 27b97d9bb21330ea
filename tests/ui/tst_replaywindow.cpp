// tst_replaywindow: looking back at a run in the window. A tcp-timestamp run is watched
// live at three moments (connected, one line answered, two lines answered); then the
// window is taken back to each moment, forward and back, and shows what it showed live:
// the socket table's rows, the accept-queue gauges, the diagram's arrows, the trace, and
// each pane's marked line and state. The same run saved and opened again shows the same.
// Back and Forward (Shift+F10 / F10) move the moment and Now returns to the live run, the
// lab's controls waiting meanwhile; a refused file leaves the window as it was.
#include <AcceptQueueGauge.h>
#include <LabLoader.h>
#include <LabSession.h>
#include <LiveViews.h>
#include <MainWindow.h>
#include <PaneRunner.h>
#include <PaneView.h>
#include <ReplayController.h>
#include <ReplayPaneView.h>
#include <SequenceDiagramView.h>
#include <SequenceModel.h>
#include <SocketTableModel.h>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>

using socketlab::TraceCall;

namespace {

constexpr int kWaitMs = 10000;

QString markedLine(const QPlainTextEdit *listing)
{
    const QList<QTextEdit::ExtraSelection> marks = listing->extraSelections();
    return marks.size() == 1 ? marks.first().cursor.block().text() : QString();
}

// A state line without the running count of a blocked call ("blocked in recv() — 1.2 s"):
// live it counts on to the last refresh, a moment looked back at to that moment.
QString stateWords(const QLabel *state)
{
    return state->text().section(QStringLiteral(" — "), 0, 0);
}

// What the window's views show, and per pane its marked line and state.
QString viewsDigest(MainWindow &window)
{
    QStringList out;
    const SocketTableModel &table = *window.socketModel();
    for (int row = 0; row < table.rowCount(); ++row) {
        QStringList cells;
        for (int c = 0; c < SocketTableModel::ColumnCount; ++c)
            cells << table.index(row, c).data().toString();
        out << cells.join(QLatin1Char('|'));
    }
    for (const AcceptQueueGauge::Gauge &g : window.liveViews()->view<AcceptQueueGauge>()->gauges())
        out << QStringLiteral("gauge %1 %2/%3 %4").arg(g.owner).arg(g.waiting).arg(g.limit).arg(g.inAccept);
    for (const SequenceModel::Arrow &a : window.sequenceDiagram()->model().arrows())
        out << QStringLiteral("arrow %1 %2").arg(int(a.kind)).arg(a.bytes);
    out << QStringLiteral("trace lines %1").arg(window.traceLog()->document()->blockCount());
    return out.join(QLatin1Char('\n'));
}

QString livePanes(MainWindow &window)
{
    QStringList out;
    for (PaneView *v : window.paneViews())
        out << v->runner()->paneId() + QLatin1Char(':') + markedLine(v->listing()) + QLatin1Char(':') + stateWords(v->stateLabel());
    return out.join(QLatin1Char('\n'));
}

QString replayedPanes(MainWindow &window)
{
    QStringList out;
    for (ReplayPaneView *v : window.replay()->paneViews()) {
        if (v->isVisible())
            out << v->paneId() + QLatin1Char(':') + markedLine(v->listing()) + QLatin1Char(':') + stateWords(v->stateLabel());
    }
    return out.join(QLatin1Char('\n'));
}

struct Moment {
    std::int64_t timeNs;
    QString views;
    QString panes;
};

} // namespace

class TestReplayWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTests"));  // keep the user's settings out
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void momentsReplayAsSeenLive();
    void savedRunShowsTheSameMoments();
    void backAndForwardKeys();
    void refusedFileLeavesTheWindowAsItWas();

private:
    // Runs the lab and notes the three moments as the window showed them live.
    void watchRun(QList<Moment> &moments);
    void checkMoments(const QList<Moment> &moments, std::int64_t shift);

    LabCatalog m_catalog;
    std::unique_ptr<MainWindow> m_window;
};

void TestReplayWindow::watchRun(QList<Moment> &moments)
{
    MainWindow &w = *m_window;
    PaneView *server = w.paneView(QStringLiteral("server"));
    PaneView *client = w.paneView(QStringLiteral("client"));
    QVERIFY(server && client);
    QCOMPARE(server->runner()->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    w.runAllAction()->trigger();
    for (int answered = 0; answered <= 2; ++answered) {
        if (answered > 0)
            client->runner()->sendInput(answered == 1 ? QStringLiteral("one") : QStringLiteral("two"));
        // At rest: the client asks for its next line, the server waits in recv().
        QTRY_VERIFY_WITH_TIMEOUT(client->inputRequests() == answered + 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(server->runner()->blockedIn() == TraceCall::Recv, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(client->runner()->state() == PaneRunner::State::WaitingForInput, kWaitMs);
        w.refreshViews();  // a tick: the views and the recording take the same one
        moments << Moment{w.replay()->recording()->endNs(), viewsDigest(w), livePanes(w)};
    }
    QCOMPARE(moments.size(), 3);
    QVERIFY(moments[0].views != moments[1].views && moments[1].views != moments[2].views);  // each moment is its own
    QVERIFY(moments[0].panes.contains(QStringLiteral("blocked in recv()")));
}

void TestReplayWindow::checkMoments(const QList<Moment> &moments, std::int64_t shift)
{
    MainWindow &w = *m_window;
    // In an order that goes forward (views fed on) and back (fed afresh).
    for (int i : {0, 2, 1, 0, 1}) {
        w.replay()->showMoment(moments[i].timeNs - shift);
        QVERIFY(w.replay()->isLookingBack());
        QCOMPARE(viewsDigest(w), moments[i].views);
        QCOMPARE(replayedPanes(w), moments[i].panes);
    }
}

void TestReplayWindow::momentsReplayAsSeenLive()
{
    QList<Moment> moments;
    watchRun(moments);
    if (QTest::currentTestFailed())
        return;
    MainWindow &w = *m_window;
    checkMoments(moments, 0);
    if (QTest::currentTestFailed())
        return;
    // Looking back: the recorded panes in the live panes' place, the lab's controls waiting,
    // and the live run untouched behind them.
    QVERIFY(w.replay()->paneRow()->isVisible());
    QVERIFY(!w.paneView(QStringLiteral("server"))->isVisible());
    QVERIFY(!w.runAllAction()->isEnabled() && !w.stepAction()->isEnabled() && !w.resetAction()->isEnabled());
    QCOMPARE(w.paneView(QStringLiteral("server"))->runner()->blockedIn(), TraceCall::Recv);
    // Now: the live panes and views again, as they were.
    w.nowAction()->trigger();
    QVERIFY(!w.replay()->isLookingBack());
    QVERIFY(w.paneView(QStringLiteral("server"))->isVisible());
    QVERIFY(w.stepAction()->isEnabled());
    w.refreshViews();
    QCOMPARE(livePanes(w), moments[2].panes);
    QCOMPARE(w.sequenceDiagram()->model().arrows().size(),
             std::size_t(moments[2].views.count(QStringLiteral("arrow "))));
}

void TestReplayWindow::savedRunShowsTheSameMoments()
{
    QList<Moment> moments;
    watchRun(moments);
    if (QTest::currentTestFailed())
        return;
    MainWindow &w = *m_window;
    const std::int64_t start = w.replay()->recording()->startNs();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.socketlab-run"));
    QString error;
    QVERIFY2(w.saveRun(file, &error), qPrintable(error));
    QVERIFY2(w.openRun(file, &error), qPrintable(error));
    // Read-only: no lab runs, the controls wait, the timeline drives everything.
    QVERIFY(w.replay()->isSaved());
    QVERIFY(w.session() == nullptr);
    QVERIFY(!w.runAllAction()->isEnabled() && !w.stepAction()->isEnabled());
    QCOMPARE(w.replay()->paneViews().size(), 2);
    // A saved run's times count from its first moment: the same moments, shifted.
    checkMoments(moments, start - w.replay()->recording()->startNs());
}

void TestReplayWindow::backAndForwardKeys()
{
    QList<Moment> moments;
    watchRun(moments);
    if (QTest::currentTestFailed())
        return;
    MainWindow &w = *m_window;
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    const std::int64_t end = w.replay()->moment();
    QTest::keyClick(&w, Qt::Key_F10, Qt::ShiftModifier);
    QVERIFY(w.replay()->isLookingBack());
    const std::int64_t back1 = w.replay()->moment();
    QVERIFY(back1 < end);
    QTest::keyClick(&w, Qt::Key_F10, Qt::ShiftModifier);
    QVERIFY(w.replay()->moment() < back1);
    QTest::keyClick(&w, Qt::Key_F10);  // F10 looking back is Forward, not Step
    QCOMPARE(w.replay()->moment(), back1);
    // Forward past the last change is the live run again, and F10 steps the lab again.
    for (int i = 0; i < 10 && w.replay()->isLookingBack(); ++i)
        QTest::keyClick(&w, Qt::Key_F10);
    QVERIFY(!w.replay()->isLookingBack());
    QVERIFY(w.stepAction()->isEnabled());
    QVERIFY(!w.forwardAction()->isEnabled());
}

void TestReplayWindow::refusedFileLeavesTheWindowAsItWas()
{
    MainWindow &w = *m_window;
    LabSession *session = w.session();
    const QString title = w.windowTitle();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("broken.socketlab-run"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("SocketLab run 1\nsha256 0000\nnot a run");
    f.close();
    QString error;
    QVERIFY(!w.openRun(file, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(w.session(), session);
    QCOMPARE(w.windowTitle(), title);
    QVERIFY(!w.replay()->isLookingBack() && !w.replay()->isSaved());
    QVERIFY(w.paneView(QStringLiteral("server"))->isVisible());
    QVERIFY(w.runAllAction()->isEnabled());
}

QTEST_MAIN(TestReplayWindow)
#include "tst_replaywindow.moc"
