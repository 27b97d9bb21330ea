// SocketLab's entry point: the window, or scripted runs from the command line
// (--list-labs, --run PANE) that need no display.
#include "MainWindow.h"

#include <socketserver/ForkHelper.h>

#include <HeadlessRun.h>
#include <LabLoader.h>
#include <LabSession.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {

// Modes that print and exit need no display; decide before any QGuiApplication exists.
bool wantsTerminalOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--run" || arg == "--list-labs" || arg == "--help" || arg == "-h" || arg == "--help-all"
            || arg == "--version" || arg == "-v" || arg.startsWith("--run="))
            return true;
    }
    return false;
}

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale(language);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("socketlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);  // Qt's own dialogs and buttons
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

QString chooseLanguage(const QString &requested, QSettings &settings)
{
    QString language = requested.isEmpty()
        ? settings.value(QStringLiteral("language"), QLocale::system().name()).toString()
        : requested;
    if (language != QLatin1String("en") && language != QLatin1String("zh_CN"))
        language = language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
    return language;
}

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

} // namespace

int main(int argc, char **argv)
{
    // Sends use MSG_NOSIGNAL; this also covers any write a library makes to a closed pipe.
    std::signal(SIGPIPE, SIG_IGN);
    // ForkingMixIn's children are forked by a helper that must be forked now, while this
    // process still has one thread (Qt starts others). Without it, forking labs say why.
    socketlab::socketserver::ForkHelper::startFromMain();

    const bool terminalOnly = wantsTerminalOnly(argc, argv);
    if (!terminalOnly && !haveDisplay()) {
        std::fprintf(stderr,
                     "socketlab: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                     "Run it under a virtual display:   xvfb-run -a socketlab\n"
                     "or render without one, e.g.:      QT_QPA_PLATFORM=offscreen socketlab --screenshot window.png\n"
                     "Labs also run in the terminal:    socketlab --list-labs; socketlab --lab tcp-timestamp --run server\n");
        return 2;
    }
    std::unique_ptr<QCoreApplication> app(terminalOnly ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETLAB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SocketLab: socket programming lessons on real sockets."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("Language: en or zh_CN (default: the last one used, else the system's)."), QStringLiteral("language"));
    const QCommandLineOption listOption(QStringLiteral("list-labs"), QStringLiteral("Print one line per lab: id, title; then exit."));
    const QCommandLineOption labOption(QStringLiteral("lab"), QStringLiteral("Open the lab ID (see --list-labs)."), QStringLiteral("id"));
    const QCommandLineOption runOption(QStringLiteral("run"),
        QStringLiteral("With --lab: run the pane PANE in this terminal, without a window: its console on stdout, "
                       "its input from stdin, errors on stderr; exit status 0 when it ends well."), QStringLiteral("pane"));
    const QCommandLineOption setOption(QStringLiteral("set"),
        QStringLiteral("Set a parameter: with --run, NAME=VALUE of that pane (--set port=21567); in the window, "
                       "PANE.NAME=VALUE (--set server.port=0). Repeatable."), QStringLiteral("name=value"));
    const QCommandLineOption labsDirOption(QStringLiteral("labs-dir"),
        QStringLiteral("Also load labs from DIR (one folder per lab), after the built-in ones and the user's folder (%1).")
            .arg(LabCatalog::userRoot()), QStringLiteral("dir"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Render the window to FILE (PNG) and exit, after --steps are taken or --send lines are answered."),
        QStringLiteral("file"));
    const QCommandLineOption startOption(QStringLiteral("start"), QStringLiteral("Run every pane of the lab at once."));
    const QCommandLineOption sendOption(QStringLiteral("send"),
        QStringLiteral("Type LINE at the client's prompt (repeatable; implies --start unless --steps is given)."),
        QStringLiteral("line"));
    const QCommandLineOption stepsOption(QStringLiteral("steps"),
        QStringLiteral("Advance the lab N steps, as pressing Step (F10) N times: the server first until it blocks, then "
                       "the clients. With --screenshot, the picture is taken after them."), QStringLiteral("n"));
    const QCommandLineOption diagramOption(QStringLiteral("diagram"),
        QStringLiteral("With --screenshot: also save the sequence diagram to FILE (.svg as SVG, else PNG), for slides."),
        QStringLiteral("file"));
    parser.addOptions({langOption, listOption, labOption, runOption, setOption, labsDirOption, screenshotOption, startOption,
                       sendOption, stepsOption, diagramOption});
    parser.process(*app);

    QSettings settings;
    if (parser.isSet(langOption) && parser.value(langOption) != QLatin1String("en") && parser.value(langOption) != QLatin1String("zh_CN")) {
        printErr(QStringLiteral("socketlab: unknown language '%1' (use en or zh_CN)").arg(parser.value(langOption)));  // before any translation
        return 2;
    }
    const QString language = chooseLanguage(parser.value(langOption), settings);
    installTranslators(*app, language);

    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    catalog.loadFrom(LabCatalog::userRoot());
    if (parser.isSet(labsDirOption))
        catalog.loadFrom(parser.value(labsDirOption));
    for (const LabError &error : catalog.errors())
        printErr(QStringLiteral("socketlab: ") + error.toString());  // the other labs still load

    if (parser.isSet(listOption)) {
        for (const LabDefinition &lab : catalog.labs())
            std::printf("%s\t%s\n", qPrintable(lab.id), lab.title.in(language).toUtf8().constData());
        return catalog.errors().isEmpty() ? 0 : 1;
    }

    const LabDefinition *lab = nullptr;
    if (parser.isSet(labOption)) {
        lab = catalog.find(parser.value(labOption));
        if (!lab) {
            printErr(QCoreApplication::translate("main", "socketlab: no lab \"%1\"; --list-labs shows them").arg(parser.value(labOption)));
            return 2;
        }
    }
    if (parser.isSet(runOption)) {
        if (!lab) {
            printErr(QCoreApplication::translate("main", "socketlab: --run needs --lab ID"));
            return 2;
        }
        return runPaneHeadless(*lab, parser.value(runOption), parser.values(setOption));
    }

    settings.setValue(QStringLiteral("language"), language);
    if (catalog.labs().isEmpty()) {
        printErr(QCoreApplication::translate("main", "socketlab: no lab could be loaded"));
        return 1;
    }
    bool stepsOk = true;
    const int steps = parser.isSet(stepsOption) ? parser.value(stepsOption).toInt(&stepsOk) : 0;
    if (!stepsOk || steps < 0) {
        printErr(QCoreApplication::translate("main", "socketlab: --steps needs a whole number of steps, 0 or more"));
        return 2;
    }

    MainWindow window(catalog, language, lab ? lab->id : QString());
    for (const QString &assignment : parser.values(setOption)) {
        const qsizetype dot = assignment.indexOf(QLatin1Char('.'));
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        PaneRunner *pane = dot > 0 && eq > dot ? window.session()->pane(assignment.left(dot)) : nullptr;
        const QString problem = pane ? pane->setParam(assignment.mid(dot + 1, eq - dot - 1), assignment.mid(eq + 1))
                                     : QCoreApplication::translate("main", "write PANE.NAME=VALUE with a pane of lab %1").arg(window.labId());
        if (!problem.isEmpty()) {
            printErr(QStringLiteral("socketlab: --set %1: %2").arg(assignment, problem));
            return 2;
        }
    }
    window.resize(1280, 800);
    window.show();

    const QStringList lines = parser.values(sendOption);
    for (const QString &line : lines)
        window.typeIntoClient(line);  // waits in the client's input until it asks
    if (steps == 0 && (parser.isSet(startOption) || !lines.isEmpty()))
        window.runAll();

    // --steps N: one lab step at a time, each once the previous one has settled (every
    // pane at its next line, blocked for good, waiting for input or ended).
    auto stepsDone = std::make_shared<int>(0);
    auto stuck = std::make_shared<bool>(false);
    if (steps > 0) {
        auto *stepper = new QTimer(app.get());
        QObject::connect(stepper, &QTimer::timeout, app.get(), [&window, stepper, steps, stepsDone, stuck] {
            if (!window.session()->isSettled())
                return;
            if (*stepsDone >= steps || *stuck) {
                stepper->stop();
                return;
            }
            if (window.session()->stepNext())
                ++*stepsDone;
            else
                *stuck = true;  // nothing can move any more: fewer steps than asked
        });
        stepper->start(10);
    }

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Shoot once the steps are taken and every typed line has its answer, or after
        // 10 s at most, so a script never hangs on a broken run.
        auto *poll = new QTimer(app.get());
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        QObject::connect(poll, &QTimer::timeout, app.get(), [&, file, started] {
            const bool stepped = steps == 0 || ((*stepsDone >= steps || *stuck) && window.session()->isSettled());
            const bool answered = steps > 0 || window.answeredLines() >= lines.size();
            if (!(stepped && answered) && QDateTime::currentMSecsSinceEpoch() - started < 10000)
                return;
            poll->stop();
            QCoreApplication::processEvents();  // the last steps' reports
            window.refreshViews();
            QCoreApplication::processEvents();  // the layout those last changes asked for
            bool saved = window.grab().save(file);
            if (!saved)
                printErr(QCoreApplication::translate("main", "socketlab: could not write %1").arg(file));
            if (const QString diagram = parser.value(diagramOption); !diagram.isEmpty() && !window.exportSequenceDiagram(diagram)) {
                printErr(QCoreApplication::translate("main", "socketlab: could not write %1").arg(diagram));
                saved = false;
            }
            window.close();
            QCoreApplication::exit(saved ? 0 : 1);
        });
        poll->start(50);
    }
    return QCoreApplication::exec();
}
