// One report of the tracer that runs a learner's own program (learner/socketlab_tracer.py):
// a line about to run, a socket call beginning or ending, input() asked for, an uncaught
// exception. Parsed from the tracer's JSON line; turned back into the `--trace-out` line.
#pragma once

#include <SocketAddress.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

struct LearnerReport {
    enum class Kind { Unknown, Start, Line, CallBegins, CallEnds, Input, Exception };

    Kind kind = Kind::Unknown;
    qint64 pid = 0;
    qint64 threadId = 0;
    QString thread;        // Python's thread name: "MainThread", "Thread-1 (client)"
    int line = 0;          // of the learner's file; 0 when the call came from elsewhere
    bool waits = false;    // Line: the tracer waits for the app's answer before running it
    QString call;          // "accept", "recv" ...
    QStringList args;      // as Python's repr() shows them
    int fd = -1;
    quint64 inode = 0;     // the socket's, as fstat() and sock_diag know it
    int family = 0;
    int type = 0;
    QString result;        // repr() of what the call returned
    QString error;         // "ConnectionRefusedError: [Errno 111] Connection refused"; "" when it returned
    qint64 bytes = -1;     // bytes the call moved; -1 when it moves none
    double blockedMs = 0;  // how long the call took
    socketlab::SocketAddress local, peer;
    int newFd = -1;        // accept: the connection's socket
    quint64 newInode = 0;
    socketlab::SocketAddress newLocal, newPeer;
    QString prompt;        // Input
    QString exceptionType; // Exception: "SyntaxError"; message holds what Python prints last
    QString message;

    // A line the tracer wrote; Kind::Unknown when it is not one of its reports.
    static LearnerReport parse(const QByteArray &jsonLine);
    // The `--trace-out` line of a finished call: pane, thread, line, call, arguments, result
    // or error, bytes, time blocked.
    QJsonObject traceLine(const QString &paneId) const;
};
