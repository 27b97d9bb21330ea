// `socketlab --observe PORT|pid:PID --list`: the observed sockets printed once, headless, as
// `ss -tuxanp` filtered to them would print them (Netid, State, Recv-Q, Send-Q, local and
// peer address, process). A bad port, a PID that does not exist or nothing to observe is
// said on stderr, with a non-zero exit status.
#pragma once

#include <QString>

int listObservedSockets(const QString &target);
