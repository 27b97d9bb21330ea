// Helpers shared by the lab-engine suites (tests/lab): what a pane printed, and the
// timestamp servers' "[ctime] data" reply.
#pragma once

#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringList>

namespace testsupport {

// The first argument of every signal a spy caught: a pane's printed lines.
inline QStringList texts(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).toString();
    return out;
}

// "[Mon Nov 23 10:00:00 2026] data", one line: captured(1) is the data.
inline const QRegularExpression &stampedReply()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\[\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\] (.*)$)"));
    return pattern;
}

} // namespace testsupport
