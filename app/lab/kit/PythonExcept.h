// try: ... except <exception> as e: for the few exceptions the lessons catch on purpose
// (BlockingIOError from a non-blocking socket, the timeout of settimeout(), the Ctrl-C that
// Stop stands for), so a program reads like its listing:
//
//     const Result<Accepted> accepted = sock.accept();
//     if (const auto e = except(accepted, Python::BlockingIOError)) ctx.print(e->pythonString());
//
// Any other failure raises, as an except clause that does not match lets it through.
#pragma once

#include <Result.h>

#include <socketserver/SocketException.h>

#include <optional>

enum class Python {
    BlockingIOError,  // EAGAIN / EWOULDBLOCK (and EINPROGRESS, EALREADY): the call would have to wait
    TimeoutError,     // settimeout() ran out; socket.timeout before Python 3.10, the same class since
};

bool raises(const socketlab::SocketError &error, Python exception);

// The error when r failed with that exception; nullopt when r succeeded; any other failure raises.
template <typename R>
std::optional<socketlab::SocketError> except(const R &r, Python exception)
{
    if (r.ok())
        return std::nullopt;
    if (!raises(r.error(), exception))
        throw socketlab::socketserver::SocketException(r.error());
    return r.error();
}

// except KeyboardInterrupt: SocketLab's Stop is the learner's Ctrl-C. A program that catches
// it does what the listing's except and finally clauses do, and then ends.
bool isKeyboardInterrupt(const socketlab::socketserver::SocketException &e);
