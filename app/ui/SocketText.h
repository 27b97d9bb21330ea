// Translated names for the core's plain-C++ facts (states, socket kinds, trace events).
// The core stays free of Qt; the words a learner reads are chosen here.
#pragma once

#include <SocketRecord.h>
#include <TraceEvent.h>

#include <QCoreApplication>
#include <QString>

class SocketText {
    Q_DECLARE_TR_FUNCTIONS(SocketText)
public:
    static QString stateName(socketlab::SocketState state);
    static QString kindName(int family, int type);  // "TCP", "UDP", "TCP/IPv6", "Unix stream" ...
    static QString durationText(std::int64_t ns);   // "0.3 ms", "2.1 s"
    // A socket's endpoint for display: "127.0.0.1:21567", "[::1]:80", "/tmp/x.sock",
    // "(unnamed)"; empty while it has none.
    static QString endpointText(const socketlab::SocketAddress &address);
    // One line of the trace log: "server  accept() → fd 7 from ('127.0.0.1', 40312), blocked 2.1 s",
    // marked "⚡ injected fault" when a fault SocketLab injected changed the call (FaultPlan.h)
    static QString eventLine(const socketlab::TraceEvent &event, const QString &owner);
    // One line on what an error usually means and what to try, for the errors learners
    // meet; empty for the rare ones (the Python text then stands alone).
    static QString errorExplanation(const socketlab::SocketError &error);

private:
    static QString callLine(const socketlab::TraceEvent &event, const QString &owner);
};
