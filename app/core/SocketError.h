// An error from a socket call, described the three ways a learner meets it: the errno
// and its symbol (C), the system's message, and the exception Python's socket module
// raises for the same failure ("ConnectionRefusedError: [Errno 111] Connection refused").
#pragma once

#include <string>

namespace socketlab {

enum class ErrorKind {
    None,
    Os,         // a system call failed; code is errno
    Timeout,    // the socket's timeout (settimeout) ran out: TimeoutError (socket.timeout before 3.10)
    Cancelled,  // Stop / Reset woke the call: not a network event, never shown as one
    Resolver,   // getaddrinfo / getnameinfo failed; code is the EAI_* value: socket.gaierror
    Closed,     // the call was made on a socket that is already closed (Python: EBADF)
    ServiceNotFound,   // getservbyname/getservbyport: "OSError: service/proto not found"
    ProtocolNotFound,  // getprotobyname: "OSError: protocol not found"
    IllegalAddress,    // inet_pton/inet_aton on a malformed address string; code: which one
};
constexpr int kIllegalForInetAton = 1;  // IllegalAddress's code from inet_aton (0: inet_pton)

class SocketError {
public:
    SocketError() = default;
    SocketError(ErrorKind kind, int code) : m_kind(kind), m_code(code) {}
    static SocketError fromErrno(int err) { return {ErrorKind::Os, err}; }

    ErrorKind kind() const { return m_kind; }
    int code() const { return m_code; }
    bool isError() const { return m_kind != ErrorKind::None; }

    std::string symbol() const;           // "ECONNREFUSED", "EAI_NONAME", "ETIMEDOUT"
    std::string message() const;          // "Connection refused"
    std::string pythonException() const;  // "ConnectionRefusedError", "TimeoutError", "socket.gaierror"
    std::string pythonString() const;     // "ConnectionRefusedError: [Errno 111] Connection refused"
    // What older Pythons that lessons and books still quote called the exception:
    // "socket.timeout" for a timeout (an alias of TimeoutError since Python 3.10); empty
    // when the name never changed. pythonNameNote() says it in a sentence for a lesson.
    std::string pythonFormerException() const;
    std::string pythonNameNote() const;   // "named socket.timeout before Python 3.10"

    friend bool operator==(const SocketError &a, const SocketError &b)
    {
        return a.m_kind == b.m_kind && a.m_code == b.m_code;
    }

private:
    ErrorKind m_kind = ErrorKind::None;
    int m_code = 0;
};

// Python's OSError subclass for an errno (PEP 3151), "OSError" when none is more specific.
std::string pythonExceptionForErrno(int err);

} // namespace socketlab
