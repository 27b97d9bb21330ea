// tst_panecontrols: a pane's own controls and the lab-wide ones, driven as a learner does
// (issue #17): Run after Reset runs; a line typed before the program asks waits for that
// pane's program and no other; the status bar's "No pane can step" goes once one can; the
// speed control runs slow to fast from left to right.
#include "UiTestSupport.h"

#include <LabSession.h>
#include <TraceEvent.h>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QToolButton>
#include <QtTest>

using namespace socketlab;
using State = PaneRunner::State;
using uitest::kWaitMs;

class TestPaneControls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        uitest::keepSettingsApart("tst_panecontrols");
        m_catalog = uitest::builtInCatalog();
        QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")));
    }

    void runAfterResetRuns_data()
    {
        QTest::addColumn<bool>("stepFirst");
        QTest::newRow("after a Step") << true;
        QTest::newRow("after Pause all") << false;
    }

    // The pane's Run after Reset: one click runs the server to accept(), with no stop at its
    // first line, whatever the gate was left at (a Step, Pause all).
    void runAfterResetRuns()
    {
        QFETCH(bool, stepFirst);
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        if (stepFirst) {
            QTest::mouseClick(server->stepButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(server->runner()->state(), State::Paused, kWaitMs);
        } else {
            window->pauseAllAction()->trigger();
        }
        window->resetAction()->trigger();
        QCOMPARE(server->runner()->state(), State::Idle);

        QSignalSpy states(server->runner(), &PaneRunner::stateChanged);
        QTest::mouseClick(server->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(server->runner()->blockedIn() == TraceCall::Accept, kWaitMs);
        for (const QList<QVariant> &args : states)
            QVERIFY2(args.at(0).value<State>() != State::Paused, "Run paused on the way");
        QTRY_VERIFY2_WITH_TIMEOUT((window->refreshViews(), server->stateLabel()->text().startsWith(QStringLiteral("blocked in accept()"))),
                                  qPrintable(server->stateLabel()->text()), kWaitMs);
        window->resetAction()->trigger();
    }

    // Two clients: a line typed into the second before anything runs waits for it (shown as
    // queued), the first client asking for input does not take the keyboard away from the
    // second's box, and only the second sends what was typed there. An empty line typed
    // early into the first is kept too, and ends it.
    void typedAheadLinesWaitForTheirPane()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        QApplication::setActiveWindow(window.get());
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->addPaneAction()->trigger();
        PaneView *first = window->paneView(QStringLiteral("client"));
        PaneView *second = window->paneView(QStringLiteral("client-2"));
        QVERIFY(first && second);

        QTest::mouseClick(second->input(), Qt::LeftButton);
        QVERIFY(second->input()->hasFocus());
        QTest::keyClicks(second->input(), QStringLiteral("for the second"));
        QTest::keyClick(second->input(), Qt::Key_Return);
        QCOMPARE(second->queuedLines(), QStringList{QStringLiteral("for the second")});
        QVERIFY(second->queuedLabel()->isVisible());
        QVERIFY(second->queuedLabel()->text().contains(QStringLiteral("'for the second'")));

        QTest::mouseClick(first->input(), Qt::LeftButton);
        QTest::keyClick(first->input(), Qt::Key_Return);  // an empty line: it ends that client
        QVERIFY(first->queuedLabel()->text().contains(QStringLiteral("(an empty line)")));

        // Half a line in the second box while the lab starts: the keyboard stays there.
        QTest::mouseClick(second->input(), Qt::LeftButton);
        QTest::keyClicks(second->input(), QStringLiteral("half"));
        window->runAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(second->runner()->state() == State::WaitingForInput, kWaitMs);
        QCOMPARE(QApplication::focusWidget(), second->input());
        QCOMPARE(second->input()->text(), QStringLiteral("half"));

        QTRY_VERIFY_WITH_TIMEOUT(second->console()->toPlainText().contains(QStringLiteral("] for the second")), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(first->runner()->state(), State::Finished, kWaitMs);
        QVERIFY(!first->console()->toPlainText().contains(QStringLiteral("for the second")));
        QTRY_VERIFY_WITH_TIMEOUT(second->queuedLines().isEmpty() && !second->queuedLabel()->isVisible(), kWaitMs);
        window->resetAction()->trigger();
    }

    // "No pane can step" while it is true, and gone once a pane can step again.
    void noStepNoteGoesWhenAPaneCanStep()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        PaneView *client = window->paneView(QStringLiteral("client"));
        window->runAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(client->runner()->state() == State::WaitingForInput
                                     && server->runner()->blockedIn() == TraceCall::Recv,
                                 kWaitMs);
        // qWaitFor: QTRY's second look could catch isSettled() false for a moment (a late report).
        QVERIFY(QTest::qWaitFor([&] { return window->session()->isSettled(); }, kWaitMs));
        window->stepAction()->trigger();
        QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("No pane can step")));

        window->pauseAllAction()->trigger();
        QTest::keyClicks(client->input(), QStringLiteral("hello"));
        QTest::keyClick(client->input(), Qt::Key_Return);  // the client goes on, to pause at its next line
        QTRY_VERIFY_WITH_TIMEOUT(window->session()->canStep(client->runner()), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!window->statusBar()->currentMessage().startsWith(QStringLiteral("No pane can step")), kWaitMs);
        window->resetAction()->trigger();
    }

    // The speed control: right is full speed, left slow motion, by mouse and by keyboard, as
    // its tooltip says.
    void speedControlRunsSlowToFast()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        QSlider *speed = window->speedControl();
        QVERIFY(speed->toolTip().contains(QStringLiteral("left is slow motion")));
        const int slowest = MainWindow::kSpeedSteps * MainWindow::kMsPerSpeedStep;
        // A middle click sets the handle where it lands (the style's absolute set).
        QTest::mouseClick(speed, Qt::MiddleButton, {}, QPoint(2, speed->height() / 2));
        QCOMPARE(window->session()->delayMs(), slowest);
        QTest::mouseClick(speed, Qt::MiddleButton, {}, QPoint(speed->width() - 2, speed->height() / 2));
        QCOMPARE(window->session()->delayMs(), 0);
        speed->setFocus();
        QTest::keyClick(speed, Qt::Key_Home);
        QCOMPARE(window->session()->delayMs(), slowest);
        QTest::keyClick(speed, Qt::Key_Right);  // one notch faster
        QCOMPARE(window->session()->delayMs(), slowest - MainWindow::kMsPerSpeedStep);
        QTest::keyClick(speed, Qt::Key_End);
        QCOMPARE(window->session()->delayMs(), 0);
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestPaneControls)
#include "tst_panecontrols.moc"
