// tst_scriptedsettings: runs a script makes (--screenshot, --list-labs, --run) leave the
// user's saved settings exactly as they were: a scripted `--lang en --screenshot` on
// another lab must not change the language, last lab, layout or progress the next normal
// start finds. The test first shows the program really reads the seeded file (its saved
// Chinese is used), so "unchanged" cannot pass merely because it looked elsewhere.
#include "SocketLabProcess.h"

#include <QDirIterator>
#include <QtTest>

using testsupport::SocketLabProcess;
using testsupport::SocketLabResult;

namespace {

// Every file under dir with its bytes: what a run might have changed.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        files.insert(file.fileName(), file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)"));
    }
    return files;
}

void seedSettings(const SocketLabProcess &app)
{
    QDir().mkpath(QFileInfo(app.settingsFile()).path());
    QFile file(app.settingsFile());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[General]\nlanguage=zh_CN\nlastLab=udp-timestamp\n\n[view]\nzoom=130\n\n"
               "[progress]\ntcp-timestamp\\steps=server/socket\n");
}

} // namespace

class TestScriptedSettings : public QObject {
    Q_OBJECT
private slots:
    void seededSettingsAreRead()
    {
        SocketLabProcess app;
        seedSettings(app);
        const SocketLabResult r = app.run({QStringLiteral("--list-labs")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("TCP 时间戳服务器与客户端")), qPrintable(r.out));  // the saved language
    }

    void scriptedRunLeavesSettingsAlone_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("seeded");
        const QStringList picture{QStringLiteral("--lab"), QStringLiteral("tcp-timestamp"), QStringLiteral("--lang"), QStringLiteral("en"),
                                  QStringLiteral("--set"), QStringLiteral("server.port=0"), QStringLiteral("--send"), QStringLiteral("hello"),
                                  QStringLiteral("--screenshot"), QStringLiteral("shot.png")};
        QTest::newRow("--send --screenshot") << picture << true;
        QTest::newRow("--send --screenshot, nothing saved yet") << picture << false;
        QTest::newRow("--steps --screenshot") << QStringList{QStringLiteral("--lab"), QStringLiteral("socketserver"), QStringLiteral("--set"),
                                                             QStringLiteral("server.port=0"), QStringLiteral("--steps"), QStringLiteral("4"),
                                                             QStringLiteral("--screenshot"), QStringLiteral("steps.png")}
                                              << true;
        QTest::newRow("--list-labs") << QStringList{QStringLiteral("--list-labs"), QStringLiteral("--lang"), QStringLiteral("en")} << true;
        // stdin is closed: the client ends at its first input() (or at a refused connect).
        QTest::newRow("--run") << QStringList{QStringLiteral("--lab"), QStringLiteral("udp-timestamp"), QStringLiteral("--run"),
                                              QStringLiteral("client"), QStringLiteral("--lang"), QStringLiteral("en")}
                               << true;
    }

    void scriptedRunLeavesSettingsAlone()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, seeded);
        SocketLabProcess app;
        if (seeded)
            seedSettings(app);
        const QMap<QString, QByteArray> before = snapshot(app.configDir());
        const SocketLabResult r = app.run(arguments);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        const QMap<QString, QByteArray> after = snapshot(app.configDir());
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1 changed to:\n%2").arg(it.key(), QString::fromUtf8(after.value(it.key())))));
    }
};

QTEST_GUILESS_MAIN(TestScriptedSettings)
#include "tst_scriptedsettings.moc"
