#include "RunRecord.h"

#include "LabSession.h"
#include "PaneRunner.h"

#include <SocketError.h>

#include <QCoreApplication>

#include <algorithm>

using namespace socketlab;

namespace {
struct Tr {  // lupdate reads the context from this declaration
    Q_DECLARE_TR_FUNCTIONS(Condition)
};
QString stateWord(const QString &state)
{
    if (state == QLatin1String("input"))
        return Tr::tr("waiting for input");
    if (state == QLatin1String("blocked"))
        return Tr::tr("blocked in a call");
    if (state == QLatin1String("running"))
        return Tr::tr("running");
    if (state == QLatin1String("paused"))
        return Tr::tr("paused");
    if (state == QLatin1String("finished"))
        return Tr::tr("finished");
    if (state == QLatin1String("failed"))
        return Tr::tr("ended with an error");
    if (state == QLatin1String("stopped"))
        return Tr::tr("stopped");
    return Tr::tr("ended");
}

QString outcomeWord(const QString &outcome)
{
    if (outcome == QLatin1String("failed"))
        return Tr::tr("failed");
    if (outcome == QLatin1String("blocked"))
        return Tr::tr("blocked");
    return Tr::tr("returned");
}
} // namespace

RunRecord::RunRecord(LabSession &session, QObject *parent) : QObject(parent), m_session(session)
{
    for (PaneRunner *pane : session.panes())
        watch(pane);
    connect(&session, &LabSession::paneAdded, this, &RunRecord::watch);
    session.feed().follow(this);
}

RunRecord::~RunRecord()
{
    m_session.feed().unfollow(this);
}

void RunRecord::watch(PaneRunner *pane)
{
    const QString id = pane->paneId();
    connect(pane, &PaneRunner::output, this, [this, id](const QString &line) { m_printed[id] << line; });
    connect(pane, &PaneRunner::errorOutput, this, [this, id](const QString &line) { m_errors[id] << line; });
    connect(pane, &PaneRunner::published, this, [this, id](const QString &name, const QString &) { m_published[id].insert(name); });
}

void RunRecord::poll()
{
    m_session.feed().tick();
}

void RunRecord::runTicked(const RunTick &tick)
{
    m_events.insert(m_events.end(), tick.events.begin(), tick.events.end());
    for (const SocketSample &socket : tick.sockets.sockets()) {
        const QString owner = QString::fromStdString(socket.record->owner);
        m_owners.insert(socket.id, owner);
        const KernelSample &sample = socket.kernel;
        if (!sample.available || !sample.listening)
            continue;
        m_mostWaiting[owner] = std::max(m_mostWaiting.value(owner), sample.acceptQueueLength);
        // Linux counts the queue full once it holds more than the backlog (backlog + 1 wait).
        if (sample.acceptQueueLength > sample.acceptQueueLimit)
            m_queueWasFull[owner] = true;
    }
}

int RunRecord::countCalls(const Condition &c) const
{
    const TracePhase phase = c.outcome == QLatin1String("failed")    ? TracePhase::Failed
                             : c.outcome == QLatin1String("blocked") ? TracePhase::Blocked
                                                                     : TracePhase::Returned;
    return int(std::count_if(m_events.begin(), m_events.end(), [&](const TraceEvent &e) {
        return e.phase == phase && QLatin1String(traceCallName(e.call)) == c.value && m_owners.value(e.socketId) == c.pane
               && (c.errorSymbol.isEmpty() || QString::fromStdString(e.error().symbol()) == c.errorSymbol);
    }));
}

bool RunRecord::stateHolds(const Condition &c) const
{
    const PaneRunner *pane = m_session.pane(c.pane);
    if (!pane)
        return false;
    using S = PaneRunner::State;
    const S state = pane->state();
    if (c.value == QLatin1String("blocked")) {
        const TraceCall call = pane->blockedIn();
        return call != TraceCall::None && (c.blockedIn.isEmpty() || c.blockedIn == QLatin1String(traceCallName(call)));
    }
    if (c.value == QLatin1String("input"))
        return state == S::WaitingForInput;
    if (c.value == QLatin1String("running"))
        return state == S::Running && pane->blockedIn() == TraceCall::None;
    if (c.value == QLatin1String("paused"))
        return state == S::Paused;
    if (c.value == QLatin1String("finished"))
        return state == S::Finished;
    if (c.value == QLatin1String("failed"))
        return state == S::Failed;
    if (c.value == QLatin1String("stopped"))
        return state == S::Stopped;
    return state == S::Finished || state == S::Failed || state == S::Stopped;  // "ended"
}

bool RunRecord::holds(const Condition &c) const
{
    auto anyMatches = [&](const QStringList &lines) {
        return std::any_of(lines.begin(), lines.end(), [&](const QString &l) { return c.pattern.match(l).hasMatch(); });
    };
    switch (c.kind) {
    case Condition::Kind::Printed: return anyMatches(m_printed.value(c.pane));
    case Condition::Kind::NotPrinted: return !anyMatches(m_printed.value(c.pane));
    case Condition::Kind::Error: return anyMatches(m_errors.value(c.pane));
    case Condition::Kind::NoError: return m_errors.value(c.pane).isEmpty();
    case Condition::Kind::State: return stateHolds(c);
    case Condition::Kind::Published: return m_published.value(c.pane).contains(c.value);
    case Condition::Kind::Call: return countCalls(c) >= c.count;
    case Condition::Kind::AcceptQueue:
        return c.count == 0 ? m_queueWasFull.value(c.pane) : m_mostWaiting.value(c.pane) >= quint32(c.count);
    }
    return false;
}

QString RunRecord::whatHappened(const Condition &c) const
{
    auto lastLines = [](const QStringList &lines) {
        return lines.isEmpty() ? tr("nothing") : QLatin1Char('"') + lines.mid(std::max<qsizetype>(0, lines.size() - 3)).join(QStringLiteral("\", \"")) + QLatin1Char('"');
    };
    switch (c.kind) {
    case Condition::Kind::Printed:
    case Condition::Kind::NotPrinted: return tr("%1 printed %2").arg(c.pane, lastLines(m_printed.value(c.pane)));
    case Condition::Kind::Error:
    case Condition::Kind::NoError: return tr("%1 reported %2").arg(c.pane, lastLines(m_errors.value(c.pane)));
    case Condition::Kind::State: {
        const PaneRunner *pane = m_session.pane(c.pane);
        const TraceCall call = pane ? pane->blockedIn() : TraceCall::None;
        using S = PaneRunner::State;
        const S s = pane ? pane->state() : S::Idle;
        const QString state = call != TraceCall::None ? tr("blocked in %1()").arg(QLatin1String(traceCallName(call)))
                              : s == S::WaitingForInput ? stateWord(QStringLiteral("input"))
                              : s == S::Paused          ? stateWord(QStringLiteral("paused"))
                              : s == S::Finished        ? stateWord(QStringLiteral("finished"))
                              : s == S::Failed          ? stateWord(QStringLiteral("failed"))
                              : s == S::Stopped         ? stateWord(QStringLiteral("stopped"))
                              : s == S::Idle            ? tr("not started")
                                                        : stateWord(QStringLiteral("running"));
        return tr("%1 is %2").arg(c.pane, state);
    }
    case Condition::Kind::Published: return tr("%1 published nothing called %2").arg(c.pane, c.value);
    case Condition::Kind::Call: return tr("%1 made %2 such %3() calls").arg(c.pane).arg(countCalls(c)).arg(c.value);
    case Condition::Kind::AcceptQueue:
        return tr("at most %1 connections waited for %2's accept()").arg(m_mostWaiting.value(c.pane)).arg(c.pane);
    }
    return {};
}

QString Condition::describe() const
{
    switch (kind) {
    case Kind::Printed: return Tr::tr("%1 prints a line matching /%2/").arg(pane, pattern.pattern());
    case Kind::NotPrinted: return Tr::tr("%1 prints no line matching /%2/").arg(pane, pattern.pattern());
    case Kind::Error: return Tr::tr("%1 reports an error matching /%2/").arg(pane, pattern.pattern());
    case Kind::NoError: return Tr::tr("%1 reports no error").arg(pane);
    case Kind::State:
        return blockedIn.isEmpty() ? Tr::tr("%1 is %2").arg(pane, stateWord(value)) : Tr::tr("%1 is blocked in %2()").arg(pane, blockedIn);
    case Kind::Published: return Tr::tr("%1 publishes %2").arg(pane, value);
    case Kind::Call:
        return errorSymbol.isEmpty() ? Tr::tr("%1's %2() %3 (%4 time(s) or more)").arg(pane, value, outcomeWord(outcome)).arg(count)
                                     : Tr::tr("%1's %2() %3 with %4 (%5 time(s) or more)").arg(pane, value, outcomeWord(outcome), errorSymbol).arg(count);
    case Kind::AcceptQueue:
        return count == 0 ? Tr::tr("%1's accept queue fills up").arg(pane)
                          : Tr::tr("%1 connections wait in %2's accept queue").arg(count).arg(pane);
    }
    return {};
}
