// tst_diagramwindow: the sequence diagram as the window shows it during a real run (issue #17,
// item 11): a loopback connect() that waited microseconds draws no "blocked" bar, while a wait
// of seconds is drawn taller than one of a millisecond; a client whose connection waits in
// the accept queue has its arrow, ending at the listener; at 1600×1000 every lifeline is in
// sight without scrolling sideways.
#include "UiTestSupport.h"

#include <LabSession.h>
#include <SequenceDiagramView.h>
#include <SequenceModel.h>
#include <SequenceRenderer.h>
#include <Clock.h>
#include <TraceEvent.h>

#include <QAction>
#include <QLineEdit>
#include <QScrollBar>
#include <QToolButton>
#include <QtTest>

using namespace socketlab;
using State = PaneRunner::State;
using uitest::kWaitMs;

namespace {

const SequenceModel::Call *lastCall(const SequenceModel &model, TraceCall call, const QString &owner)
{
    const SequenceModel::Call *found = nullptr;
    for (const SequenceModel::Call &c : model.calls()) {
        const SequenceModel::Lifeline *l = model.lifeline(c.socketId);
        if (c.call == call && l && l->owner == owner)
            found = &c;
    }
    return found;
}

} // namespace

class TestDiagramWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        uitest::keepSettingsApart("tst_diagramwindow");
        m_catalog = uitest::builtInCatalog();
    }

    // The server waits in accept() while nobody connects; the client's connect() is answered
    // at once by the kernel: one bar, the accept's; and its height says it was long.
    void onlyRealWaitsAreDrawn()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        PaneView *client = window->paneView(QStringLiteral("client"));
        QTest::mouseClick(server->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(server->runner()->blockedIn() == TraceCall::Accept, kWaitMs);
        // A wait worth drawing: until the diagram has counted 0.8 s of it.
        const SequenceModel &model = window->sequenceDiagram()->model();
        QTRY_VERIFY_WITH_TIMEOUT((window->refreshViews(), [&] {
                                     const SequenceModel::Call *waiting = lastCall(model, TraceCall::Accept, QStringLiteral("server"));
                                     return waiting && waiting->open() && waiting->blocked() && steadyNowNs() - waiting->blockedAtNs > 800'000'000;
                                 }()),
                                 kWaitMs);
        QTest::mouseClick(client->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(client->runner()->state() == State::WaitingForInput, kWaitMs);
        QTest::keyClicks(client->input(), QStringLiteral("hi"));
        QTest::keyClick(client->input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(client->console()->toPlainText().contains(QStringLiteral("] hi")), kWaitMs);
        window->refreshViews();

        const SequenceDiagramView &view = *window->sequenceDiagram();
        const SequenceModel::Call *connect = lastCall(model, TraceCall::Connect, QStringLiteral("client"));
        const SequenceModel::Call *accept = lastCall(model, TraceCall::Accept, QStringLiteral("server"));
        QVERIFY(connect && accept && !connect->open() && !accept->open());
        QVERIFY(connect->blockedNs < SequenceModel::kShortestWaitShownNs);  // loopback: answered at once
        QVERIFY(view.renderer().blockedBar(*connect).isEmpty());
        const QRectF acceptBar = view.renderer().blockedBar(*accept);
        QVERIFY(!acceptBar.isEmpty());
        QVERIFY(accept->blockedNs > 800'000'000);
        window->resetAction()->trigger();
    }

    // A second client connects while the server serves the first: the kernel queues it, and
    // the diagram draws its connect going to the listener, "in the accept queue".
    void aQueuedClientHasItsArrow()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        QVERIFY(uitest::secondClientQueued(*window));
        const SequenceDiagramView &view = *window->sequenceDiagram();
        QTRY_VERIFY_WITH_TIMEOUT((window->refreshViews(), view.renderer().pendingConnects().size() == 1), kWaitMs);
        const SequenceModel::PendingConnect pending = view.renderer().pendingConnects().front();
        QVERIFY(pending.completed);
        QCOMPARE(view.model().lifeline(view.model().call(pending.connect)->socketId)->owner, QStringLiteral("client-2"));
        const SequenceModel::Lifeline *listener = view.model().lifeline(pending.listenerId);
        QVERIFY(listener && listener->owner == QStringLiteral("server"));
        // The first client's connect was accepted: it has its arrow to accept(), not this one.
        QCOMPARE(std::count_if(view.model().arrows().begin(), view.model().arrows().end(),
                               [](const SequenceModel::Arrow &a) { return a.kind == SequenceModel::ArrowKind::Connect; }),
                 1);
        window->resetAction()->trigger();
    }

    // 1600×1000, four clients' worth of lifelines: all of them in sight.
    void everyLifelineInSight()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        window->resize(1600, 1000);
        window->addPaneAction()->trigger();
        window->runAllAction()->trigger();
        SequenceDiagramView &view = *window->sequenceDiagram();
        QTRY_VERIFY_WITH_TIMEOUT((window->refreshViews(), view.model().lifelines().size() >= 4), kWaitMs);
        QCoreApplication::processEvents();
        window->refreshViews();
        QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
        const int last = int(view.model().lifelines().size()) - 1;
        QVERIFY(view.renderer().lifelineX(last) < view.viewport()->width());
        QVERIFY(view.renderer().contentSize().width() <= view.viewport()->width());
        window->resetAction()->trigger();
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestDiagramWindow)
#include "tst_diagramwindow.moc"
