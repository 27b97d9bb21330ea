// tst_chatclassroom: the chat-capstone window with a classroom of 200 scripted clients, as a
// teacher runs it. While the 200 join, chat and leave, the GUI thread never works more than
// the stall bound between two ticks of a 5 ms timer, and the live views stay readable: the
// crowded classroom pane is left out of the socket table by itself (with the server's
// connections to it), so the table shows the server, the learner's client and its
// connection, not 400 rows.
#include "GuiStallProbe.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <LiveViews.h>
#include <MainWindow.h>
#include <PaneFilter.h>
#include <PaneFilterButton.h>
#include <PaneRunner.h>
#include <PaneView.h>
#include <SocketTableModel.h>

#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

using namespace socketlab;
using State = PaneRunner::State;

namespace {
// What this test fails on: GUI work between two ticks long enough to be seen as a freeze (as
// tst_mainwindow). The 50 ms target is a figure the bench prints: a timed test on a shared
// machine fails by chance (58 ms was measured here at load 12); the worst is printed.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr qint64 kStallLimitMs = 600;  // sanitizers slow the GUI thread's own work too
#else
constexpr qint64 kStallLimitMs = 200;
#endif
constexpr qint64 kBlockedLimitMs = 1000;  // wall clock: a GUI waiting on a socket would show here
constexpr int kWaitMs = 20000;
constexpr int kClients = 200;
constexpr int kLines = 150;
} // namespace

class TestChatClassroom : public QObject {
    Q_OBJECT

private slots:
    void twoHundredClientsNoStallReadableTable()
    {
        LabCatalog catalog;
        catalog.loadFrom(LabCatalog::builtInRoot());
        MainWindow window(catalog, QStringLiteral("en"), QStringLiteral("chat-capstone"));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PaneRunner *server = window.paneView(QStringLiteral("server"))->runner();
        PaneRunner *client = window.paneView(QStringLiteral("client"))->runner();
        PaneRunner *load = window.paneView(QStringLiteral("load"))->runner();
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QCOMPARE(load->setParam(QStringLiteral("clients"), QString::number(kClients)), QString());
        QCOMPARE(load->setParam(QStringLiteral("rate"), QStringLiteral("100")), QString());
        QCOMPARE(load->setParam(QStringLiteral("count"), QString::number(kLines)), QString());
        QSignalSpy loadErrors(load, &PaneRunner::errorOutput);
        QSignalSpy clientOutput(client, &PaneRunner::output);

        window.runAllAction()->trigger();
        client->sendInput(QStringLiteral("teacher"));
        QTRY_VERIFY_WITH_TIMEOUT(clientOutput.count() > 0 && client->state() == State::WaitingForInput
                                     && load->state() == State::Paused,
                                 kWaitMs);  // the classroom waits for Run

        testsupport::GuiStallProbe probe;
        probe.countRefreshes(window.socketModel(), &QAbstractItemModel::modelReset);
        probe.countRefreshes(window.socketModel(), &QAbstractItemModel::dataChanged);
        probe.start();
        load->run();
        int mostRows = 0;
        const auto countRows = [&] { mostRows = std::max(mostRows, window.socketModel()->rowCount()); };
        connect(window.socketModel(), &QAbstractItemModel::modelReset, this, countRows);
        connect(window.socketModel(), &QAbstractItemModel::rowsInserted, this, countRows);
        QTRY_VERIFY_WITH_TIMEOUT(load->state() == State::Finished && window.session()->trace()->size() == 0, 120000);
        probe.stop();
        qInfo("%d clients, %d lines: %s; at most %d rows in the socket table", kClients, kLines,
              qPrintable(probe.summary()), mostRows);

        QVERIFY2(loadErrors.isEmpty(), qPrintable(loadErrors.value(0).value(0).toString()));
        QVERIFY(server->isActive());
        QVERIFY(window.liveViews()->paneFilter()->filter().isHidden(QStringLiteral("load")));
        // Hidden by itself once it grew crowded: the table never held the classroom's 400 sockets.
        QVERIFY2(mostRows < 2 * PaneFilter::kCrowded + 8, qPrintable(QString::number(mostRows)));
        QVERIFY2(probe.worstWorkMs() <= kStallLimitMs, qPrintable(probe.summary()));
        QVERIFY2(probe.worstGapMs() <= kBlockedLimitMs, qPrintable(probe.summary()));
        window.resetAction()->trigger();
    }
};

QTEST_MAIN(TestChatClassroom)
#include "tst_chatclassroom.moc"
