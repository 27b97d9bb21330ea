// tst_predictions: a prediction stops its pane before the step even while the lab runs,
// waits for the learner's answer, lets the pane go on as it ran, and reveals what really
// happened on the sockets: the bytes recv() returned, whether accept() blocked, the
// exception connect() raised, the client socket's TCP state; a skip is recorded as such;
// a fixed answer is compared as given; a prediction naming a step its pane lacks is refused.
#include <LabLoader.h>
#include <LabSession.h>
#include <PredictionTracker.h>
#include <Socket.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace {

constexpr int kWaitMs = 10000;

QJsonObject question(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// The tcp-timestamp lab with these predictions, from a folder of the test's own.
std::optional<LabDefinition> labWith(const QTemporaryDir &root, const QJsonArray &predictions, QList<LabError> &errors)
{
    const QDir from(LabCatalog::builtInRoot() + QStringLiteral("/tcp-timestamp"));
    const QString dir = root.path() + QStringLiteral("/tcp-timestamp");
    QDir().mkpath(dir);
    for (const QString &name : from.entryList(QDir::Files)) {
        QFile::copy(from.filePath(name), dir + QLatin1Char('/') + name);
        QFile::setPermissions(dir + QLatin1Char('/') + name, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QFile json(dir + QStringLiteral("/lab.json"));
    if (!json.open(QIODevice::ReadWrite))
        return std::nullopt;
    QJsonObject lab = QJsonDocument::fromJson(json.readAll()).object();
    lab.insert(QStringLiteral("predictions"), predictions);
    json.resize(0);
    json.write(QJsonDocument(lab).toJson());
    json.close();
    return LabLoader::load(dir, errors);
}

// A session that runs as the window runs it: full speed, the feed ticking on a timer.
struct Running {
    explicit Running(const LabDefinition &lab) : session(lab), tracker(session)
    {
        session.setDelayMs(0);
        session.pane(QStringLiteral("server"))->setParam(QStringLiteral("port"), QStringLiteral("0"));
        for (PaneRunner *p : session.panes())
            p->setEchoInput(false);
        QObject::connect(&ticker, &QTimer::timeout, [this] { session.feed().tick(); });
        ticker.start(10);
    }
    LabSession session;
    PredictionTracker tracker;
    QTimer ticker;
};

} // namespace

class TestPredictions : public QObject {
    Q_OBJECT

private slots:
    void recvReturnsWhatArrived();
    void acceptBlocksRevealedWhileBlocked();
    void connectRaisesWithoutServer();
    void tcpStateAfterConnect();
    void skippedAndFixedAnswers();
    void predictionOnAStepThePaneLacksIsRefused();
};

void TestPredictions::recvReturnsWhatArrived()
{
    QTemporaryDir root;
    QList<LabError> errors;
    const auto lab = labWith(root, QJsonArray{question(R"json({
        "id": "recv-bytes", "pane": "server", "before": "recv", "observe": "returned",
        "question": { "en": "How many bytes will this recv() return?", "zh_CN": "这次 recv() 会返回多少字节？" },
        "explain": { "en": "What the kernel held.", "zh_CN": "内核里有多少就返回多少。" } })json")}, errors);
    QVERIFY2(lab, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    Running run(*lab);
    QSignalSpy asked(&run.tracker, &PredictionTracker::asked);
    QSignalSpy revealed(&run.tracker, &PredictionTracker::revealed);
    PaneRunner *server = run.session.pane(QStringLiteral("server"));
    PaneRunner *client = run.session.pane(QStringLiteral("client"));
    QSignalSpy printed(client, &PaneRunner::output);
    client->sendInput(QStringLiteral("hello"));
    run.session.runAll();

    QVERIFY(asked.wait(kWaitMs));
    QCOMPARE(run.tracker.pending()->id, QStringLiteral("recv-bytes"));
    QTRY_COMPARE_WITH_TIMEOUT(server->state(), PaneRunner::State::Paused, kWaitMs);  // held though running
    QCOMPARE(server->currentStep(), QStringLiteral("recv"));
    QCOMPARE(revealed.count(), 0);
    run.tracker.answer(5);
    QTRY_COMPARE_WITH_TIMEOUT(revealed.count(), 1, kWaitMs);
    const auto outcome = revealed.at(0).at(1).value<PredictionOutcome>();
    QCOMPARE(outcome.observed, QStringLiteral("5"));  // the five bytes of "hello"
    QVERIFY(outcome.right);
    QVERIFY(!outcome.skipped);
    // The server goes on running as it ran: it answers, and the client prints the reply.
    QTRY_COMPARE_WITH_TIMEOUT(printed.count(), 1, kWaitMs);
    QVERIFY2(printed.first().at(0).toString().endsWith(QStringLiteral("] hello")), qPrintable(printed.first().at(0).toString()));
    QVERIFY(!run.tracker.pending());  // asked once: the first recv only
}

void TestPredictions::acceptBlocksRevealedWhileBlocked()
{
    QTemporaryDir root;
    QList<LabError> errors;
    const auto lab = labWith(root, QJsonArray{question(R"json({
        "id": "accept-blocks", "pane": "server", "before": "accept", "observe": "blocked",
        "question": { "en": "No client yet: does accept() return?", "zh_CN": "还没有客户端：accept() 会返回吗？" },
        "choices": [ { "text": { "en": "It returns at once", "zh_CN": "立刻返回" }, "value": "no" },
                     { "text": { "en": "It waits for a client", "zh_CN": "等待客户端" }, "value": "yes" } ],
        "explain": { "en": "It blocks.", "zh_CN": "它会阻塞。" } })json")}, errors);
    QVERIFY2(lab, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    Running run(*lab);
    QSignalSpy asked(&run.tracker, &PredictionTracker::asked);
    QSignalSpy revealed(&run.tracker, &PredictionTracker::revealed);
    run.session.pane(QStringLiteral("server"))->start();  // no client at all
    QVERIFY(asked.wait(kWaitMs));
    run.tracker.answer(0);  // a wrong belief: accept() returns at once
    QTRY_COMPARE_WITH_TIMEOUT(revealed.count(), 1, kWaitMs);
    const auto outcome = revealed.at(0).at(1).value<PredictionOutcome>();
    QCOMPARE(outcome.observed, QStringLiteral("yes"));
    QCOMPARE(outcome.rightChoice, 1);
    QVERIFY(!outcome.right);
    QCOMPARE(run.session.pane(QStringLiteral("server"))->blockedIn(), socketlab::TraceCall::Accept);  // revealed while it waits
}

void TestPredictions::connectRaisesWithoutServer()
{
    QTemporaryDir root;
    QList<LabError> errors;
    const auto lab = labWith(root, QJsonArray{question(R"json({
        "id": "refused", "pane": "client", "before": "connect", "observe": "raised",
        "question": { "en": "No server: what does connect() do?", "zh_CN": "没有服务器：connect() 会怎样？" },
        "choices": [ { "text": { "en": "It waits", "zh_CN": "等待" }, "value": "nothing" },
                     { "text": { "en": "ConnectionRefusedError", "zh_CN": "ConnectionRefusedError" }, "value": "ConnectionRefusedError" } ],
        "explain": { "en": "Refused.", "zh_CN": "被拒绝。" } })json")}, errors);
    QVERIFY(lab);
    Running run(*lab);
    // A port nothing listens on.
    auto s = socketlab::Socket::create(AF_INET, SOCK_STREAM, 0);
    QVERIFY(s && s->bind(socketlab::SocketAddress::loopback(AF_INET, 0)));
    const int port = s->getSockName()->port();
    QVERIFY(s->close());
    PaneRunner *client = run.session.pane(QStringLiteral("client"));
    QVERIFY(client->setParam(QStringLiteral("port"), QString::number(port)).isEmpty());
    QSignalSpy asked(&run.tracker, &PredictionTracker::asked);
    QSignalSpy revealed(&run.tracker, &PredictionTracker::revealed);
    client->start();
    QVERIFY(asked.wait(kWaitMs));
    run.tracker.answer(1);
    QTRY_COMPARE_WITH_TIMEOUT(revealed.count(), 1, kWaitMs);
    const auto outcome = revealed.at(0).at(1).value<PredictionOutcome>();
    QCOMPARE(outcome.observed, QStringLiteral("ConnectionRefusedError"));
    QVERIFY(outcome.right);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), PaneRunner::State::Failed, kWaitMs);
}

void TestPredictions::tcpStateAfterConnect()
{
    QTemporaryDir root;
    QList<LabError> errors;
    const auto lab = labWith(root, QJsonArray{question(R"json({
        "id": "state", "pane": "client", "before": "connect", "observe": "tcp-state",
        "question": { "en": "The server has not called accept() yet. Which state will the client's socket be in?",
                      "zh_CN": "服务器还没有调用 accept()。客户端套接字会处于什么状态？" },
        "choices": [ { "text": { "en": "SYN_SENT: waiting for accept()", "zh_CN": "SYN_SENT：等待 accept()" }, "value": "SYN_SENT" },
                     { "text": { "en": "ESTABLISHED", "zh_CN": "ESTABLISHED" }, "value": "ESTABLISHED" } ],
        "explain": { "en": "The kernel completed the handshake.", "zh_CN": "内核已经完成了握手。" } })json")}, errors);
    QVERIFY(lab);
    Running run(*lab);
    PaneRunner *server = run.session.pane(QStringLiteral("server"));
    PaneRunner *client = run.session.pane(QStringLiteral("client"));
    // The server stops before accept(): the connection can only wait in the queue.
    server->gate().setMode(StepGate::Mode::Step);
    server->start();
    QSignalSpy published(server, &PaneRunner::published);
    QSignalSpy steps(server, &PaneRunner::stepReached);
    for (int i = 0; i < 10 && server->currentStep() != QStringLiteral("print-waiting"); ++i) {  // the step after listen()
        QTRY_VERIFY_WITH_TIMEOUT(server->canStep(), kWaitMs);
        const qsizetype before = steps.count();
        server->step();
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() > before, kWaitMs);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!published.isEmpty(), kWaitMs);  // listening; it has not reached accept()
    QVERIFY(server->currentStep() != QStringLiteral("accept"));
    QSignalSpy asked(&run.tracker, &PredictionTracker::asked);
    QSignalSpy revealed(&run.tracker, &PredictionTracker::revealed);
    client->start();  // its port follows the server's
    QVERIFY(asked.wait(kWaitMs));
    run.tracker.answer(0);
    QTRY_COMPARE_WITH_TIMEOUT(revealed.count(), 1, kWaitMs);
    const auto outcome = revealed.at(0).at(1).value<PredictionOutcome>();
    QCOMPARE(outcome.observed, QStringLiteral("ESTABLISHED"));
    QCOMPARE(outcome.rightChoice, 1);
    QVERIFY(!outcome.right);
}

void TestPredictions::skippedAndFixedAnswers()
{
    QTemporaryDir root;
    QList<LabError> errors;
    const auto lab = labWith(root, QJsonArray{
        question(R"json({ "id": "fixed", "pane": "server", "before": "listen", "answer": 1,
            "question": { "en": "What does listen()'s number limit?", "zh_CN": "listen() 的数字限制的是什么？" },
            "choices": [ { "text": { "en": "The clients", "zh_CN": "客户端数" } }, { "text": { "en": "The accept queue", "zh_CN": "accept 队列" } } ],
            "explain": { "en": "The queue.", "zh_CN": "队列。" } })json"),
        question(R"json({ "id": "skipped", "pane": "server", "before": "accept", "observe": "blocked",
            "question": { "en": "?", "zh_CN": "？" }, "choices": [ { "text": { "en": "no", "zh_CN": "否" }, "value": "no" },
            { "text": { "en": "yes", "zh_CN": "是" }, "value": "yes" } ], "explain": { "en": ".", "zh_CN": "。" } })json")}, errors);
    QVERIFY2(lab, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    Running run(*lab);
    QSignalSpy asked(&run.tracker, &PredictionTracker::asked);
    QSignalSpy revealed(&run.tracker, &PredictionTracker::revealed);
    run.session.pane(QStringLiteral("server"))->start();
    QVERIFY(asked.wait(kWaitMs));
    QCOMPARE(run.tracker.pending()->id, QStringLiteral("fixed"));
    run.tracker.answer(1);
    QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 2, kWaitMs);  // it ran on to the next question
    QCOMPARE(run.tracker.pending()->id, QStringLiteral("skipped"));
    run.tracker.skip();
    QTRY_COMPARE_WITH_TIMEOUT(revealed.count(), 2, kWaitMs);
    const auto fixed = revealed.at(0).at(1).value<PredictionOutcome>();
    QVERIFY(fixed.right);
    QCOMPARE(fixed.rightChoice, 1);
    const auto skipped = revealed.at(1).at(1).value<PredictionOutcome>();
    QVERIFY(skipped.skipped);
    QVERIFY(!skipped.right);
    QCOMPARE(skipped.observed, QStringLiteral("yes"));  // shown all the same
}

void TestPredictions::predictionOnAStepThePaneLacksIsRefused()
{
    QTemporaryDir root;
    QList<LabError> errors;
    QVERIFY(!labWith(root, QJsonArray{question(R"json({ "id": "x", "pane": "client", "before": "accept", "answer": 0,
        "question": { "en": "?", "zh_CN": "？" }, "choices": [ { "text": { "en": "a", "zh_CN": "甲" } }, { "text": { "en": "b", "zh_CN": "乙" } } ],
        "explain": { "en": ".", "zh_CN": "。" } })json")}, errors));
    QCOMPARE(errors.size(), qsizetype(1));
    QCOMPARE(errors.first().place, QStringLiteral("predictions[0].before"));
    QVERIFY(errors.first().message.contains(QStringLiteral("\"accept\"")));
}

QTEST_GUILESS_MAIN(TestPredictions)
#include "tst_predictions.moc"
