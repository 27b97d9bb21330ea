// PaneProgramContext: what a pane's program reports, queued for the GUI thread.
#include "PaneProgramContext.h"

#include "LearnerExplanation.h"
#include "PaneRunnerShared.h"

#include <socketserver/RequestThreads.h>

using namespace socketlab;

PaneProgramContext::PaneProgramContext(std::shared_ptr<PaneRunner::Shared> shared, QHash<QString, QString> params)
    : m_shared(std::move(shared)), m_params(std::move(params)), m_owner(m_shared->pane.id.toStdString())
{
}

bool PaneProgramContext::step(std::string_view stepId)
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
    m_shared->postStep(id, line, thread);
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

void PaneProgramContext::print(std::string_view line)
{
    m_shared->postOutput(QString::fromUtf8(line.data(), qsizetype(line.size())));
}

std::optional<std::string> PaneProgramContext::input(std::string_view prompt)
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

void PaneProgramContext::error(const SocketError &e)
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

std::string PaneProgramContext::param(std::string_view name) const
{
    return m_params.value(QString::fromUtf8(name.data(), qsizetype(name.size()))).toStdString();
}

void PaneProgramContext::publish(std::string_view name, std::string value)
{
    const QString n = QString::fromUtf8(name.data(), qsizetype(name.size()));
    const QString v = QString::fromStdString(value);
    m_shared->post([s = m_shared.get(), n, v] { emit s->owner->published(n, v); });
}

SocketContext PaneProgramContext::socketContext() const
{
    return SocketContext{m_shared->trace, m_shared->cancel, m_shared->registry, m_owner, m_shared->faults,
                         explainForLearner};
}

bool PaneProgramContext::isStopped() const
{
    return m_shared->cancel->isCancelled();
}
