// tst_kernelonly: what only the kernel holds is shown (issue #17, items 3 and 12): a client's
// bytes in a connection the server has not accepted yet (receive buffers, accept-queue gauge,
// socket table), the connections ForkingMixIn's children hold, and request numbers that
// start at 1 in every run.
#include "UiTestSupport.h"

#include <AcceptQueueGauge.h>
#include <LabSession.h>
#include <LiveViews.h>
#include <ReceiveBufferView.h>
#include <SocketServerFlowView.h>
#include <SocketTableModel.h>
#include <TraceEvent.h>
#include <socketserver/ForkHelper.h>

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QtTest>

using namespace socketlab;
using State = PaneRunner::State;
using uitest::kWaitMs;

namespace {

QStringList column(const SocketTableModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}

int rowWithState(const SocketTableModel &model, const QString &prefix)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, SocketTableModel::State).data().toString().startsWith(prefix))
            return row;
    return -1;
}

} // namespace

class TestKernelOnly : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        uitest::keepSettingsApart("tst_kernelonly");
        m_catalog = uitest::builtInCatalog();
    }

    // The server serves the first client (blocked in its recv); a second client connects -
    // the kernel completes it and queues it - and sends 8 bytes. They wait in the queued
    // connection: the receive buffers, the gauge and the table all say so.
    void bytesOfAConnectionNotAcceptedYet()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        PaneView *second = uitest::secondClientQueued(*window);
        QVERIFY(second);
        QTest::keyClicks(second->input(), QStringLiteral("12345678"));
        QTest::keyClick(second->input(), Qt::Key_Return);

        ReceiveBufferView *buffers = window->liveViews()->view<ReceiveBufferView>();
        QTRY_VERIFY2_WITH_TIMEOUT((window->refreshViews(), buffers->notAccepted().size() == 1
                                                              && buffers->notAccepted().front().kernelBytes == 8),
                                  qPrintable(buffers->summary()), kWaitMs);
        QVERIFY2(buffers->summary().contains(QStringLiteral("not accepted yet: 8 bytes waiting")), qPrintable(buffers->summary()));
        QVERIFY(!buffers->summary().contains(QStringLiteral("No bytes waiting")));

        const auto &gauges = window->liveViews()->view<AcceptQueueGauge>()->gauges();
        QCOMPARE(gauges.size(), std::size_t(1));
        QCOMPARE(gauges.front().waiting, 1u);
        QCOMPARE(gauges.front().queuedBytes, std::int64_t(8));
        QVERIFY(window->liveViews()->view<AcceptQueueGauge>()->summary().contains(QStringLiteral("8 bytes")));

        const SocketTableModel &table = *window->socketModel();
        const int row = rowWithState(table, QStringLiteral("queued, not accepted yet"));
        QVERIFY(row >= 0);
        QCOMPARE(table.index(row, SocketTableModel::RecvQ).data().toLongLong(), 8LL);
        QCOMPARE(table.index(row, SocketTableModel::TcpState).data().toString(), QStringLiteral("ESTABLISHED"));
        window->resetAction()->trigger();
        window->refreshViews();
        QVERIFY(buffers->notAccepted().empty());
    }

    // ForkingTCPServer: each client's connection is served by a child process; the parent
    // closes its copy, the child's is listed with the child's pid and the kernel's state.
    void forkedChildrensConnectionsAreListed()
    {
        if (!socketserver::ForkHelper::isRunning())
            QSKIP("the fork helper did not start");
        auto window = uitest::openWindow(m_catalog, QStringLiteral("socketserver-concurrency"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        QCOMPARE(server->runner()->setParam(QStringLiteral("server"), QStringLiteral("ForkingTCPServer")), QString());
        window->runAllAction()->trigger();
        const SocketTableModel &table = *window->socketModel();
        const auto inChildren = [&] {
            window->refreshViews();
            return column(table, SocketTableModel::State).filter(QStringLiteral("held by child process")).size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(inChildren(), 2, kWaitMs);
        const int row = rowWithState(table, QStringLiteral("held by child process"));
        QCOMPARE(table.index(row, SocketTableModel::TcpState).data().toString(), QStringLiteral("ESTABLISHED"));
        QVERIFY(table.index(row, SocketTableModel::Owner).data().toString().startsWith(QStringLiteral("server · child ")));
        window->resetAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(inChildren(), 0, kWaitMs);
    }

    // The flow view numbers requests 1, 2 ... in every run, not on from the run before.
    void requestNumbersStartAtOneEachRun()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("socketserver-concurrency"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        QCOMPARE(server->runner()->setParam(QStringLiteral("server"), QStringLiteral("ThreadingTCPServer")), QString());
        const SocketServerFlowView *flow = window->liveViews()->view<SocketServerFlowView>();
        const auto numbers = [&] {
            window->refreshViews();
            QList<std::uint64_t> out;
            for (const SocketServerFlowModel::Worker &w : flow->model().workers())
                out << w.number;
            std::sort(out.begin(), out.end());
            return out;
        };
        for (int run = 0; run < 2; ++run) {
            window->runAllAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(numbers(), (QList<std::uint64_t>{1, 2}), kWaitMs);
            QVERIFY(flow->summary().contains(QStringLiteral("request 1")));
            window->resetAction()->trigger();
        }
    }

private:
    LabCatalog m_catalog;
};

int main(int argc, char **argv)
{
    socketlab::socketserver::ForkHelper::startFromMain();  // before Qt starts any thread
    QApplication app(argc, argv);
    TestKernelOnly test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_kernelonly.moc"
