// What Python raises inside a request handler, as a C++ exception: a failed socket call
// (OSError, socket.timeout ...). Handler code may throw it, or any std::exception; the
// server catches it in the request's own thread and calls handle_error, as Python does.
// Such exceptions never leave the server's loop or a handler thread.
#pragma once

#include <Result.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace socketlab::socketserver {

class SocketException : public std::runtime_error {
public:
    explicit SocketException(SocketError error)
        : std::runtime_error(error.pythonString()), m_error(error) {}
    const SocketError &error() const { return m_error; }

private:
    SocketError m_error;
};

// Python's way for handler code: the value, or raise. `Bytes line = orRaise(rfile().readline());`
template <typename T>
T orRaise(Result<T> result)
{
    if (!result)
        throw SocketException(result.error());
    return std::move(result).value();
}

inline void orRaise(const Status &status)
{
    if (!status)
        throw SocketException(status.error());
}

// The exception being handled, as Python's traceback ends: "ConnectionResetError: [Errno 104] ...",
// "std::runtime_error: boom". Call inside a catch block (handle_error does).
std::string describeCurrentException();
// The SocketError inside the exception being handled, if it is a SocketException.
SocketError currentSocketError();

} // namespace socketlab::socketserver
