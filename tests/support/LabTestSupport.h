// Helpers shared by the lab-engine suites (tests/lab): what a pane printed, the sockets a
// pane made, and the timestamp servers' "[ctime] data" reply and its stamp.
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringList>

#include <SocketSnapshot.h>

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

} // namespace testsupport
