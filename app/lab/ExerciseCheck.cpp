#include "ExerciseCheck.h"

#include "LabSession.h"
#include "PaneRunner.h"
#include "RunRecord.h"

namespace {

constexpr int kTickMs = 10;  // how often conditions are asked: a check of a few steps takes a second

} // namespace

ExerciseCheck::ExerciseCheck(LabDefinition lab, ExerciseDefinition exercise, QHash<QString, QString> answer,
                             QHash<QString, socketlab::FaultSettings> faults, QObject *parent)
    : QObject(parent), m_lab(lab.forExercise(exercise.id)), m_exercise(std::move(exercise)), m_answer(std::move(answer)), m_faults(std::move(faults))
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &ExerciseCheck::tick);
}

ExerciseCheck::~ExerciseCheck()
{
    m_timer.stop();
    m_record.reset();
    m_session.reset();  // stops every pane; Stop never waits on a call that cannot be woken
}

void ExerciseCheck::start()
{
    m_results.clear();
    m_variant = -1;
    m_clock.start();
    startVariant();
}

bool ExerciseCheck::passed() const
{
    return !isRunning() && !m_results.isEmpty()
           && std::all_of(m_results.begin(), m_results.end(), [](const PropertyResult &r) { return r.passed; });
}

void ExerciseCheck::startVariant()
{
    m_record.reset();
    m_session.reset();
    if (++m_variant >= m_exercise.variants.size()) {
        m_timer.stop();
        emit finished();
        return;
    }
    m_session = std::make_unique<LabSession>(m_lab);
    m_session->setDelayMs(0);
    QString programProblem;
    const ExerciseVariant &variant = m_exercise.variants.at(m_variant);
    for (PaneRunner *pane : m_session->panes()) {
        pane->setEchoInput(false);
        const QString id = pane->paneId();
        if (const QString problem = pane->setLearnerProgram(m_programs.value(id)); !problem.isEmpty())
            programProblem = problem;  // never judge the built-in program in its place
        pane->faults().set(variant.faults.value(id, m_faults.value(id, pane->definition().faults)));
    }
    m_record = std::make_unique<RunRecord>(*m_session);
    m_action = 0;
    m_actionStartMs = m_clock.elapsed();
    if (!m_exercise.programPane.isEmpty() && !m_programs.contains(m_exercise.programPane))
        programProblem = tr("This exercise checks your own program for the pane %1: give it (--program %1=FILE.py).").arg(m_exercise.programPane);
    if (!programProblem.isEmpty()) {
        fail(QStringLiteral("program"), LocalizedText{programProblem, {}}, {});
        m_record.reset();  // nothing ran: the other properties are not judged at all
        m_variant = int(m_exercise.variants.size()) - 1;
        endVariant();
        return;
    }
    if (!applyAnswer(*m_session)) {
        endVariant();
        return;
    }
    m_timer.start();
}

bool ExerciseCheck::applyAnswer(LabSession &session)
{
    // A server's port is 0 (the kernel chooses a free one) unless the exercise or the learner
    // says otherwise, so a check never collides with the lab running in the window.
    QHash<QString, QString> values;
    for (const PaneDefinition &pane : m_lab.panes) {
        const ParamDefinition *port = pane.param(QStringLiteral("port"));
        if (port && port->follows.isEmpty() && port->check(QStringLiteral("0")).isEmpty())
            values.insert(pane.id + QStringLiteral(".port"), QStringLiteral("0"));
    }
    for (auto it = m_answer.begin(); it != m_answer.end(); ++it)
        values.insert(it.key(), it.value());
    for (auto it = m_exercise.fixed.begin(); it != m_exercise.fixed.end(); ++it)
        values.insert(it.key(), it.value());
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('.'));
        PaneRunner *pane = parts.size() == 2 ? session.pane(parts[0]) : nullptr;
        const QString problem = pane ? pane->setParam(parts[1], it.value()) : tr("the lab has no pane parameter %1").arg(it.key());
        if (!problem.isEmpty()) {
            fail(QStringLiteral("answer"), LocalizedText{tr("The answer cannot be used: %1").arg(problem), {}}, it.key());
            return false;
        }
    }
    return true;
}

void ExerciseCheck::tick()
{
    m_record->poll();
    if (m_action >= m_exercise.script.size()) {
        endVariant();
        return;
    }
    const ExerciseAction &a = m_exercise.script.at(m_action);
    PaneRunner *pane = m_session->pane(a.pane);
    const qint64 waited = m_clock.elapsed() - m_actionStartMs;
    bool done = true;
    using K = ExerciseAction::Kind;
    const bool actsOnPane = a.kind == K::Start || a.kind == K::Stop || a.kind == K::Input || a.kind == K::EndInput;
    if (actsOnPane && !pane) {
        failScript(tr("The check's script acts on %1, which is not running: add it first").arg(a.pane));
        return;
    }
    switch (a.kind) {
    case K::Add:
        if (!m_session->addCopy(a.pane)) {
            failScript(tr("The check could not add another %1: the lab allows no more").arg(a.pane));
            return;
        }
        break;
    case K::Start:
        if (!m_session->isReadyToStart(pane)) {  // its port follows a server that has not published yet
            done = waited > a.withinMs;
            if (done) {
                failScript(tr("The check could not start %1: what it follows was never published").arg(a.pane));
                return;
            }
            break;
        }
        pane->gate().setMode(StepGate::Mode::Run);
        pane->start();
        break;
    case K::Stop:
        pane->stop();
        break;
    case K::Input:
        pane->sendInput(a.line);
        break;
    case K::EndInput:
        pane->closeInput();
        break;
    case K::Settle:
        done = m_session->isSettled() || waited > a.withinMs;
        break;
    case K::WaitFor:
    case K::Expect: {
        const bool holds = m_record->holds(a.condition);
        if (holds || a.condition.isMomentary() || waited > a.withinMs) {
            if (a.kind == K::Expect) {
                if (holds)
                    pass(a.property, a.success);
                else
                    fail(a.property, a.failure, m_record->whatHappened(a.condition));
            } else if (!holds) {
                fail(QStringLiteral("script"),
                     LocalizedText{tr("The run never reached this point: %1").arg(a.condition.describe()), {}},
                     m_record->whatHappened(a.condition));
                endVariant();
                return;
            }
        } else {
            done = false;
        }
        break;
    }
    }
    if (done) {
        ++m_action;
        m_actionStartMs = m_clock.elapsed();
    }
}

void ExerciseCheck::endVariant()
{
    m_timer.stop();
    if (m_record) {
        m_record->poll();
        // Properties the script did not reach are not passed.
        for (const ExerciseAction &a : m_exercise.script.mid(m_action)) {
            if (a.kind == ExerciseAction::Kind::Expect)
                fail(a.property, a.failure, tr("not reached"));
        }
        const bool scriptFailed = std::any_of(m_results.begin(), m_results.end(), [this](const PropertyResult &r) {
            return r.variant == m_exercise.variants.at(m_variant).name
                   && (r.id == QLatin1String("script") || r.id == QLatin1String("answer") || r.id == QLatin1String("program"));
        });
        for (const ExerciseProperty &p : m_exercise.properties) {
            if (!scriptFailed && m_record->holds(p.condition))
                pass(p.id, p.success);
            else
                fail(p.id, p.failure, scriptFailed ? tr("not reached") : m_record->whatHappened(p.condition));
        }
    }
    // The next variant starts from the event loop, after this session's panes have stopped.
    QTimer::singleShot(0, this, &ExerciseCheck::startVariant);
}

void ExerciseCheck::fail(const QString &id, const LocalizedText &failure, const QString &detail)
{
    m_results << PropertyResult{id, m_exercise.variants.at(m_variant).name, false, failure, detail, {}};
}

void ExerciseCheck::pass(const QString &id, const LocalizedText &success)
{
    m_results << PropertyResult{id, m_exercise.variants.at(m_variant).name, true, {}, {}, success};
}

bool ExerciseCheck::failScript(const QString &why)
{
    fail(QStringLiteral("script"), LocalizedText{why, {}}, {});
    endVariant();
    return false;
}

QStringList ExerciseCheck::report(const QString &language) const
{
    QStringList lines;
    for (const PropertyResult &r : m_results) {
        const QString name = r.variant.isEmpty() ? r.id : QStringLiteral("%1 [%2]").arg(r.id, r.variant);
        if (r.passed)
            lines << QStringLiteral("PASS %1").arg(name);
        else if (r.detail.isEmpty())
            lines << QStringLiteral("FAIL %1: %2").arg(name, r.failure.in(language));
        else
            lines << QStringLiteral("FAIL %1: %2 (%3)").arg(name, r.failure.in(language), r.detail);
    }
    return lines;
}
