// Socket: creation, addresses, connections, options and closing. Data transfer is in
// SocketIo.cpp.
#include "Socket.h"

#include "FaultPlan.h"

#include "Clock.h"
#include "SocketRegistry.h"
#include "SocketRetry.h"

#include <cmath>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {

Socket::Socket(int fd, int family, int type, int protocol, SocketContext context)
    : m_fd(fd), m_family(family), m_type(type), m_protocol(protocol), m_context(std::move(context)),
      m_record(std::make_shared<SocketRecord>(fd, family, type, m_context.owner))
{
    if (m_context.registry)
        m_context.registry->add(m_record);
}

Socket::~Socket()
{
    (void)close();
}

Socket::Socket(Socket &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_family(other.m_family), m_type(other.m_type),
      m_protocol(other.m_protocol), m_shutRead(other.m_shutRead.load()), m_timeout(other.m_timeout),
      m_context(std::move(other.m_context)), m_record(std::move(other.m_record))
{
}

Socket &Socket::operator=(Socket &&other) noexcept
{
    if (this != &other) {
        (void)close();
        m_fd = std::exchange(other.m_fd, -1);
        m_family = other.m_family;
        m_type = other.m_type;
        m_protocol = other.m_protocol;
        m_shutRead = other.m_shutRead.load();
        m_timeout = other.m_timeout;
        m_context = std::move(other.m_context);
        m_record = std::move(other.m_record);
    }
    return *this;
}

Result<Socket> Socket::create(int family, int type, int protocol, SocketContext context)
{
    CallTrace trace(context.trace.get(), nullptr, -1, TraceCall::Socket, type);
    const sys::SysResult r = sys::socket(family, type, protocol);
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    Socket s(static_cast<int>(r.value), family, type, protocol, std::move(context));
    trace.attach(s.m_record.get());
    trace.returned(r.value);
    return s;
}

Result<std::pair<Socket, Socket>> Socket::pair(int family, int type, int protocol, SocketContext context)
{
    CallTrace trace(context.trace.get(), nullptr, -1, TraceCall::SocketPair, type);
    int fds[2] = {-1, -1};
    const sys::SysResult r = sys::socketpair(family, type, protocol, fds);
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    Socket a(fds[0], family, type, protocol, context);
    Socket b(fds[1], family, type, protocol, std::move(context));
    a.setState(SocketState::Connected);
    b.setState(SocketState::Connected);
    a.m_record->readEndpoints(b.m_record->inode);  // the two ends: each is the other's peer
    b.m_record->readEndpoints(a.m_record->inode);
    trace.attach(a.m_record.get());
    trace.returned(fds[0], 0, nullptr, b.id());  // socketId: one end; relatedSocketId: the other
    return std::make_pair(std::move(a), std::move(b));
}

std::int64_t Socket::deadlineNs() const
{
    if (!m_timeout)
        return -1;
    return steadyNowNs() + static_cast<std::int64_t>(*m_timeout * 1e9);
}

void Socket::setState(SocketState state)
{
    if (m_record)
        m_record->state.store(state, std::memory_order_release);
}

void Socket::refreshAddresses()
{
    m_record->readEndpoints();
}

Status Socket::bind(const SocketAddress &address)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::Bind, 0, &address);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    const sys::SysResult r = sys::bind(m_fd, address.raw(), address.length());
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    setState(SocketState::Bound);
    refreshAddresses();
    trace.returned(0);
    return {};
}

Status Socket::listen(int backlog)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::Listen, backlog);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    const sys::SysResult r = sys::listen(m_fd, backlog < 0 ? 0 : backlog);
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    setState(SocketState::Listening);
    refreshAddresses();  // listen() on an unbound socket picks a port
    trace.returned(0);
    return {};
}

Result<Accepted> Socket::accept()
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::Accept);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    SocketAddress peer;
    const Result<long long> fd = retryUntilReady(POLLIN, trace, deadlineNs(), [&] {
        unsigned len = SocketAddress::capacity();
        const sys::SysResult r = sys::accept(m_fd, peer.raw(), &len);
        peer.setLength(len);
        return r;
    });
    if (!fd)
        return fd.error();
    // The connection belongs to the same program; like Python with no default timeout,
    // it starts in blocking mode whatever the listener's timeout.
    Socket connection(static_cast<int>(*fd), m_family, m_type, m_protocol, m_context);
    connection.setState(SocketState::Connected);
    // A TCP listener on one address accepts on that address: its own endpoint and accept()'s
    // peer are the connection's, and two system calls per request are saved (a server pane
    // accepts thousands a second). A wildcard listener's connection asks the kernel which
    // address the client reached; a Unix one asks too (its peer's inode pairs the ends).
    const SocketAddress listening = m_record->localEndpoint();
    if ((m_family == AF_INET || m_family == AF_INET6) && listening.isValid() && !listening.isWildcard() && peer.isValid())
        connection.m_record->setEndpoints(listening, peer);
    else
        connection.refreshAddresses();
    trace.returned(*fd, 0, &peer, connection.id());
    return Accepted{std::move(connection), peer};
}

SocketError Socket::connectError(const SocketAddress &address, CallTrace &trace)
{
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    const CancelToken *cancel = m_context.cancel.get();
    if (cancel && cancel->isCancelled())
        return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));

    const SocketState before = m_record->state.load();
    if (m_context.faults && m_context.faults->isActive() && m_context.faults->takeRefusedConnect())
        return trace.failed(SocketError::fromErrno(ECONNREFUSED), TraceFlagInjected);  // as if nothing listened there
    setState(SocketState::Connecting);
    sys::SysResult r = sys::connect(m_fd, address.raw(), address.length());
    if (!r.ok() && (r.error == EINPROGRESS || r.error == EINTR) && !nonBlocking()) {
        // The handshake goes on in the kernel: wait for it like a blocking connect would.
        trace.blockBegins();
        const WaitOutcome outcome = waitUntilReady(m_fd, POLLOUT, deadlineNs(), cancel);
        trace.blockEnds();
        if (outcome == WaitOutcome::TimedOut) {
            setState(before);
            return trace.failed(SocketError(ErrorKind::Timeout, ETIMEDOUT));
        }
        if (outcome == WaitOutcome::Cancelled) {
            setState(before);
            return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
        }
        r = sys::pendingSocketError(m_fd);
        if (r.ok() && r.value != 0) {
            r = sys::SysResult{-1, static_cast<int>(r.value)};
            // A truly blocking socket (no timeout) is one the kernel waited on itself and
            // reset on failure, so Python's next connect() on it starts afresh. Our descriptor
            // is non-blocking underneath: reset it the same way. With a timeout, CPython's
            // socket is non-blocking too and the next connect() meets ECONNABORTED; so does ours.
            if (!m_timeout)
                sys::dissolveConnectAttempt(m_fd);
        }
    }
    if (!r.ok()) {
        if (r.error != EINPROGRESS)
            setState(before);
        return trace.failed(SocketError::fromErrno(r.error));
    }
    setState(SocketState::Connected);
    refreshAddresses();
    trace.returned(0, 0, &address);
    return {};
}

Status Socket::connect(const SocketAddress &address)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::Connect, 0, &address);
    const SocketError error = connectError(address, trace);
    if (error.isError())
        return error;
    return {};
}

int Socket::connectEx(const SocketAddress &address)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::ConnectEx, 0, &address);
    const SocketError error = connectError(address, trace);
    switch (error.kind()) {
    case ErrorKind::None: return 0;
    case ErrorKind::Closed: return EBADF;
    case ErrorKind::Timeout: return EWOULDBLOCK;  // what CPython's connect_ex returns on its timeout
    default: return error.code();
    }
}

Status Socket::shutdown(int how)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::Shutdown, how);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    const sys::SysResult r = sys::shutdown(m_fd, how);
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    if (how == SHUT_RD || how == SHUT_RDWR)
        m_shutRead = true;
    setState(SocketState::ShutDown);
    trace.returned(0);
    return {};
}

Status Socket::close()
{
    if (!isOpen())
        return {};  // closing twice is harmless, as in Python
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::Close);
    const int err = m_record->closeDescriptor();
    m_fd = -1;
    m_record->closedAtNs.store(steadyNowNs(), std::memory_order_relaxed);
    setState(SocketState::Closed);
    if (err != 0)
        return trace.failed(SocketError::fromErrno(err));
    trace.returned(0);
    return {};
}

Result<SocketAddress> Socket::getSockName()
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::GetSockName);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    SocketAddress a;
    unsigned len = SocketAddress::capacity();
    const sys::SysResult r = sys::getsockname(m_fd, a.raw(), &len);
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    a.setLength(len);
    trace.returned(0, 0, &a);
    return a;
}

Result<SocketAddress> Socket::getPeerName()
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::GetPeerName);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    SocketAddress a;
    unsigned len = SocketAddress::capacity();
    const sys::SysResult r = sys::getpeername(m_fd, a.raw(), &len);
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    a.setLength(len);
    trace.returned(0, 0, &a);
    return a;
}

Status Socket::setOption(int level, int name, int value)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::SetSockOpt, value);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    const sys::SysResult r = sys::setsockopt(m_fd, level, name, &value, sizeof value);
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    trace.returned(0);
    return {};
}

Status Socket::setOption(int level, int name, std::string_view value)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::SetSockOpt, static_cast<std::int64_t>(value.size()));
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    const sys::SysResult r = sys::setsockopt(m_fd, level, name, value.data(), static_cast<unsigned>(value.size()));
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    trace.returned(0);
    return {};
}

Result<int> Socket::option(int level, int name)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::GetSockOpt, name);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    int value = 0;
    unsigned len = sizeof value;
    const sys::SysResult r = sys::getsockopt(m_fd, level, name, &value, &len);
    if (!r.ok())
        return trace.failed(SocketError::fromErrno(r.error));
    trace.returned(value);
    return value;
}

void Socket::setBlocking(bool blocking)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::SetBlocking, blocking ? 1 : 0);
    m_timeout = blocking ? std::nullopt : std::optional<double>(0.0);
    trace.returned(0);
}

Status Socket::setTimeout(std::optional<double> seconds)
{
    // Checked before any conversion: NaN, infinities and negative values are refused
    // (Python: ValueError), and an absurdly long timeout is refused rather than wrapped.
    const bool valid = !seconds || (std::isfinite(*seconds) && *seconds >= 0 && *seconds <= kMaxTimeoutSeconds);
    const std::int64_t ms = seconds && valid ? static_cast<std::int64_t>(*seconds * 1000) : -1;
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::SetTimeout, ms);
    if (!valid)
        return trace.failed(SocketError::fromErrno(EINVAL));
    m_timeout = seconds;
    trace.returned(0);
    return {};
}

} // namespace socketlab
