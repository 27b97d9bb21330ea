// A server in a process of its own, for observe mode's tests: python3 listening on a free
// loopback port, one client connected whose N bytes the server has not read, a second
// client waiting in the accept queue, and a Unix socketpair. It prints its port and stays
// until its stdin closes.
#pragma once

#include "PythonProcess.h"

namespace testsupport {

constexpr int kObservedUnreadBytes = 37;

inline const char *observedServerScript()
{
    return R"PY(
import socket, sys
N = int(sys.argv[1])
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('127.0.0.1', 0))
server.listen(4)
port = server.getsockname()[1]
first = socket.create_connection(('127.0.0.1', port))
served, _ = server.accept()
first.sendall(b'x' * N)
waiting = socket.create_connection(('127.0.0.1', port))
left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
print(port, flush=True)
sys.stdin.read()
)PY";
}

class ObservedServer {
public:
    ObservedServer() : m_python(observedServerScript(), {QString::number(kObservedUnreadBytes)})
    {
        if (m_python.started())
            m_port = m_python.readLine().toUShort();
    }
    bool ready() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    qint64 pid() { return m_python.process().processId(); }
    // Closes its stdin: the server exits, and its sockets with it.
    bool end()
    {
        m_python.process().closeWriteChannel();
        return m_python.finish();
    }
    QString diagnostics() { return m_python.diagnostics(); }

private:
    PythonProcess m_python;
    quint16 m_port = 0;
};

} // namespace testsupport
