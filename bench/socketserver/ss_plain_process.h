// The plain C forking reference in a process of its own. fork() copies the caller's page
// tables, so its cost grows with the process that calls it: forked from the bench - by then
// a Qt application that has run the other classes' servers - the reference got slower as the
// bench went on (ss_forking_ratio 1.36 after the other classes, 1.0 alone). Ours forks from
// the fork helper, forked from main() before Qt starts; so the reference forks from a fresh
// image of this same binary that never starts Qt either: both at the same size, run to run.
#pragma once

#include <QProcess>

#include <cstdint>

namespace bench {

class PlainForkingServerProcess {
public:
    // Starts this binary with servePlainFromMain's argument; dies if it does not tell its port in 10 s.
    PlainForkingServerProcess();
    // Closes its stdin: it stops accepting, reaps its children and exits; a failure it met
    // (a child that failed, a call that failed) is recorded here.
    ~PlainForkingServerProcess();
    PlainForkingServerProcess(const PlainForkingServerProcess &) = delete;
    PlainForkingServerProcess &operator=(const PlainForkingServerProcess &) = delete;

    std::uint16_t port() const { return m_port; }

private:
    QProcess m_process;
    std::uint16_t m_port = 0;
};

// First thing in main(), before the fork helper or Qt: in a process started by
// PlainForkingServerProcess, serves until stdin closes and returns the exit code; anywhere
// else returns -1 at once.
int servePlainFromMain(int argc, char *argv[]);

} // namespace bench
