#include "PaneRunner.h"

#include "LearnerExplanation.h"
#include "LearnerRun.h"
#include "PaneStepIndex.h"
#include "Program.h"

#include <Clock.h>
#include <FaultPlan.h>
#include <socketserver/RequestThreads.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QMetaObject>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>

using namespace socketlab;

namespace {

// How long stop() waits for a cancelled program to return before letting it wind down on
// its own. Woken calls return within microseconds; this only bounds the rare call that
// cannot be woken, so the GUI never freezes on it.
constexpr std::chrono::milliseconds kStopGrace{25};

// After a delivery of the program's reports, how long further reports gather before the
// next one: at most ~100 wake-ups of the GUI thread a second per pane, well within a frame.
constexpr std::chrono::milliseconds kDeliveryPause{10};

} // namespace

// What the program's thread shares with the runner. The thread holds it too, so a runner
// destroyed while a stopped program still winds down leaves nothing dangling: reports posted
// after that are dropped (owner is null).
struct PaneRunner::Shared {
    Shared(PaneRunner *runner, const PaneDefinition &definition, std::shared_ptr<TraceStream> traceStream,
           std::shared_ptr<SocketRegistry> socketRegistry)
        : pane(definition), trace(std::move(traceStream)), registry(std::move(socketRegistry)),
          cancel(CancelToken::create()), input(cancel), owner(runner)
    {
    }

    const PaneDefinition pane;
    const std::shared_ptr<TraceStream> trace;
    const std::shared_ptr<SocketRegistry> registry;
    const std::shared_ptr<CancelToken> cancel;
    const std::shared_ptr<FaultPlan> faults = std::make_shared<FaultPlan>();
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

    struct Posted {
        int generation;
        bool always;  // delivered even for a stopped run: its thread's end
        std::function<void()> report;
        std::int64_t postedNs;  // when the program made it
    };

    // Program thread: queues fn to run on the GUI thread. Reports wait in this queue and one
    // parameterless wake-up is posted per batch: the hand-over is a std::mutex (visible to
    // ThreadSanitizer), and a busy program posts one event per GUI frame, not per line.
    void post(std::function<void()> report, bool always = false)
    {
        std::lock_guard lock(postedMutex);
        if (!owner)
            return;
        posted.push_back({generation.load(), always, std::move(report), socketlab::steadyNowNs()});
        if (!std::exchange(deliveryPending, true))
            QMetaObject::invokeMethod(owner, "deliverPosted", Qt::QueuedConnection);
    }

    std::mutex postedMutex;
    PaneRunner *owner;  // guarded by postedMutex; null once the runner is gone
    std::vector<Posted> posted;
    bool deliveryPending = false;
};

// A program thread, and the flag it raises as its very last act, once everything the
// program made (its sockets) has been destroyed.
struct PaneRunner::RunThread {
    struct End {
        std::mutex mutex;
        std::condition_variable changed;
        bool ended = false;
    };
    std::thread thread;
    std::shared_ptr<End> end = std::make_shared<End>();

    bool waitEnded(std::chrono::milliseconds timeout) const
    {
        std::unique_lock lock(end->mutex);
        return end->changed.wait_for(lock, timeout, [this] { return end->ended; });
    }
    void join()
    {
        if (thread.joinable())
            thread.join();  // ended, or about to: this does not wait
    }
    ~RunThread()
    {
        if (thread.joinable())
            thread.detach();  // the runner is gone while a stopped program still ends: let it
    }
};

// What a running program sees of its pane. Lives on the program's thread; step(), print()
// and error() may also be called from threads the program starts (ThreadingMixIn's request
// threads): the gate, the report queue and the waiting count are locked, the rest is read-only.
class PaneProgramContext final : public ProgramContext {
public:
    PaneProgramContext(std::shared_ptr<PaneRunner::Shared> shared, QHash<QString, QString> params)
        : m_shared(std::move(shared)), m_params(std::move(params)), m_owner(m_shared->pane.id.toStdString())
    {
    }

    bool step(std::string_view stepId) override
    {
        const PaneStepIndex::Step *paneStep = m_shared->steps.find(stepId);
        const QString id = paneStep ? paneStep->name : QString::fromUtf8(stepId.data(), qsizetype(stepId.size()));
        if (!paneStep) {
            // The loader checked that the lab maps every step of the program: this is a program
            // using a step that is not its own. Say so rather than mark a line that is not it.
            print("SocketLab internal error: step \"" + std::string(stepId) + "\" is not a step of this pane's program");
        }
        const int line = paneStep ? paneStep->line : 0;
        int occurrence = 0;
        bool predictionDue = false;
        {
            std::lock_guard lock(m_shared->holdsMutex);
            occurrence = paneStep ? ++m_shared->arrivals[m_shared->steps.indexOf(*paneStep)] : ++m_shared->strayArrivals[id];
            const auto held = m_shared->holds.constFind(id);
            predictionDue = held != m_shared->holds.cend() && held->contains(occurrence);
            if (predictionDue || (paneStep && paneStep->hold)) {
                // A held step: wait for the learner, however the pane runs.
                m_shared->modeBeforeHold = m_shared->gate.mode();
                m_shared->gate.setMode(StepGate::Mode::Step);
                m_shared->awaitingAnswer = predictionDue;
            }
        }
        thread_local const qint64 thread = socketserver::currentThreadId();
        m_shared->post([s = m_shared.get(), id, line, t = thread] {
            PaneRunner *r = s->owner;
            r->m_currentStep = id;
            r->m_currentLine = line;
            emit r->stepReached(id, line, t);
        });
        if (predictionDue)
            m_shared->post([s = m_shared.get(), id, occurrence] { emit s->owner->heldBefore(id, occurrence); });
        return m_shared->gate.pass([this](bool waiting) {
            // Under ThreadingMixIn several handler threads may wait at the gate at once, and
            // Step lets one go: the pane stays paused while any other still waits. The report
            // is queued under the same lock, so the GUI sees the counts in order.
            std::lock_guard lock(m_waitingMutex);
            m_waiting += waiting ? 1 : -1;
            const bool paused = m_waiting > 0;
            m_shared->post([s = m_shared.get(), paused] {
                s->owner->setState(paused ? PaneRunner::State::Paused : PaneRunner::State::Running);
            });
        });
    }

    void print(std::string_view line) override
    {
        const QString text = QString::fromUtf8(line.data(), qsizetype(line.size()));
        m_shared->post([s = m_shared.get(), text] { emit s->owner->output(text); });
    }

    std::optional<std::string> input(std::string_view prompt) override
    {
        const QString p = QString::fromUtf8(prompt.data(), qsizetype(prompt.size()));
        m_shared->post([s = m_shared.get(), p] {
            s->owner->setState(PaneRunner::State::WaitingForInput);
            emit s->owner->inputRequested(p);
        });
        std::optional<std::string> line;
        try {
            line = m_shared->input.next();
        } catch (const InputDecodeError &raised) {  // Python's input() raises: the run ends with it (status 1)
            m_raised = raised.what();
            throw socketserver::SocketException(SocketError::fromErrno(EILSEQ));
        }
        const bool echo = m_shared->echoInput;
        const QString typed = line ? QString::fromStdString(*line) : QString();
        m_shared->post([s = m_shared.get(), echo, p, typed, got = line.has_value()] {
            if (echo && got)
                emit s->owner->output(p + typed);
            s->owner->setState(PaneRunner::State::Running);
        });
        return line;
    }

    void error(const SocketError &e) override
    {
        if (e.kind() == ErrorKind::Cancelled)
            return;  // Stop or Reset: not the learner's error
        const QString text = QString::fromStdString(m_raised.empty() ? e.pythonString() : m_raised);
        m_shared->post([s = m_shared.get(), text, e] {
            s->owner->m_lastError = text;
            s->owner->m_lastSocketError = e;
            emit s->owner->errorOutput(text);
        });
    }

    std::string param(std::string_view name) const override
    {
        return m_params.value(QString::fromUtf8(name.data(), qsizetype(name.size()))).toStdString();
    }

    void publish(std::string_view name, std::string value) override
    {
        const QString n = QString::fromUtf8(name.data(), qsizetype(name.size()));
        const QString v = QString::fromStdString(value);
        m_shared->post([s = m_shared.get(), n, v] { emit s->owner->published(n, v); });
    }

    SocketContext socketContext() const override
    {
        return SocketContext{m_shared->trace, m_shared->cancel, m_shared->registry, m_owner, m_shared->faults,
                             explainForLearner};
    }

    bool isStopped() const override { return m_shared->cancel->isCancelled(); }

private:
    const std::shared_ptr<PaneRunner::Shared> m_shared;
    const QHash<QString, QString> m_params;
    const std::string m_owner;
    std::string m_raised;  // what input() raised, for the error() that ends the run (the program's thread only)
    std::mutex m_waitingMutex;
    int m_waiting = 0;  // threads waiting at the gate for Step
};

PaneRunner::PaneRunner(PaneDefinition pane, std::shared_ptr<TraceStream> trace, std::shared_ptr<SocketRegistry> registry,
                       QObject *parent)
    : QObject(parent), m_pane(std::move(pane)),
      m_shared(std::make_shared<Shared>(this, m_pane, std::move(trace), std::move(registry)))
{
    m_shared->faults->set(m_pane.faults);
    m_deliveryPause.setSingleShot(true);
    m_deliveryPause.setInterval(kDeliveryPause);
    connect(&m_deliveryPause, &QTimer::timeout, this, &PaneRunner::endDeliveryPause);
}

FaultPlan &PaneRunner::faults()
{
    return *m_shared->faults;
}

PaneRunner::~PaneRunner()
{
    stop();
    m_learner.reset();
    std::lock_guard lock(m_shared->postedMutex);
    m_shared->owner = nullptr;  // a program still winding down reports to nobody now
}

StepGate &PaneRunner::gate()
{
    return m_shared->gate;
}

void PaneRunner::holdBefore(const QString &stepId, int occurrence)
{
    std::lock_guard lock(m_shared->holdsMutex);
    m_shared->holds[stepId].insert(occurrence);
}

void PaneRunner::clearHolds()
{
    std::lock_guard lock(m_shared->holdsMutex);
    m_shared->holds.clear();
}

void PaneRunner::resumeAfterHold()
{
    if (!isActive())
        return;  // stopped meanwhile: an answer must not start it again
    StepGate::Mode before;
    {
        std::lock_guard lock(m_shared->holdsMutex);
        before = m_shared->modeBeforeHold;
        m_shared->awaitingAnswer = false;
    }
    if (before == StepGate::Mode::Step)
        step();  // it was being stepped: this is the step the learner asked for
    else
        m_shared->gate.setMode(before);
}

bool PaneRunner::isAwaitingAnswer() const
{
    std::lock_guard lock(m_shared->holdsMutex);
    return m_shared->awaitingAnswer;
}

bool PaneRunner::deferWhileAwaiting(StepGate::Mode mode)
{
    std::lock_guard lock(m_shared->holdsMutex);
    if (!m_shared->awaitingAnswer)
        return false;
    m_shared->modeBeforeHold = mode;
    return true;
}

void PaneRunner::pause()
{
    if (!deferWhileAwaiting(StepGate::Mode::Step))
        gate().setMode(StepGate::Mode::Step);
}

void PaneRunner::run(StepGate::Mode mode)
{
    if (!deferWhileAwaiting(mode))
        gate().setMode(mode);
}

void PaneRunner::setEchoInput(bool echo)
{
    m_shared->echoInput = echo;
}

void PaneRunner::deliverPosted()
{
    // A program at full speed can queue thousands of reports between two GUI frames. They
    // are delivered a time slice at a time, the rest after the GUI's other events, so the
    // window never freezes while a loop runs flat out.
    constexpr qint64 kSliceNs = 8'000'000;
    Shared &s = *m_shared;
    std::vector<Shared::Posted> batch;
    {
        std::lock_guard lock(s.postedMutex);
        batch.swap(s.posted);
    }
    QElapsedTimer slice;
    slice.start();
    std::size_t done = 0;
    while (done < batch.size()) {
        Shared::Posted &p = batch[done++];
        if (p.always || p.generation == s.generation.load()) {  // reports of a stopped run are dropped
            m_reportedAtNs = p.postedNs;
            p.report();
            m_reportedAtNs = 0;
        }
        if (slice.nsecsElapsed() > kSliceNs)
            break;
    }
    const bool all = done == batch.size();
    if (all)
        batch.clear();  // the reports' captures are freed outside the lock
    std::lock_guard lock(s.postedMutex);
    if (!all) {
        // Not delivered yet: ahead of whatever arrived meanwhile, and one more wake-up.
        s.posted.insert(s.posted.begin(), std::make_move_iterator(batch.begin() + qsizetype(done)),
                        std::make_move_iterator(batch.end()));
        QMetaObject::invokeMethod(this, "deliverPosted", Qt::QueuedConnection);
        return;
    }
    if (s.posted.empty())
        s.posted.swap(batch);  // the emptied batch back: the queue keeps its room instead of growing again each time
    // Delivered. deliveryPending stays set for one pause: what the program reports meanwhile
    // waits for the pause's end instead of waking this thread once per report (at full speed
    // a server reports thousands of steps and lines a second, and each wake-up costs both
    // threads a system call and a context switch). The first report after a quiet pause is
    // delivered at once, so stepping stays immediate.
    m_deliveryPause.start();
}

void PaneRunner::endDeliveryPause()
{
    {
        std::lock_guard lock(m_shared->postedMutex);
        if (m_shared->posted.empty()) {
            m_shared->deliveryPending = false;  // quiet: the next report wakes this thread
            return;
        }
    }
    deliverPosted();  // what arrived during the pause
}

QString PaneRunner::setParam(const QString &name, const QString &value)
{
    const ParamDefinition *p = m_pane.param(name);
    if (!p)
        return tr("this pane has no parameter \"%1\"").arg(name);
    if (const QString problem = p->check(value); !problem.isEmpty())
        return problem;
    m_values.insert(name, value.trimmed());
    emit paramsChanged();
    return {};
}

QHash<QString, QString> PaneRunner::paramValues() const
{
    QHash<QString, QString> values;
    for (const ParamDefinition &p : m_pane.params) {
        if (!p.follows.isEmpty() && m_followed.contains(p.name) && !m_values.contains(p.name))
            values.insert(p.name, m_followed.value(p.name));
        else
            values.insert(p.name, m_values.value(p.name, p.defaultValue));
    }
    return values;
}

void PaneRunner::setFollowedValue(const QString &name, const QString &value)
{
    m_followed.insert(name, value);
    emit paramsChanged();
}

void PaneRunner::clearFollowedValue(const QString &name)
{
    if (m_followed.remove(name) > 0)
        emit paramsChanged();
}

TraceCall PaneRunner::blockedIn(qint64 *blockedMs) const
{
    const std::string owner = m_pane.id.toStdString();
    for (const auto &record : m_shared->registry->snapshot()) {
        if (record->owner != owner)
            continue;
        const TraceCall call = record->blockedIn.load(std::memory_order_acquire);
        if (call != TraceCall::None) {
            if (blockedMs)
                *blockedMs = (steadyNowNs() - record->blockedSinceNs.load()) / 1'000'000;
            return call;
        }
    }
    return TraceCall::None;
}

void PaneRunner::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool PaneRunner::isActive() const
{
    return m_run != nullptr || (m_learner && m_learner->isActive());
}

QString PaneRunner::setLearnerProgram(const QString &file)
{
    // A listing a learner reads in a pane: a program far longer than this is not one.
    constexpr qint64 kLongestProgram = 1024 * 1024;
    QStringList lines;
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return tr("cannot read %1: %2").arg(file, f.errorString());
        const QByteArray text = f.read(kLongestProgram + 1);
        if (text.size() > kLongestProgram)
            return tr("%1 is longer than 1 MiB: not a program to step through").arg(file);
        lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
        if (!lines.isEmpty() && lines.constLast().isEmpty())
            lines.removeLast();
        for (QString &line : lines) {
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
        }
    }
    m_learnerFile = file;
    m_learnerListing = lines;
    emit programChanged();
    return {};
}

qint64 PaneRunner::learnerPid() const
{
    return m_learner ? m_learner->pid() : 0;
}

qint64 PaneRunner::learnerThreadId(const QString &threadName)
{
    // The tracer names threads as Python does ("MainThread", "Thread-1 (serve)"): each name a
    // number of its own, in the order they appear, for the views that mark a line per thread.
    const auto known = m_learnerThreads.constFind(threadName);
    if (known != m_learnerThreads.constEnd())
        return *known;
    return *m_learnerThreads.insert(threadName, qint64(m_learnerThreads.size()) + 1);
}

void PaneRunner::launchLearner()
{
    if (!m_learner) {
        m_learner = std::make_unique<LearnerRun>(m_pane.id, m_shared->trace, m_shared->registry, &m_shared->gate);
        LearnerRun *l = m_learner.get();
        connect(l, &LearnerRun::lineReached, this, [this](const QString &thread, int line) {
            m_currentStep.clear();
            m_currentLine = line;
            emit stepReached(QString(), line, learnerThreadId(thread));
        });
        connect(l, &LearnerRun::stateChanged, this, &PaneRunner::setState);
        connect(l, &LearnerRun::output, this, &PaneRunner::output);
        connect(l, &LearnerRun::errorOutput, this, &PaneRunner::errorOutput);
        connect(l, &LearnerRun::inputRequested, this, &PaneRunner::inputRequested);
        connect(l, &LearnerRun::programError, this, [this](int line, const QString &message) {
            m_currentLine = line;
            m_lastError = message;
            if (line > 0)  // the line it ended on stays marked
                emit stepReached(QString(), line, learnerThreadId(m_learner->currentThread()));
        });
        connect(l, &LearnerRun::serving, this, [this](quint16 port) { emit published(QStringLiteral("port"), QString::number(port)); });
        connect(l, &LearnerRun::finished, this, [this](int code) {
            m_exitCode = code;
            emit finished(code);
        });
    }
    m_exitCode = 0;
    m_lastError.clear();
    m_lastSocketError = {};
    m_currentStep.clear();
    m_currentLine = 0;
    m_learner->setFaults(faults().settings());
    if (m_learner->start(m_learnerFile) && m_inputClosed)
        m_learner->closeInput();
}

void PaneRunner::start()
{
    if (isActive())
        return;
    if (!m_learnerFile.isEmpty()) {
        launchLearner();
        return;
    }
    if (isWindingDown()) {
        m_startWhenWoundDown = true;  // the stopped run still holds the gate: start once it has ended
        setState(State::Running);
        return;
    }
    launch();
}

void PaneRunner::launch()
{
    m_startWhenWoundDown = false;
    const ProgramInfo *program = findProgram(m_pane.program.toStdString());
    if (!program) {
        m_lastError = tr("no program is called \"%1\"").arg(m_pane.program);
        emit errorOutput(m_lastError);
        setState(State::Failed);
        return;
    }
    Shared &s = *m_shared;
    s.cancel->reset();
    s.gate.reset();
    {
        std::lock_guard lock(s.holdsMutex);
        std::fill(s.arrivals.begin(), s.arrivals.end(), 0);  // occurrences count from each start
        s.strayArrivals.clear();
        s.awaitingAnswer = false;
    }
    if (!m_inputClosed)
        s.input.reopen();  // lines typed before the program started wait for its input()
    m_exitCode = 0;
    m_lastError.clear();
    m_lastSocketError = {};
    m_currentStep.clear();
    m_currentLine = 0;
    ++s.generation;
    setState(State::Running);
    m_run = std::make_unique<RunThread>();
    m_run->thread = std::thread([shared = m_shared, end = m_run->end, program, params = paramValues()] {
        int code = 0;
        {
            PaneProgramContext context(shared, params);
            code = runProgram(*program, context);
        }
        const bool stopped = shared->cancel->isCancelled();
        // The report keeps the flag alive, so no later run can reuse its address meanwhile.
        shared->post([s = shared.get(), end, code, stopped] { s->owner->onRunEnded(end.get(), code, stopped); },
                     /*always=*/true);
        std::lock_guard lock(end->mutex);
        end->ended = true;
        end->changed.notify_all();
    });
}

void PaneRunner::onRunEnded(const void *run, int code, bool stopped)
{
    if (m_run && m_run->end.get() == run) {
        m_run->join();
        m_run.reset();
        m_exitCode = code;
        setState(stopped ? State::Stopped : code == 0 ? State::Finished : State::Failed);
        emit finished(code);
        return;
    }
    // A stopped run that wound down on its own (its Stop was reported when it was pressed),
    // or one stop() already joined (nothing left to do).
    const auto found = std::find_if(m_windingDown.begin(), m_windingDown.end(),
                                    [run](const std::unique_ptr<RunThread> &t) { return t->end.get() == run; });
    if (found == m_windingDown.end())
        return;
    (*found)->join();
    m_windingDown.erase(found);
    if (!isWindingDown()) {
        emit woundDown();
        if (m_startWhenWoundDown)
            launch();
    }
}

void PaneRunner::stop()
{
    m_inputClosed = false;
    m_startWhenWoundDown = false;
    if (m_learner && m_learner->isActive()) {
        m_learner->stop();  // kills its process group; reports Stopped and finished(-1)
        return;
    }
    Shared &s = *m_shared;
    if (!isActive()) {
        s.input.clear();  // lines typed ahead for a run that will not happen
        return;
    }
    s.cancel->cancel();
    s.gate.cancel();
    s.input.stop();
    {
        std::lock_guard lock(s.holdsMutex);
        s.awaitingAnswer = false;  // a question of the stopped run is answered by nobody
    }
    if (m_run->waitEnded(kStopGrace))
        m_run->join();
    else
        m_windingDown.push_back(std::move(m_run));
    m_run.reset();
    s.input.clear();
    ++s.generation;  // what the stopped run still had queued is dropped
    setState(State::Stopped);
    emit finished(m_exitCode = -1);
}

bool PaneRunner::isSettled() const
{
    if (!isActive())
        return true;
    {
        // Not while reports wait for delivery (a delivery pause gathers them for 10 ms): the
        // step the program reached is not marked yet, and the next Step would overtake it.
        std::lock_guard lock(m_shared->postedMutex);
        if (!m_shared->posted.empty())
            return false;
    }
    if (m_shared->gate.isWaiting() && m_shared->gate.arrivals() > m_arrivalsAtStep)
        return true;
    if (m_learner && m_learner->isActive())
        return m_state == State::WaitingForInput || blockedForGood();
    return m_shared->input.isWaiting() || blockedForGood();
}

bool PaneRunner::blockedForGood() const
{
    // Blocked, and nothing the kernel holds will wake it: a call blocked on a socket that
    // already has a connection or bytes waiting returns in a moment, so it is not settled.
    const std::string owner = m_pane.id.toStdString();
    bool blocked = false;
    for (const auto &record : m_shared->registry->snapshot()) {
        if (record->owner != owner || record->blockedIn.load(std::memory_order_acquire) == TraceCall::None)
            continue;
        if (record->probe().readable())
            return false;
        blocked = true;
    }
    return blocked;
}

bool PaneRunner::canStep() const
{
    if (!isActive())
        return m_state == State::Idle;
    return m_shared->gate.isWaiting() && !isAwaitingAnswer();
}

void PaneRunner::resetToIdle()
{
    if (!isActive())
        setState(State::Idle);
}

void PaneRunner::step()
{
    if (isActive() && deferWhileAwaiting(StepGate::Mode::Step))
        return;  // the question first; then this step
    m_shared->gate.setMode(StepGate::Mode::Step);
    m_arrivalsAtStep = m_shared->gate.arrivals();
    if (!isActive())
        start();  // it stops before its first step, which is then shown
    else if (m_learner && m_learner->isActive())
        m_learner->step();
    else
        m_shared->gate.stepOnce();
}

void PaneRunner::sendInput(const QString &line)
{
    sendInputBytes(line.toUtf8());
}

void PaneRunner::sendInputBytes(const QByteArray &line)
{
    if (m_learner && m_learner->isActive())
        m_learner->sendInput(line);
    else
        m_shared->input.push(line.toStdString());
}

void PaneRunner::closeInput()
{
    m_inputClosed = true;  // kept until Stop, so an end of input given before start() holds
    m_shared->input.stop();
    if (m_learner && m_learner->isActive())
        m_learner->closeInput();
}
