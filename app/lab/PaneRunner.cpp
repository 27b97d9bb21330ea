#include "PaneRunner.h"

#include "Program.h"

#include <Clock.h>

#include <QElapsedTimer>
#include <QMetaObject>

using namespace socketlab;

// What a running program sees of its pane. Lives on the program's thread; step(), print()
// and error() may also be called from threads the program starts (ThreadingMixIn's request
// threads): the gate, the report queue and the waiting count are locked, the rest is read-only.
class PaneProgramContext final : public ProgramContext {
public:
    PaneProgramContext(PaneRunner &runner, QHash<QString, QString> params)
        : m_runner(runner), m_params(std::move(params)) {}

    bool step(std::string_view stepId) override
    {
        const QString id = QString::fromUtf8(stepId.data(), qsizetype(stepId.size()));
        const int line = m_runner.m_pane.steps.value(id).line;
        m_runner.post([r = &m_runner, id, line] {
            r->m_currentStep = id;
            r->m_currentLine = line;
            emit r->stepReached(id, line);
        });
        return m_runner.m_gate.pass([this](bool waiting) {
            // Under ThreadingMixIn several handler threads may wait at the gate at once, and
            // Step lets one go: the pane stays paused while any other still waits. The report
            // is queued under the same lock, so the GUI sees the counts in order.
            std::lock_guard lock(m_waitingMutex);
            m_waiting += waiting ? 1 : -1;
            const bool paused = m_waiting > 0;
            m_runner.post([r = &m_runner, paused] { r->setState(paused ? PaneRunner::State::Paused : PaneRunner::State::Running); });
        });
    }

    void print(std::string_view line) override
    {
        const QString text = QString::fromUtf8(line.data(), qsizetype(line.size()));
        m_runner.post([r = &m_runner, text] { emit r->output(text); });
    }

    std::optional<std::string> input(std::string_view prompt) override
    {
        const QString p = QString::fromUtf8(prompt.data(), qsizetype(prompt.size()));
        m_runner.post([r = &m_runner, p] {
            r->setState(PaneRunner::State::WaitingForInput);
            emit r->inputRequested(p);
        });
        std::optional<std::string> line = m_runner.m_input.next();
        const bool echo = m_runner.m_echoInput;
        const QString typed = line ? QString::fromStdString(*line) : QString();
        m_runner.post([r = &m_runner, echo, p, typed, got = line.has_value()] {
            if (echo && got)
                emit r->output(p + typed);
            r->setState(PaneRunner::State::Running);
        });
        return line;
    }

    void error(const SocketError &e) override
    {
        if (e.kind() == ErrorKind::Cancelled)
            return;  // Stop or Reset: not the learner's error
        const QString text = QString::fromStdString(e.pythonString());
        m_runner.post([r = &m_runner, text, e] {
            r->m_lastError = text;
            r->m_lastSocketError = e;
            emit r->errorOutput(text);
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
        m_runner.post([r = &m_runner, n, v] { emit r->published(n, v); });
    }

    SocketContext socketContext() const override
    {
        return SocketContext{m_runner.m_trace, m_runner.m_cancel, m_runner.m_registry, m_runner.m_pane.id.toStdString()};
    }

private:
    PaneRunner &m_runner;
    const QHash<QString, QString> m_params;
    std::mutex m_waitingMutex;
    int m_waiting = 0;  // threads waiting at the gate for Step
};

PaneRunner::PaneRunner(PaneDefinition pane, std::shared_ptr<TraceStream> trace, std::shared_ptr<SocketRegistry> registry,
                       QObject *parent)
    : QObject(parent), m_pane(std::move(pane)), m_trace(std::move(trace)), m_registry(std::move(registry)),
      m_cancel(CancelToken::create()), m_input(m_cancel)
{
}

PaneRunner::~PaneRunner()
{
    stop();
}

template <typename Fn>
void PaneRunner::post(Fn &&fn)
{
    // Reports wait in our own queue and one parameterless wake-up is posted per batch:
    // the hand-over is a std::mutex (visible to ThreadSanitizer, unlike Qt's internal
    // reference counts), and a busy program posts one event per GUI frame, not per line.
    bool wake = false;
    {
        std::lock_guard lock(m_postedMutex);
        m_posted.push_back({m_generation.load(), std::function<void()>(std::forward<Fn>(fn))});
        wake = !std::exchange(m_deliveryPending, true);
    }
    if (wake)
        QMetaObject::invokeMethod(this, "deliverPosted", Qt::QueuedConnection);
}

void PaneRunner::deliverPosted()
{
    // A program at full speed can queue thousands of reports between two GUI frames. They
    // are delivered a time slice at a time, the rest after the GUI's other events, so the
    // window never freezes while a loop runs flat out.
    constexpr qint64 kSliceNs = 8'000'000;
    std::vector<Posted> batch;
    {
        std::lock_guard lock(m_postedMutex);
        batch.swap(m_posted);
    }
    QElapsedTimer slice;
    slice.start();
    std::size_t done = 0;
    while (done < batch.size()) {
        Posted &p = batch[done++];
        if (p.generation == m_generation.load())  // reports of a stopped run are dropped
            p.report();
        if (slice.nsecsElapsed() > kSliceNs)
            break;
    }
    std::lock_guard lock(m_postedMutex);
    if (done < batch.size()) {
        // Not delivered yet: ahead of whatever arrived meanwhile, and one more wake-up.
        m_posted.insert(m_posted.begin(), std::make_move_iterator(batch.begin() + qsizetype(done)),
                        std::make_move_iterator(batch.end()));
        QMetaObject::invokeMethod(this, "deliverPosted", Qt::QueuedConnection);
    } else if (m_posted.empty()) {
        m_deliveryPending = false;
    } else {
        QMetaObject::invokeMethod(this, "deliverPosted", Qt::QueuedConnection);  // arrived meanwhile
    }
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
    for (const auto &record : m_registry->snapshot()) {
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

void PaneRunner::start()
{
    if (isActive())
        return;
    const ProgramInfo *program = findProgram(m_pane.program.toStdString());
    if (!program) {
        m_lastError = tr("no program is called \"%1\"").arg(m_pane.program);
        emit errorOutput(m_lastError);
        setState(State::Failed);
        return;
    }
    m_cancel->reset();
    m_gate.reset();
    if (!m_inputClosed)
        m_input.reopen();  // lines typed before the program started wait for its input()
    m_exitCode = 0;
    m_lastError.clear();
    m_lastSocketError = {};
    m_currentStep.clear();
    m_currentLine = 0;
    ++m_generation;
    setState(State::Running);
    m_thread = std::thread([this, program, params = paramValues()] {
        PaneProgramContext context(*this, params);
        const int code = program->run(context);
        const bool stopped = m_cancel->isCancelled();
        post([this, code, stopped] {
            if (m_thread.joinable())
                m_thread.join();  // the program has returned: this does not wait
            m_exitCode = code;
            setState(stopped ? State::Stopped : code == 0 ? State::Finished : State::Failed);
            emit finished(code);
        });
    });
}

void PaneRunner::stop()
{
    m_inputClosed = false;
    if (!isActive()) {
        m_input.clear();  // lines typed ahead for a run that will not happen
        return;
    }
    m_cancel->cancel();
    m_gate.cancel();
    m_input.stop();
    m_thread.join();
    m_input.clear();
    ++m_generation;  // what the stopped run still had queued is dropped
    setState(State::Stopped);
    emit finished(m_exitCode = -1);
}

bool PaneRunner::isSettled() const
{
    if (!isActive())
        return true;
    if (m_gate.isWaiting() && m_gate.arrivals() > m_arrivalsAtStep)
        return true;
    return m_input.isWaiting() || blockedForGood();
}

bool PaneRunner::blockedForGood() const
{
    // Blocked, and nothing the kernel holds will wake it: a call blocked on a socket that
    // already has a connection or bytes waiting returns in a moment, so it is not settled.
    const std::string owner = m_pane.id.toStdString();
    bool blocked = false;
    for (const auto &record : m_registry->snapshot()) {
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
    return m_gate.isWaiting();
}

void PaneRunner::resetToIdle()
{
    if (!isActive())
        setState(State::Idle);
}

void PaneRunner::step()
{
    m_gate.setMode(StepGate::Mode::Step);
    m_arrivalsAtStep = m_gate.arrivals();
    if (!isActive())
        start();  // it stops before its first step, which is then shown
    else
        m_gate.stepOnce();
}

void PaneRunner::sendInput(const QString &line)
{
    m_input.push(line.toStdString());
}

void PaneRunner::closeInput()
{
    m_inputClosed = true;  // kept until Stop, so an end of input given before start() holds
    m_input.stop();
}
