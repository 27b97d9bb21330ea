// tst_observemode: observe mode in the window (offscreen), on a server in another process
// (python3): File → Observe a port or process… offers the server's listening port, refuses
// a port that is not one without closing, and opens observe mode, whose socket table shows
// the server's rows (LISTEN with its accept queue, the unread bytes, the process) under the
// banner while the lab's commands wait; Stop observing returns to the lesson that was open.
#include "ObservedServer.h"
#include "UiTestSupport.h"

#include <ObserveBanner.h>
#include <ObserveDialog.h>
#include <SelfStudy.h>
#include <SocketTableModel.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolBar>

using testsupport::kObservedUnreadBytes;
using testsupport::ObservedServer;

namespace {

// The socket table's rows as text, one string per row, columns joined by '|'.
QStringList tableRows(SocketTableModel *model)
{
    QStringList rows;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model->columnCount(); ++c)
            cells << model->index(r, c).data().toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

bool anyRow(const QStringList &rows, const QStringList &parts)
{
    for (const QString &row : rows) {
        if (std::all_of(parts.begin(), parts.end(), [&](const QString &p) { return row.contains(p); }))
            return true;
    }
    return false;
}

} // namespace

class TestObserveMode : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { uitest::keepSettingsApart("tst_observemode"); }
    void observesFromTheMenuAndStops();
};

void TestObserveMode::observesFromTheMenuAndStops()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the observed server");
    ObservedServer server;
    QVERIFY2(server.ready(), qPrintable(server.diagnostics()));
    const QString port = QString::number(server.port());
    const LabCatalog catalog = uitest::builtInCatalog();
    auto window = uitest::openWindow(catalog, QStringLiteral("tcp-timestamp"));

    // The dialog: the server's port is offered; "0" is refused with the reason, the dialog
    // stays; the offered port is taken.
    bool offered = false;
    QString refusal;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ObserveDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        for (int i = 0; i < dialog->choice()->count(); ++i)
            offered = offered || (dialog->choice()->itemData(i).toString() == port && dialog->choice()->itemText(i).contains(QStringLiteral("python3")));
        dialog->choice()->setEditText(QStringLiteral("0"));
        dialog->accept();
        refusal = dialog->problem();
        dialog->choice()->setEditText(port);
        dialog->accept();
    });
    window->observeAction()->trigger();
    QVERIFY2(offered, "the dialog offers the server's listening port with its process");
    QVERIFY2(refusal.contains(QStringLiteral("is not a port")), qPrintable(refusal));
    QVERIFY(window->isObserving());
    QVERIFY(window->observeBanner()->isVisible());
    QVERIFY(window->observeBanner()->text().contains(QStringLiteral("port ") + port));
    QVERIFY(window->paneViews().isEmpty());
    QVERIFY(!window->stepAction()->isEnabled());
    QVERIFY(!window->runAllAction()->isEnabled());
    // The closed lab's exercises are not counted on the toolbar while observing.
    QCOMPARE(window->selfStudy()->exerciseDock()->windowTitle(), QStringLiteral("Exercises"));

    SocketTableModel *model = window->socketModel();
    const QString owner = QStringLiteral("python3 (%1)").arg(server.pid());
    QTRY_VERIFY2_WITH_TIMEOUT(anyRow(tableRows(model), {owner, QStringLiteral("LISTEN"), QStringLiteral(":") + port}),
                              qPrintable(tableRows(model).join(QLatin1Char('\n'))), uitest::kWaitMs);
    QTRY_VERIFY2_WITH_TIMEOUT(anyRow(tableRows(model), {owner, QStringLiteral("ESTABLISHED"), QString::number(kObservedUnreadBytes)}),
                              qPrintable(tableRows(model).join(QLatin1Char('\n'))), uitest::kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(window->observeBanner()->text().contains(QStringLiteral("4 sockets open")), uitest::kWaitMs);
    // No call of a watched socket is seen: its bytes are unknown ("–"), not zero.
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, SocketTableModel::Owner).data().toString() != owner)
            continue;
        QCOMPARE(model->index(r, SocketTableModel::Sent).data().toString(), QStringLiteral("–"));
        QCOMPARE(model->index(r, SocketTableModel::Received).data().toString(), QStringLiteral("–"));
    }

    // The classroom layout on and off while observing: the lesson column and the timeline
    // stay away (no lesson is shown, nothing is recorded), the banner stays; the lab brings
    // them back.
    auto *timeline = window->findChild<QToolBar *>(QStringLiteral("timelineToolbar"));
    QVERIFY(timeline && !timeline->isVisible() && !window->lessonColumn()->isVisible());
    window->presentationAction()->trigger();
    window->presentationAction()->trigger();
    QVERIFY(!window->presentationAction()->isChecked());
    QVERIFY(!window->lessonColumn()->isVisible());
    QVERIFY(!timeline->isVisible());
    QVERIFY(window->observeBanner()->isVisible());

    window->observeBanner()->stopButton()->click();
    QVERIFY(!window->isObserving());
    QVERIFY(window->lessonColumn()->isVisible());
    QVERIFY(timeline->isVisible());
    QCOMPARE(window->labId(), QStringLiteral("tcp-timestamp"));
    QVERIFY(!window->paneViews().isEmpty());
    QVERIFY(window->stepAction()->isEnabled());
    QVERIFY(!window->observeBanner()->isVisible());
    QVERIFY(server.end());
}

QTEST_MAIN(TestObserveMode)
#include "tst_observemode.moc"
