// The threads of one pane's program and the moment each of them is at, so the pane's marked
// line, its state line and its explanation always describe the same moment of the same
// thread. A program is one thread, except a ThreadingMixIn server: each request's handler
// steps on its own thread while the main thread goes back to serve_forever().
//
// A thread's moment: the step it reached last (PaneRunner::stepReached names the thread),
// unless it has since gone back into a call that waits: a socket call blocked (from the
// tick's snapshot: a request thread's connection, else the main thread's sockets), or
// serve_forever() waiting for a request (from its stage events, which say when the wait
// began: serve_forever's own poll restarts every poll_interval). Then the moment is that
// call's line and step - `server.serve_forever()`, not the handler line it left.
#pragma once

#include "ServingWaits.h"

#include <LabDefinition.h>
#include <PaneRunner.h>
#include <TraceEvent.h>

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <map>
#include <set>
#include <vector>

struct LiveTick;

class PaneThreads {
    Q_DECLARE_TR_FUNCTIONS(PaneThreads)
public:
    enum class Activity { Next, Running, Blocked, WaitingForRequest, WaitingForInput, Ended };

    struct Moment {
        qint64 thread = 0;
        std::uint64_t request = 0;   // a request thread: the run's request number; 0: another thread
        bool main = false;           // the program's own thread (the first that stepped)
        QString stepId;              // the step shown (the blocked call's step when it moved there)
        int line = 0;                // 1-based listing line; 0: none yet
        Activity activity = Activity::Running;
        socketlab::TraceCall call = socketlab::TraceCall::None;  // Blocked: the call
        std::int64_t sinceNs = 0;    // Blocked, WaitingForRequest: since when
        bool focus = false;          // the moment the pane's state line and explanation describe
    };

    explicit PaneThreads(const PaneDefinition &pane);

    void reset();  // a new run
    void stepReached(qint64 thread, const QString &stepId, int line);
    // The tick's stage events and snapshot: which threads exist, which connection each serves,
    // what each socket of the pane waits in.
    void feed(const LiveTick &tick);
    // Every thread's moment now; the focus is the thread that stepped last. state: the pane's.
    std::vector<Moment> moments(PaneRunner::State state) const;

    // Words for a moment, as the pane shows them: "main thread", "request 2's thread".
    static QString threadName(const Moment &m);
    // "blocked in recv() — 2.1 s", "paused before line 12", "waiting for a request in serve_forever() — 3.0 s".
    static QString activityText(const Moment &m, PaneRunner::State state, std::int64_t nowNs);
    static QString tagText(const Moment &m);  // the short word on the marked line: "next", "blocked" ...

private:
    struct Thread {
        QString stepId;
        int line = 0;
        std::uint64_t order = 0;         // when it last stepped, for the focus
        std::uint64_t request = 0;       // request threads: the run's request number
        std::uint32_t connectionId = 0;  // request threads: the connection it serves
        bool requestThread = false;
    };
    struct Wait {
        socketlab::TraceCall call = socketlab::TraceCall::None;
        std::int64_t sinceNs = 0;
    };
    const StepDefinition *stepOfCall(socketlab::TraceCall call) const;
    // The step to show a thread blocked in `call` at, when its last step's line is not that
    // call's (null: its own line); each (line, call) is looked up once.
    class CallPlacements {
    public:
        explicit CallPlacements(const PaneThreads &threads);
        const StepDefinition *stepFor(int line, socketlab::TraceCall call);

    private:
        struct Known {
            int line;
            socketlab::TraceCall call;
            const StepDefinition *step;
        };
        const PaneThreads &m_threads;
        std::vector<Known> m_known;
    };
    qint64 mainThread() const;

    const PaneDefinition &m_pane;
    std::map<qint64, Thread> m_threads;
    std::set<qint64> m_ended;            // request threads that ended: their last steps may still arrive
    qint64 m_main = 0;                   // the first thread that stepped: the program's own
    std::uint64_t m_order = 0;
    ServingWaits m_serving;                                 // every server's waits
    std::map<std::uint32_t, std::int64_t> m_servingSince;  // this pane's servers waiting: since when
    std::map<std::uint32_t, Wait> m_blocked;                // the pane's sockets blocked now
};
