// What an error met by a pane's program usually means, in the learner's language. The panes
// give it to their sockets as the core's ErrorExplainer (SocketContext.h), so a report the
// core writes in Python's words - a server's handle_error - ends with a line the learner can
// act on. Errors the window already explains beside the failed call are left to it.
#pragma once

#include <SocketError.h>

#include <string>

std::string explainForLearner(const socketlab::SocketError &error);
