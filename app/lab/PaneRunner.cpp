#include "PaneRunner.h"

#include "LearnerRun.h"
#include "PaneProgramContext.h"
#include "PaneRunnerShared.h"
#include "Program.h"

#include <Clock.h>
#include <FaultPlan.h>

#include <QElapsedTimer>
#include <QFile>
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
            switch (p.kind) {
            case Shared::Report::Step:
                m_currentStep = p.text;
                m_currentLine = p.line;
                emit stepReached(p.text, p.line, p.thread);
                break;
            case Shared::Report::Output:
                emit output(p.text);
                break;
            case Shared::Report::Call:
                p.call();
                break;
            }
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
