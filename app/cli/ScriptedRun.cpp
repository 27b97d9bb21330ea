#include "ScriptedRun.h"

#include "MainWindow.h"
#include "SelfStudy.h"

#include <LabDefinition.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

#include <cstdio>

namespace {

constexpr int kStepPollMs = 10;
constexpr int kDonePollMs = 50;

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

// A pane reads input when its listing calls input() outside a comment.
bool readsInput(const PaneDefinition &pane)
{
    for (const QString &line : pane.listing) {
        if (line.left(line.indexOf(QLatin1Char('#'))).contains(QLatin1String("input(")))
            return true;
    }
    return false;
}

QStringList paneIds(const LabDefinition &lab, bool onlyReadingInput)
{
    QStringList ids;
    for (const PaneDefinition &pane : lab.panes) {
        if (!onlyReadingInput || readsInput(pane))
            ids << pane.id;
    }
    return ids;
}

bool isEnded(PaneRunner::State state)
{
    return state == PaneRunner::State::Finished || state == PaneRunner::State::Failed || state == PaneRunner::State::Stopped;
}

} // namespace

QString ScriptedRun::routeLines(const LabDefinition &lab, const QStringList &sends, QList<Line> &lines)
{
    static const QRegularExpression paneName(QStringLiteral("^[A-Za-z0-9_-]+$"));
    const QStringList readers = paneIds(lab, true);
    for (const QString &send : sends) {
        const qsizetype colon = send.indexOf(QLatin1Char(':'));
        const QString prefix = colon > 0 ? send.left(colon) : QString();
        if (const PaneDefinition *pane = prefix.isEmpty() ? nullptr : lab.pane(prefix)) {
            if (!readsInput(*pane))
                return tr("socketlab: --send %1: pane %2 does not read input (these do: %3)")
                    .arg(send, prefix, readers.join(QStringLiteral(", ")));
            lines << Line{prefix, send.mid(colon + 1)};
            continue;
        }
        if (paneName.match(prefix).hasMatch())  // a mistyped pane, not a line that says "time: 10:30"
            return tr("socketlab: --send %1: lab %2 has no pane \"%3\" (it has: %4); to send a line that itself has a "
                      "colon, put one in front: --send \":%1\"")
                .arg(send, lab.id, prefix, paneIds(lab, false).join(QStringLiteral(", ")));
        if (readers.isEmpty())
            return tr("socketlab: --send %1: no pane of lab %2 reads input").arg(send, lab.id);
        lines << Line{readers.first(), colon == 0 ? send.mid(1) : send};
    }
    return {};
}

ScriptedRun::ScriptedRun(MainWindow &window, const CommandLineRequest &request, const QList<Line> &lines, QObject *parent)
    : QObject(parent), m_window(window), m_request(request), m_lines(lines), m_stepper(new QTimer(this)), m_poll(new QTimer(this))
{
    connect(m_stepper, &QTimer::timeout, this, &ScriptedRun::takeStep);
    connect(m_poll, &QTimer::timeout, this, &ScriptedRun::checkDone);
}

void ScriptedRun::start()
{
    // Typed lines and Run all go through without stopping at questions nobody answers; --steps
    // stops at them, as a learner stepping would (the picture then shows the question).
    if (m_request.steps == 0)
        m_window.selfStudy()->setAskPredictions(false);  // this run's own settings (PrivateSettings)
    LabSession *session = m_window.session();
    for (const Line &line : m_lines) {
        PaneLines &pane = m_panes[line.pane];
        if (!pane.runner) {
            pane.runner = session->pane(line.pane);
            connect(pane.runner, &PaneRunner::inputRequested, this, [this, id = line.pane] { ++m_panes[id].requests; });
        }
        ++pane.lines;
        pane.runner->sendInput(line.text);  // waits in the pane's input until the program asks
    }
    if (m_request.steps == 0 && (m_request.start || !m_lines.isEmpty()))
        m_window.runAll();
    if (m_request.steps > 0)
        m_stepper->start(kStepPollMs);
    if (!m_request.screenshot.isEmpty() || !m_request.record.isEmpty()) {
        m_clock.start();
        m_poll->start(kDonePollMs);
    }
}

// --steps N: one lab step at a time, each once the previous one has settled (every pane
// at its next line, blocked for good, waiting for input or ended).
void ScriptedRun::takeStep()
{
    if (!m_window.session()->isSettled())
        return;
    if (m_stepsTaken >= m_request.steps || m_stuck) {
        m_stepper->stop();
        return;
    }
    if (m_window.session()->stepNext())
        ++m_stepsTaken;
    else
        m_stuck = true;
}

bool ScriptedRun::stepsDone() const
{
    return m_request.steps == 0 || ((m_stepsTaken >= m_request.steps || m_stuck) && m_window.session()->isSettled());
}

ScriptedRun::LinesState ScriptedRun::linesState(const PaneLines &pane)
{
    if (pane.requests - 1 >= pane.lines)
        return LinesState::Answered;  // it asked again after its last line
    if (!isEnded(pane.runner->state()))
        return LinesState::Waiting;
    if (pane.requests >= pane.lines && pane.runner->exitCode() == 0)
        return LinesState::Answered;  // its last line ended it (an empty line ends the tutorials' clients)
    return LinesState::Failed;
}

QStringList ScriptedRun::linesProblems(bool timedOut, bool *waiting) const
{
    QStringList problems;
    *waiting = false;
    if (m_request.steps > 0)
        return problems;  // the steps decide the moment of the picture, whatever the lines
    for (auto it = m_panes.cbegin(); it != m_panes.cend(); ++it) {
        const PaneLines &pane = it.value();
        switch (linesState(pane)) {
        case LinesState::Answered:
            break;
        case LinesState::Waiting:
            *waiting = true;
            if (timedOut)
                problems << tr("pane %1: %2 of %3 typed lines answered").arg(it.key()).arg(std::max(0, pane.requests - 1)).arg(pane.lines);
            break;
        case LinesState::Failed:
            problems << tr("pane %1 ended before answering its lines (%2)")
                            .arg(it.key(), pane.runner->lastError().isEmpty() ? tr("exit status %1").arg(pane.runner->exitCode())
                                                                              : pane.runner->lastError());
            break;
        }
    }
    return problems;
}

void ScriptedRun::checkDone()
{
    const bool timedOut = m_clock.hasExpired(qint64(kScriptedRunSeconds) * 1000);
    bool linesWaiting = false;
    QStringList problems = linesProblems(timedOut, &linesWaiting);
    const bool waiting = linesWaiting || !stepsDone();
    if (waiting && !timedOut && problems.isEmpty())
        return;
    if (timedOut && !stepsDone())
        problems << tr("the lab took %1 of the %2 steps asked").arg(m_stepsTaken).arg(m_request.steps);
    QString problem = problems.join(QStringLiteral("; "));
    if (timedOut && waiting)
        problem = tr("gave up after %1 s: %2").arg(kScriptedRunSeconds).arg(problem);
    finish(problem);
}

void ScriptedRun::finish(const QString &problem)
{
    m_poll->stop();
    m_stepper->stop();
    QCoreApplication::processEvents();  // the last steps' reports
    m_window.refreshViews();
    // The kernel's rows (a queued connection, a TIME_WAIT) are asked for in the background:
    // the picture waits for the answer about this moment (milliseconds), then shows it.
    if (LabSession *session = m_window.session(); session && session->feed().waitForKernelRows(std::chrono::seconds(2)))
        m_window.refreshViews();
    QCoreApplication::processEvents();  // the layout those last changes asked for
    bool ok = problem.isEmpty();
    if (!ok)
        printErr(QStringLiteral("socketlab: ") + problem);
    if (!m_request.screenshot.isEmpty() && !m_window.grab().save(m_request.screenshot)) {
        printErr(tr("socketlab: could not write %1").arg(m_request.screenshot));
        ok = false;
    }
    QString notSaved;
    if (!m_request.record.isEmpty() && !m_window.saveRun(m_request.record, &notSaved)) {
        printErr(tr("socketlab: the run was not saved to %1: %2").arg(m_request.record, notSaved));
        ok = false;
    }
    if (!m_request.diagram.isEmpty() && !m_window.exportSequenceDiagram(m_request.diagram)) {
        printErr(tr("socketlab: could not write %1").arg(m_request.diagram));
        ok = false;
    }
    m_window.close();
    QCoreApplication::exit(ok ? 0 : 1);
}
