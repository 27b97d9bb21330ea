// Runs one pane's program on its own thread, behind a StepGate, and reports what it does:
// the step and listing line, its state, its console, what it publishes for other panes.
//
// All reports travel by queued signals, so the program thread never waits for the GUI.
// stop() wakes whatever the program waits in (a socket call, the gate, input()) through
// the pane's CancelToken and never blocks the GUI thread: a program that ends within a few
// milliseconds (the usual case) is joined at once; one that does not (a name lookup that
// cannot be interrupted) winds down on its own, holding only what it shares with the
// runner, and a start() meanwhile waits for it to end.
#pragma once

#include "LabDefinition.h"
#include "LineInput.h"
#include "StepGate.h"

#include <CancelToken.h>
#include <FaultPlan.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class LearnerRun;

class PaneRunner : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, WaitingForInput, Finished, Failed, Stopped };
    Q_ENUM(State)

    PaneRunner(PaneDefinition pane, std::shared_ptr<socketlab::TraceStream> trace,
               std::shared_ptr<socketlab::SocketRegistry> registry, QObject *parent = nullptr);
    ~PaneRunner() override;

    const PaneDefinition &definition() const { return m_pane; }
    QString paneId() const { return m_pane.id; }
    // A stopped run's thread has not ended yet (see stop()); a start() waits for it.
    bool isWindingDown() const { return !m_windingDown.empty(); }

    // Parameters: the lab's defaults until set. Returns why a value is refused, or "".
    QString setParam(const QString &name, const QString &value);
    QHash<QString, QString> paramValues() const;     // what the program will use
    void setFollowedValue(const QString &name, const QString &value);  // from another pane
    void clearFollowedValue(const QString &name);
    // The value comes from another pane now: it follows one, and setParam() has not overridden it.
    bool isFollowing(const QString &name) const
    {
        const ParamDefinition *p = m_pane.param(name);
        return p && !p->follows.isEmpty() && m_followed.contains(name) && !m_values.contains(name);
    }
    bool hasOwnValue(const QString &name) const { return m_values.contains(name); }  // set by setParam()
    // The listing the pane shows: the built-in program's, or the learner's own file.
    QStringList listing() const { return m_learnerFile.isEmpty() ? m_pane.renderedListing(paramValues()) : m_learnerListing; }

    State state() const { return m_state; }
    bool isActive() const;  // a run started and not yet ended or stopped

    // The learner's own Python program in place of the pane's (LearnerRun): from the next
    // start(), until set back to "". Lines are its steps (stepReached with an empty step id,
    // also for the line an uncaught exception ended it on), its listening port is published
    // as "port", its sockets are the pane's. Returns why the file cannot be read, or "".
    QString setLearnerProgram(const QString &file);
    QString learnerProgram() const { return m_learnerFile; }
    qint64 learnerPid() const;  // the running learner program's process, 0 if none
    QString currentStep() const { return m_currentStep; }
    int currentLine() const { return m_currentLine; }
    int exitCode() const { return m_exitCode; }
    QString lastError() const { return m_lastError; }
    // While a report of the program's thread (a step, a console line ...) is being delivered on
    // the GUI thread: when the program made it (steady clock ns), which may be a frame earlier;
    // else 0. A recording stamps reports with it, so they keep their place among the ticks.
    std::int64_t reportedAtNs() const { return m_reportedAtNs; }
    socketlab::SocketError lastSocketError() const { return m_lastSocketError; }  // as lastError(), for explaining it
    // The socket call the program is blocked in (None if not blocked) and since when.
    socketlab::TraceCall blockedIn(qint64 *blockedMs = nullptr) const;

    // Nothing to do until somebody acts: not running, waiting at the gate for Step (at a
    // step after the one last let through), waiting for input, or blocked in a socket call.
    bool isSettled() const;
    // Could Step move it now: waiting at its gate, or never started since the last Reset.
    bool canStep() const;
    void resetToIdle();  // after Reset: "not started", so stepping the lab starts it again

    void setEchoInput(bool echo);  // the window echoes "> line"
    // Stops before the occurrence-th arrival at a step in each run, even while running, and
    // says so (heldBefore): a prediction is due there. Until resumeAfterHold() lets it on as it
    // ran, it waits for the learner's answer: Run, Pause and Step only say how it goes on then,
    // and canStep() is false, so a lab-wide Step cannot pass the question by.
    void holdBefore(const QString &stepId, int occurrence);
    void clearHolds();
    void resumeAfterHold();
    bool isAwaitingAnswer() const;
    // Faults injected into this pane's sockets (the lab's, until a teacher or a check changes them).
    socketlab::FaultPlan &faults();
    StepGate &gate();

public slots:
    void start();                 // runs with the gate's current mode
    void stop();
    void step();                  // one step; starts the program paused if idle
    void pause();
    void run(StepGate::Mode mode = StepGate::Mode::Run);
    void sendInput(const QString &line);
    void sendInputBytes(const QByteArray &line);  // as a terminal gave it: input() raises if not UTF-8
    void closeInput();            // end of input (EOF): input() returns nothing, also for a run yet to start

signals:
    // thread: the kernel's id (gettid) of the program thread that reached the step, as the
    // socketserver stages name threads (TraceCall::ThreadStarted): under ThreadingMixIn each
    // request's handler steps on its own thread.
    void stepReached(const QString &stepId, int line, qint64 thread);
    void stateChanged(PaneRunner::State state);
    void output(const QString &line);
    void errorOutput(const QString &line);      // the learner-facing error
    void inputRequested(const QString &prompt);
    void published(const QString &name, const QString &value);
    void paramsChanged();                       // the listing shows other values now
    void programChanged();                      // setLearnerProgram(): another listing
    void finished(int exitCode);
    void woundDown();                           // the last stopped run's thread has ended
    void heldBefore(const QString &stepId, int occurrence);  // a holdBefore() stopped it


private slots:
    void deliverPosted();  // GUI thread: runs the reports the program thread queued
    void endDeliveryPause();  // GUI thread: delivers what gathered since, or goes quiet

private:
    friend class PaneProgramContext;
    struct Shared;      // what the program's thread shares with the runner (PaneRunner.cpp)
    struct RunThread;   // a program thread and the flag it raises when it has ended
    void setState(State state);
    bool blockedForGood() const;
    bool deferWhileAwaiting(StepGate::Mode mode);  // true: a prediction waits; mode is for afterwards
    void launch();
    void onRunEnded(const void *run, int code, bool stopped);
    qint64 learnerThreadId(const QString &threadName);
    void launchLearner();

    PaneDefinition m_pane;
    std::shared_ptr<Shared> m_shared;
    QTimer m_deliveryPause;  // after a delivery: reports gather, then come together (deliverPosted)
    QHash<QString, QString> m_values;
    QHash<QString, QString> m_followed;
    std::unique_ptr<RunThread> m_run;                       // the program's thread, while it runs
    std::vector<std::unique_ptr<RunThread>> m_windingDown;  // stopped runs whose threads still end
    QString m_learnerFile;
    QHash<QString, qint64> m_learnerThreads;  // a learner thread's name -> the number the views mark it by
    QStringList m_learnerListing;
    std::unique_ptr<LearnerRun> m_learner;
    bool m_startWhenWoundDown = false;
    bool m_inputClosed = false;
    unsigned long long m_arrivalsAtStep = 0;  // the gate's arrivals when Step was last pressed

    State m_state = State::Idle;
    QString m_currentStep;
    int m_currentLine = 0;
    int m_exitCode = 0;
    QString m_lastError;
    std::int64_t m_reportedAtNs = 0;
    socketlab::SocketError m_lastSocketError;
};
