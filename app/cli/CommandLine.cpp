#include "CommandLine.h"

#include "AppLanguage.h"

#include <LabLoader.h>
#include <observe/ObserveTarget.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// Qt's parser writes these itself (usage line, headings, its own options, its errors).
// They are listed here so lupdate puts them in our .ts files: Qt's translations
// (qt6-translations-l10n) are often not installed, and --help must be Chinese all the same.
[[maybe_unused]] constexpr const char *kQtParserTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays version information."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
};

// Options that print or run in the terminal and exit: they need no display.
bool isTerminalOnly(const QByteArray &arg)
{
    return arg == "--run" || arg.startsWith("--run=") || arg == "--check" || arg.startsWith("--check=") || arg == "--list-labs" || arg == "--list" || arg == "--help" || arg == "-h"
        || arg == "--help-all" || arg == "--version" || arg == "-v";
}

} // namespace

namespace CommandLine {

bool wantsWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (isTerminalOnly(QByteArray(argv[i])))
            return false;
    }
    return true;
}

QString read(const QStringList &arguments, CommandLineRequest &request)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("SocketLab: socket programming lessons on real sockets. Without options it "
                                            "opens the window on the lab used last."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"),
        Tr::tr("Language of the window and of these messages: en or zh_CN (default: the one used last, else the "
               "system's)."), QStringLiteral("language"));
    const QCommandLineOption listLabs(QStringLiteral("list-labs"), Tr::tr("Print one line per lab, its id and title; then exit."));
    const QCommandLineOption lab(QStringLiteral("lab"), Tr::tr("Open the lab ID (--list-labs shows them)."), QStringLiteral("id"));
    const QCommandLineOption run(QStringLiteral("run"),
        Tr::tr("With --lab: run the pane PANE in this terminal, without a window: its console on stdout, its input "
               "from stdin, errors on stderr; exit status 0 when it ends well."), QStringLiteral("pane"));
    const QCommandLineOption set(QStringLiteral("set"),
        Tr::tr("Set a parameter: with --run, NAME=VALUE of that pane (--set port=21567); in the window and with "
               "--check, PANE.NAME=VALUE (--set server.port=0), where NAME may also be an injected fault "
               "(--set server.recvMax=4). Repeatable."), QStringLiteral("name=value"));
    const QCommandLineOption labsDir(QStringLiteral("labs-dir"),
        Tr::tr("Also load labs from DIR (one folder per lab), after the built-in ones and the user's folder (%1).")
            .arg(LabCatalog::userRoot()), QStringLiteral("dir"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        Tr::tr("Render the window to FILE (PNG) and exit, once the --steps are taken and every --send line has its "
               "answer. If that cannot happen (a pane ended, or %1 s passed), the picture is saved all the same, the "
               "reason printed, and the exit status is 1.").arg(kScriptedRunSeconds), QStringLiteral("file"));
    const QCommandLineOption start(QStringLiteral("start"), Tr::tr("Run every pane of the lab at once."));
    const QCommandLineOption send(QStringLiteral("send"),
        Tr::tr("Type a line into a pane as if typed in its input box: PANE:LINE into that pane (--send client2:hello), "
               "a plain LINE into the first pane that reads input; :LINE sends a LINE that itself has a colon. "
               "Repeatable; implies --start unless --steps is given."), QStringLiteral("[pane:]line"));
    const QCommandLineOption steps(QStringLiteral("steps"),
        Tr::tr("Advance the lab N steps, as pressing Step (F10) N times: the server first until it blocks, then the "
               "clients. With --screenshot, the picture is taken after them."), QStringLiteral("n"));
    const QCommandLineOption diagram(QStringLiteral("diagram"),
        Tr::tr("With --screenshot: also save the sequence diagram to FILE (.svg as SVG, else PNG), for slides."),
        QStringLiteral("file"));
    const QCommandLineOption size(QStringLiteral("size"),
        Tr::tr("Open the window at this size, WIDTHxHEIGHT in pixels (--size 1920x1080), e.g. for a picture of it."),
        QStringLiteral("wxh"));
    const QCommandLineOption classroom(QStringLiteral("classroom"),
        Tr::tr("Open the window in its classroom layout: large text, the listings and one live view filling the screen."));
    const QCommandLineOption check(QStringLiteral("check"),
                                   Tr::tr("Run the check of the lab's exercise ID in the terminal, with the answer given by --set "
                                          "PANE.NAME=VALUE: one line per property, PASS or FAIL; exit status 0 only when all pass."),
                                   QStringLiteral("id"));
    const QCommandLineOption replay(QStringLiteral("replay"),
        Tr::tr("Open a saved run (File → Save run) in the window without running anything: its timeline shows any "
               "moment of it."), QStringLiteral("file"));
    const QCommandLineOption at(QStringLiteral("at"),
        Tr::tr("With --replay: show the moment SECONDS after the run's start (default: its end); with --screenshot, "
               "render that moment."), QStringLiteral("seconds"));
    const QCommandLineOption record(QStringLiteral("record"),
        Tr::tr("With --steps or --send: save the run to FILE once the steps are taken and the lines answered, then exit "
               "(open it with --replay)."), QStringLiteral("file"));
    const QCommandLineOption program(QStringLiteral("program"),
        Tr::tr("With --run: run your own Python 3 program FILE in the pane's place, traced (python3 runs it). Else "
               "PANE=FILE: your program in that pane of the window, or checked by --check. Repeatable."),
        QStringLiteral("[pane=]file"));
    const QCommandLineOption traceOut(QStringLiteral("trace-out"),
        Tr::tr("With --program: write one JSON line per socket call of the program to FILE (pane, thread, line, call, "
               "arguments, result or error, bytes, time blocked)."), QStringLiteral("file"));
    const QCommandLineOption observe(QStringLiteral("observe"),
        Tr::tr("Observe every socket on a local PORT (either end, TCP and UDP), or held by a process (pid:PID), of any "
               "process on this machine: the window shows them live, read-only (SocketLab never touches them)."),
        QStringLiteral("port|pid:pid"));
    const QCommandLineOption list(QStringLiteral("list"),
        Tr::tr("With --observe: print the observed sockets once, as ss -tuxanp would (state, Recv-Q, Send-Q, local and "
               "peer address, process), and exit."));
    parser.addOptions({lang, listLabs, lab, run, set, labsDir, screenshot, start, send, steps, diagram, check, size, classroom,
                       program, traceOut, replay, at, record, observe, list});
    parser.process(arguments);  // --help, --version and unknown options end here

    request.language = parser.value(lang);
    request.listLabs = parser.isSet(listLabs);
    request.labId = parser.value(lab);
    request.runPane = parser.value(run);
    request.assignments = parser.values(set);
    request.labsDir = parser.value(labsDir);
    request.screenshot = parser.value(screenshot);
    request.diagram = parser.value(diagram);
    request.start = parser.isSet(start);
    request.sends = parser.values(send);
    request.check = parser.value(check);
    request.replay = parser.value(replay);
    request.record = parser.value(record);
    request.programs = parser.values(program);
    if (!request.runPane.isEmpty() && !request.programs.isEmpty())
        request.program = request.programs.constLast();
    request.traceOut = parser.value(traceOut);
    request.classroom = parser.isSet(classroom);
    request.observe = parser.value(observe);
    request.listObserved = parser.isSet(list);
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        bool wide = false, high = false;
        const int width = parts.size() == 2 ? parts[0].toInt(&wide) : 0;
        const int height = parts.size() == 2 ? parts[1].toInt(&high) : 0;
        constexpr int kLargest = 16384;
        if (!wide || !high || width < 320 || height < 240 || width > kLargest || height > kLargest)
            return Tr::tr("socketlab: --size needs WIDTHxHEIGHT in pixels, from 320x240 to %1x%1, such as 1920x1080").arg(kLargest);
        request.windowSize = QSize(width, height);
    }

    if (parser.isSet(lang) && !AppLanguage::isKnown(request.language))
        return Tr::tr("socketlab: unknown language \"%1\" (use en or zh_CN)").arg(request.language);
    bool stepsOk = true;
    request.steps = parser.isSet(steps) ? parser.value(steps).toInt(&stepsOk) : 0;
    if (!stepsOk || request.steps < 0)
        return Tr::tr("socketlab: --steps needs a whole number of steps, 0 or more");
    if (!request.runPane.isEmpty() && request.labId.isEmpty())
        return Tr::tr("socketlab: --run needs --lab ID");
    if (!request.check.isEmpty() && request.labId.isEmpty())
        return Tr::tr("socketlab: --check needs --lab ID");
    if (parser.isSet(at)) {
        bool atOk = false;
        request.at = parser.value(at).toDouble(&atOk);
        if (!atOk || request.at < 0 || !std::isfinite(request.at))
            return Tr::tr("socketlab: --at needs a number of seconds, 0 or more");
        if (request.replay.isEmpty())
            return Tr::tr("socketlab: --at needs --replay FILE");
    }
    if (!request.replay.isEmpty() && (!request.labId.isEmpty() || !request.sends.isEmpty() || request.steps > 0 || request.start
                                      || !request.record.isEmpty()))
        return Tr::tr("socketlab: --replay shows a saved run and runs nothing: --lab, --send, --steps, --start and --record "
                      "do not go with it");
    if (request.listObserved && request.observe.isEmpty())
        return Tr::tr("socketlab: --list needs --observe PORT or --observe pid:PID");
    if (parser.isSet(observe)) {
        if (!request.labId.isEmpty() || !request.replay.isEmpty() || !request.sends.isEmpty() || request.steps > 0 || request.start
            || !request.record.isEmpty() || !request.programs.isEmpty())
            return Tr::tr("socketlab: --observe watches sockets and runs nothing: --lab, --replay, --send, --steps, --start, "
                          "--record and --program do not go with it");
        QString problem;
        if (!ObserveTarget::parse(request.observe, &problem))
            return Tr::tr("socketlab: --observe: %1").arg(problem);
    }
    if (!request.record.isEmpty() && request.steps == 0 && request.sends.isEmpty())
        return Tr::tr("socketlab: --record needs --steps or --send (what to run before saving)");
    if (!request.programs.isEmpty() && request.labId.isEmpty())
        return Tr::tr("socketlab: --program needs --lab ID");
    for (const QString &given : request.programs) {
        if (request.runPane.isEmpty() && given.indexOf(QLatin1Char('=')) <= 0)
            return Tr::tr("socketlab: without --run, write --program PANE=FILE.py, not \"%1\"").arg(given);
    }
    if (!request.traceOut.isEmpty() && request.program.isEmpty())
        return Tr::tr("socketlab: --trace-out needs --program FILE");
    if (!request.diagram.isEmpty() && request.screenshot.isEmpty())
        return Tr::tr("socketlab: --diagram needs --screenshot (the diagram is saved with the picture)");
    return {};
}

} // namespace CommandLine
