// tst_exercisecheck: an exercise's check runs the lab on real loopback sockets with the
// learner's answer and judges it from what happened: the concurrency lab's "serve a second
// client while the first stays silent" fails under TCPServer with its own message and passes
// under ThreadingTCPServer and ForkingTCPServer; faults of a variant reach the panes; a
// malformed exercise is refused at load with its place; a refused answer is reported.
#include <ExerciseCheck.h>
#include <LabLoader.h>

#include <socketserver/ForkHelper.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int kCheckMs = 60000;  // a check of a few steps takes a second or two; sanitizers are slower

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// The exercise under test, as a teacher would write it in lab.json.
const char kServeSecond[] = R"({
  "id": "serve-second",
  "title": { "en": "Serve a second client", "zh_CN": "服务第二个客户端" },
  "task": { "en": "Client 1 connects and says nothing. Choose the server class so that client 2 is served all the same.",
            "zh_CN": "客户端 1 连上后一言不发。选择服务器类，让客户端 2 照样得到服务。" },
  "script": [
    { "start": "server" },
    { "waitFor": { "pane": "server", "published": "port" } },
    { "start": "client1" },
    { "waitFor": { "pane": "client1", "state": "input" } },
    { "start": "client2" },
    { "waitFor": { "pane": "client2", "state": "input" } },
    { "input": "client2", "line": "hello" },
    { "expect": { "pane": "client2", "printed": "\\] hello$" }, "within": 3000, "property": "second-served",
      "fail": { "en": "Client 2 got no reply while client 1 stayed silent.", "zh_CN": "客户端 1 不说话时，客户端 2 没有得到回复。" } },
    { "expect": { "pane": "client1", "state": "input" }, "property": "first-still-waiting",
      "fail": { "en": "Client 1 should still be connected and waiting.", "zh_CN": "客户端 1 应该仍然连着，在等待输入。" } }
  ],
  "properties": [
    { "id": "no-server-error", "check": { "pane": "server", "noError": true },
      "fail": { "en": "The server reported an error.", "zh_CN": "服务器报告了错误。" } }
  ],
  "hints": [ { "en": "Who runs handle() while client 1 is silent?", "zh_CN": "客户端 1 不说话时，是谁在运行 handle()？" },
             { "en": "ThreadingTCPServer gives each connection a thread of its own.", "zh_CN": "ThreadingTCPServer 给每个连接一个自己的线程。" } ]
})";

// The concurrency lab with extra exercises, in a folder of the test's own.
std::optional<LabDefinition> labWith(const QTemporaryDir &root, const QJsonArray &exercises, QList<LabError> &errors)
{
    const QDir from(LabCatalog::builtInRoot() + QStringLiteral("/socketserver-concurrency"));
    const QString dir = root.path() + QStringLiteral("/socketserver-concurrency");
    QDir().mkpath(dir);
    for (const QString &name : from.entryList(QDir::Files)) {
        QFile::remove(dir + QLatin1Char('/') + name);
        QFile::copy(from.filePath(name), dir + QLatin1Char('/') + name);
        QFile::setPermissions(dir + QLatin1Char('/') + name, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QFile json(dir + QStringLiteral("/lab.json"));
    if (!json.open(QIODevice::ReadWrite))
        return std::nullopt;
    QJsonObject lab = QJsonDocument::fromJson(json.readAll()).object();
    lab.insert(QStringLiteral("exercises"), exercises);
    json.resize(0);
    json.write(QJsonDocument(lab).toJson());
    json.close();
    return LabLoader::load(dir, errors);
}

} // namespace

class TestExerciseCheck : public QObject {
    Q_OBJECT

private slots:
    void serverClassDecides_data();
    void serverClassDecides();
    void variantsInjectFaults();
    void refusedAnswerIsReported();
    void malformedExerciseRefused_data();
    void malformedExerciseRefused();
};

void TestExerciseCheck::serverClassDecides_data()
{
    QTest::addColumn<QString>("serverClass");
    QTest::addColumn<bool>("passes");
    QTest::newRow("TCPServer serves one at a time") << QStringLiteral("TCPServer") << false;
    QTest::newRow("ThreadingTCPServer") << QStringLiteral("ThreadingTCPServer") << true;
    QTest::newRow("ForkingTCPServer") << QStringLiteral("ForkingTCPServer") << true;
}

void TestExerciseCheck::serverClassDecides()
{
    QFETCH(QString, serverClass);
    QFETCH(bool, passes);
    QTemporaryDir root;
    QList<LabError> errors;
    const std::optional<LabDefinition> lab = labWith(root, QJsonArray{parse(kServeSecond)}, errors);
    QVERIFY2(lab, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    QCOMPARE(lab->exercises.size(), qsizetype(1));

    ExerciseCheck check(*lab, lab->exercises.first(), {{QStringLiteral("server.server"), serverClass}});
    QSignalSpy finished(&check, &ExerciseCheck::finished);
    check.start();
    QVERIFY(finished.wait(kCheckMs));
    const QStringList report = check.report(QStringLiteral("en"));
    QCOMPARE(check.passed(), passes);
    QCOMPARE(report.size(), 3);  // two expectations of the script and one property
    if (passes) {
        QCOMPARE(report, QStringList({QStringLiteral("PASS second-served"), QStringLiteral("PASS first-still-waiting"),
                                      QStringLiteral("PASS no-server-error")}));
    } else {
        QVERIFY2(report.at(0).startsWith(QStringLiteral("FAIL second-served: Client 2 got no reply while client 1 stayed silent. (")),
                 qPrintable(report.at(0)));
        QCOMPARE(report.at(1), QStringLiteral("PASS first-still-waiting"));
        // In Chinese, the exercise's own Chinese message.
        QVERIFY(check.report(QStringLiteral("zh_CN")).at(0).contains(QStringLiteral("客户端 2 没有得到回复")));
    }
}

void TestExerciseCheck::variantsInjectFaults()
{
    // A connect refused by an injected fault fails the run under that variant only.
    QJsonObject exercise = parse(R"({
      "id": "connects",
      "title": { "en": "t", "zh_CN": "t" }, "task": { "en": "t", "zh_CN": "t" },
      "variants": [ { "name": "clean" }, { "name": "refused", "faults": { "client1": { "refuseConnects": 1 } } } ],
      "script": [ { "start": "server" }, { "waitFor": { "pane": "server", "published": "port" } },
                  { "endInput": "client1" }, { "start": "client1" }, { "waitFor": { "pane": "client1", "state": "ended" } } ],
      "properties": [ { "id": "connected", "check": { "pane": "client1", "call": "connect" },
                        "fail": { "en": "no connection", "zh_CN": "没有连接" } },
                      { "id": "refused-seen", "check": { "pane": "client1", "call": "connect", "outcome": "failed", "errno": "ECONNREFUSED" },
                        "fail": { "en": "no refusal", "zh_CN": "没有被拒绝" } } ],
      "hints": [ { "en": "a", "zh_CN": "甲" }, { "en": "b", "zh_CN": "乙" } ]
    })");
    QTemporaryDir root;
    QList<LabError> errors;
    const std::optional<LabDefinition> lab = labWith(root, QJsonArray{exercise}, errors);
    QVERIFY2(lab, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    ExerciseCheck check(*lab, lab->exercises.first(), {});
    QSignalSpy finished(&check, &ExerciseCheck::finished);
    check.start();
    QVERIFY(finished.wait(kCheckMs));
    // Clean: client1 connects, finds no input and ends. Refused: its connect fails at once.
    QCOMPARE(check.report(QStringLiteral("en")),
             QStringList({QStringLiteral("PASS connected [clean]"),
                          QStringLiteral("FAIL refused-seen [clean]: no refusal (client1 made 0 such connect() calls)"),
                          QStringLiteral("FAIL connected [refused]: no connection (client1 made 0 such connect() calls)"),
                          QStringLiteral("PASS refused-seen [refused]")}));
}

void TestExerciseCheck::refusedAnswerIsReported()
{
    QTemporaryDir root;
    QList<LabError> errors;
    const std::optional<LabDefinition> lab = labWith(root, QJsonArray{parse(kServeSecond)}, errors);
    QVERIFY(lab);
    ExerciseCheck check(*lab, lab->exercises.first(), {{QStringLiteral("server.server"), QStringLiteral("AsyncioServer")}});
    QSignalSpy finished(&check, &ExerciseCheck::finished);
    check.start();
    QVERIFY(finished.wait(kCheckMs));
    QVERIFY(!check.passed());
    const QStringList report = check.report(QStringLiteral("en"));
    QVERIFY2(report.first().startsWith(QStringLiteral("FAIL answer: The answer cannot be used: server must be one of")),
             qPrintable(report.first()));
}

void TestExerciseCheck::malformedExerciseRefused_data()
{
    QTest::addColumn<QString>("path");   // what to break, as "key=json"
    QTest::addColumn<QString>("place");  // where the error must point
    QTest::newRow("unknown pane") << QStringLiteral("script.0={\"start\": \"nobody\"}") << QStringLiteral("exercises[0].script[0].start");
    QTest::newRow("two verbs") << QStringLiteral("script.0={\"start\": \"server\", \"stop\": \"server\"}") << QStringLiteral("exercises[0].script[0]");
    QTest::newRow("bad regex") << QStringLiteral("script.7={\"expect\": {\"pane\": \"client2\", \"printed\": \"(\"}, \"property\": \"p\", \"fail\": {\"en\": \"x\"}}")
                               << QStringLiteral("exercises[0].script[7].expect.printed");
    QTest::newRow("unknown call") << QStringLiteral("properties.0={\"id\": \"x\", \"check\": {\"pane\": \"server\", \"call\": \"acept\"}, \"fail\": {\"en\": \"x\"}}")
                                  << QStringLiteral("exercises[0].properties[0].check.call");
    QTest::newRow("one hint") << QStringLiteral("hints=[{\"en\": \"only\"}]") << QStringLiteral("exercises[0].hints");
    QTest::newRow("fixed names nothing") << QStringLiteral("fixed={\"server.nothing\": 1}") << QStringLiteral("exercises[0].fixed.server.nothing");
}

void TestExerciseCheck::malformedExerciseRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, place);
    QJsonObject exercise = parse(kServeSecond);
    const QString key = path.section(QLatin1Char('='), 0, 0);
    const QJsonValue value = QJsonDocument::fromJson(("[" + path.section(QLatin1Char('='), 1) + "]").toUtf8()).array().at(0);
    if (key.contains(QLatin1Char('.'))) {
        QJsonArray list = exercise.value(key.section(QLatin1Char('.'), 0, 0)).toArray();
        const int index = key.section(QLatin1Char('.'), 1).toInt();
        list.replace(index, value);
        exercise.insert(key.section(QLatin1Char('.'), 0, 0), list);
    } else {
        exercise.insert(key, value);
    }
    QTemporaryDir root;
    QList<LabError> errors;
    QVERIFY(!labWith(root, QJsonArray{exercise}, errors));
    QStringList places;
    for (const LabError &e : errors)
        places << e.place;
    QVERIFY2(places.contains(place), qPrintable(places.join(QLatin1Char('\n'))));
}

int main(int argc, char **argv)
{
    socketlab::socketserver::ForkHelper::startFromMain();  // before Qt starts any thread
    QCoreApplication app(argc, argv);
    TestExerciseCheck test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_exercisecheck.moc"
