// tst_replaycli: runs recorded and shown again from the command line. `--record` saves a
// scripted run; `--replay FILE --at SECONDS --screenshot` renders a moment of it, and two
// moments make two different pictures; a damaged file, a moment past the run's end and
// --at without --replay are refused with a line on stderr, not a crash.
#include "SocketLabProcess.h"

#include <QFile>
#include <QImage>
#include <QtTest>

using testsupport::SocketLabProcess;
using testsupport::SocketLabResult;

namespace {

QString report(const SocketLabResult &r)
{
    return QStringLiteral("exit %1%2\nstderr:\n%3").arg(r.exitCode).arg(r.finished ? QString() : QStringLiteral(" (killed)"), r.err);
}

} // namespace

class TestReplayCli : public QObject {
    Q_OBJECT
private slots:
    void recordThenRenderMoments()
    {
        SocketLabProcess app;
        const QString run = app.path(QStringLiteral("demo.socketlab-run"));
        const SocketLabResult recorded = app.run({QStringLiteral("--lab"), QStringLiteral("tcp-timestamp"), QStringLiteral("--set"),
                                                  QStringLiteral("server.port=0"), QStringLiteral("--send"), QStringLiteral("hello"),
                                                  QStringLiteral("--record"), run});
        QVERIFY2(recorded.finished && recorded.exitCode == 0, qPrintable(report(recorded)));
        QVERIFY(QFile::exists(run));

        const QString first = app.path(QStringLiteral("first.png"));
        const QString last = app.path(QStringLiteral("last.png"));
        const SocketLabResult atStart = app.run({QStringLiteral("--replay"), run, QStringLiteral("--at"), QStringLiteral("0"),
                                                 QStringLiteral("--screenshot"), first});
        QVERIFY2(atStart.finished && atStart.exitCode == 0, qPrintable(report(atStart)));
        const SocketLabResult atEnd = app.run({QStringLiteral("--replay"), run, QStringLiteral("--screenshot"), last});
        QVERIFY2(atEnd.finished && atEnd.exitCode == 0, qPrintable(report(atEnd)));
        const QImage a(first), b(last);
        QCOMPARE(a.size(), QSize(1280, 800));
        QCOMPARE(b.size(), QSize(1280, 800));
        QVERIFY(a != b);  // the start of the run is not its end: --at chose the moment

        const SocketLabResult tooLate = app.run({QStringLiteral("--replay"), run, QStringLiteral("--at"), QStringLiteral("99999"),
                                                 QStringLiteral("--screenshot"), first});
        QCOMPARE(tooLate.exitCode, 2);
        QVERIFY2(tooLate.err.contains(QStringLiteral("the run lasts")), qPrintable(tooLate.err));
    }

    void refusedFiles()
    {
        SocketLabProcess app;
        const QString broken = app.path(QStringLiteral("broken.socketlab-run"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 not a run at all");
        f.close();
        const QString picture = app.path(QStringLiteral("x.png"));
        const SocketLabResult r = app.run({QStringLiteral("--replay"), broken, QStringLiteral("--screenshot"), picture});
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(report(r)));
        QVERIFY2(r.err.contains(QStringLiteral("was not opened")), qPrintable(r.err));
        QVERIFY(!QFile::exists(picture));

        const SocketLabResult missing = app.run({QStringLiteral("--replay"), app.path(QStringLiteral("none")),
                                                 QStringLiteral("--screenshot"), picture});
        QCOMPARE(missing.exitCode, 2);
        const SocketLabResult noReplay = app.run({QStringLiteral("--at"), QStringLiteral("1")});
        QCOMPARE(noReplay.exitCode, 2);
        QVERIFY2(noReplay.err.contains(QStringLiteral("--replay")), qPrintable(noReplay.err));
    }
};

QTEST_GUILESS_MAIN(TestReplayCli)
#include "tst_replaycli.moc"
