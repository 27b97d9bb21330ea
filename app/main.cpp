// SocketLab's entry point: the window, or scripted runs from the command line.
#include "MainWindow.h"

#include <TimestampDemo.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace {

// Without a display Qt aborts; say how to get one instead.
bool haveDisplay()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty())
        return true;
    return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale(language);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("socketlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);  // Qt's own dialogs and buttons
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char **argv)
{
    // Sends use MSG_NOSIGNAL; this also covers any write a library makes to a closed pipe.
    std::signal(SIGPIPE, SIG_IGN);

    if (!haveDisplay()) {
        std::fprintf(stderr,
                     "socketlab: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                     "Run it under a virtual display:   xvfb-run -a socketlab\n"
                     "or render without one, e.g.:      QT_QPA_PLATFORM=offscreen socketlab --screenshot window.png\n");
        return 2;
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETLAB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SocketLab: socket programming lessons on real sockets."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("Language of the window: en or zh_CN (default: the last one used, else the system's)."),
        QStringLiteral("language"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Render the window to FILE (PNG) and exit. With --start/--send, after they are done."),
        QStringLiteral("file"));
    const QCommandLineOption startOption(QStringLiteral("start"),
        QStringLiteral("Start the TCP timestamp server and client at once."));
    const QCommandLineOption sendOption(QStringLiteral("send"),
        QStringLiteral("Type LINE at the client's prompt after starting (repeatable; implies --start)."),
        QStringLiteral("line"));
    parser.addOptions({langOption, screenshotOption, startOption, sendOption});
    parser.process(app);

    QSettings settings;
    QString language = parser.value(langOption);
    if (language.isEmpty())
        language = settings.value(QStringLiteral("language"), QLocale::system().name()).toString();
    if (language != QLatin1String("en") && language != QLatin1String("zh_CN")) {
        if (parser.isSet(langOption)) {
            std::fprintf(stderr, "socketlab: unknown language '%s' (use en or zh_CN)\n", qPrintable(language));
            return 2;
        }
        language = language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
    }
    settings.setValue(QStringLiteral("language"), language);
    installTranslators(app, language);

    MainWindow window;
    window.resize(1280, 800);
    window.show();

    const QStringList lines = parser.values(sendOption);
    if (parser.isSet(startOption) || !lines.isEmpty()) {
        window.demo()->start();
        for (const QString &line : lines)
            window.demo()->sendLine(line);
    }

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Shoot once every line typed has its reply (two console lines each: the echoed
        // line and the reply), or after 5 s at most, so a script never hangs on a broken run.
        auto *poll = new QTimer(&app);
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        QObject::connect(poll, &QTimer::timeout, &app, [&, file, started] {
            const int wanted = 2 * int(lines.size());
            const bool ready = window.clientConsole()->blockCount() >= wanted;
            if (!ready && QDateTime::currentMSecsSinceEpoch() - started < 5000)
                return;
            poll->stop();
            QCoreApplication::processEvents();
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "socketlab: could not write %s\n", qPrintable(file));
            window.close();
            QCoreApplication::exit(saved ? 0 : 1);
        });
        poll->start(100);
    }
    return app.exec();
}
