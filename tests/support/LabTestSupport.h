// Helpers shared by the lab-engine suites (tests/lab): what a pane printed, the sockets a
// pane made, the timestamp servers' "[ctime] data" reply and its stamp; a server pane started
// on a free port, and a lab's listing written out for python3 to run; a pane held at a step,
// the lab stepped as the window's Step does, and the calls the lab's trace recorded.
#pragma once

#include <LabSession.h>
#include <PaneRunner.h>
#include <SocketSnapshot.h>
#include <TraceEvent.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <cstdint>
#include <functional>
#include <vector>

namespace testsupport {

// The first argument of every signal a spy caught: a pane's printed lines.
inline QStringList texts(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).toString();
    return out;
}

// The sockets one pane (or program) made, in the order it made them, from one snapshot.
inline std::vector<socketlab::SocketSample> samplesOf(const socketlab::SocketSnapshot &snapshot, const char *owner)
{
    std::vector<socketlab::SocketSample> out;
    for (const socketlab::SocketSample &s : snapshot.sockets()) {
        if (s.record->owner == owner)
            out.push_back(s);
    }
    return out;
}

// "[Mon Nov 23 10:00:00 2026] data", one line: captured(1) is the data.
inline const QRegularExpression &stampedReply()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\[\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\] (.*)$)"));
    return pattern;
}

// The stamp "[Mon Nov 23 10:00:00 2026] " a timestamp server's reply starts with: the time
// it names and its length in characters. The time is invalid when the reply starts with no
// such stamp, or one whose weekday does not fit its date (Qt refuses those).
struct Stamp {
    QDateTime time;
    qsizetype length = 0;
    // Names a second in [from, to], with a second's slack each side.
    bool within(const QDateTime &from, const QDateTime &to) const
    {
        return time.isValid() && time.secsTo(from) <= 1 && to.secsTo(time) <= 1;
    }
};

inline Stamp stampOf(const QString &reply)
{
    static const QRegularExpression stamp(QStringLiteral(R"(^\[(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})\] )"));
    const QRegularExpressionMatch m = stamp.match(reply);
    if (!m.hasMatch())
        return {};
    return {QLocale::c().toDateTime(m.captured(1).simplified(), QStringLiteral("ddd MMM d hh:mm:ss yyyy")), m.capturedLength(0)};
}

// Starts a server pane on port 0 with these parameters set too: the port it published, or 0
// when a parameter was refused or no port came within waitMs.
inline std::uint16_t startOnFreePort(PaneRunner *server, const QHash<QString, QString> &params = {}, int waitMs = 15000)
{
    if (!server->setParam(QStringLiteral("port"), QStringLiteral("0")).isEmpty())
        return 0;
    for (auto it = params.begin(); it != params.end(); ++it)
        if (!server->setParam(it.key(), it.value()).isEmpty())
            return 0;
    QSignalSpy published(server, &PaneRunner::published);
    server->start();
    if (!published.wait(waitMs))
        return 0;
    return static_cast<std::uint16_t>(published.last().at(1).toString().toUInt());
}

// A built-in lab's listing with its {{name}} placeholders filled, written to path (for
// python3 to run as the learner would): false if either file could not be read or written.
inline bool writeListing(const QString &labId, const QString &listing, const QHash<QString, QString> &values, const QString &path)
{
    QFile in(QStringLiteral(":/labs/%1/%2").arg(labId, listing));
    QFile out(path);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return false;
    QString text = QString::fromUtf8(in.readAll());
    for (auto it = values.begin(); it != values.end(); ++it)
        text.replace(QStringLiteral("{{%1}}").arg(it.key()), it.value());
    return out.write(text.toUtf8()) >= 0;
}

// The pane waits before this step for Run or Step (a held step, or stepping).
inline bool heldAt(const PaneRunner *pane, const QString &step)
{
    return pane->currentStep() == step && pane->state() == PaneRunner::State::Paused;
}

// The lab's sockets blocked in a call now.
inline int blockedCalls(const LabSession &session)
{
    int n = 0;
    for (const auto &record : session.registry()->snapshot())
        n += record->blockedIn.load() != socketlab::TraceCall::None ? 1 : 0;
    return n;
}

// Steps the lab as the window's Step (F10) does until done() holds or maxSteps were taken;
// whether done() held. After each step it waits until the pane stepped has moved: reported
// its next step, blocked in another call, or ended. That is exact where isSettled() is not:
// in a pane with threads, one thread blocked makes the pane look settled while the thread
// just let through is still on its way.
inline bool stepLabUntil(LabSession &session, const std::function<bool()> &done, int maxSteps, int waitMs = 10000)
{
    int moves = 0;
    QList<QMetaObject::Connection> counting;
    for (PaneRunner *pane : session.panes()) {
        counting << QObject::connect(pane, &PaneRunner::stepReached, [&moves] { ++moves; });
        counting << QObject::connect(pane, &PaneRunner::finished, [&moves] { ++moves; });
    }
    bool held = false;
    for (int i = 0; i <= maxSteps; ++i) {
        QCoreApplication::processEvents();  // the reports queued so far
        if ((held = done()) || i == maxSteps)
            break;
        const int movesBefore = moves;
        const int blockedBefore = blockedCalls(session);
        if (!session.stepNext())
            break;
        if (!QTest::qWaitFor([&] { return moves > movesBefore || blockedCalls(session) > blockedBefore; }, waitMs))
            break;
    }
    for (const QMetaObject::Connection &c : counting)
        QObject::disconnect(c);
    return held;
}

// The result of every call of this kind that returned, from the lab's trace, in order; seen
// keeps the events drained so far (draining empties the stream, so a test owns it).
inline QList<qint64> tracedResults(LabSession &session, std::vector<socketlab::TraceEvent> &seen, socketlab::TraceCall call,
                                   socketlab::TracePhase phase = socketlab::TracePhase::Returned)
{
    session.trace()->drain(seen);
    QList<qint64> out;
    for (const socketlab::TraceEvent &e : seen) {
        if (e.call == call && e.phase == phase)
            out << e.result;
    }
    return out;
}

} // namespace testsupport
