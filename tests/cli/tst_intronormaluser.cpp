// tst_intronormaluser: the intro lab's bind below 1024, as a normal user sees it. When the
// tests run as root (a container), the pane's bind simply succeeds (tst_introlab checks that
// it says so); here the built binary runs the pane as user nobody (setpriv), and its line is
// the one python3 prints for the same bind as the same user: PermissionError: [Errno 13].
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

namespace {

constexpr int kTimeoutMs = 60000;
constexpr uid_t kNobody = 65534;

struct Run {
    bool ok = false;
    QStringList lines;
    QString err;
};

// program with args as user nobody, in a home nobody owns; stdin at its end.
Run asNobody(const QString &setpriv, const QString &home, const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home);
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(home);
    p.start(setpriv, QStringList{QStringLiteral("--reuid=%1").arg(kNobody), QStringLiteral("--regid=%1").arg(kNobody),
                                 QStringLiteral("--clear-groups"), program} + args);
    p.closeWriteChannel();
    Run run;
    run.ok = p.waitForFinished(kTimeoutMs) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!run.ok)
        p.kill();
    run.lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace

class TestIntroNormalUser : public QObject {
    Q_OBJECT

private slots:
    void wellKnownPortIsRefusedAsPythonRefusesIt()
    {
        if (::geteuid() != 0)
            QSKIP("the tests run as a normal user: tst_introlab sees PermissionError in-process");
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("setpriv (util-linux) is not installed: cannot run the pane as a normal user");
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QVERIFY(::chown(home.path().toLocal8Bit().constData(), kNobody, kNobody) == 0);

        const Run pane = asNobody(setpriv, home.path(), QStringLiteral(SOCKETLAB_BINARY),
                                  {QStringLiteral("--lab"), QStringLiteral("intro"), QStringLiteral("--run"), QStringLiteral("sockets"),
                                   QStringLiteral("--set"), QStringLiteral("wellknown=80")});
        QVERIFY2(pane.ok, qPrintable(pane.err));
        const QStringList refused = pane.lines.filter(QStringLiteral("Errno"));
        QCOMPARE(refused, QStringList{QStringLiteral("PermissionError: [Errno 13] Permission denied")});
        QVERIFY(pane.lines.filter(QStringLiteral("as uid")).isEmpty());

        // python3 as the same user: the system's own interpreter (a per-user one, like a pyenv
        // shim under /root, is out of nobody's reach).
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin")});
        if (python.isEmpty())
            QSKIP("no system python3: the refusal cannot be compared with Python's");
        const Run py = asNobody(setpriv, home.path(), python,
                                {QStringLiteral("-c"), QStringLiteral("import socket\n"
                                                                      "try:\n"
                                                                      "    socket.socket().bind(('127.0.0.1', 80))\n"
                                                                      "except PermissionError as e:\n"
                                                                      "    print(type(e).__name__ + ':', e)\n")});
        QVERIFY2(py.ok, qPrintable(py.err));
        QCOMPARE(refused, py.lines);
    }
};

QTEST_GUILESS_MAIN(TestIntroNormalUser)
#include "tst_intronormaluser.moc"
