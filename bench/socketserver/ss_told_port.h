// The reference servers that run in a process of their own (Python's socketserver, the plain
// forking server) print the port the kernel gave them on one line once they listen.
#pragma once

#include <QProcess>

#include <cstdint>
#include <string>

namespace bench {

// Reads that line from the process's current read channel; dies, naming what and what the
// process said, if no port comes within 10 s.
std::uint16_t waitForToldPort(QProcess &process, const std::string &what);

} // namespace bench
