// tst_kernelonlyrows: the socket table's rows for sockets only the kernel has, fed through
// the window's live views from a lab's RunFeed on real loopback sockets: after the server
// closed first and every socket of the lab is gone, a TIME_WAIT row on the server's address,
// owned by no program, its time left counting down tick by tick; and the rows of the lab's
// own sockets stay first and unchanged.
#include "CoreTestSupport.h"

#include <LiveViews.h>
#include <RunFeed.h>
#include <SocketTableModel.h>
#include <SocketTableView.h>

#include <Socket.h>
#include <SocketRegistry.h>
#include <SocketText.h>
#include <TraceStream.h>

#include <QtTest>

#include <memory>
#include <sys/socket.h>

using namespace socketlab;

namespace {

constexpr int kWaitMs = 10000;

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

// The table's row whose TCP state column says state, or -1.
int rowInState(const QAbstractItemModel *model, const QString &state)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (cell(model, row, SocketTableModel::TcpState) == state)
            return row;
    return -1;
}

} // namespace

class TestKernelOnlyRows : public QObject {
    Q_OBJECT

private slots:
    void timeWaitRowAfterTheServerIsGone()
    {
        auto trace = std::make_shared<TraceStream>();
        auto registry = std::make_shared<SocketRegistry>();
        RunFeed feed(trace, registry);
        LiveViews views;
        views.open(feed);
        const QAbstractItemModel *table = views.view<SocketTableView>()->model();

        Socket listener = Socket::create(AF_INET, SOCK_STREAM, 0, {trace, nullptr, registry, "server"}).value();
        QVERIFY(listener.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        QVERIFY(listener.bind(SocketAddress::loopback(AF_INET, 0)));
        QVERIFY(listener.listen(5));
        const SocketAddress server = listener.getSockName().value();
        Socket client = Socket::create(AF_INET, SOCK_STREAM, 0, {trace, nullptr, registry, "client"}).value();
        QVERIFY(client.connect(server));
        Accepted accepted = listener.accept().value();
        views.tick();
        QCOMPARE(table->rowCount(), 3);  // the lab's own: listener, client, accepted
        QCOMPARE(rowInState(table, QStringLiteral("TIME_WAIT")), -1);

        QVERIFY(accepted.socket.close());  // the server closes first, and exits
        QVERIFY(listener.close());
        auto end = client.recv(16);
        QVERIFY(end && end->empty());
        QVERIFY(client.close());
        registry->clear();  // long after: the lab's records are gone (a Reset does the same)

        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT((views.tick(), (row = rowInState(table, QStringLiteral("TIME_WAIT"))) >= 0), kWaitMs);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(cell(table, row, SocketTableModel::Owner), SocketTableModel::tr("(kernel)"));
        QCOMPARE(cell(table, row, SocketTableModel::Local), SocketText::endpointText(server));
        QCOMPARE(cell(table, row, SocketTableModel::Descriptor), QStringLiteral("–"));
        const QString first = cell(table, row, SocketTableModel::State);
        QVERIFY2(first.startsWith(SocketTableModel::tr("no program: gone in %1").arg(QString()).trimmed()), qPrintable(first));
        // It counts down from tick to tick.
        QTRY_VERIFY_WITH_TIMEOUT((views.tick(), cell(table, row, SocketTableModel::State) != first), kWaitMs);

        views.close();
        QCOMPARE(table->rowCount(), 0);
    }
};

QTEST_MAIN(TestKernelOnlyRows)
#include "tst_kernelonlyrows.moc"
