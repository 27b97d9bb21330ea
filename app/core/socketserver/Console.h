// print() for handlers that have no console of their own (the tutorials' handlers made with
// no Console, as a forked child makes them): a line to stdout, as Python prints - except in
// a ForkingMixIn child, whose lines go back to the server's process, where the server's
// console output (BaseServer::setConsoleOutput, a pane) shows them. Python's child writes to
// the terminal it shares with its parent; the pane is the terminal here, and it lives in the
// app, not in the fork helper whose stdout the child inherits.
#pragma once

#include <functional>
#include <string>

namespace socketlab::socketserver {

using ConsoleLine = std::function<void(const std::string &line)>;  // one line, no newline

void printLine(const std::string &line);

// Internal: a forked child sets where printLine goes before it runs the handler. The
// process is single-threaded then, so a plain global is enough.
void setProcessConsole(ConsoleLine console);

} // namespace socketlab::socketserver
