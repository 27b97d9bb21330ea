// The window driven by the command line: --send lines typed into their panes, --steps lab
// steps taken one at a time, and with --screenshot the window (and --diagram the sequence
// diagram) saved once every line has its answer and every step has settled; then the
// program quits. A run that cannot get there (a pane ended before answering its lines, or
// kScriptedRunSeconds passed) saves what it shows all the same and says why on stderr,
// exit status 1: a script never hangs on a broken run, nor takes its picture for a good one.
#pragma once

#include "CommandLine.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>

class MainWindow;
class PaneRunner;
class QTimer;
struct LabDefinition;

class ScriptedRun : public QObject {
    Q_OBJECT
public:
    struct Line {
        QString pane;
        QString text;
    };
    // Where each --send goes: "PANE:LINE" into that pane, a plain LINE (or ":LINE") into
    // the first pane that reads input. Returns "" with lines filled, else why not.
    static QString routeLines(const LabDefinition &lab, const QStringList &sends, QList<Line> &lines);

    ScriptedRun(MainWindow &window, const CommandLineRequest &request, const QList<Line> &lines, QObject *parent = nullptr);
    void start();  // once the window is shown

private:
    struct PaneLines {
        PaneRunner *runner = nullptr;
        int lines = 0;     // typed into it
        int requests = 0;  // times it asked for input: after each answered line it asks again
    };
    enum class LinesState { Answered, Waiting, Failed };
    static LinesState linesState(const PaneLines &pane);
    void takeStep();
    void checkDone();
    bool stepsDone() const;
    // Why lines cannot be answered (a pane ended; with timedOut also those still waited
    // for); waiting says whether any pane may still answer.
    QStringList linesProblems(bool timedOut, bool *waiting) const;
    void finish(const QString &problem);

    MainWindow &m_window;
    CommandLineRequest m_request;
    QList<Line> m_lines;
    QMap<QString, PaneLines> m_panes;  // by pane id, so messages come in a stable order
    int m_stepsTaken = 0;
    bool m_stuck = false;  // nothing could move any more: fewer steps than asked
    QTimer *m_stepper;
    QTimer *m_poll;
    QElapsedTimer m_clock;
};
