// Python 3's socketserver with the same handler (tsTservSS.py, print included, stdout
// unbuffered as on a terminal, sent to /dev/null), in its own process: the side-by-side
// figure the lessons invite (printed, not a target).
#pragma once

#include <QProcess>
#include <QString>

#include <cstdint>

namespace bench {

class PythonTimestampServer {
public:
    static bool available();  // python3 on the PATH
    // Starts `python3 -u` serving on 127.0.0.1 on a free port; dies if it does not say which in 10 s.
    explicit PythonTimestampServer(const QString &serverClass);
    ~PythonTimestampServer();  // terminates it and waits for it

    std::uint16_t port() const { return m_port; }

private:
    QProcess m_process;
    std::uint16_t m_port = 0;
};

} // namespace bench
