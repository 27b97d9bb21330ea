// The ProgramContext of a ForkingMixIn child: the child runs the handler the pane's program
// runs, but in another process, where the pane's gate and console are out of reach. Steps
// pass at once; print() goes back to the server's pane through the fork channel
// (socketserver/Console.h); there is no input, no parameter and no publishing.
#pragma once

#include "../Program.h"

ProgramContext &childContext();
