// tst_replaywindow: looking back at a run in the window. A tcp-timestamp run is watched
// live at three moments (connected, one line answered, two lines answered); then the
// window is taken back to each moment, forward and back, and shows what it showed live:
// the socket table's rows, the accept-queue gauges, the diagram's arrows, the trace, and
// each pane's marked line and state. The same run saved and opened again shows the same.
// Back and Forward (Shift+F10 / F10) move the moment and Now returns to the live run, the
// lab's controls waiting meanwhile; a refused file leaves the window as it was. A saved run
// stops at each of the lab's predictions, before its step, until the learner answers.
// Stepping back through a long run keeps the GUI thread serving its event loop. Connections
// queued in the backlog lab's accept queue, rows only the kernel has, replay as they showed.
#include "GuiStallProbe.h"
#include "UiTestSupport.h"

#include <AcceptQueueGauge.h>
#include <LabLoader.h>
#include <LabNavigator.h>
#include <LabProgress.h>
#include <LabSession.h>
#include <ListingView.h>
#include <LiveViews.h>
#include <MainWindow.h>
#include <PaneFilterButton.h>
#include <PaneRunner.h>
#include <PaneView.h>
#include <PredictionCard.h>
#include <ReceiveBufferView.h>
#include <ReplayController.h>
#include <ReplayPaneView.h>
#include <ReplayPredictions.h>
#include <RunRecording.h>
#include <SelfStudy.h>
#include <SequenceDiagramView.h>
#include <SequenceModel.h>
#include <SocketTableModel.h>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTextBlock>
#include <QtTest>

using socketlab::TraceCall;

namespace {

constexpr int kWaitMs = 10000;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr qint64 kTickBoundMs = 150;  // sanitizers slow the GUI thread's own work too
#else
constexpr qint64 kTickBoundMs = 50;
#endif
constexpr qint64 kStallLimitMs = 4 * kTickBoundMs;  // a freeze a learner would see, as tst_mainwindow judges it
constexpr int kLongRunLines = 1000;                 // the client sends flat out this many (a count, not a time: sanitizers are slow)

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
        out << QStringLiteral("gauge %1 %2/%3 %4 queued %5 (%6 bytes)")
                   .arg(g.owner)
                   .arg(g.waiting)
                   .arg(g.limit)
                   .arg(g.inAccept)
                   .arg(g.queuedOfOurs)
                   .arg(g.queuedBytes);
    for (const ReceiveBufferModel::Buffer &b : window.liveViews()->view<ReceiveBufferView>()->notAccepted())
        out << QStringLiteral("not accepted %1 %2 bytes").arg(QString::fromStdString(b.peer)).arg(b.kernelBytes);
    for (const SequenceModel::Arrow &a : window.sequenceDiagram()->model().arrows())
        out << QStringLiteral("arrow %1 %2").arg(int(a.kind)).arg(a.bytes);
    out << QStringLiteral("trace lines %1").arg(window.traceLog()->document()->blockCount());
    return out.join(QLatin1Char('\n'));
}

// A digest without the running counts of blocked calls ("blocked in recv() — 2.1 s"), which
// count on while the test moves about.
QString withoutDurations(QString digest)
{
    static const QRegularExpression duration(QStringLiteral(" — [0-9.]+ (ms|s)"));
    return digest.remove(duration);
}

// The words on the marked lines ("blocked", "waiting for input"), which with the hatched or
// solid edge say what the colour says.
QString tags(const ListingView *listing)
{
    QStringList out;
    for (const ListingView::Marker &m : listing->markers())
        out << QStringLiteral("%1 %2%3").arg(m.tag).arg(m.line).arg(m.blocked ? QStringLiteral(" hatched") : QString());
    return out.join(QLatin1Char(','));
}

QString livePanes(MainWindow &window)
{
    QStringList out;
    for (PaneView *v : window.paneViews())
        out << v->runner()->paneId() + QLatin1Char(':') + markedLine(v->listing()) + QLatin1Char(':') + tags(v->listingView())
                   + QLatin1Char(':') + stateWords(v->stateLabel());
    return out.join(QLatin1Char('\n'));
}

QString replayedPanes(MainWindow &window)
{
    QStringList out;
    for (ReplayPaneView *v : window.replay()->paneViews()) {
        if (v->isVisible())
            out << v->paneId() + QLatin1Char(':') + markedLine(v->listing()) + QLatin1Char(':') + tags(v->listing())
                       + QLatin1Char(':') + stateWords(v->stateLabel());
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
        // The live runs go through without stopping at the lab's predictions; a saved run asks them.
        uitest::keepSettingsApart("tst_replaywindow");
        m_catalog = uitest::builtInCatalog();
        QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup()
    {
        m_window.reset();
        QSettings().setValue(QStringLiteral("selfStudy/askPredictions"), false);  // a test that turned them on
    }

    void momentsReplayAsSeenLive();
    void savedRunShowsTheSameMoments();
    void backAndForwardKeys();
    void refusedFileLeavesTheWindowAsItWas();
    void savedRunAsksPredictionsBeforeTheirSteps();
    void backThroughALongRunStaysResponsive();
    void queuedConnectionsReplayAsSeenLive();
    void replayHonoursThePaneFilter();

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
        QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp(), kWaitMs);
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
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp() && !w.liveViews()->isDetached(), kWaitMs);
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
    // No live lab is open: the lesson list marks none, so any lesson (the run's own too) opens it.
    QVERIFY(w.navigator()->currentLab().isEmpty());
    QVERIFY(w.navigator()->list()->selectedItems().isEmpty());
    // A saved run has no live now: its Now button is not there (not merely greyed).
    const QList<QToolButton *> buttons = w.findChildren<QToolButton *>();
    const auto now = std::find_if(buttons.begin(), buttons.end(), [&](QToolButton *b) { return b->defaultAction() == w.nowAction(); });
    QVERIFY(now != buttons.end());
    QVERIFY(!(*now)->isVisible());
    // A saved run's times count from its first moment: the same moments, shifted.
    checkMoments(moments, start - w.replay()->recording()->startNs());
    if (QTest::currentTestFailed())
        return;
    // In the classroom layout the recorded listings wrap, as the live ones do; back at the desk, not.
    w.setPresentationMode(true);
    for (ReplayPaneView *v : w.replay()->paneViews())
        QCOMPARE(v->listing()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    w.setPresentationMode(false);
    for (ReplayPaneView *v : w.replay()->paneViews())
        QCOMPARE(v->listing()->lineWrapMode(), QPlainTextEdit::NoWrap);
    // Opened again, the Now button is still hidden.
    QVERIFY2(w.openRun(file, &error), qPrintable(error));
    QVERIFY(!(*now)->isVisible());
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

// Whether any call of that kind had returned by that moment of the recording.
bool returnedBy(const RunRecording &run, TraceCall call, std::int64_t timeNs)
{
    for (const RecordedFrame &f : run.frames()) {
        for (const socketlab::TraceEvent &e : f.events) {
            if (f.timeNs <= timeNs && e.call == call && e.phase == socketlab::TracePhase::Returned)
                return true;
        }
    }
    return false;
}

void TestReplayWindow::savedRunAsksPredictionsBeforeTheirSteps()
{
    QList<Moment> moments;
    watchRun(moments);  // live, without questions: the recording has every step
    if (QTest::currentTestFailed())
        return;
    MainWindow &w = *m_window;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.socketlab-run"));
    QString error;
    QVERIFY2(w.saveRun(file, &error), qPrintable(error));
    w.selfStudy()->setAskPredictions(true);
    QVERIFY2(w.openRun(file, &error), qPrintable(error));
    ReplayController &replay = *w.replay();
    const RunRecording &run = *replay.recording();
    // The file carries no questions: they are the installed lab's.
    const QList<PredictionDefinition> &predictions = m_catalog.find(QStringLiteral("tcp-timestamp"))->predictions;
    const std::vector<ReplayPredictions::Ask> asks = ReplayPredictions::askMoments(run, predictions);
    QCOMPARE(asks.size(), std::size_t(predictions.size()));  // this run reached every one
    QCOMPARE(w.replayPredictions()->asks().size(), asks.size());
    QVERIFY(asks.front().prediction.id == QStringLiteral("accept-waits") || asks.front().prediction.id == QStringLiteral("connect-state"));

    // Each answer is judged by what the recording shows the step did, as the live run judges it.
    for (const ReplayPredictions::Ask &ask : asks) {
        PredictionOutcome first;
        first.answer = 0;
        const std::optional<PredictionOutcome> judged = ReplayPredictions::judge(run, ask, first);
        QVERIFY2(judged, qPrintable(ask.prediction.id));
        if (ask.prediction.id == QStringLiteral("accept-waits"))
            QCOMPARE(judged->observed, QStringLiteral("yes"));  // the server waited in accept() for the client
        else if (ask.prediction.id == QStringLiteral("connect-state"))
            QCOMPARE(judged->observed, QStringLiteral("ESTABLISHED"));
        else if (ask.prediction.id == QStringLiteral("send-bytes"))
            QCOMPARE(judged->observed, QString::number(QStringLiteral("one").toUtf8().size()));  // send() of the first line
    }
    const QString labId = run.lab().id;
    int committedRight = 0;

    ReplayPredictions &questions = *w.replayPredictions();
    for (std::size_t i = 0; i < asks.size(); ++i) {
        const ReplayPredictions::Ask &ask = asks[i];
        // Opened at its end, or stepped on from the question before: it stands at this question.
        QVERIFY(questions.pending());
        QCOMPARE(questions.pending()->id, ask.prediction.id);
        QCOMPARE(replay.moment(), ask.timeNs);
        QCOMPARE(replay.revealLimit(), ask.timeNs);
        // Nothing takes it past the question: not the end, not Forward, not F10.
        replay.showMoment(run.endNs());
        QCOMPARE(replay.moment(), ask.timeNs);
        QVERIFY(!w.forwardAction()->isEnabled());
        replay.forward();
        QCOMPARE(replay.moment(), ask.timeNs);
        const std::vector<std::int64_t> stops = replay.stops();
        QVERIFY(std::all_of(stops.begin(), stops.end(), [&](std::int64_t t) { return t <= ask.timeNs; }));
        // The pane stands at the step, not yet run; the card asks over it.
        ReplayPaneView *pane = replay.paneView(ask.prediction.pane);
        QVERIFY(pane);
        const int line = run.lab().pane(ask.prediction.pane)->steps.value(ask.prediction.beforeStep).line;
        QCOMPARE(pane->markedLine(), line);
        PredictionCard *card = questions.card();
        QVERIFY(card);
        QCOMPARE(card->predictionId(), ask.prediction.id);
        QCOMPARE(card->parentWidget(), pane);
        QTRY_VERIFY(card->isVisible());
        if (ask.prediction.id == QStringLiteral("accept-waits"))
            QVERIFY(!returnedBy(run, TraceCall::Accept, replay.moment()));
        // Back hides the card; coming back to the question shows it again.
        replay.back();
        QVERIFY(replay.moment() < ask.timeNs);
        QVERIFY(!card->isVisible());
        replay.showMoment(run.endNs());
        QCOMPARE(questions.card(), card);
        QVERIFY(card->isVisible());
        // The answer lets the run show the step: one change on, and up to the next question.
        if (i % 2 == 0) {
            PredictionOutcome chosen;
            chosen.answer = 0;
            committedRight += ReplayPredictions::judge(run, ask, chosen)->right ? 1 : 0;
            card->choose(0);
            card->commitButton()->click();
        } else {
            card->skipButton()->click();
        }
        QVERIFY(replay.moment() > ask.timeNs);
        if (i + 1 < asks.size()) {
            QCOMPARE(replay.revealLimit(), asks[i + 1].timeNs);
            replay.showMoment(run.endNs());
        }
    }
    // Every answer counts in the learner's progress, as a live one does (the latest answer of
    // each question: all of them are this run's now).
    const LabProgress::Summary after = w.progress()->summary(labId);
    const int committed = int(asks.size() + 1) / 2;
    QCOMPARE(after.predictionsSkipped, int(asks.size()) - committed);
    QCOMPARE(after.predictionsAnswered, committed);
    QVERIFY(committedRight > 0);
    QCOMPARE(after.predictionsRight, committedRight);
    // Every question answered: the whole run shows.
    QVERIFY(!questions.pending());
    QCOMPARE(replay.revealLimit(), std::numeric_limits<std::int64_t>::max());
    replay.showMoment(run.endNs());
    QCOMPARE(replay.moment(), run.endNs());
    QVERIFY(returnedBy(run, TraceCall::Accept, replay.moment()));

    // Opened again with the questions turned off: nothing held back.
    w.selfStudy()->setAskPredictions(false);
    QVERIFY2(w.openRun(file, &error), qPrintable(error));
    QCOMPARE(w.replay()->moment(), w.replay()->recording()->endNs());
    QVERIFY(!w.replayPredictions()->pending() && !w.replayPredictions()->card());
    // And turned on while it is open: it goes back to the first question.
    w.selfStudy()->setAskPredictions(true);
    QVERIFY(w.replayPredictions()->pending());
    QCOMPARE(w.replay()->moment(), asks.front().timeNs);
}

// A long run at full speed (thousands of lines, tens of thousands of calls), then Back and
// Forward through it, and Start and Now, with the stall probe ticking: every move takes the
// views back to that moment, yet the GUI thread never works long between two ticks.
void TestReplayWindow::backThroughALongRunStaysResponsive()
{
    MainWindow &w = *m_window;
    PaneView *server = w.paneView(QStringLiteral("server"));
    QCOMPARE(server->runner()->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    int typed = 0;
    QTimer feeder;
    connect(&feeder, &QTimer::timeout, this, [&] {
        if (typed == kLongRunLines) {
            feeder.stop();
            return;
        }
        while (typed - w.answeredLines() < 200 && typed < kLongRunLines)
            w.typeIntoClient(QStringLiteral("line %1").arg(typed++));
    });
    feeder.start(10);
    w.runAllAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!feeder.isActive() && w.answeredLines() == typed && w.session()->trace()->size() == 0, 120000);
    w.refreshViews();
    const RunRecording &run = *w.replay()->recording();
    std::size_t events = 0;
    for (const RecordedFrame &f : run.frames())
        events += f.events.size();
    qInfo("recorded %d lines: %zu frames, %zu events, %zu bytes", typed, run.frames().size(), events, run.approximateBytes());
    QCOMPARE(w.answeredLines(), kLongRunLines);
    const QString live = viewsDigest(w);

    testsupport::GuiStallProbe probe;
    int moves = 0;
    QTimer mover;  // one move per event loop turn, as keys pressed in a row would come
    const std::vector<std::int64_t> stops = w.replay()->stops();
    connect(&mover, &QTimer::timeout, this, [&] {
        if (moves == 32) {
            mover.stop();  // the last move was Now
            return;
        }
        switch (moves % 8) {
        case 0: w.replay()->showMoment(stops[stops.size() / 2]); break;  // the middle, from the end
        case 7: w.replay()->goLive(); break;                            // and Now, the whole run again
        case 5: w.replay()->toStart(); break;
        case 6: w.replay()->showMoment(stops[stops.size() - 3]); break;  // from the start to near the end
        default: w.backAction()->trigger(); break;                       // back from where it stands
        }
        ++moves;
    });
    probe.start();
    mover.start(20);
    QTRY_VERIFY_WITH_TIMEOUT(!mover.isActive(), 60000);
    probe.stop();
    qInfo("%d moves over the recording; %s", moves, qPrintable(probe.summary()));
    QVERIFY2(probe.worstWorkMs() <= kStallLimitMs, qPrintable(probe.summary()));
    // Fed a slice at a time, interrupted by the next move, the views still end where they
    // should: Now shows what the live run showed before anyone looked back.
    QVERIFY(!w.replay()->isLookingBack());
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp() && !w.liveViews()->isDetached(), 60000);
    w.refreshViews();
    QCOMPARE(withoutDurations(viewsDigest(w)), withoutDurations(live));
    w.resetAction()->trigger();
}

int notAccepted(const KernelOnlyRows &rows)
{
    return int(std::count_if(rows.rows().begin(), rows.rows().end(), [](const KernelOnlyRows::Row &r) { return r.notAccepted(); }));
}

void TestReplayWindow::queuedConnectionsReplayAsSeenLive()
{
    // The backlog lab's server held before accept(), its clients' connections queued: the
    // socket table lists them, the gauge counts them, the receive buffers hold their bytes.
    m_window = std::make_unique<MainWindow>(m_catalog, QStringLiteral("en"), QStringLiteral("backlog"));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    MainWindow &w = *m_window;
    PaneRunner *server = w.paneView(QStringLiteral("server"))->runner();
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QCOMPARE(server->setParam(QStringLiteral("backlog"), QStringLiteral("1")), QString());
    QCOMPARE(w.paneView(QStringLiteral("clients"))->runner()->setParam(QStringLiteral("clients"), QStringLiteral("4")), QString());
    w.runAllAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((w.refreshViews(), notAccepted(w.liveViews()->kernelRows()) >= 2), kWaitMs);  // backlog + 1
    const std::int64_t moment = w.replay()->recording()->frames().back().timeNs;
    const QString live = withoutDurations(viewsDigest(w));
    QVERIFY2(live.contains(QStringLiteral("queued 2")), qPrintable(live));
    // The run goes on and ends: the queued connections go.
    w.session()->stopAll();
    QTRY_VERIFY_WITH_TIMEOUT((w.refreshViews(), notAccepted(w.liveViews()->kernelRows()) == 0), kWaitMs);

    w.replay()->showMoment(moment);
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp(), kWaitMs);
    QCOMPARE(withoutDurations(viewsDigest(w)), live);
    // Back and Forward stop where a kernel-only row came or went, though no call was traced then.
    const std::vector<std::int64_t> stops = w.replay()->stops();
    const RecordedFrame *before = nullptr;
    int rowChanges = 0;
    for (const RecordedFrame &f : w.replay()->recording()->frames()) {
        if (before && f.kernelOnly != before->kernelOnly) {
            ++rowChanges;
            QVERIFY(std::binary_search(stops.begin(), stops.end(), f.timeNs));
        }
        before = &f;
    }
    QVERIFY(rowChanges > 0);

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("backlog.socketlab-run"));
    QString error;
    QVERIFY2(w.saveRun(file, &error), qPrintable(error));
    const std::int64_t start = w.replay()->recording()->startNs();
    QVERIFY2(w.openRun(file, &error), qPrintable(error));
    w.replay()->showMoment(moment - start + w.replay()->recording()->startNs());
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp(), kWaitMs);
    QCOMPARE(withoutDurations(viewsDigest(w)), live);
}

// The table's rows owned by that pane.
int rowsOf(MainWindow &window, const QString &pane)
{
    const SocketTableModel &table = *window.socketModel();
    int n = 0;
    for (int row = 0; row < table.rowCount(); ++row)
        n += table.index(row, SocketTableModel::Owner).data().toString() == pane ? 1 : 0;
    return n;
}

// Shows or hides a pane as the learner does, from the Panes button's menu.
void showPane(MainWindow &window, const QString &pane, bool shown)
{
    QMenu *menu = window.liveViews()->paneFilter()->menu();
    emit menu->aboutToShow();  // the menu lists the panes as it opens
    for (QAction *a : menu->actions()) {
        if (a->text().startsWith(pane + QStringLiteral(" — ")))
            a->setChecked(shown);
    }
}

void TestReplayWindow::replayHonoursThePaneFilter()
{
    QList<Moment> moments;
    watchRun(moments);
    if (QTest::currentTestFailed())
        return;
    MainWindow &w = *m_window;
    w.replay()->showMoment(moments[1].timeNs);
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp(), kWaitMs);
    QCOMPARE(viewsDigest(w), moments[1].views);
    QVERIFY(rowsOf(w, QStringLiteral("client")) > 0);
    const int serverRows = rowsOf(w, QStringLiteral("server"));
    const std::size_t arrows = w.sequenceDiagram()->model().arrows().size();
    // Hidden while looking back: the moment shown again without the client, and without the
    // server's connection to it.
    showPane(w, QStringLiteral("client"), false);
    QVERIFY(w.liveViews()->paneFilter()->filter().isHidden(QStringLiteral("client")));
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp() && rowsOf(w, QStringLiteral("server")) > 0, kWaitMs);
    QCOMPARE(rowsOf(w, QStringLiteral("client")), 0);
    QCOMPARE(rowsOf(w, QStringLiteral("server")), serverRows - 1);
    QVERIFY(w.sequenceDiagram()->model().arrows().size() < arrows);
    QVERIFY(w.replay()->isLookingBack());
    // Going to another moment keeps it hidden; shown again, the moment is as it was live.
    w.replay()->showMoment(moments[2].timeNs);
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp() && rowsOf(w, QStringLiteral("server")) > 0, kWaitMs);
    QCOMPARE(rowsOf(w, QStringLiteral("client")), 0);
    showPane(w, QStringLiteral("client"), true);
    QTRY_COMPARE_WITH_TIMEOUT(viewsDigest(w), moments[2].views, kWaitMs);

    // A saved run: its panes are listed and hidden the same way.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("run.socketlab-run"));
    QString error;
    QVERIFY2(w.saveRun(file, &error), qPrintable(error));
    QVERIFY2(w.openRun(file, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp() && rowsOf(w, QStringLiteral("client")) > 0, kWaitMs);
    showPane(w, QStringLiteral("client"), false);
    QTRY_VERIFY_WITH_TIMEOUT(w.replay()->viewsCaughtUp() && rowsOf(w, QStringLiteral("server")) > 0 && rowsOf(w, QStringLiteral("client")) == 0,
                             kWaitMs);
}

QTEST_MAIN(TestReplayWindow)
#include "tst_replaywindow.moc"
