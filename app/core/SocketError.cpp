// Maps errno and resolver codes to the names and texts that C and Python learners see.
#include "SocketError.h"

#include <cerrno>
#include <cstring>
#include <netdb.h>

namespace socketlab {

std::string pythonExceptionForErrno(int err)
{
    switch (err) {
    case EAGAIN:  // == EWOULDBLOCK on Linux
    case EALREADY:
    case EINPROGRESS:
        return "BlockingIOError";
    case EPIPE:
    case ESHUTDOWN:
        return "BrokenPipeError";
    case ECONNABORTED:
        return "ConnectionAbortedError";
    case ECONNREFUSED:
        return "ConnectionRefusedError";
    case ECONNRESET:
        return "ConnectionResetError";
    case EEXIST:
        return "FileExistsError";
    case ENOENT:
        return "FileNotFoundError";
    case ENOTDIR:
        return "NotADirectoryError";
    case EISDIR:
        return "IsADirectoryError";
    case ECHILD:
        return "ChildProcessError";
    case ESRCH:
        return "ProcessLookupError";
    case EINTR:
        return "InterruptedError";
    case EACCES:
    case EPERM:
        return "PermissionError";
    case ETIMEDOUT:
        return "TimeoutError";
    default:
        return "OSError";
    }
}

namespace {

std::string resolverSymbol(int code)
{
    switch (code) {
    case EAI_AGAIN: return "EAI_AGAIN";
    case EAI_BADFLAGS: return "EAI_BADFLAGS";
    case EAI_FAIL: return "EAI_FAIL";
    case EAI_FAMILY: return "EAI_FAMILY";
    case EAI_MEMORY: return "EAI_MEMORY";
    case EAI_NONAME: return "EAI_NONAME";
    case EAI_SERVICE: return "EAI_SERVICE";
    case EAI_SOCKTYPE: return "EAI_SOCKTYPE";
    case EAI_SYSTEM: return "EAI_SYSTEM";
#ifdef EAI_NODATA
    case EAI_NODATA: return "EAI_NODATA";
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return "EAI_ADDRFAMILY";
#endif
    default: return "EAI_" + std::to_string(code);
    }
}

} // namespace

std::string SocketError::symbol() const
{
    switch (m_kind) {
    case ErrorKind::None: return {};
    case ErrorKind::Timeout: return "ETIMEDOUT";
    case ErrorKind::Cancelled: return "ECANCELED";
    case ErrorKind::Closed: return "EBADF";
    case ErrorKind::ServiceNotFound:
    case ErrorKind::ProtocolNotFound: return "ENOENT";
    case ErrorKind::IllegalAddress: return "EINVAL";
    case ErrorKind::Resolver: return resolverSymbol(m_code);
    case ErrorKind::Os: {
        const char *name = ::strerrorname_np(m_code);  // glibc 2.32+: thread-safe, static storage
        return name ? name : "E" + std::to_string(m_code);
    }
    }
    return {};
}

std::string SocketError::message() const
{
    switch (m_kind) {
    case ErrorKind::None: return {};
    case ErrorKind::Timeout: return "timed out";
    case ErrorKind::Cancelled: return "cancelled by Stop or Reset";
    case ErrorKind::Closed: return "Bad file descriptor";
    case ErrorKind::ServiceNotFound: return "service/proto not found";
    case ErrorKind::ProtocolNotFound: return "protocol not found";
    case ErrorKind::IllegalAddress:
        return m_code == kIllegalForInetAton ? "illegal IP address string passed to inet_aton"
                                             : "illegal IP address string passed to inet_pton";
    case ErrorKind::Resolver: return ::gai_strerror(m_code);
    case ErrorKind::Os: {
        const char *text = ::strerrordesc_np(m_code);  // English, thread-safe, like Python in the C locale
        return text ? text : "Unknown error " + std::to_string(m_code);
    }
    }
    return {};
}

std::string SocketError::pythonException() const
{
    switch (m_kind) {
    case ErrorKind::None: return {};
    case ErrorKind::Timeout: return "TimeoutError";  // Python 3.10+ prints the builtin's name
    case ErrorKind::Cancelled: return {};  // nothing in Python corresponds: SocketLab stopped the call
    case ErrorKind::Closed:
    case ErrorKind::ServiceNotFound:
    case ErrorKind::ProtocolNotFound:
    case ErrorKind::IllegalAddress: return "OSError";
    case ErrorKind::Resolver: return "socket.gaierror";
    case ErrorKind::Os: return pythonExceptionForErrno(m_code);
    }
    return {};
}

std::string SocketError::pythonString() const
{
    switch (m_kind) {
    case ErrorKind::None: return {};
    case ErrorKind::Timeout: return pythonException() + ": " + message();
    case ErrorKind::Cancelled: return "cancelled: " + message();
    case ErrorKind::Closed: return "OSError: [Errno " + std::to_string(EBADF) + "] " + message();
    case ErrorKind::ServiceNotFound:
    case ErrorKind::ProtocolNotFound:
    case ErrorKind::IllegalAddress: return "OSError: " + message();  // Python gives no errno here
    case ErrorKind::Resolver:
        return "socket.gaierror: [Errno " + std::to_string(m_code) + "] " + message();
    case ErrorKind::Os:
        return pythonException() + ": [Errno " + std::to_string(m_code) + "] " + message();
    }
    return {};
}

std::string SocketError::pythonFormerException() const
{
    return m_kind == ErrorKind::Timeout ? "socket.timeout" : std::string();
}

std::string SocketError::pythonNameNote() const
{
    const std::string former = pythonFormerException();
    return former.empty() ? former : "named " + former + " before Python 3.10";
}

} // namespace socketlab
