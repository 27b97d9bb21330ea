#include "PaneMoment.h"

#include "RunRecording.h"

#include <QHash>

using namespace socketlab;

namespace {

// An added copy ("client-2") has no definition of its own in a saved run: it is titled as
// LabSession titles copies, its original's title and its number.
LocalizedText titleOf(const LabDefinition &lab, const QString &paneId)
{
    if (const PaneDefinition *def = lab.pane(paneId))
        return def->title;
    const int dash = paneId.lastIndexOf(QLatin1Char('-'));
    const PaneDefinition *original = dash > 0 ? lab.pane(paneId.left(dash)) : nullptr;
    if (!original)
        return LocalizedText{paneId, paneId};
    const QString suffix = QStringLiteral(" · %1").arg(paneId.mid(dash + 1));
    LocalizedText title = original->title;
    title.en += suffix;
    if (!title.zhCN.isEmpty())
        title.zhCN += suffix;
    return title;
}

void apply(PaneMoment &m, const PaneReport &r)
{
    using K = PaneReport::Kind;
    switch (r.kind) {
    case K::Listing: m.listing = r.text.split(QLatin1Char('\n')); break;
    case K::Step:
        m.step = r.text;
        m.line = r.number;
        break;
    case K::State:
        m.state = PaneRunner::State(r.number);
        if (m.state == PaneRunner::State::Idle) {  // a pane started again begins afresh
            m.step.clear();
            m.line = 0;
        }
        break;
    case K::Output: m.console << ConsoleLine{r.text, false, {}}; break;
    case K::Error:
        m.console << ConsoleLine{r.text, true, errorCauseFrom(r.detail)};
        m.lastError = r.text;
        break;
    case K::InputRequested: ++m.inputRequests; break;
    case K::Published:
    case K::Finished: break;
    }
}

// The call each pane was blocked in at that moment, from the last tick recorded by then.
void addBlocked(const RunRecording &recording, std::int64_t timeNs, QList<PaneMoment> &moments)
{
    const RecordedFrame *last = nullptr;
    for (const RecordedFrame &f : recording.frames()) {
        if (f.timeNs > timeNs)
            break;
        last = &f;
    }
    if (!last || !last->sockets)
        return;
    for (PaneMoment &m : moments) {
        for (const SocketSample &s : *last->sockets) {
            if (s.blockedIn == TraceCall::None || QString::fromStdString(s.record->owner) != m.pane)
                continue;
            m.blockedIn = s.blockedIn;
            // Counted to the tick, as the live state line and the socket table counted it.
            m.blockedNs = std::max<std::int64_t>(0, last->timeNs - s.blockedSinceNs);
            break;
        }
    }
}

} // namespace

QList<PaneMoment> paneMomentsAt(const RunRecording &recording, std::int64_t timeNs)
{
    QList<PaneMoment> moments;
    QHash<QString, qsizetype> index;
    for (const PaneReport *r : recording.reportsUntil(timeNs)) {
        auto it = index.constFind(r->pane);
        if (it == index.cend()) {
            PaneMoment m;
            m.pane = r->pane;
            m.title = titleOf(recording.lab(), r->pane);
            if (const PaneDefinition *def = recording.lab().pane(r->pane))
                m.listing = def->listing;
            it = index.insert(r->pane, moments.size());
            moments << m;
        }
        apply(moments[*it], *r);
    }
    addBlocked(recording, timeNs, moments);
    return moments;
}

QString errorCauseText(const SocketError &error)
{
    return error.isError() ? QStringLiteral("%1 %2").arg(int(error.kind())).arg(error.code()) : QString();
}

SocketError errorCauseFrom(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(' '));
    bool kindOk = false, codeOk = false;
    const int kind = parts.size() == 2 ? parts[0].toInt(&kindOk) : 0;
    const int code = parts.size() == 2 ? parts[1].toInt(&codeOk) : 0;
    // A file may carry anything here: only kinds this SocketLab knows are taken.
    if (!kindOk || !codeOk || kind <= 0 || kind > int(ErrorKind::IllegalAddress))
        return {};
    return SocketError(ErrorKind(kind), code);
}
