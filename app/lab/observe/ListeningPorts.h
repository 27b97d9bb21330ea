// The ports something listens on now on this machine (TCP, both families), with the process
// that listens, for observe mode's dialog to offer: what a learner most often wants to watch
// is the server they started in a terminal.
#pragma once

#include <QList>
#include <QString>

struct ListeningPort {
    quint16 port = 0;
    QString owner;  // SocketObserver::ownerText: "python3 (1234)", or another user's process
};

// Sorted by port, one entry per port. Reads the kernel's table and every /proc/PID/fd once
// (a few milliseconds): call it when the dialog opens, not per frame. Empty when sock_diag
// cannot be read.
QList<ListeningPort> listeningPorts();
