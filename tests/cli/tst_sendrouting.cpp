// tst_sendrouting: where each `--send` line goes (ScriptedRun::routeLines), on a lab made
// here: a server that reads no input and two clients that do. PANE:LINE names its pane, a
// plain line goes to the first pane reading input, a leading colon keeps a line's own
// colons; a pane that does not exist or reads no input is refused with what would work.
#include <LabDefinition.h>
#include <ScriptedRun.h>

#include <QtTest>

namespace {

PaneDefinition pane(const QString &id, const QStringList &listing)
{
    PaneDefinition p;
    p.id = id;
    p.listing = listing;
    return p;
}

LabDefinition twoClients()
{
    LabDefinition lab;
    lab.id = QStringLiteral("two-clients");
    lab.panes = {pane(QStringLiteral("server"), {QStringLiteral("data = conn.recv(1024)  # no input() here")}),
                 pane(QStringLiteral("client1"), {QStringLiteral("while True:"), QStringLiteral("    data = input('> ')")}),
                 pane(QStringLiteral("client2"), {QStringLiteral("    data = input('> ')")})};
    return lab;
}

} // namespace

class TestSendRouting : public QObject {
    Q_OBJECT
private slots:
    void routes_data()
    {
        QTest::addColumn<QString>("send");
        QTest::addColumn<QString>("pane");
        QTest::addColumn<QString>("line");
        QTest::newRow("named pane") << QStringLiteral("client2:hello") << QStringLiteral("client2") << QStringLiteral("hello");
        QTest::newRow("plain line") << QStringLiteral("hello") << QStringLiteral("client1") << QStringLiteral("hello");
        QTest::newRow("empty line") << QString() << QStringLiteral("client1") << QString();
        QTest::newRow("empty line to a pane") << QStringLiteral("client2:") << QStringLiteral("client2") << QString();
        QTest::newRow("leading colon") << QStringLiteral(":a:b") << QStringLiteral("client1") << QStringLiteral("a:b");
        QTest::newRow("colon after words") << QStringLiteral("time is: 10:30") << QStringLiteral("client1") << QStringLiteral("time is: 10:30");
        QTest::newRow("named pane, colon in line") << QStringLiteral("client2:x:y") << QStringLiteral("client2") << QStringLiteral("x:y");
    }

    void routes()
    {
        QFETCH(QString, send);
        QFETCH(QString, pane);
        QFETCH(QString, line);
        QList<ScriptedRun::Line> lines;
        QCOMPARE(ScriptedRun::routeLines(twoClients(), {send}, lines), QString());
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().pane, pane);
        QCOMPARE(lines.first().text, line);
    }

    void keepsTheOrderTyped()
    {
        QList<ScriptedRun::Line> lines;
        QCOMPARE(ScriptedRun::routeLines(twoClients(), {QStringLiteral("client2:a"), QStringLiteral("b"), QStringLiteral("client2:c")}, lines),
                 QString());
        QStringList order;
        for (const ScriptedRun::Line &l : lines)
            order << l.pane + QLatin1Char('=') + l.text;
        QCOMPARE(order, (QStringList{QStringLiteral("client2=a"), QStringLiteral("client1=b"), QStringLiteral("client2=c")}));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("send");
        QTest::addColumn<QStringList>("explanation");
        QTest::newRow("no such pane") << QStringLiteral("clinet2:hi")
                                      << QStringList{QStringLiteral("no pane \"clinet2\""), QStringLiteral("server, client1, client2"),
                                                     QStringLiteral("--send \":clinet2:hi\"")};
        QTest::newRow("pane reads no input") << QStringLiteral("server:hi")
                                             << QStringList{QStringLiteral("server does not read input"), QStringLiteral("client1, client2")};
    }

    void refuses()
    {
        QFETCH(QString, send);
        QFETCH(QStringList, explanation);
        QList<ScriptedRun::Line> lines;
        const QString problem = ScriptedRun::routeLines(twoClients(), {QStringLiteral("fine"), send}, lines);
        QVERIFY(problem.startsWith(QLatin1String("socketlab: --send ") + send));
        for (const QString &words : explanation)
            QVERIFY2(problem.contains(words), qPrintable(problem));
    }

    void labWithoutInputRefusesPlainLines()
    {
        LabDefinition lab = twoClients();
        lab.panes.removeLast();
        lab.panes.removeLast();
        QList<ScriptedRun::Line> lines;
        for (const QString &send : {QStringLiteral("hello"), QStringLiteral("a b: c")}) {
            const QString problem = ScriptedRun::routeLines(lab, {send}, lines);
            QVERIFY2(problem.contains(QLatin1String("no pane of lab two-clients reads input")), qPrintable(problem));
        }
    }
};

QTEST_GUILESS_MAIN(TestSendRouting)
#include "tst_sendrouting.moc"
