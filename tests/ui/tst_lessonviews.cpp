// tst_lessonviews: three lessons' points as the window's live views show them, on real
// loopback sockets, the lab run in a LabSession whose feed ticks the views:
//   - address-in-use: after the server closed first and exited, the socket table keeps a
//     TIME_WAIT row on its port that no program owns, counting down; the restart without
//     SO_REUSEADDR fails while that row is shown, with it binds beside it;
//   - backlog: with the server held before accept(), the accept-queue gauge reaches its limit
//     (backlog + 1 waiting, no accept() yet), the table shows those connections as the
//     kernel's, queued and not accepted, and the clients that did not get in as SYN_SENT;
//   - stream-vs-datagram: three sendall() sit in one kernel buffer before accept() even ran,
//     and the one recv() takes them across the send boundaries.
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <AcceptQueueGauge.h>
#include <LabLoader.h>
#include <LabSession.h>
#include <LiveViews.h>
#include <PaneRunner.h>
#include <ReceiveBufferView.h>
#include <SocketTableModel.h>
#include <SocketTableView.h>

#include <QSignalSpy>
#include <QtTest>

#include <cerrno>

using namespace socketlab;
using testsupport::heldAt;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;

QString cell(const SocketTableModel *table, int row, int column)
{
    return table->index(row, column).data().toString();
}

// The table's rows (lab's and kernel's) in this TCP state, owned as given ("" for any).
QList<int> rowsIn(const SocketTableModel *table, const QString &tcpState, const QString &owner = {})
{
    QList<int> rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (cell(table, row, SocketTableModel::TcpState) == tcpState
            && (owner.isEmpty() || cell(table, row, SocketTableModel::Owner) == owner))
            rows << row;
    }
    return rows;
}

QString kernelOwner()
{
    return SocketTableModel::tr("(kernel)");
}

// The lab's listening socket of this pane, or 0.
std::uint32_t listenerOf(const LabSession &session, const char *owner)
{
    for (const auto &record : session.registry()->snapshot()) {
        if (record->owner == owner && record->state.load() == SocketState::Listening)
            return record->id;
    }
    return 0;
}

} // namespace

class TestLessonViews : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
    }

    void addressInUseTimeWaitRowCountsDownAndStopsTheRestart()
    {
        LabSession session(*m_catalog.find(QStringLiteral("address-in-use")));
        LiveViews views;
        views.open(session.feed());
        const SocketTableModel *table = views.view<SocketTableView>()->socketModel();
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *restart = session.pane(QStringLiteral("restart"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy published(server, &PaneRunner::published);
        QSignalSpy serverFinished(server, &PaneRunner::finished);
        QSignalSpy clientFinished(session.pane(QStringLiteral("client")), &PaneRunner::finished);
        server->start();
        QVERIFY(published.wait(kWaitMs));
        const QString port = published.last().at(1).toString();
        session.pane(QStringLiteral("client"))->start();
        QTRY_VERIFY_WITH_TIMEOUT(!serverFinished.isEmpty() && !clientFinished.isEmpty(), kWaitMs);
        QCOMPARE(server->state(), State::Finished);

        // Every socket of the lab is closed; the table still has the kernel's TIME_WAIT row on
        // the server's port, owned by no program, with its time left.
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT((views.tick(), !rowsIn(table, QStringLiteral("TIME_WAIT"), kernelOwner()).isEmpty()), kWaitMs);
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
        const QList<int> timeWait = rowsIn(table, QStringLiteral("TIME_WAIT"));
        QCOMPARE(timeWait.size(), 1);  // the server's end only: it closed first
        row = timeWait.front();
        QCOMPARE(cell(table, row, SocketTableModel::Local), QStringLiteral("127.0.0.1:%1").arg(port));
        QVERIFY(rowsIn(table, QStringLiteral("LISTEN")).isEmpty());
        const QString first = cell(table, row, SocketTableModel::State);
        QVERIFY2(first.startsWith(SocketTableModel::tr("no program: gone in %1").arg(QString())), qPrintable(first));
        QTRY_VERIFY_WITH_TIMEOUT((views.tick(), cell(table, rowsIn(table, QStringLiteral("TIME_WAIT")).value(0, 0),
                                                     SocketTableModel::State) != first),
                                 kWaitMs);

        // The restart on that port, no SO_REUSEADDR: Errno 98 while the row is shown.
        QCOMPARE(restart->setParam(QStringLiteral("port"), port), QString());
        QCOMPARE(restart->setParam(QStringLiteral("reuse"), QStringLiteral("0")), QString());
        QSignalSpy restartFinished(restart, &PaneRunner::finished);
        restart->start();
        QVERIFY(restartFinished.wait(kWaitMs));
        QCOMPARE(restart->lastSocketError().code(), EADDRINUSE);
        views.tick();
        QCOMPARE(rowsIn(table, QStringLiteral("TIME_WAIT"), kernelOwner()).size(), 1);

        // With SO_REUSEADDR it listens: its LISTEN row is the lab's, beside the kernel's row.
        QCOMPARE(restart->setParam(QStringLiteral("reuse"), QStringLiteral("1")), QString());
        restart->start();
        QTRY_VERIFY_WITH_TIMEOUT(restart->blockedIn() == TraceCall::Accept, kWaitMs);
        views.tick();
        const QList<int> listening = rowsIn(table, QStringLiteral("LISTEN"));
        QCOMPARE(listening.size(), 1);
        QVERIFY(listening.front() < table->labRowCount());
        QCOMPARE(rowsIn(table, QStringLiteral("TIME_WAIT"), kernelOwner()).size(), 1);
        session.stopAll();
    }

    void backlogGaugeFullWhileNoAcceptRan()
    {
        LabSession session(*m_catalog.find(QStringLiteral("backlog")));
        LiveViews views;
        views.open(session.feed());
        const SocketTableModel *table = views.view<SocketTableView>()->socketModel();
        const AcceptQueueGauge *gauges = views.view<AcceptQueueGauge>();
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *clients = session.pane(QStringLiteral("clients"));
        constexpr int kClients = 6;
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QCOMPARE(server->setParam(QStringLiteral("backlog"), QStringLiteral("1")), QString());
        QCOMPARE(clients->setParam(QStringLiteral("clients"), QString::number(kClients)), QString());
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy clientOutput(clients, &PaneRunner::output);
        session.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(heldAt(server, QStringLiteral("accept")), kWaitMs);

        // The gauge at its limit (Linux: backlog + 1), the program not in accept().
        std::uint32_t listener = 0;
        QTRY_VERIFY_WITH_TIMEOUT((views.tick(), listener = listenerOf(session, "server"),
                                  gauges->gauge(listener) && gauges->gauge(listener)->waiting == 2),
                                 kWaitMs);
        const AcceptQueueGauge::Gauge *g = gauges->gauge(listener);
        QCOMPARE(g->limit, 1u);
        QVERIFY(g->full());
        QVERIFY(!g->inAccept);
        QVERIFY(texts(serverOutput).filter(QStringLiteral("accepted")).isEmpty());

        // The table: the queued connections' server ends are the kernel's, not accepted; the
        // clients that did not get in wait in SYN_SENT, counted by the gauge as well.
        const auto settled = [&] {
            views.tick();
            const int connected = int(texts(clientOutput).filter(QStringLiteral("connected from")).size());
            const int waiting = int(rowsIn(table, QStringLiteral("SYN_SENT")).size());
            return connected >= 2 && waiting == kClients - connected && gauges->gauge(listener)->connectsWaiting == waiting
                && rowsIn(table, QStringLiteral("ESTABLISHED"), kernelOwner()).size() == 2;  // the kernel's answer has come
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), kWaitMs);
        const QList<int> queued = rowsIn(table, QStringLiteral("ESTABLISHED"), kernelOwner());
        QCOMPARE(queued.size(), 2);
        for (int row : queued)
            QCOMPARE(cell(table, row, SocketTableModel::State), SocketTableModel::tr("queued, not accepted yet"));
        QVERIFY(!rowsIn(table, QStringLiteral("SYN_SENT")).isEmpty());  // 6 clients, 2 places
        for (int row : rowsIn(table, QStringLiteral("SYN_SENT")))
            QVERIFY(row < table->labRowCount());  // the clients' own sockets, blocked in connect()

        // One accept(): a queued connection becomes the lab's socket and leaves the kernel's rows.
        server->run(StepGate::Mode::Run);
        QTRY_VERIFY_WITH_TIMEOUT(!texts(serverOutput).filter(QStringLiteral("accepted")).isEmpty(), kWaitMs);
        session.stopAll();
    }

    void streamBytesWaitBeforeAcceptAndOneRecvTakesThem()
    {
        LabSession session(*m_catalog.find(QStringLiteral("stream-vs-datagram")));
        LiveViews views;
        views.open(session.feed());
        const SocketTableModel *table = views.view<SocketTableView>()->socketModel();
        PaneRunner *sender = session.pane(QStringLiteral("sender"));
        PaneRunner *receiver = session.pane(QStringLiteral("receiver"));
        QCOMPARE(receiver->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy senderFinished(sender, &PaneRunner::finished);
        QSignalSpy receiverOutput(receiver, &PaneRunner::output);
        session.runAll();
        QVERIFY(senderFinished.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(heldAt(receiver, QStringLiteral("accept")), kWaitMs);

        // No accept() yet: the kernel's socket of the connection holds the three sends' 39 bytes.
        int queued = -1;
        QTRY_VERIFY_WITH_TIMEOUT((views.tick(), !rowsIn(table, QStringLiteral("CLOSE_WAIT"), kernelOwner()).isEmpty()), kWaitMs);
        queued = rowsIn(table, QStringLiteral("CLOSE_WAIT"), kernelOwner()).front();  // the sender closed already
        QCOMPARE(cell(table, queued, SocketTableModel::RecvQ), QStringLiteral("39"));

        // accept(), then the one recv() takes all three.
        receiver->run();
        QTRY_VERIFY_WITH_TIMEOUT(!receiverOutput.isEmpty(), kWaitMs);
        QCOMPARE(texts(receiverOutput).first(), QStringLiteral("recv -> b'first message\\nsecond\\nand the third one\\n'"));
        views.tick();
        QVERIFY(rowsIn(table, QStringLiteral("CLOSE_WAIT"), kernelOwner()).isEmpty());
        session.stopAll();
    }
};

QTEST_MAIN(TestLessonViews)
#include "tst_lessonviews.moc"
