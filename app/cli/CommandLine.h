// The command line of `socketlab` (DESIGN.md, "Command line"): every option with its
// meaning in the user's language, read into a CommandLineRequest and checked. Reading it
// prints --help and --version and exits, as Qt's parser does.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

// How long a scripted --screenshot run waits for its lines to be answered and its steps to
// settle before it gives up (and says so).
inline constexpr int kScriptedRunSeconds = 20;

struct CommandLineRequest {
    QString language;       // --lang as typed; "" when absent
    bool listLabs = false;  // --list-labs
    QString labId;          // --lab
    QString runPane;        // --run: one pane in the terminal
    QStringList assignments;  // --set, in order
    QString labsDir;        // --labs-dir
    QString screenshot;     // --screenshot
    QString diagram;        // --diagram
    bool start = false;     // --start
    QStringList sends;      // --send, in order, as typed ("client2:hello" or "hello")
    int steps = 0;          // --steps
    QSize windowSize;       // --size WIDTHxHEIGHT; invalid when absent
    bool classroom = false; // --classroom
    QString check;          // --check: an exercise's check, headless
    QString replay;         // --replay: a saved run, opened read-only
    double at = -1;         // --at: the moment of --replay shown, in seconds (< 0: its end)
    QString record;         // --record: the scripted run saved to this file
    QString program;        // --program: with --run, the learner's own FILE.py in the pane's place
    QStringList programs;   // --program: with --check or the window, PANE=FILE.py, in order
    QString traceOut;       // --trace-out: with --program, one JSON line per socket call
    QString observe;        // --observe: PORT or pid:PID, any process's sockets, read-only
    bool listObserved = false;  // --list: with --observe, print the rows once and exit

    // A run a script makes (it prints, renders or runs a pane, then exits): it must not
    // change the user's saved settings.
    bool isScripted() const { return listLabs || listObserved || !runPane.isEmpty() || !screenshot.isEmpty() || !check.isEmpty() || !record.isEmpty(); }
};

namespace CommandLine {

// Whether these arguments want the window (--run, --list-labs, --help and --version do
// not), decided before any QGuiApplication exists.
bool wantsWindow(int argc, char **argv);

// Reads the arguments into request. Returns "" when they make sense, else why not, for
// stderr (exit status 2). --help, --version and unknown options end the process here.
QString read(const QStringList &arguments, CommandLineRequest &request);

} // namespace CommandLine
