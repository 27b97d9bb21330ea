// Internal: the fork helper's process (see ForkHelper.h) and the request child it forks.
#pragma once

#include "ForkProtocol.h"

namespace socketlab::socketserver {

// The helper's loop: serves the control channel and the server channels until the app's end
// of the control channel closes, then kills and reaps its children and exits.
[[noreturn]] void runForkHelper(int controlFd);

// In a freshly forked child: runs the order's handler on requestFd as ForkingMixIn's child
// does (finish_request, handle_error, shutdown_request), reporting on channelFd, then _exit.
[[noreturn]] void runForkedRequest(const ForkOrder &order, int requestFd, int channelFd);

} // namespace socketlab::socketserver
