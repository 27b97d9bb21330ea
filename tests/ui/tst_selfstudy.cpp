// tst_selfstudy: the self-study loop in the window, offscreen, on the built-in tcp-timestamp
// and udp-socketserver labs and real loopback sockets, as a learner meets it:
// - a prediction card holds its pane before the step until the learner commits (the server
//   does not reach accept() while its question waits); a wrong and a right answer are shown
//   as such, beside what the run did, and recorded in the progress;
// - an exercise's Check shows FAIL with the exercise's message for the lab's own values and
//   PASS once the learner changed the parameter; a fault set with the pane's Faults control is
//   part of the answer a Check runs with;
// - hints are revealed one at a time and counted;
// - progress survives a restart (through the settings) and "Reset progress of this lab"
//   (confirmed) forgets it, also for the next start; the report is written as JSON,
//   Markdown or HTML by the file's suffix.
// Settings live in a temporary folder of the test's own. SOCKETLAB_SHOTS=DIR saves pictures.
#include <ExerciseBox.h>
#include <ExercisePanel.h>
#include <FaultControl.h>
#include <LabLoader.h>
#include <LabNavigator.h>
#include <LabProgress.h>
#include <LabSession.h>
#include <MainWindow.h>
#include <PaneRunner.h>
#include <PaneView.h>
#include <PredictionCard.h>
#include <PredictionPresenter.h>
#include <PredictionTracker.h>
#include <ProgressActions.h>
#include <SelfStudy.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using socketlab::TraceCall;

namespace {

constexpr int kWaitMs = 10000;
constexpr int kCheckMs = 20000;  // a Check runs the lab afresh; a failing property waits out its "within"

void shoot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("SOCKETLAB_SHOTS");
    if (!dir.isEmpty())
        w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Answers the confirmation a reset asks, as the learner would, once it is open.
void confirmWhenAsked(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box && box->button(button))
            box->button(button)->click();
        else
            confirmWhenAsked(button);  // not open yet
    });
}

struct Window {
    Window(const LabCatalog &catalog, const QString &lab, const QString &language = QStringLiteral("en"))
        : window(catalog, language, lab)
    {
        window.resize(1280, 800);
        window.show();
        window.session()->pane(QStringLiteral("server"))->setParam(QStringLiteral("port"), QStringLiteral("0"));
    }
    PaneRunner *pane(const char *id) { return window.session()->pane(QLatin1String(id)); }
    SelfStudy &study() { return *window.selfStudy(); }
    MainWindow window;
};

} // namespace

class TestSelfStudy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_selfstudy"));
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")));
    }
    void init() { QSettings().clear(); }  // predictions asked, no progress, the panel closed

    void predictionHoldsTheRunUntilCommitted();
    void classroomQuestionFillsTheWindow();
    void exerciseCheckShowsFailThenPass();
    void faultSetOnAPaneIsPartOfTheAnswer();
    void panelReadableInA1280Window();
    void hintsRevealedOneByOneAndCounted();
    void progressSurvivesARestartAndResetForgetsIt();
    void reportExportedAsJsonMarkdownAndHtml();

private:
    QTemporaryDir m_settingsDir;
    LabCatalog m_catalog;
};

void TestSelfStudy::predictionHoldsTheRunUntilCommitted()
{
    Window w(m_catalog, QStringLiteral("tcp-timestamp"));
    QVERIFY(w.study().asksPredictions());
    PredictionPresenter *presenter = w.study().predictions();
    QVERIFY(presenter);
    w.window.runAll();

    // Both panes stop at their questions: the server before accept(), the client before connect().
    QTRY_VERIFY_WITH_TIMEOUT(presenter->card(QStringLiteral("accept-waits")), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(presenter->card(QStringLiteral("connect-state")), kWaitMs);
    PredictionCard *server = presenter->card(QStringLiteral("accept-waits"));
    PredictionCard *client = presenter->card(QStringLiteral("connect-state"));
    QVERIFY(server->isVisible() && client->isVisible());
    shoot(w.window, QStringLiteral("selfstudy-asked"));
    // The client ran all its steps up to its question meanwhile; the server is still held.
    QVERIFY(w.pane("server")->isAwaitingAnswer());
    QCOMPARE(w.pane("server")->blockedIn(), TraceCall::None);
    // Run does not pass a question by; neither does the lab's Step.
    w.pane("server")->run();
    QVERIFY(w.pane("server")->isAwaitingAnswer());
    QVERIFY(!w.pane("server")->canStep());

    // Commit needs an answer first.
    QVERIFY(!server->commitButton()->isEnabled());
    // Wrong: with the client held before connect(), accept() has nobody to take and waits.
    server->choose(1);
    QVERIFY(server->commitButton()->isEnabled());
    QTest::mouseClick(server->commitButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server->stage(), PredictionCard::Stage::Revealed, kWaitMs);
    QCOMPARE(w.pane("server")->blockedIn(), TraceCall::Accept);
    QVERIFY2(server->verdictText().contains(QStringLiteral("Not this time")), qPrintable(server->verdictText()));
    QVERIFY2(server->happenedText().contains(QStringLiteral("It waits")), qPrintable(server->happenedText()));

    // Right: connect() returns ESTABLISHED, the handshake done by the server's kernel.
    client->choose(0);
    QTest::mouseClick(client->commitButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(client->stage(), PredictionCard::Stage::Revealed, kWaitMs);
    QVERIFY2(client->verdictText().contains(QStringLiteral("Right")), qPrintable(client->verdictText()));
    QVERIFY(client->happenedText().contains(QStringLiteral("ESTABLISHED")));
    shoot(w.window, QStringLiteral("selfstudy-revealed"));

    const LabProgress::Summary s = w.window.progress()->summary(QStringLiteral("tcp-timestamp"));
    QCOMPARE(s.predictionsAnswered, 2);
    QCOMPARE(s.predictionsRight, 1);
    QCOMPARE(s.predictionsSkipped, 0);

    // Continue puts the card away; the run goes on: the client waits for its line.
    QTest::mouseClick(client->continueButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!presenter->card(QStringLiteral("connect-state")), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(w.pane("client")->state(), PaneRunner::State::WaitingForInput, kWaitMs);
}

// Presentation mode (a projector, 1920 x 1080): the question fills the window for a class
// vote; a question asked before the mode changed moves there too, and back.
void TestSelfStudy::classroomQuestionFillsTheWindow()
{
    Window w(m_catalog, QStringLiteral("tcp-timestamp"));
    w.window.resize(1920, 1080);
    w.window.presentationAction()->setChecked(true);
    PredictionPresenter *presenter = w.study().predictions();
    w.pane("server")->start();
    QTRY_VERIFY_WITH_TIMEOUT(presenter->card(QStringLiteral("accept-waits")), kWaitMs);
    PredictionCard *card = presenter->card(QStringLiteral("accept-waits"));
    QCOMPARE(card->form(), PredictionCard::Form::Classroom);
    QCOMPARE(card->parentWidget(), &w.window);
    QVERIFY(card->width() > w.window.width() * 9 / 10 && card->height() > w.window.height() * 9 / 10);
    QVERIFY(card->commitButton()->text().contains(QStringLiteral("class")));
    shoot(w.window, QStringLiteral("selfstudy-classroom"));

    w.window.presentationAction()->setChecked(false);
    QTRY_VERIFY_WITH_TIMEOUT(presenter->card(QStringLiteral("accept-waits"))
                                 && presenter->card(QStringLiteral("accept-waits"))->form() == PredictionCard::Form::AtPane, kWaitMs);
    QCOMPARE(presenter->card(QStringLiteral("accept-waits"))->parentWidget(), w.window.paneView(QStringLiteral("server")));
    QVERIFY(w.pane("server")->isAwaitingAnswer());  // still the same question, still unanswered
}

void TestSelfStudy::exerciseCheckShowsFailThenPass()
{
    Window w(m_catalog, QStringLiteral("tcp-timestamp"));
    w.study().setAskPredictions(false);
    QDockWidget *dock = w.study().exerciseDock();
    QVERIFY(!dock->isVisible());  // closed until the learner opens it
    w.study().exerciseDock()->toggleViewAction()->trigger();
    QVERIFY(dock->isVisible());
    ExerciseBox *box = w.study().exercises()->box(QStringLiteral("three-replies"));
    QVERIFY(box);

    // The lab's own BUFSIZ (1024): one recv() takes the whole line, one reply.
    QTest::mouseClick(box->checkButton(), Qt::LeftButton);
    QVERIFY(box->isChecking());
    QVERIFY(!box->checkButton()->isEnabled());  // one check at a time
    QTRY_VERIFY_WITH_TIMEOUT(!box->isChecking(), kCheckMs);
    QVERIFY2(box->resultLabel()->text().contains(QStringLiteral("✗ The server answered 'hello world' with fewer than three replies")),
             qPrintable(box->resultLabel()->text()));
    QVERIFY(box->resultLabel()->text().contains(QStringLiteral("what happened: server made 1 such send() calls")));
    QVERIFY(box->stateLabel()->text().contains(QStringLiteral("Not passed")));
    QVERIFY(!w.window.progress()->exercisePassed(QStringLiteral("tcp-timestamp"), QStringLiteral("three-replies")));
    shoot(w.window, QStringLiteral("selfstudy-exercise-fail"));

    // BUFSIZ 4: three pieces, three replies.
    QCOMPARE(w.pane("server")->setParam(QStringLiteral("bufsize"), QStringLiteral("4")), QString());
    QTest::mouseClick(box->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!box->isChecking(), kCheckMs);
    QVERIFY2(box->resultLabel()->text().contains(QStringLiteral("✓ 'hello world' (11 bytes) came out of the byte stream")),
             qPrintable(box->resultLabel()->text()));
    QVERIFY(!box->resultLabel()->text().contains(QStringLiteral("✗")));
    QVERIFY(box->resultLabel()->text().contains(QStringLiteral("bufsize")));  // what it ran with
    QVERIFY(box->title().contains(QStringLiteral("passed")));
    QVERIFY(w.window.progress()->exercisePassed(QStringLiteral("tcp-timestamp"), QStringLiteral("three-replies")));
    // The lab in the window was left alone: a check runs a session of its own.
    QCOMPARE(w.pane("server")->state(), PaneRunner::State::Idle);
    shoot(w.window, QStringLiteral("selfstudy-exercise-pass"));
}

void TestSelfStudy::faultSetOnAPaneIsPartOfTheAnswer()
{
    Window w(m_catalog, QStringLiteral("udp-socketserver"));
    ExerciseBox *box = w.study().exercises()->box(QStringLiteral("lost-datagram"));
    FaultControl *faults = w.study().faultControl(QStringLiteral("client"));
    QVERIFY(box && faults);
    QTest::mouseClick(box->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!box->isChecking(), kCheckMs);
    QVERIFY(box->resultLabel()->text().contains(QStringLiteral("✗ The client got its reply")));

    // The client's line is lost on the way, as the learner sets it in the pane's Faults.
    faults->field(QStringLiteral("dropDatagrams"))->setValue(1);
    QCOMPARE(w.pane("client")->faults().settings().dropDatagrams, 1);
    QVERIFY(faults->text().contains(QStringLiteral("1")));
    QTest::mouseClick(box->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!box->isChecking(), kCheckMs);
    QVERIFY2(!box->resultLabel()->text().contains(QStringLiteral("✗")), qPrintable(box->resultLabel()->text()));
    QVERIFY(w.window.progress()->exercisePassed(QStringLiteral("udp-socketserver"), QStringLiteral("lost-datagram")));
}

// A lab whose panes need the whole width of a 1280 x 800 window: the panel opened from the
// toolbar is wide enough to read (it floats beside the panes rather than shrink to a sliver).
void TestSelfStudy::panelReadableInA1280Window()
{
    Window w(m_catalog, QStringLiteral("udp-socketserver"));
    QDockWidget *dock = w.study().exerciseDock();
    dock->toggleViewAction()->trigger();
    const int readable = dock->fontMetrics().averageCharWidth() * 30;
    QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible() && dock->width() >= readable, kWaitMs);
    QCOMPARE(w.window.width(), 1280);  // the window did not grow off the screen for it
    QTest::mouseClick(w.study().exercises()->box(QStringLiteral("lost-datagram"))->hintButton(), Qt::LeftButton);
    shoot(*dock, QStringLiteral("selfstudy-panel"));
    shoot(w.window, QStringLiteral("selfstudy-panel-window"));
}

void TestSelfStudy::hintsRevealedOneByOneAndCounted()
{
    Window w(m_catalog, QStringLiteral("tcp-timestamp"));
    ExerciseBox *box = w.study().exercises()->box(QStringLiteral("three-replies"));
    const ExerciseDefinition &exercise = w.window.session()->lab().exercises.first();
    QVERIFY(box && exercise.hints.size() >= 2);
    const QString first = exercise.hints.at(0).en.toHtmlEscaped();
    const QString second = exercise.hints.at(1).en.toHtmlEscaped();
    QVERIFY(!box->hintLabel()->isVisible() || !box->hintLabel()->text().contains(first));

    QTest::mouseClick(box->hintButton(), Qt::LeftButton);
    QVERIFY(box->hintLabel()->text().contains(first));
    QVERIFY(!box->hintLabel()->text().contains(second));  // one at a time
    QCOMPARE(w.window.progress()->hintsShown(QStringLiteral("tcp-timestamp"), exercise.id), 1);
    QTest::mouseClick(box->hintButton(), Qt::LeftButton);
    QVERIFY(box->hintLabel()->text().contains(second));
    QCOMPARE(w.window.progress()->hintsShown(QStringLiteral("tcp-timestamp"), exercise.id), 2);
    QCOMPARE(w.window.progress()->summary(QStringLiteral("tcp-timestamp")).hintsUsed, 2);
    QVERIFY(box->hintButton()->text().contains(QStringLiteral("2 of %1").arg(exercise.hints.size())));
}

void TestSelfStudy::progressSurvivesARestartAndResetForgetsIt()
{
    const QString lab = QStringLiteral("tcp-timestamp");
    const QString exercise = QStringLiteral("three-replies");
    {
        Window w(m_catalog, lab);
        QTest::mouseClick(w.study().exercises()->box(exercise)->hintButton(), Qt::LeftButton);
        w.window.progress()->recordPrediction(lab, QStringLiteral("send-bytes"), false, true);
        w.window.close();
    }
    {
        // The next start: the hint and the prediction are still there, and the navigator says so.
        Window w(m_catalog, lab);
        QCOMPARE(w.window.progress()->hintsShown(lab, exercise), 1);
        QCOMPARE(w.window.progress()->summary(lab).predictionsRight, 1);
        QListWidget *list = w.window.navigator()->list();
        QListWidgetItem *item = nullptr;
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(LabNavigator::LabIdRole).toString() == lab)
                item = list->item(row);
        }
        QVERIFY(item && item->toolTip().contains(QStringLiteral("Hints used: 1")));

        // "No" keeps it; "Yes" forgets it.
        confirmWhenAsked(QMessageBox::No);
        w.study().resetLabAction()->trigger();
        QCOMPARE(w.window.progress()->hintsShown(lab, exercise), 1);
        confirmWhenAsked(QMessageBox::Yes);
        w.study().resetLabAction()->trigger();
        QCOMPARE(w.window.progress()->hintsShown(lab, exercise), 0);
        QCOMPARE(w.window.progress()->summary(lab).predictionsAnswered, 0);
        QVERIFY(item->toolTip().contains(QStringLiteral("Hints used: 0")));
        w.window.close();
    }
    Window w(m_catalog, lab);
    QCOMPARE(w.window.progress()->hintsShown(lab, exercise), 0);
    QCOMPARE(w.window.progress()->summary(lab).predictionsAnswered, 0);
}

// The report a teacher collects: the file's suffix chooses the format; each says what the
// learner did in the lab (an exercise passed, a hint used), under the learner's name.
void TestSelfStudy::reportExportedAsJsonMarkdownAndHtml()
{
    const QString lab = QStringLiteral("udp-timestamp");
    Window w(m_catalog, lab);
    w.window.progress()->recordExercise(lab, QStringLiteral("datagram-cut"), true);
    w.window.progress()->recordHint(lab, QStringLiteral("datagram-cut"), 1);
    QTemporaryDir dir;
    ProgressActions &actions = *w.study().progressActions();

    QVERIFY(actions.exportTo(dir.filePath(QStringLiteral("r.json")), QStringLiteral("Li Lei")));
    QFile json(dir.filePath(QStringLiteral("r.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(report.value(QStringLiteral("learner")).toString(), QStringLiteral("Li Lei"));
    QJsonObject entry;
    for (const QJsonValue &v : report.value(QStringLiteral("labs")).toArray()) {
        if (v.toObject().value(QStringLiteral("lab")).toString() == lab)
            entry = v.toObject();
    }
    QCOMPARE(entry.value(QStringLiteral("exercises")).toObject().value(QStringLiteral("passed")).toInt(), 1);
    QCOMPARE(entry.value(QStringLiteral("hintsUsed")).toInt(), 1);
    QVERIFY(entry.value(QStringLiteral("completed")).toBool());

    QVERIFY(actions.exportTo(dir.filePath(QStringLiteral("r.md")), QStringLiteral("Li Lei")));
    QFile markdown(dir.filePath(QStringLiteral("r.md")));
    QVERIFY(markdown.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(markdown.readAll());
    QVERIFY(md.startsWith(QStringLiteral("# SocketLab progress: Li Lei")));
    QVERIFY(md.contains(m_catalog.find(lab)->title.en));

    QVERIFY(actions.exportTo(dir.filePath(QStringLiteral("r.html")), QStringLiteral("Li Lei")));
    QFile html(dir.filePath(QStringLiteral("r.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(html.readAll());
    QVERIFY(page.contains(QStringLiteral("<html")) && page.contains(QStringLiteral("Li Lei")));
    // A folder that cannot be written loses nothing and says so.
    QVERIFY(!actions.exportTo(dir.filePath(QStringLiteral("no/such/folder/r.json")), QStringLiteral("Li Lei")));
}

QTEST_MAIN(TestSelfStudy)
#include "tst_selfstudy.moc"
