#include "PythonExcept.h"

#include <cerrno>

using socketlab::ErrorKind;

bool raises(const socketlab::SocketError &error, Python exception)
{
    switch (exception) {
    case Python::BlockingIOError:
        return error.kind() == ErrorKind::Os && socketlab::pythonExceptionForErrno(error.code()) == "BlockingIOError";
    case Python::TimeoutError:
        return error.kind() == ErrorKind::Timeout || (error.kind() == ErrorKind::Os && error.code() == ETIMEDOUT);
    }
    return false;
}

bool isKeyboardInterrupt(const socketlab::socketserver::SocketException &e)
{
    return e.error().kind() == ErrorKind::Cancelled;
}
