// tst_learnerprogram: `socketlab --lab ID --run PANE --program FILE.py --trace-out T.jsonl`
// on the real binary. The trace has one JSON line per socket call with the pane, thread,
// line, call, arguments, result or error, bytes and time blocked, matching what the program
// did on real loopback sockets; an uncaught exception ends the run with status 1 and
// Python's traceback on stderr; misuse is refused with status 2; and when the app itself is
// killed, the learner's program does not live on as an orphan. A program whose socket is
// bound where other machines reach it (0.0.0.0, ::) is warned of on stderr; loopback is not.
#include "LearnerPrograms.h"
#include "Witness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {

constexpr int kWaitMs = 30000;
using testsupport::processState;

} // namespace

class TestLearnerProgram : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const char *name, const QByteArray &text) { return testsupport::writeProgram(m_dir, name, text); }

    static QStringList runArgs(const QString &program)
    {
        return {QStringLiteral("--lab"), QStringLiteral("tcp-timestamp"), QStringLiteral("--run"), QStringLiteral("server"),
                QStringLiteral("--program"), program};
    }

private slots:
    void initTestCase()
    {
        REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the learner's program");
        QVERIFY(m_dir.isValid());
    }

    void traceOutHasEveryCall()
    {
        const QString program = write("upper_echo.py",
                                      "import socket, threading\n"                               // 1
                                      "srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n" // 2
                                      "srv.bind(('127.0.0.1', 0))\n"                              // 3
                                      "srv.listen(5)\n"                                           // 4
                                      "def client(port):\n"                                       // 5
                                      "    c = socket.socket()\n"                                 // 6
                                      "    c.connect(('127.0.0.1', port))\n"                      // 7
                                      "    c.sendall(b'three words here')\n"                      // 8
                                      "    c.shutdown(socket.SHUT_WR)\n"                          // 9
                                      "    print(c.recv(100).decode())\n"                         // 10
                                      "    c.close()\n"                                           // 11
                                      "t = threading.Thread(target=client, args=(srv.getsockname()[1],), name='client')\n"  // 12
                                      "t.start()\n"                                               // 13
                                      "conn, _ = srv.accept()\n"                                  // 14
                                      "got = b''\n"                                               // 15
                                      "while True:\n"                                             // 16
                                      "    chunk = conn.recv(4)\n"                                // 17
                                      "    if not chunk:\n"                                       // 18
                                      "        break\n"                                           // 19
                                      "    got += chunk\n"                                        // 20
                                      "conn.sendall(got.upper())\n"                               // 21
                                      "conn.close()\n"                                            // 22
                                      "t.join()\n");                                              // 23
        const QString tracePath = m_dir.filePath(QStringLiteral("trace.jsonl"));
        QProcess app;
        app.start(QStringLiteral(SOCKETLAB_BINARY), runArgs(program) << QStringLiteral("--trace-out") << tracePath);
        QVERIFY(app.waitForFinished(kWaitMs));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
        QCOMPARE(app.readAllStandardOutput(), QByteArray("THREE WORDS HERE\n"));

        QFile trace(tracePath);
        QVERIFY(trace.open(QIODevice::ReadOnly));
        QList<QJsonObject> calls;
        for (const QByteArray &line : trace.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonDocument d = QJsonDocument::fromJson(line);
            QVERIFY2(d.isObject(), line.constData());
            calls << d.object();
        }
        qint64 received = 0;
        int recvCalls = 0;
        for (const QJsonObject &c : calls) {
            QCOMPARE(c.value(QLatin1String("pane")).toString(), QStringLiteral("server"));
            for (const char *key : {"thread", "line", "call", "args", "bytes", "blocked_ms", "fd"})
                QVERIFY2(c.contains(QLatin1String(key)), key);
            QVERIFY(c.contains(QLatin1String("result")) != c.contains(QLatin1String("error")));
            if (c.value(QLatin1String("call")).toString() == QLatin1String("recv") && c.value(QLatin1String("line")).toInt() == 17) {
                QCOMPARE(c.value(QLatin1String("thread")).toString(), QStringLiteral("MainThread"));
                QCOMPARE(c.value(QLatin1String("args")).toArray().first().toString(), QStringLiteral("4"));
                QVERIFY(c.value(QLatin1String("bytes")).toInt() <= 4);
                received += c.value(QLatin1String("bytes")).toInt();
                ++recvCalls;
            }
        }
        QCOMPARE(received, qint64(16));
        QVERIFY(recvCalls >= 5);  // at most 4 bytes each, and the empty recv at the end
        auto find = [&](const char *call, int line) {
            for (const QJsonObject &c : calls) {
                if (c.value(QLatin1String("call")).toString() == QLatin1String(call) && c.value(QLatin1String("line")).toInt() == line)
                    return c;
            }
            return QJsonObject();
        };
        QCOMPARE(find("sendall", 8).value(QLatin1String("bytes")).toInt(), 16);
        QCOMPARE(find("sendall", 8).value(QLatin1String("thread")).toString(), QStringLiteral("client"));
        QCOMPARE(find("sendall", 21).value(QLatin1String("bytes")).toInt(), 16);
        QCOMPARE(find("listen", 4).value(QLatin1String("args")).toArray(), QJsonArray{QStringLiteral("5")});
        QCOMPARE(find("socket", 2).value(QLatin1String("args")).toArray(), (QJsonArray{QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM")}));
        QVERIFY(!find("accept", 14).isEmpty());
        QVERIFY(find("accept", 14).value(QLatin1String("blocked_ms")).toDouble() >= 0);
    }

    void exceptionEndsWithStatusOne()
    {
        const QString program = write("raises.py", "import socket\ns = socket.socket()\ns.recv(10)\n");
        QProcess app;
        app.start(QStringLiteral(SOCKETLAB_BINARY), runArgs(program));
        QVERIFY(app.waitForFinished(kWaitMs));
        QCOMPARE(app.exitCode(), 1);
        const QString err = QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("line 3, in <module>")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("OSError: [Errno 107] Transport endpoint is not connected")), qPrintable(err));
    }

    void reachableServerIsWarnedOf_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("warned");
        QTest::newRow("all interfaces") << QStringLiteral("0.0.0.0") << true;
        QTest::newRow("all interfaces, IPv6") << QStringLiteral("::") << true;
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1") << false;
        QTest::newRow("loopback, IPv6") << QStringLiteral("::1") << false;
    }

    void reachableServerIsWarnedOf()
    {
        QFETCH(QString, host);
        QFETCH(bool, warned);
        const QString family = host.contains(QLatin1Char(':')) ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
        const QString program = write("listens.py", QStringLiteral("import socket\n"
                                                                   "s = socket.socket(socket.%1)\n"
                                                                   "s.bind(('%2', 0))\n"
                                                                   "s.listen(1)\n"
                                                                   "s.close()\n").arg(family, host).toUtf8());
        QProcess app;
        app.start(QStringLiteral(SOCKETLAB_BINARY), runArgs(program) << QStringLiteral("--lang") << QStringLiteral("en"));
        QVERIFY(app.waitForFinished(kWaitMs));
        const QString err = QString::fromUtf8(app.readAllStandardError());
        if (err.contains(QLatin1String("Cannot assign requested address")) || err.contains(QLatin1String("Address family not supported")))
            QSKIP("no IPv6 on this machine");
        QCOMPARE(app.exitCode(), 0);
        const QString warning = QStringLiteral("socketlab: warning: your program bound a socket to ");
        QCOMPARE(err.contains(warning), warned);
        if (warned)
            QVERIFY2(err.contains(QLatin1String("Bind to 127.0.0.1 unless you mean to.")), qPrintable(err));
    }

    void misuseIsRefused()
    {
        QProcess app;
        app.start(QStringLiteral(SOCKETLAB_BINARY), {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--lab"), QStringLiteral("tcp-timestamp"),
                                                     QStringLiteral("--program"), QStringLiteral("x.py")});
        QVERIFY(app.waitForFinished(kWaitMs));
        QCOMPARE(app.exitCode(), 2);
        QVERIFY(app.readAllStandardError().contains("write --program PANE=FILE.py"));

        QProcess noPane;
        noPane.start(QStringLiteral(SOCKETLAB_BINARY), {QStringLiteral("--lab"), QStringLiteral("tcp-timestamp"), QStringLiteral("--run"),
                                                        QStringLiteral("nosuchpane"), QStringLiteral("--program"), write("ok.py", "print(1)\n")});
        QVERIFY(noPane.waitForFinished(kWaitMs));
        QCOMPARE(noPane.exitCode(), 2);
        QVERIFY(noPane.readAllStandardOutput().isEmpty());  // nothing ran
    }

    void killedAppLeavesNoOrphan()
    {
        const QString program = write("waits.py",
                                      "import os, socket\n"
                                      "print(os.getpid(), flush=True)\n"
                                      "s = socket.socket()\n"
                                      "s.bind(('127.0.0.1', 0))\n"
                                      "s.listen(1)\n"
                                      "s.accept()\n");
        QProcess app;
        app.start(QStringLiteral(SOCKETLAB_BINARY), runArgs(program));
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] { return (out += app.readAllStandardOutput()).contains('\n'); }, kWaitMs));
        const qint64 learner = out.trimmed().toLongLong();
        QVERIFY(learner > 0);
        QVERIFY(!processState(learner).isEmpty());
        ::kill(pid_t(app.processId()), SIGKILL);  // no chance to clean up: the tracer must notice
        QVERIFY(app.waitForFinished(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(processState(learner).isEmpty() || processState(learner) == QLatin1String("Z"), 2000);
    }
};

QTEST_GUILESS_MAIN(TestLearnerProgram)
#include "tst_learnerprogram.moc"
