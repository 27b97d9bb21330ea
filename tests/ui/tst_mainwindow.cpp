// tst_mainwindow: the window driven as a learner would, offscreen: Run all, typing into the
// client's input line, the socket table's rows and states, the marked listing line, and
// Reset while the server is blocked, which empties the table within a second.
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <MainWindow.h>
#include <PaneRunner.h>
#include <PaneView.h>
#include <SocketTableModel.h>

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QtTest>

using namespace socketlab;
using State = PaneRunner::State;

namespace {
constexpr int kWaitMs = 10000;
constexpr int kPromptlyMs = 1000;

QStringList column(const SocketTableModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTests"));  // keep the user's settings out
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

        window.runAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(clientView->input()->isEnabled(), kWaitMs);  // the client waits at input()
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

        // The marked listing line is the server's recv line.
        const QList<QTextEdit::ExtraSelection> marks = serverView->listing()->extraSelections();
        QCOMPARE(marks.size(), 1);
        QVERIFY(marks.first().cursor.block().text().contains(QStringLiteral(".recv(")));

        // Reset while blocked: every pane stops, the table empties, within a second.
        QElapsedTimer clock;
        clock.start();
        window.resetAction()->trigger();
        QVERIFY(!serverView->runner()->isActive() && !clientView->runner()->isActive());
        window.refreshViews();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY2(clock.elapsed() < kPromptlyMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(clientView->console()->toPlainText().isEmpty());
        QCOMPARE(window.session()->registry()->openCount(), std::size_t(0));
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
