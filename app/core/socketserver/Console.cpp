// Where printLine goes: stdout, or what a forked child set.
#include "Console.h"

#include <cstdio>

namespace socketlab::socketserver {
namespace {

ConsoleLine &processConsole()
{
    static ConsoleLine console;
    return console;
}

} // namespace

void printLine(const std::string &line)
{
    if (const ConsoleLine &console = processConsole())
        console(line);
    else
        std::fputs((line + "\n").c_str(), stdout);  // one call, so lines of threads do not interleave
}

void setProcessConsole(ConsoleLine console)
{
    processConsole() = std::move(console);
}

} // namespace socketlab::socketserver
