// tst_observecli: `socketlab --observe` run as a user runs it, on a python3 server in another
// process: --list prints its rows once as ss would (LISTEN with the accept queue, both ends of
// the connection with the unread bytes, the process; the PID's Unix sockets too), and exits
// 0; a bad port, a dead PID and a port nothing uses fail with the reason; the window
// observing the port renders a picture.
#include "ObservedServer.h"
#include "RawSockets.h"
#include "SocketLabProcess.h"

#include <QFile>
#include <QImage>
#include <QtTest>

using testsupport::kObservedUnreadBytes;
using testsupport::ObservedServer;
using testsupport::SocketLabProcess;
using testsupport::SocketLabResult;

namespace {

QString report(const SocketLabResult &r)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(r.exitCode).arg(r.out, r.err);
}

// The printed rows, each split into its columns.
QList<QStringList> rowsOf(const QString &out)
{
    QList<QStringList> rows;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1))
        rows << line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return rows;
}

} // namespace

class TestObserveCli : public QObject {
    Q_OBJECT
private slots:
    void listsAPortAsSsWould();
    void listsAProcessWithItsUnixSockets();
    void refusesWhatCannotBeObserved_data();
    void refusesWhatCannotBeObserved();
    void nothingOnThePortIsSaid();
    void windowObservingRendersAPicture();
};

void TestObserveCli::listsAPortAsSsWould()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the observed server");
    ObservedServer server;
    QVERIFY2(server.ready(), qPrintable(server.diagnostics()));
    const QString port = QString::number(server.port());
    SocketLabProcess app;
    const SocketLabResult r = app.run({QStringLiteral("--observe"), port, QStringLiteral("--list")});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(report(r)));
    const QString process = QStringLiteral("python3 (%1)").arg(server.pid());
    const QList<QStringList> rows = rowsOf(r.out);
    QCOMPARE(rows.size(), 4);
    bool listening = false, unread = false;
    int established = 0;
    for (const QStringList &row : rows) {
        QVERIFY2(row.size() == 8, qPrintable(row.join(QLatin1Char(' '))));  // "python3 (PID)" is two words
        QCOMPARE(row[0], QStringLiteral("tcp"));
        QCOMPARE(row[6] + QLatin1Char(' ') + row[7], process);
        if (row[1] == QLatin1String("LISTEN")) {
            listening = true;
            QCOMPARE(row[2], QStringLiteral("1"));  // the connection waiting for accept()
            QCOMPARE(row[3], QStringLiteral("4"));  // listen(4)
            QCOMPARE(row[4], QStringLiteral("127.0.0.1:") + port);
        } else {
            QCOMPARE(row[1], QStringLiteral("ESTABLISHED"));
            ++established;
            unread = unread || (row[2] == QString::number(kObservedUnreadBytes) && row[4].endsWith(QLatin1Char(':') + port));
        }
    }
    QVERIFY(listening);
    QCOMPARE(established, 3);  // the served end and both clients' ends
    QVERIFY2(unread, qPrintable(r.out));
    QVERIFY(server.end());
}

void TestObserveCli::listsAProcessWithItsUnixSockets()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the observed server");
    ObservedServer server;
    QVERIFY2(server.ready(), qPrintable(server.diagnostics()));
    SocketLabProcess app;
    const SocketLabResult r = app.run({QStringLiteral("--observe"), QStringLiteral("pid:%1").arg(server.pid()), QStringLiteral("--list")});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(report(r)));
    int unixRows = 0;
    for (const QStringList &row : rowsOf(r.out))
        unixRows += row.value(0) == QLatin1String("u_str") && row.value(1) == QLatin1String("ESTAB") ? 1 : 0;
    QVERIFY2(unixRows == 2, qPrintable(r.out));
    QCOMPARE(rowsOf(r.out).size(), 6);
    QVERIFY(server.end());
}

void TestObserveCli::refusesWhatCannotBeObserved_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QFile pidMax(QStringLiteral("/proc/sys/kernel/pid_max"));
    QVERIFY(pidMax.open(QIODevice::ReadOnly));
    const QString dead = QStringLiteral("pid:%1").arg(pidMax.readAll().trimmed().toLongLong() + 1);
    QTest::newRow("port 0") << QStringList{QStringLiteral("--observe"), QStringLiteral("0"), QStringLiteral("--list")} << "is not a port";
    QTest::newRow("port 65536") << QStringList{QStringLiteral("--observe"), QStringLiteral("65536"), QStringLiteral("--list")} << "is not a port";
    QTest::newRow("dead pid") << QStringList{QStringLiteral("--observe"), dead, QStringLiteral("--list")} << "No process";
    QTest::newRow("dead pid, window") << QStringList{QStringLiteral("--observe"), dead} << "No process";
    QTest::newRow("list alone") << QStringList{QStringLiteral("--list")} << "--list needs --observe";
    QTest::newRow("with a lab") << QStringList{QStringLiteral("--observe"), QStringLiteral("80"), QStringLiteral("--lab"), QStringLiteral("intro")}
                                << "runs nothing";
}

void TestObserveCli::refusesWhatCannotBeObserved()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    SocketLabProcess app;
    const SocketLabResult r = app.run(arguments);
    QVERIFY2(r.finished && r.exitCode == 2, qPrintable(report(r)));
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestObserveCli::nothingOnThePortIsSaid()
{
    // A port just freed: bound, read back, closed; no process holds a socket on it.
    QString port;
    {
        testsupport::raw::Fd probe(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        sockaddr_in address = testsupport::raw::ipv4("127.0.0.1", 0);
        QCOMPARE(::bind(probe.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
        socklen_t length = sizeof address;
        QCOMPARE(::getsockname(probe.get(), reinterpret_cast<sockaddr *>(&address), &length), 0);
        port = QString::number(ntohs(address.sin_port));
    }
    SocketLabProcess app;
    const SocketLabResult r = app.run({QStringLiteral("--observe"), port, QStringLiteral("--list")});
    QVERIFY2(r.finished && r.exitCode == 1, qPrintable(report(r)));
    QVERIFY2(r.err.contains(QStringLiteral("nothing to observe")), qPrintable(r.err));
}

void TestObserveCli::windowObservingRendersAPicture()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the observed server");
    ObservedServer server;
    QVERIFY2(server.ready(), qPrintable(server.diagnostics()));
    SocketLabProcess app;
    const QString picture = app.path(QStringLiteral("observe.png"));
    const SocketLabResult r = app.run({QStringLiteral("--observe"), QString::number(server.port()), QStringLiteral("--size"),
                                       QStringLiteral("1000x700"), QStringLiteral("--screenshot"), picture});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(report(r)));
    QCOMPARE(QImage(picture).size(), QSize(1000, 700));
    QVERIFY(server.end());
}

QTEST_GUILESS_MAIN(TestObserveCli)
#include "tst_observecli.moc"
