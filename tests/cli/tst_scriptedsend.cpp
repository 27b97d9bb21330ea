// tst_scriptedsend: `--send` through the real command line, as a script uses it to make
// a picture. Lines reach the pane they name (client2 in socketserver-concurrency, where
// no pane is called "client"), a plain line the first pane that reads input, and the
// picture is taken once each of them is answered; a run whose lines cannot be answered
// says why and exits non-zero instead of hanging or passing as a good picture.
#include "SocketLabProcess.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QImage>
#include <QtTest>

using testsupport::SocketLabProcess;
using testsupport::SocketLabResult;

namespace {

QStringList concurrencyLab(const QStringList &more)
{
    // Threads, so each client is served whatever the other does; port 0, so runs in
    // parallel never collide.
    return QStringList{QStringLiteral("--lab"), QStringLiteral("socketserver-concurrency"), QStringLiteral("--set"),
                       QStringLiteral("server.port=0"), QStringLiteral("--set"), QStringLiteral("server.server=ThreadingTCPServer")}
        + more;
}

QString report(const SocketLabResult &r)
{
    return QStringLiteral("exit %1%2\nstderr:\n%3").arg(r.exitCode).arg(r.finished ? QString() : QStringLiteral(" (killed)"), r.err);
}

bool isPicture(const QString &file)
{
    const QImage image(file);
    return !image.isNull() && image.width() >= 640;
}

} // namespace

class TestScriptedSend : public QObject {
    Q_OBJECT
private slots:
    void lineGoesToTheNamedPane()
    {
        SocketLabProcess app;
        const QString picture = app.path(QStringLiteral("concurrency.png"));
        QElapsedTimer clock;
        clock.start();
        const SocketLabResult r = app.run(concurrencyLab(
            {QStringLiteral("--send"), QStringLiteral("client2:hello"), QStringLiteral("--screenshot"), picture}));
        // Exit 0 means client2 answered its line. Before --send knew panes, the line went to
        // a pane called "client", which this lab does not have, and the picture was taken
        // when the driver gave up waiting, after 10 s, with exit status 0 all the same.
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(report(r)));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(!r.err.contains(QLatin1String("socketlab:")), qPrintable(r.err));
        QVERIFY(isPicture(picture));
    }

    void plainLineGoesToTheFirstPaneReadingInput()
    {
        SocketLabProcess app;
        const QString picture = app.path(QStringLiteral("both.png"));
        // One line each: if the plain line went to client2, client2 would owe two answers and
        // client1 none, and the run would report client2 and client1 unanswered.
        const SocketLabResult r = app.run(concurrencyLab({QStringLiteral("--send"), QStringLiteral("hi"), QStringLiteral("--send"),
                                                          QStringLiteral("client2:hello"), QStringLiteral("--screenshot"), picture}));
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(report(r)));
        QVERIFY(isPicture(picture));
    }

    void unknownOrDeafPaneIsRefused_data()
    {
        QTest::addColumn<QString>("send");
        QTest::addColumn<QStringList>("explanation");
        QTest::newRow("no such pane") << QStringLiteral("client3:hi")
                                      << QStringList{QStringLiteral("client3"), QStringLiteral("server, client1, client2"), QStringLiteral(":client3:hi")};
        QTest::newRow("server reads no input") << QStringLiteral("server:hi")
                                               << QStringList{QStringLiteral("server does not read input"), QStringLiteral("client1, client2")};
    }

    void unknownOrDeafPaneIsRefused()
    {
        QFETCH(QString, send);
        QFETCH(QStringList, explanation);
        SocketLabProcess app;
        const QString picture = app.path(QStringLiteral("refused.png"));
        const SocketLabResult r = app.run(concurrencyLab({QStringLiteral("--send"), send, QStringLiteral("--screenshot"), picture}));
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(report(r)));
        for (const QString &words : explanation)
            QVERIFY2(r.err.contains(words), qPrintable(r.err));
        QVERIFY(!QFile::exists(picture));  // refused before anything ran
    }

    void paneThatEndsUnansweredIsReported()
    {
        // A TCP port bound but not listening: the client's connect() is refused at once.
        auto closedPort = socketlab::Socket::create(AF_INET, SOCK_STREAM);
        QVERIFY(closedPort && closedPort->bind(socketlab::SocketAddress::loopback(AF_INET, 0)));
        const quint16 port = testsupport::portOf(*closedPort);
        QVERIFY(port != 0);
        SocketLabProcess app;
        const QString picture = app.path(QStringLiteral("refused.png"));
        const SocketLabResult r = app.run({QStringLiteral("--lab"), QStringLiteral("tcp-timestamp"), QStringLiteral("--set"),
                                           QStringLiteral("server.port=0"), QStringLiteral("--set"),
                                           QStringLiteral("client.port=%1").arg(port), QStringLiteral("--send"),
                                           QStringLiteral("hello"), QStringLiteral("--screenshot"), picture});
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(report(r)));
        QVERIFY2(r.err.contains(QLatin1String("pane client ended before answering")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Connection refused")), qPrintable(r.err));
        QVERIFY2(isPicture(picture), "the picture of what happened is saved all the same");
    }

    void emptyLastLineEndsTheClientWell()
    {
        SocketLabProcess app;
        const QString picture = app.path(QStringLiteral("ended.png"));
        const SocketLabResult r = app.run({QStringLiteral("--lab"), QStringLiteral("tcp-timestamp"), QStringLiteral("--set"),
                                           QStringLiteral("server.port=0"), QStringLiteral("--send"), QStringLiteral("hello"),
                                           QStringLiteral("--send"), QString(), QStringLiteral("--screenshot"), picture});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(report(r)));
        QVERIFY(isPicture(picture));
    }
};

QTEST_GUILESS_MAIN(TestScriptedSend)
#include "tst_scriptedsend.moc"
