// tst_check: `socketlab --lab ID --check EXERCISE --set PANE.NAME=VALUE` through the built
// binary, on a teacher's lab folder (--labs-dir) whose exercise asks for a second client to be
// served while the first stays silent: one line per property, exit 0 only when all pass, 1
// when one fails, 2 for an exercise the lab does not have (the ones it has are named); the
// messages in Chinese with --lang zh_CN.
#include "SocketLabProcess.h"

#include <LabLoader.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using testsupport::SocketLabProcess;
using testsupport::SocketLabResult;

namespace {

const char kExercise[] = R"json({
  "id": "serve-second",
  "title": { "en": "Serve a second client", "zh_CN": "服务第二个客户端" },
  "task": { "en": "Choose the server class.", "zh_CN": "选择服务器类。" },
  "script": [
    { "start": "server" }, { "waitFor": { "pane": "server", "published": "port" } },
    { "start": "client1" }, { "waitFor": { "pane": "client1", "state": "input" } },
    { "start": "client2" }, { "waitFor": { "pane": "client2", "state": "input" } },
    { "input": "client2", "line": "hello" },
    { "expect": { "pane": "client2", "printed": "\\] hello$" }, "within": 3000, "property": "second-served",
      "fail": { "en": "Client 2 got no reply while client 1 stayed silent.", "zh_CN": "客户端 1 不说话时，客户端 2 没有得到回复。" } }
  ],
  "hints": [ { "en": "One", "zh_CN": "一" }, { "en": "Two", "zh_CN": "二" } ]
})json";

// A teacher's copy of the concurrency lab with the exercise, in root/socketserver-concurrency.
bool writeLab(const QString &root)
{
    const QDir from(LabCatalog::builtInRoot() + QStringLiteral("/socketserver-concurrency"));
    // Loading it also makes this test need the lab library, which holds :/labs (as a shared
    // library it would otherwise be dropped at link time, and :/labs would be empty).
    QList<LabError> errors;
    if (!LabLoader::load(from.path(), errors) || !errors.isEmpty())
        return false;
    const QString dir = root + QStringLiteral("/socketserver-concurrency");
    if (!QDir().mkpath(dir))
        return false;
    for (const QString &name : from.entryList(QDir::Files)) {
        QFile in(from.filePath(name));
        QFile out(dir + QLatin1Char('/') + name);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return false;
        QByteArray bytes = in.readAll();
        if (name == QLatin1String("lab.json")) {
            QJsonObject lab = QJsonDocument::fromJson(bytes).object();
            lab.insert(QStringLiteral("exercises"), QJsonArray{QJsonDocument::fromJson(kExercise).object()});
            bytes = QJsonDocument(lab).toJson();
        }
        out.write(bytes);
    }
    return true;
}

QString report(const SocketLabResult &r)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(r.exitCode).arg(r.out, r.err);
}

} // namespace

class TestCheck : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(writeLab(m_app.path(QStringLiteral("labs")))); }

    void passes()
    {
        const SocketLabResult r = m_app.run({QStringLiteral("--labs-dir"), m_app.path(QStringLiteral("labs")), QStringLiteral("--lab"),
                                             QStringLiteral("socketserver-concurrency"), QStringLiteral("--check"), QStringLiteral("serve-second"),
                                             QStringLiteral("--set"), QStringLiteral("server.server=ThreadingTCPServer")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(report(r)));
        QCOMPARE(r.out, QStringLiteral("PASS second-served\n"));
        // The teacher's lab replaced the built-in one of the same id, and the terminal says so.
        QVERIFY2(r.err.contains(QStringLiteral("replaces the lab \"socketserver-concurrency\"")), qPrintable(r.err));
    }

    void failsWithItsMessage()
    {
        const SocketLabResult r = m_app.run({QStringLiteral("--labs-dir"), m_app.path(QStringLiteral("labs")), QStringLiteral("--lab"),
                                             QStringLiteral("socketserver-concurrency"), QStringLiteral("--check"), QStringLiteral("serve-second"),
                                             QStringLiteral("--set"), QStringLiteral("server.server=TCPServer"), QStringLiteral("--lang"),
                                             QStringLiteral("zh_CN")});
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(report(r)));
        QVERIFY2(r.out.startsWith(QStringLiteral("FAIL second-served: 客户端 1 不说话时，客户端 2 没有得到回复。 (")), qPrintable(report(r)));
    }

    void unknownExerciseIsMisuse()
    {
        const SocketLabResult r = m_app.run({QStringLiteral("--labs-dir"), m_app.path(QStringLiteral("labs")), QStringLiteral("--lab"),
                                             QStringLiteral("socketserver-concurrency"), QStringLiteral("--check"), QStringLiteral("no-such")});
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(report(r)));
        QVERIFY2(r.err.contains(QStringLiteral("serve-second")), qPrintable(report(r)));
        QVERIFY(r.out.isEmpty());
    }

private:
    SocketLabProcess m_app;
};

QTEST_GUILESS_MAIN(TestCheck)
#include "tst_check.moc"
