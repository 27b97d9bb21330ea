// Runs a learner's own Python program in a pane's place: python3 runs it under the tracer
// shipped with the app (learner/socketlab_tracer.py), in a process group of its own. Its
// stdout and stderr are the pane's console, input() reads the pane's input line; the
// tracer's reports mark the line each thread is about to run, and its socket calls become
// the pane's TraceEvents and SocketRecords (LearnerSockets), so the socket table and the
// views show the learner's sockets beside built-in ones.
//
// Each line waits at the pane's StepGate, as built-in programs wait at their steps: Step,
// slow motion and Run work the same; while it runs freely the tracer does not wait at all.
// Stop (and the destructor) kills the whole process group and reaps it within
// milliseconds, also while the program is blocked in a call or busy in a loop.
//
// Two threads talk to the process: one reads the reports and answers at the gate, one
// reads the console. Every report reaches the GUI thread by a queued call; nothing here
// waits for the GUI.
#pragma once

#include "PaneRunner.h"
#include "LearnerReport.h"
#include "StepGate.h"

#include <ChildProcess.h>
#include <FaultPlan.h>
#include <CancelToken.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <QHash>
#include <QObject>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

class LearnerSockets;

class LearnerRun : public QObject {
    Q_OBJECT
public:
    using State = PaneRunner::State;

    // gate: the pane's, when a PaneRunner runs the learner's program in its place (it must
    // outlive this); null: a gate of its own.
    LearnerRun(QString paneId, std::shared_ptr<socketlab::TraceStream> trace,
               std::shared_ptr<socketlab::SocketRegistry> registry, StepGate *gate = nullptr, QObject *parent = nullptr);
    ~LearnerRun() override;

    // Starts programFile (the gate's mode says how it runs). false, with errorOutput()
    // saying why, when python3 is missing or the file cannot be run.
    bool start(const QString &programFile);
    void stop();
    void step();  // one line; in Step mode from now on
    void setMode(StepGate::Mode mode);
    StepGate &gate() { return m_gate; }
    void sendInput(const QByteArray &line);  // a line as typed, "\n" added when missing
    void closeInput();                       // end of input: input() raises EOFError

    State state() const { return m_state; }
    bool isActive() const { return m_child != nullptr; }
    int currentLine() const { return m_currentLine; }
    QString currentThread() const { return m_currentThread; }
    int exitCode() const { return m_exitCode; }
    qint64 pid() const;
    // The call the program is inside now ("accept"), "" if none, and since how long.
    QString blockedIn(qint64 *blockedMs = nullptr) const;
    // Faults injected into the program's stream sockets from the next start (the tracer
    // applies recvMax, coalesceMs and sendPiece; the others need the app's own sockets).
    void setFaults(const socketlab::FaultSettings &faults) { m_faults = faults; }
    // python3's name on PATH; tests point it elsewhere to see the "missing" message.
    void setPython(const QString &program) { m_python = program; }

signals:
    void lineReached(const QString &thread, int line);
    void callBegan(const LearnerReport &report);
    void callEnded(const LearnerReport &report);   // one socket call, finished
    void programError(int line, const QString &message);  // SyntaxError, an uncaught exception
    void serving(quint16 port);
    // A socket of the program was bound to an address other machines can reach (0.0.0.0, a
    // LAN address): the warning is also on errorOutput, for a terminal and the pane's console.
    void reachableBind(const QString &address);  // a socket of the program listens (TCP) or is bound (UDP) on this port
    void stateChanged(PaneRunner::State state);
    void output(const QString &line);
    void errorOutput(const QString &line);
    void inputRequested(const QString &prompt);
    void finished(int exitCode);

private:
    void readReports(int generation);
    void readConsole(int generation);
    // Reader threads: queues report to run on the GUI thread, unless the run it belongs to
    // was stopped by then. The hand-over is a std::mutex and a parameterless wake-up (as
    // PaneRunner's): a queued functor would be destroyed by whichever thread drops Qt's last
    // reference to it, which ThreadSanitizer cannot see ordered (QtCore is uninstrumented).
    void post(int generation, std::function<void()> report);
    Q_INVOKABLE void deliverPosted();
    void sendControl(const std::string &command);
    // A socket bound to an address other machines can reach (0.0.0.0, a LAN address): a
    // warning on errorOutput, which a terminal prints on stderr and the pane in its console.
    void warnIfReachable(const LearnerReport &report);
    void setState(State state);
    void joinThreads();

    const QString m_paneId;
    const std::shared_ptr<socketlab::TraceStream> m_trace;
    const std::shared_ptr<socketlab::SocketRegistry> m_registry;
    QString m_python = QStringLiteral("python3");
    socketlab::FaultSettings m_faults;
    StepGate m_ownGate;
    StepGate &m_gate;
    std::shared_ptr<socketlab::CancelToken> m_cancel = socketlab::CancelToken::create();
    std::unique_ptr<QTemporaryDir> m_tracerDir;
    std::unique_ptr<socketlab::ChildProcess> m_child;
    std::unique_ptr<LearnerSockets> m_sockets;
    std::thread m_reportThread;
    std::thread m_consoleThread;
    std::atomic<int> m_generation{0};
    std::mutex m_postedMutex;
    std::vector<std::pair<int, std::function<void()>>> m_posted;  // guarded by m_postedMutex
    bool m_deliveryPending = false;                               // guarded by m_postedMutex
    std::atomic<bool> m_free{false};  // the tracer runs without waiting (the gate was in Run mode)

    State m_state = State::Idle;
    int m_currentLine = 0;
    QString m_currentThread;
    QHash<QString, int> m_lineOfThread;  // the line last shown for each thread
    int m_exitCode = 0;
    QString m_blockedCall;
    qint64 m_blockedSinceMs = 0;
};
