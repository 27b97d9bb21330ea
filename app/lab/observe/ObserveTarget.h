// What observe mode watches: every socket on a local port (either end, TCP and UDP, both
// families), or every socket one process holds (TCP, UDP, Unix). Read from the user's words
// ("8080", "pid:1234") on the command line or in the window's dialog.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

#include <optional>

struct ObserveTarget {
    Q_DECLARE_TR_FUNCTIONS(ObserveTarget)

public:
    enum class Kind { Port, Process };
    Kind kind = Kind::Port;
    quint16 port = 0;
    qint64 pid = 0;

    static ObserveTarget onPort(quint16 port) { return {Kind::Port, port, 0}; }
    static ObserveTarget ofProcess(qint64 pid) { return {Kind::Process, 0, pid}; }
    // "8080" (1-65535) or "pid:1234" (a process that exists now). Otherwise nothing, and
    // *problem says why in the user's language.
    static std::optional<ObserveTarget> parse(const QString &text, QString *problem);

    // "port 8080", "process 1234 (python3)", for the banner and messages.
    QString describe() const;
};
