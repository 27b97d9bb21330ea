// tst_commandlinelanguage: --help and the command line's own messages speak the user's
// language: the one --lang names, else the one saved last time, else the system's; Qt's
// own parts of --help (usage line, headings, -h and -v, unknown options) included, even
// where Qt's translations are not installed.
#include "SocketLabProcess.h"

#include <QtTest>

using testsupport::SocketLabProcess;
using testsupport::SocketLabResult;

class TestCommandLineLanguage : public QObject {
    Q_OBJECT
private slots:
    void speaksTheUsersLanguage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("systemLocale");
        QTest::addColumn<QString>("savedLanguage");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("expected");    // in stdout or stderr
        QTest::addColumn<QStringList>("unexpected");

        const QStringList help{QStringLiteral("--help")};
        const QStringList chineseHelp{QStringLiteral("用法："), QStringLiteral("选项："), QStringLiteral("显示版本信息"),
                                      QStringLiteral("同时运行实验的所有窗格"), QStringLiteral("第一个读取输入的窗格")};
        const QStringList englishHelp{QStringLiteral("Usage:"), QStringLiteral("Options:"), QStringLiteral("Displays version information."),
                                      QStringLiteral("Run every pane of the lab at once.")};
        QTest::newRow("--lang zh_CN --help") << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--help")}
                                             << QStringLiteral("C.UTF-8") << QString() << 0 << chineseHelp << englishHelp;
        QTest::newRow("--lang=zh_CN --help") << QStringList{QStringLiteral("--lang=zh_CN"), QStringLiteral("--help")}
                                             << QStringLiteral("C.UTF-8") << QString() << 0 << chineseHelp << englishHelp;
        QTest::newRow("Chinese system") << help << QStringLiteral("zh_CN.UTF-8") << QString() << 0 << chineseHelp << englishHelp;
        QTest::newRow("English system") << help << QStringLiteral("C.UTF-8") << QString() << 0 << englishHelp << chineseHelp;
        QTest::newRow("--lang en beats a Chinese system") << QStringList{QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")}
                                                          << QStringLiteral("zh_CN.UTF-8") << QString() << 0 << englishHelp << chineseHelp;
        QTest::newRow("saved language beats the system") << help << QStringLiteral("zh_CN.UTF-8") << QStringLiteral("en") << 0 << englishHelp
                                                         << chineseHelp;
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("zh_CN.UTF-8") << QString() << 1
                                        << QStringList{QStringLiteral("未知选项“bogus”")} << QStringList{QStringLiteral("Unknown option")};
        QTest::newRow("no such lab") << QStringList{QStringLiteral("--lab"), QStringLiteral("nosuch"), QStringLiteral("--run"), QStringLiteral("server")}
                                     << QStringLiteral("zh_CN.UTF-8") << QString() << 2 << QStringList{QStringLiteral("没有实验“nosuch”")}
                                     << QStringList{QStringLiteral("no lab")};
        QTest::newRow("bad --steps") << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--steps"), QStringLiteral("x")}
                                     << QStringLiteral("C.UTF-8") << QString() << 2 << QStringList{QStringLiteral("--steps 需要")}
                                     << QStringList{QStringLiteral("needs")};
        QTest::newRow("unknown --lang, Chinese system") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--list-labs")}
                                                        << QStringLiteral("zh_CN.UTF-8") << QString() << 2
                                                        << QStringList{QStringLiteral("未知的语言“fr”")} << QStringList{};
        QTest::newRow("unknown --lang, English system") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--list-labs")}
                                                        << QStringLiteral("C.UTF-8") << QString() << 2
                                                        << QStringList{QStringLiteral("unknown language \"fr\" (use en or zh_CN)")}
                                                        << QStringList{};
    }

    void speaksTheUsersLanguage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, systemLocale);
        QFETCH(QString, savedLanguage);
        QFETCH(int, exitCode);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, unexpected);
        SocketLabProcess app;
        app.setLocale(systemLocale);
        if (!savedLanguage.isEmpty()) {
            QDir().mkpath(QFileInfo(app.settingsFile()).path());
            QFile file(app.settingsFile());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[General]\nlanguage=" + savedLanguage.toUtf8() + "\n");
        }
        const SocketLabResult r = app.run(arguments);
        const QString printed = r.out + r.err;
        QVERIFY2(r.finished, qPrintable(printed));
        QCOMPARE(r.exitCode, exitCode);
        for (const QString &text : expected)
            QVERIFY2(printed.contains(text), qPrintable(QStringLiteral("no \"%1\" in:\n%2").arg(text, printed)));
        for (const QString &text : unexpected)
            QVERIFY2(!printed.contains(text), qPrintable(QStringLiteral("\"%1\" in:\n%2").arg(text, printed)));
    }

    void noDisplaySaysHowInTheUsersLanguage()
    {
        SocketLabProcess app;
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            app.environment().remove(QString::fromLatin1(name));
        const SocketLabResult r = app.run({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--lab"), QStringLiteral("tcp-timestamp")});
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("找不到图形显示")) && r.err.contains(QLatin1String("xvfb-run -a socketlab")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCommandLineLanguage)
#include "tst_commandlinelanguage.moc"
