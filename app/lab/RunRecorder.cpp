#include "RunRecorder.h"

#include "LabSession.h"
#include "PaneMoment.h"
#include "PaneRunner.h"

#include <Clock.h>

RunRecorder::RunRecorder(LabSession &session, std::size_t budgetBytes, QObject *parent)
    : QObject(parent), m_session(session), m_recording(budgetBytes)
{
    m_recording.setLab(session.lab());
    for (PaneRunner *pane : session.panes())
        watch(pane);
    connect(&session, &LabSession::paneAdded, this, &RunRecorder::watch);
    session.feed().follow(this);
}

RunRecorder::~RunRecorder()
{
    m_session.feed().unfollow(this);
}

void RunRecorder::report(PaneRunner *pane, PaneReport::Kind kind, const QString &text, const QString &detail, int number)
{
    // Stamped when the program made it, not when the GUI thread got to it: a tick taken in
    // between must not come before it in the recording.
    const std::int64_t madeNs = pane->reportedAtNs();
    m_recording.addReport(PaneReport{madeNs ? madeNs : socketlab::steadyNowNs(), pane->paneId(), kind, text, detail, number});
    emit recorded();
}

void RunRecorder::watch(PaneRunner *pane)
{
    using K = PaneReport::Kind;
    // The listing as the pane shows it, now and whenever its parameters change it.
    auto listing = [this, pane] { report(pane, K::Listing, pane->listing().join(QLatin1Char('\n'))); };
    listing();
    connect(pane, &PaneRunner::paramsChanged, this, listing);
    connect(pane, &PaneRunner::stepReached, this, [this, pane](const QString &step, int line) { report(pane, K::Step, step, {}, line); });
    connect(pane, &PaneRunner::stateChanged, this, [this, pane](PaneRunner::State state) { report(pane, K::State, {}, {}, int(state)); });
    connect(pane, &PaneRunner::output, this, [this, pane](const QString &line) { report(pane, K::Output, line); });
    // With the socket error behind it, so a replay explains the error as the pane did.
    connect(pane, &PaneRunner::errorOutput, this,
            [this, pane](const QString &line) { report(pane, K::Error, line, errorCauseText(pane->lastSocketError())); });
    connect(pane, &PaneRunner::inputRequested, this, [this, pane](const QString &prompt) { report(pane, K::InputRequested, prompt); });
    connect(pane, &PaneRunner::published, this,
            [this, pane](const QString &name, const QString &value) { report(pane, K::Published, name, value); });
    connect(pane, &PaneRunner::finished, this, [this, pane](int code) { report(pane, K::Finished, {}, {}, code); });
}

void RunRecorder::runTicked(const RunTick &tick)
{
    m_recording.addFrame(tick.nowNs, tick.events, tick.sockets, tick.kernelOnly);
    emit recorded();
}

void RunRecorder::runReset()
{
    // A Reset starts a new run: its recording starts afresh too.
    m_recording.clear();
    for (PaneRunner *pane : m_session.panes())
        report(pane, PaneReport::Kind::Listing, pane->listing().join(QLatin1Char('\n')));
}
