// PaneRunner's state shared with its program's thread: PaneRunner.cpp drives it from the GUI
// thread, PaneProgramContext.cpp from the program's threads.
#pragma once

#include "PaneRunner.h"
#include "PaneStepIndex.h"

#include <Clock.h>

#include <QHash>
#include <QMetaObject>
#include <QSet>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

// What the program's thread shares with the runner. The thread holds it too, so a runner
// destroyed while a stopped program still winds down leaves nothing dangling: reports posted
// after that are dropped (owner is null).
struct PaneRunner::Shared {
    Shared(PaneRunner *runner, const PaneDefinition &definition, std::shared_ptr<socketlab::TraceStream> traceStream,
           std::shared_ptr<socketlab::SocketRegistry> socketRegistry)
        : pane(definition), trace(std::move(traceStream)), registry(std::move(socketRegistry)),
          cancel(socketlab::CancelToken::create()), input(cancel), owner(runner)
    {
    }

    const PaneDefinition pane;
    const std::shared_ptr<socketlab::TraceStream> trace;
    const std::shared_ptr<socketlab::SocketRegistry> registry;
    const std::shared_ptr<socketlab::CancelToken> cancel;
    const std::shared_ptr<socketlab::FaultPlan> faults = std::make_shared<socketlab::FaultPlan>();
    StepGate gate;
    LineInput input;
    std::atomic<bool> echoInput{true};
    std::atomic<int> generation{0};  // a report of an older run than this is dropped

    const PaneStepIndex steps{pane};

    // Where the program stops for a prediction, and how often this run reached each step.
    std::mutex holdsMutex;
    QHash<QString, QSet<int>> holds;
    std::vector<int> arrivals = std::vector<int>(steps.size(), 0);  // by PaneStepIndex::indexOf
    QHash<QString, int> strayArrivals;  // of steps that are not the pane's (an internal error)
    StepGate::Mode modeBeforeHold = StepGate::Mode::Run;  // guarded by holdsMutex
    bool awaitingAnswer = false;                           // guarded by holdsMutex: held for a prediction

    // A report for the GUI thread. A step reached and a line printed, a request's most frequent
    // reports, are plain records: as closures capturing a QString they would not fit
    // std::function's small buffer, and each would cost a malloc - dear on a ThreadingMixIn
    // request's thread, whose first mallocs all take the arena's slow path.
    enum class Report : std::uint8_t { Call, Step, Output };
    struct Posted {
        int generation = 0;
        bool always = false;  // delivered even for a stopped run: its thread's end
        Report kind = Report::Call;
        std::int64_t postedNs = 0;  // when the program made it
        QString text;               // Step: the step's name; Output: the line
        int line = 0;               // Step: its line in the listing
        qint64 thread = 0;          // Step: the thread that reached it
        std::function<void()> call;  // Call
    };

    // Program thread: queues a report for the GUI thread. Reports wait in this queue and one
    // parameterless wake-up is posted per batch: the hand-over is a std::mutex (visible to
    // ThreadSanitizer), and a busy program posts one event per GUI frame, not per line.
    void post(std::function<void()> report, bool always = false)
    {
        Posted p;
        p.always = always;
        p.call = std::move(report);
        enqueue(std::move(p));
    }
    void postStep(QString name, int line, qint64 thread)
    {
        Posted p;
        p.kind = Report::Step;
        p.text = std::move(name);
        p.line = line;
        p.thread = thread;
        enqueue(std::move(p));
    }
    void postOutput(QString line)
    {
        Posted p;
        p.kind = Report::Output;
        p.text = std::move(line);
        enqueue(std::move(p));
    }
    void enqueue(Posted &&p)
    {
        std::lock_guard lock(postedMutex);
        if (!owner)
            return;
        p.generation = generation.load();
        p.postedNs = socketlab::steadyNowNs();  // under the lock: the queue stays in time order
        posted.push_back(std::move(p));
        if (!std::exchange(deliveryPending, true))
            QMetaObject::invokeMethod(owner, "deliverPosted", Qt::QueuedConnection);
    }

    std::mutex postedMutex;
    PaneRunner *owner;  // guarded by postedMutex; null once the runner is gone
    std::vector<Posted> posted;
    bool deliveryPending = false;
};
