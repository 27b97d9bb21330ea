// tst_panemoments: a pane's marked line, its state line and its explanation describe the
// same moment of the same thread (issue #17, items 2 and 10): a socketserver back in
// serve_forever() is shown there, waiting for a request and counting past the poll
// interval; a ThreadingMixIn server shows one moment per thread; the trace folds
// serve_forever's housekeeping into one line.
#include "UiTestSupport.h"

#include <LabSession.h>
#include <LiveViews.h>
#include <TraceEvent.h>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

using namespace socketlab;
using State = PaneRunner::State;
using Activity = PaneThreads::Activity;
using uitest::kWaitMs;

namespace {

// "… — 1.4 s" at the end of a state line: seconds; -1 when it counts in ms or not at all.
double secondsCounted(const QString &text)
{
    static const QRegularExpression seconds(QStringLiteral("— (\\d+\\.\\d) s$"));
    const QRegularExpressionMatch m = seconds.match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

void typeLine(PaneView *pane, const QString &line)
{
    QTest::keyClicks(pane->input(), line);
    QTest::keyClick(pane->input(), Qt::Key_Return);
}

} // namespace

class TestPaneMoments : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        uitest::keepSettingsApart("tst_panemoments");
        m_catalog = uitest::builtInCatalog();
    }

    // The upper-case echo server handles a line on serve_forever's thread, then goes back to
    // waiting: the marker leaves the handler's sendall line for serve_forever's, the state
    // says it waits for a request, the explanation is serve_forever's - together.
    void echoServerBackInServeForever()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("socketserver-echo"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        PaneView *client = window->paneView(QStringLiteral("client"));
        window->runAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(client->runner()->state() == State::WaitingForInput, kWaitMs);
        typeLine(client, QStringLiteral("hello"));
        QTRY_VERIFY_WITH_TIMEOUT(client->console()->toPlainText().contains(QStringLiteral("Received: HELLO")), kWaitMs);

        const StepDefinition serve = server->runner()->definition().steps.value(QStringLiteral("serve-forever"));
        QTRY_VERIFY_WITH_TIMEOUT(server->stateLabel()->text().startsWith(QStringLiteral("waiting for a request in serve_forever()")), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(uitest::focusLine(server).contains(QStringLiteral(".serve_forever(")), kWaitMs);
        QCOMPARE(server->explanation()->toPlainText(), serve.explanation.in(QStringLiteral("en")));
        QCOMPARE(uitest::markedLines(server).size(), 1);
        const std::vector<PaneThreads::Moment> moments = server->moments();
        QCOMPARE(moments.size(), std::size_t(1));
        QCOMPARE(moments.front().activity, Activity::WaitingForRequest);
        QCOMPARE(moments.front().stepId, QStringLiteral("serve-forever"));
        QVERIFY(server->listingView()->markers().front().blocked);  // hatched edge: waiting, not only orange
        window->resetAction()->trigger();
    }

    // ThreadingTCPServer with two silent clients: the main thread waits in serve_forever, each
    // request's thread in its handler's readline - three moments, each marked and named.
    void threadedServerOneMomentPerThread()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("socketserver-concurrency"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        QCOMPARE(server->runner()->setParam(QStringLiteral("server"), QStringLiteral("ThreadingTCPServer")), QString());
        window->runAllAction()->trigger();
        const auto threeMoments = [&] {
            window->refreshViews();
            const std::vector<PaneThreads::Moment> m = server->moments();
            return m.size() == 3 && std::count_if(m.begin(), m.end(), [](const auto &x) { return x.activity == Activity::Blocked; }) == 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(threeMoments(), kWaitMs);
        const std::vector<PaneThreads::Moment> moments = server->moments();
        QVERIFY(moments[0].main);
        QCOMPARE(moments[0].activity, Activity::WaitingForRequest);
        QCOMPARE(moments[0].stepId, QStringLiteral("serve-forever"));
        QCOMPARE(moments[1].request, std::uint64_t(1));  // numbered in this run
        QCOMPARE(moments[2].request, std::uint64_t(2));
        const QStringList lines = server->stateLabel()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(QStringLiteral("main thread: waiting for a request in serve_forever()")), qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("request 1's thread: blocked in ")), qPrintable(lines[1]));
        // Each thread's line marked: serve_forever's and the handler's.
        const QStringList marked = uitest::markedLines(server);
        QCOMPARE(marked.size(), 3);
        QCOMPARE(marked.filter(QStringLiteral(".serve_forever(")).size(), 1);
        QCOMPARE(marked.filter(QStringLiteral("rfile.readline(")).size(), 2);
        window->resetAction()->trigger();
    }

    // serve_forever waits 0.5 s at a time, but the state line counts the whole wait, and the
    // trace folds the service_actions() that run between polls into one line.
    void serveForeverCountsItsWait()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("socketserver"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        QTest::mouseClick(server->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(secondsCounted(server->stateLabel()->text()) >= 1.6, kWaitMs);
        QVERIFY(server->stateLabel()->text().startsWith(QStringLiteral("waiting for a request in serve_forever()")));
        const QStringList trace = window->traceLog()->toPlainText().split(QLatin1Char('\n'));
        const QStringList housekeeping = trace.filter(QStringLiteral("service_actions()"));
        QCOMPARE(housekeeping.size(), 1);
        QVERIFY2(housekeeping.first().contains(QStringLiteral(" ×")), qPrintable(housekeeping.first()));
        window->resetAction()->trigger();
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestPaneMoments)
#include "tst_panemoments.moc"
