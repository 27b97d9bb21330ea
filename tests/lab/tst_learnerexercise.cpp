// tst_learnerexercise: an exercise that asks the learner to write a pane's program
// ("program": "server"), checked by ExerciseCheck with the learner's file in that pane, on
// real loopback sockets, under faults the tracer injects into the learner's own sockets. A
// server that takes one recv() for one line passes on loopback's luck alone and fails once
// its recv() returns the line in pieces, with the exercise's message; a server that frames its lines
// passes every variant; without the program, or with one that cannot be read, the check
// says so and never judges the pane's built-in program in its place.
#include "LearnerPrograms.h"
#include "Witness.h"

#include <ExerciseCheck.h>
#include <LabLoader.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int kCheckMs = 60000;

const char kUpperLines[] = R"({
  "id": "upper-lines",
  "program": "server",
  "title": { "en": "Answer each line upper-cased", "zh_CN": "把每一行转成大写后回复" },
  "task": { "en": "Write the server: for every line a client sends, answer that line upper-cased.",
            "zh_CN": "编写服务器：客户端发来的每一行，都以大写回复这一行。" },
  "script": [
    { "start": "server" },
    { "waitFor": { "pane": "server", "published": "port" } },
    { "start": "client" },
    { "waitFor": { "pane": "client", "state": "input" } },
    { "input": "client", "line": "hello world" },
    { "expect": { "pane": "client", "printed": "^HELLO WORLD$" }, "within": 4000, "property": "whole-line",
      "fail": { "en": "The answer was not the whole line: one send is not one recv.",
                "zh_CN": "回复的不是完整的一行：一次 send 并不对应一次 recv。" } }
  ],
  "variants": [
    { "name": "loopback" },
    { "name": "short-recv", "faults": { "server": { "recvMax": 3 } } },
    { "name": "byte-at-a-time", "faults": { "server": { "recvMax": 1, "coalesceMs": 5 } } }
  ],
  "hints": [ { "en": "How do you know a line has ended?", "zh_CN": "你怎么知道一行已经结束了？" },
             { "en": "Keep calling recv() until b'\\n' has arrived.", "zh_CN": "一直调用 recv()，直到收到 b'\\n'。" } ]
})";

#define SERVER_ACCEPTING                  \
    "import socket\n"                     \
    "srv = socket.socket()\n"             \
    "srv.bind(('127.0.0.1', 0))\n"        \
    "srv.listen(5)\n"                     \
    "while True:\n"                       \
    "    conn, addr = srv.accept()\n"

const char kNaiveServer[] = SERVER_ACCEPTING
    "    line = conn.recv(1024)\n"  // one recv taken for one line
    "    conn.sendall(line.strip().upper() + b'\\n')\n"
    "    conn.close()\n";

const char kFramedServer[] = SERVER_ACCEPTING
    "    got = b''\n"
    "    while b'\\n' not in got:\n"
    "        chunk = conn.recv(1024)\n"
    "        if not chunk:\n"
    "            break\n"
    "        got += chunk\n"
    "    conn.sendall(got.split(b'\\n')[0].strip().upper() + b'\\n')\n"
    "    conn.close()\n";

} // namespace

class TestLearnerExercise : public QObject {
    Q_OBJECT
    QTemporaryDir m_root;
    std::optional<LabDefinition> m_lab;

    QString write(const char *name, const char *text) { return testsupport::writeProgram(m_root, name, text); }

    QStringList check(const QHash<QString, QString> &programs, bool *passed)
    {
        ExerciseCheck check(*m_lab, m_lab->exercises.first(), {});
        check.setPrograms(programs);
        QSignalSpy done(&check, &ExerciseCheck::finished);
        check.start();
        if (!done.wait(kCheckMs))
            return {QStringLiteral("check did not finish")};
        *passed = check.passed();
        return check.report(QStringLiteral("en"));
    }

private slots:
    void initTestCase()
    {
        REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the learner's program");
        // The socketserver lab (its client sends "line\r\n" on a new connection and prints the
        // answer) with the exercise added, in a folder of the test's own.
        const QDir from(LabCatalog::builtInRoot() + QStringLiteral("/socketserver"));
        const QString dir = m_root.path() + QStringLiteral("/socketserver");
        QDir().mkpath(dir);
        for (const QString &name : from.entryList(QDir::Files)) {
            QVERIFY(QFile::copy(from.filePath(name), dir + QLatin1Char('/') + name));
            QFile::setPermissions(dir + QLatin1Char('/') + name, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        QFile json(dir + QStringLiteral("/lab.json"));
        QVERIFY(json.open(QIODevice::ReadWrite));
        QJsonObject lab = QJsonDocument::fromJson(json.readAll()).object();
        lab.insert(QStringLiteral("exercises"), QJsonArray{QJsonDocument::fromJson(kUpperLines).object()});
        json.resize(0);
        json.write(QJsonDocument(lab).toJson());
        json.close();
        QList<LabError> errors;
        m_lab = LabLoader::load(dir, errors);
        QVERIFY2(m_lab && errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().message));
        QCOMPARE(m_lab->exercises.first().programPane, QStringLiteral("server"));
    }

    void naiveServerFailsUnderFaults()
    {
        bool passed = true;
        const QStringList report = check({{QStringLiteral("server"), write("naive.py", kNaiveServer)}}, &passed);
        QVERIFY(!passed);
        QVERIFY2(report.contains(QStringLiteral("PASS whole-line [loopback]")), qPrintable(report.join(QLatin1Char('\n'))));
        for (const char *variant : {"short-recv", "byte-at-a-time"}) {
            const QString failed = QStringLiteral("FAIL whole-line [%1]: The answer was not the whole line: one send is not one recv.").arg(QLatin1String(variant));
            QVERIFY2(std::any_of(report.begin(), report.end(), [&](const QString &l) { return l.startsWith(failed); }),
                     qPrintable(report.join(QLatin1Char('\n'))));
        }
    }

    void framedServerPasses()
    {
        bool passed = false;
        const QStringList report = check({{QStringLiteral("server"), write("framed.py", kFramedServer)}}, &passed);
        QVERIFY2(passed, qPrintable(report.join(QLatin1Char('\n'))));
        QCOMPARE(report.size(), 3);  // one property, three variants
    }

    void withoutTheProgramSaysWhatToGive()
    {
        bool passed = true;
        const QStringList report = check({}, &passed);
        QVERIFY(!passed);
        QCOMPARE(report.size(), 1);
        QVERIFY2(report.first().contains(QLatin1String("--program server=FILE.py")), qPrintable(report.first()));
    }

    void unreadableProgramIsNeverReplacedByTheBuiltIn()
    {
        bool passed = true;
        const QStringList report = check({{QStringLiteral("server"), m_root.filePath(QStringLiteral("no-such-file.py"))}}, &passed);
        QVERIFY(!passed);
        QCOMPARE(report.size(), 1);
        QVERIFY2(report.first().startsWith(QLatin1String("FAIL program [loopback]: cannot read")), qPrintable(report.first()));
    }
};

QTEST_GUILESS_MAIN(TestLearnerExercise)
#include "tst_learnerexercise.moc"
