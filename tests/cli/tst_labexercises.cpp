// tst_labexercises: the exercises of the built-in labs, through `socketlab --check` as a
// learner's terminal (and the window's Check) runs them: each passes with a right answer
// (exit 0, every property PASS) and fails with a wrong one (exit 1, the property the wrong
// belief breaks FAIL with the exercise's own message). Also the labs' self-study content:
// each of the tutorial's six labs has two predictions or more and an exercise, each exercise two hints
// or more, and every question, choice, explanation, task, message and hint is in Chinese too.
#include "SocketLabProcess.h"

#include <LabLoader.h>

#include <QtTest>

using testsupport::SocketLabProcess;
using testsupport::SocketLabResult;

namespace {

QString report(const SocketLabResult &r)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(r.exitCode).arg(r.out, r.err);
}

QStringList checkArguments(const QString &lab, const QString &exercise, const QStringList &sets)
{
    QStringList arguments{QStringLiteral("--lab"), lab, QStringLiteral("--check"), exercise};
    for (const QString &set : sets)
        arguments << QStringLiteral("--set") << set;
    return arguments;
}

// Texts a learner reads that lack their Chinese, named by where they are.
QStringList untranslated(const LabDefinition &lab)
{
    QStringList missing;
    const auto need = [&](const LocalizedText &text, const QString &where) {
        if (!text.has(QStringLiteral("en")) || !text.has(QStringLiteral("zh_CN")))
            missing << lab.id + QLatin1Char(' ') + where;
    };
    for (const PredictionDefinition &p : lab.predictions) {
        need(p.question, p.id + QStringLiteral(".question"));
        need(p.explanation, p.id + QStringLiteral(".explain"));
        for (const PredictionChoice &c : p.choices)
            need(c.text, p.id + QStringLiteral(".choice"));
    }
    for (const ExerciseDefinition &e : lab.exercises) {
        need(e.title, e.id + QStringLiteral(".title"));
        need(e.task, e.id + QStringLiteral(".task"));
        for (const LocalizedText &hint : e.hints)
            need(hint, e.id + QStringLiteral(".hint"));
        for (const ExerciseProperty &p : e.properties) {
            need(p.failure, e.id + QLatin1Char('.') + p.id + QStringLiteral(".fail"));
            need(p.success, e.id + QLatin1Char('.') + p.id + QStringLiteral(".pass"));
        }
        for (const ExerciseAction &a : e.script) {
            if (a.kind == ExerciseAction::Kind::Expect) {
                need(a.failure, e.id + QLatin1Char('.') + a.property + QStringLiteral(".fail"));
                need(a.success, e.id + QLatin1Char('.') + a.property + QStringLiteral(".pass"));
            }
        }
    }
    return missing;
}

struct Answer {
    const char *name, *lab, *exercise;
    QStringList sets;
    bool right;
    const char *failure;
};

// Each built-in exercise with answers a learner might give; a wrong one also names how its
// FAIL line starts: the property, and the start of the exercise's message.
QList<Answer> knownAnswers()
{
    return {
        {"tcp BUFSIZ 4", "tcp-timestamp", "three-replies", {"server.bufsize=4"}, true, ""},
        {"tcp BUFSIZ 1", "tcp-timestamp", "three-replies", {"server.bufsize=1"}, true, ""},
        {"tcp BUFSIZ 6", "tcp-timestamp", "three-replies", {"server.bufsize=6"}, false,
         "FAIL three-replies: The server answered 'hello world' with fewer than three replies"},
        {"udp server BUFSIZ 4", "udp-timestamp", "datagram-cut", {"server.bufsize=4"}, true, ""},
        {"udp client BUFSIZ 4", "udp-timestamp", "datagram-cut", {"client.bufsize=4"}, false,
         "FAIL only-hell: The client did not get back just 'hell'"},
        {"ss next recv 5", "socketserver", "part-of-reply", {"client.nextRecvMax=5"}, true, ""},
        {"ss no fault", "socketserver", "part-of-reply", {}, false, "FAIL part-only: The client printed the whole reply."},
        {"echo server recv 5", "socketserver-echo", "short-echo", {"server.recvMax=5"}, true, ""},
        {"echo no fault", "socketserver-echo", "short-echo", {}, false, "FAIL echo-cut: The whole line came back upper-cased"},
        {"threads", "socketserver-concurrency", "serve-second", {"server.server=ThreadingTCPServer"}, true, ""},
        {"processes", "socketserver-concurrency", "serve-second", {"server.server=ForkingTCPServer"}, true, ""},
        {"one at a time", "socketserver-concurrency", "serve-second", {"server.server=TCPServer"}, false,
         "FAIL second-served: Client 2 got no reply while client 1 stayed silent."},
        {"client datagram lost", "udp-socketserver", "lost-datagram", {"client.dropDatagrams=1"}, true, ""},
        {"reply lost", "udp-socketserver", "lost-datagram", {"server.dropDatagrams=1"}, true, ""},
        {"nothing lost", "udp-socketserver", "lost-datagram", {}, false, "FAIL no-reply: The client got its reply: nothing was lost."},
    };
}

} // namespace

class TestLabExercises : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { m_catalog.loadFrom(LabCatalog::builtInRoot()); }

    void everyLabHasItsSelfStudyInBothLanguages()
    {
        QVERIFY(m_catalog.errors().isEmpty());
        // The six labs of the tutorial; lessons added since have their own pace.
        for (const char *id : {"tcp-timestamp", "udp-timestamp", "socketserver", "socketserver-echo", "socketserver-concurrency",
                               "udp-socketserver"}) {
            const LabDefinition *found = m_catalog.find(QLatin1String(id));
            QVERIFY2(found, id);
            const LabDefinition &lab = *found;
            QVERIFY2(lab.predictions.size() >= 2, qPrintable(lab.id));
            QVERIFY2(!lab.exercises.isEmpty(), qPrintable(lab.id));
            for (const ExerciseDefinition &e : lab.exercises)
                QVERIFY2(e.hints.size() >= 2, qPrintable(lab.id + QLatin1Char(' ') + e.id));
            const QStringList missing = untranslated(lab);
            QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
            // Each exercise is checked below with a right answer and a wrong one.
            for (const ExerciseDefinition &e : lab.exercises) {
                for (bool right : {true, false}) {
                    const QList<Answer> table = knownAnswers();
                    QVERIFY2(std::any_of(table.begin(), table.end(), [&](const Answer &a) {
                                 return lab.id == QLatin1String(a.lab) && e.id == QLatin1String(a.exercise) && a.right == right;
                             }), qPrintable(lab.id + QLatin1Char(' ') + e.id));
                }
            }
        }
    }

    void rightAnswerPasses_data() { answers(true); }
    void rightAnswerPasses()
    {
        QFETCH(QString, lab);
        QFETCH(QString, exercise);
        QFETCH(QStringList, sets);
        const SocketLabResult r = m_app.run(checkArguments(lab, exercise, sets));
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(report(r)));
        QVERIFY2(!r.out.contains(QStringLiteral("FAIL")) && r.out.startsWith(QStringLiteral("PASS ")), qPrintable(report(r)));
    }

    void wrongAnswerFailsWithItsMessage_data() { answers(false); }
    void wrongAnswerFailsWithItsMessage()
    {
        QFETCH(QString, lab);
        QFETCH(QString, exercise);
        QFETCH(QStringList, sets);
        QFETCH(QString, failure);
        const SocketLabResult r = m_app.run(checkArguments(lab, exercise, sets));
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(report(r)));
        QVERIFY2(r.out.contains(failure), qPrintable(report(r)));
    }

private:
    void answers(bool right)
    {
        QTest::addColumn<QString>("lab");
        QTest::addColumn<QString>("exercise");
        QTest::addColumn<QStringList>("sets");
        QTest::addColumn<QString>("failure");
        const QList<Answer> table = knownAnswers();
        for (const Answer &a : table) {
            if (a.right == right)
                QTest::newRow(a.name) << QString::fromLatin1(a.lab) << QString::fromLatin1(a.exercise) << a.sets << QString::fromUtf8(a.failure);
        }
    }

    LabCatalog m_catalog;
    SocketLabProcess m_app;
};

QTEST_GUILESS_MAIN(TestLabExercises)
#include "tst_labexercises.moc"
