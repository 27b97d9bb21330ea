// Helpers of the lesson suites (send-vs-sendall, blocking-timeouts, multi-client): the first
// console line that matches a pattern, a pane's open sockets as the registry lists them, the
// trace drained so far, and a session's server and two clients with what they print.
#pragma once

#include "LabTestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <SocketRecord.h>
#include <TraceStream.h>

#include <QRegularExpression>
#include <QSignalSpy>

#include <memory>
#include <vector>

namespace testsupport {

// The first printed line that matches pattern (an invalid match when there is none).
inline QRegularExpressionMatch firstMatch(const QSignalSpy &output, const QRegularExpression &pattern)
{
    for (const QString &line : texts(output)) {
        QRegularExpressionMatch m = pattern.match(line);
        if (m.hasMatch())
            return m;
    }
    return {};
}

inline int countMatches(const QSignalSpy &output, const QRegularExpression &pattern)
{
    int n = 0;
    for (const QString &line : texts(output))
        n += pattern.match(line).hasMatch() ? 1 : 0;
    return n;
}

// The open sockets a pane made, in the order they were made.
inline std::vector<std::shared_ptr<socketlab::SocketRecord>> openSocketsOf(const LabSession &session, const char *owner)
{
    std::vector<std::shared_ptr<socketlab::SocketRecord>> out;
    for (const auto &record : session.registry()->snapshot()) {
        if (record->owner == owner && record->state.load() != socketlab::SocketState::Closed)
            out.push_back(record);
    }
    return out;
}

// Every trace event since the last call (the session's stream is read by nothing else here).
inline std::vector<socketlab::TraceEvent> drainTrace(const LabSession &session)
{
    std::vector<socketlab::TraceEvent> events;
    session.trace()->drain(events);
    return events;
}


// A lab's session with its server pane and two client panes, and what each prints.
struct ServerAndClients {
    explicit ServerAndClients(const LabDefinition &lab, const QString &clientId = QStringLiteral("client"),
                              const QString &client2Id = QStringLiteral("client2"))
        : session(lab), server(session.pane(QStringLiteral("server"))), client1(session.pane(clientId)),
          client2(session.pane(client2Id)), serverOutput(server, &PaneRunner::output),
          output1(client1, &PaneRunner::output), output2(client2, &PaneRunner::output)
    {
    }

    LabSession session;
    PaneRunner *const server;
    PaneRunner *const client1;
    PaneRunner *const client2;
    QSignalSpy serverOutput;
    QSignalSpy output1;
    QSignalSpy output2;
};

} // namespace testsupport
