// tst_playgroundpanel: the playground panel as a learner uses it, on real loopback sockets:
// New socket lists s1 in the socket picker; bind's argument fields follow the chosen method;
// a call shows its Python line, the C call and the error as Python prints it in the history;
// a refused argument leaves the history as it was and says why; a closed socket stays
// pickable, marked, and answers with Errno 9; Save as Python writes the file.
#include <LabLoader.h>
#include <LabSession.h>
#include <PlaygroundPanel.h>
#include <UiLanguage.h>
#include <playground/PlaygroundEngine.h>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

class TestPlaygroundPanel : public QObject {
    Q_OBJECT
private slots:
    void aLearnerMakesASocketAndCalls();
};

void TestPlaygroundPanel::aLearnerMakesASocketAndCalls()
{
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    LabSession session(*catalog.find(QStringLiteral("socket-object")));
    PlaygroundEngine engine(&session);
    PlaygroundPanel panel(&engine);
    panel.show();

    QVERIFY(panel.makeSocket());
    QTRY_COMPARE_WITH_TIMEOUT(panel.socketBox()->currentText(), QStringLiteral("s1"), 20000);
    panel.chooseMethod(QStringLiteral("accept"));
    QCOMPARE(panel.argumentFields().size(), 0);
    QVERIFY(panel.callChosen());
    QTRY_VERIFY_WITH_TIMEOUT(!engine.isBusy(), 20000);
    const QString shown = panel.historyList()->item(1)->text();
    QVERIFY2(shown.startsWith(QLatin1String(">>> conn1, addr = s1.accept()")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("accept4(")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QLatin1String("OSError: [Errno 22] Invalid argument")), qPrintable(shown));

    panel.chooseMethod(QStringLiteral("bind"));
    QCOMPARE(panel.argumentFields().size(), 1);
    panel.setArgument(0, QStringLiteral("('127.0.0.1', 99999)"));
    QVERIFY(!panel.callChosen());
    QVERIFY(!panel.noteLabel()->text().isEmpty());
    QCOMPARE(panel.historyList()->count(), 2);

    // A closed socket stays in the picker, marked, so the learner can meet Errno 9.
    panel.chooseMethod(QStringLiteral("close"));
    QVERIFY(panel.callChosen());
    QTRY_VERIFY_WITH_TIMEOUT(panel.socketBox()->currentText() != QLatin1String("s1"), 20000);
    QCOMPARE(panel.socketBox()->currentData().toString(), QStringLiteral("s1"));
    panel.chooseMethod(QStringLiteral("getsockname"));
    QVERIFY(panel.callChosen());
    QTRY_VERIFY_WITH_TIMEOUT(!engine.isBusy(), 20000);
    QVERIFY2(panel.historyList()->item(panel.historyList()->count() - 1)->text().endsWith(
                 QLatin1String("OSError: [Errno 9] Bad file descriptor")),
             qPrintable(panel.historyList()->item(panel.historyList()->count() - 1)->text()));

    QTemporaryDir dir;
    QVERIFY(panel.saveTo(dir.filePath(QStringLiteral("calls.py"))));
    QFile saved(dir.filePath(QStringLiteral("calls.py")));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll().contains("conn1, addr = s1.accept()"));

    // A language switch says every word again, the closed socket's mark too.
    const auto buttonTexts = [&] {
        QStringList texts;
        for (const QPushButton *b : panel.findChildren<QPushButton *>())
            texts << b->text();
        return texts;
    };
    QVERIFY(buttonTexts().contains(QStringLiteral("New socket")));
    UiLanguage::install(QStringLiteral("zh_CN"));
    QTRY_VERIFY(buttonTexts().contains(QStringLiteral("新建套接字")));
    QCOMPARE(panel.socketBox()->currentText(), QStringLiteral("s1（已关闭）"));
    UiLanguage::install(QStringLiteral("en"));
    QTRY_VERIFY(buttonTexts().contains(QStringLiteral("New socket")));
    session.stopAll();
}

QTEST_MAIN(TestPlaygroundPanel)
#include "tst_playgroundpanel.moc"
