// SocketLab's entry point: the window, or a run a script makes from the command line
// (--list-labs, --run PANE, --screenshot), which leaves the user's settings as they were.
#include "MainWindow.h"

#include "cli/AppIdentity.h"
#include "cli/AppLanguage.h"
#include "cli/CheckRun.h"
#include "cli/CommandLine.h"
#include "cli/ObserveList.h"
#include "cli/ObserveWindow.h"
#include "cli/PaneAssignments.h"
#include "cli/PrivateSettings.h"
#include "cli/SavedRunWindow.h"
#include "cli/ScriptedRun.h"

#include <socketserver/ForkHelper.h>

#include <HeadlessRun.h>
#include <LabLoader.h>
#include <LabSession.h>

#include <QApplication>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

// Where labs come from, in order: a later lab with the same id replaces an earlier one.
QStringList labRoots(const QString &labsDir)
{
    QStringList roots{LabCatalog::builtInRoot(), LabCatalog::userRoot()};
    if (!labsDir.isEmpty())
        roots << labsDir;
    return roots;
}

LabCatalog loadCatalog(const QString &labsDir)
{
    LabCatalog catalog;
    for (const QString &root : labRoots(labsDir))
        catalog.loadFrom(root);
    for (const LabError &error : catalog.errors())
        printErr(QStringLiteral("socketlab: ") + error.toString());  // the other labs still load
    for (const QString &note : catalog.notes())
        printErr(QStringLiteral("socketlab: ") + note);  // a teacher's lab replacing a built-in one
    return catalog;
}

int listLabs(const LabCatalog &catalog, const QString &language)
{
    for (const LabDefinition &lab : catalog.labs())
        std::printf("%s\t%s\n", qPrintable(lab.id), lab.title.in(language).toUtf8().constData());
    return catalog.errors().isEmpty() ? 0 : 1;
}

int showWindow(const LabCatalog &catalog, const CommandLineRequest &request, const QString &language)
{
    if (catalog.labs().isEmpty()) {
        printErr(QCoreApplication::translate("main", "socketlab: no lab could be loaded"));
        return 1;
    }
    AppLanguage::remember(language);
    MainWindow window(catalog, language, request.labId);
    window.setLabRoots(labRoots(request.labsDir));
    QList<ScriptedRun::Line> lines;
    QString problem = applyPaneAssignments(*window.session(), request.assignments);
    if (problem.isEmpty())
        problem = applyPanePrograms(*window.session(), request.programs);
    if (problem.isEmpty())
        problem = ScriptedRun::routeLines(window.session()->lab(), request.sends, lines);
    if (!problem.isEmpty()) {
        printErr(problem);
        return 2;
    }
    // The window keeps the size the user left it at (MainWindow::restoreLayout); --size overrides.
    if (request.windowSize.isValid())
        window.resize(request.windowSize);
    if (request.classroom)
        window.setPresentationMode(true);
    window.show();
    ScriptedRun script(window, request, lines);
    script.start();
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    // Sends use MSG_NOSIGNAL; this also covers any write a library makes to a closed pipe.
    std::signal(SIGPIPE, SIG_IGN);
    // ForkingMixIn's children are forked by a helper that must be forked now, while this
    // process still has one thread (Qt starts others). Without it, forking labs say why.
    socketlab::socketserver::ForkHelper::startFromMain();

    const bool wantsWindow = CommandLine::wantsWindow(argc, argv);
    const bool window = wantsWindow && haveDisplay();
    std::unique_ptr<QCoreApplication> app(window ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    AppIdentity::apply();
    // The language first: --help and every message below speak it.
    const QString language = AppLanguage::choose(AppLanguage::requested(QCoreApplication::arguments()));
    AppLanguage::install(*app, language);

    CommandLineRequest request;
    if (const QString problem = CommandLine::read(QCoreApplication::arguments(), request); !problem.isEmpty()) {
        printErr(problem);
        return 2;
    }
    if (wantsWindow && !window) {
        printErr(QCoreApplication::translate("main", "socketlab: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                            "Run it under a virtual display:   xvfb-run -a socketlab\n"
                            "or render without one, e.g.:      QT_QPA_PLATFORM=offscreen socketlab --screenshot window.png\n"
                            "Labs also run in the terminal:    socketlab --list-labs; socketlab --lab tcp-timestamp --run server"));
        return 2;
    }
    std::unique_ptr<PrivateSettings> privateSettings;
    if (request.isScripted()) {
        privateSettings = std::make_unique<PrivateSettings>();
        if (!privateSettings->isValid()) {
            printErr(QCoreApplication::translate("main", "socketlab: no temporary folder for this run's settings: %1").arg(privateSettings->errorString()));
            return 1;
        }
    }

    if (request.listObserved)
        return listObservedSockets(request.observe);  // no lab is needed to read the kernel's tables
    const LabCatalog catalog = loadCatalog(request.labsDir);
    if (request.listLabs)
        return listLabs(catalog, language);
    const LabDefinition *lab = request.labId.isEmpty() ? nullptr : catalog.find(request.labId);
    if (!request.labId.isEmpty() && !lab) {
        printErr(QCoreApplication::translate("main", "socketlab: no lab \"%1\"; --list-labs shows them").arg(request.labId));
        return 2;
    }
    if (!request.runPane.isEmpty() && !request.program.isEmpty())
        return runLearnerProgramHeadless(*lab, request.runPane, request.program, request.traceOut);
    if (!request.runPane.isEmpty())
        return runPaneHeadless(*lab, request.runPane, request.assignments);
    if (!request.check.isEmpty())
        return runCheckHeadless(*lab, request.check, request.assignments, request.programs, language);
    if (!request.replay.isEmpty())
        return showSavedRun(catalog, request, language);
    if (!request.observe.isEmpty())
        return showObserveWindow(catalog, request, language);
    return showWindow(catalog, request, language);
}
