// Socket: moving bytes (send, sendall, sendto, recv, recv_into, recvfrom) and counting them.
#include "Socket.h"

#include "CancelToken.h"
#include "FaultPlan.h"
#include "SocketRetry.h"

#include <algorithm>
#include <vector>
#include <poll.h>
#include <sys/socket.h>

namespace socketlab {
namespace {

void countSent(SocketRecord &record, long long bytes)
{
    record.bytesSent.fetch_add(static_cast<std::uint64_t>(bytes), std::memory_order_relaxed);
    record.messagesSent.fetch_add(1, std::memory_order_relaxed);
}

} // namespace

std::uint32_t Socket::noteReceived(long long bytes, std::size_t asked, bool truncated)
{
    std::uint32_t flags = truncated ? std::uint32_t{TraceFlagTruncated} : 0u;
    if (bytes > 0 || m_type == SOCK_DGRAM) {  // an empty datagram is still a message
        m_record->bytesReceived.fetch_add(static_cast<std::uint64_t>(bytes), std::memory_order_relaxed);
        m_record->messagesReceived.fetch_add(1, std::memory_order_relaxed);
    } else if (asked > 0 && !m_shutRead) {
        flags |= TraceFlagPeerClosed;  // b'' on a stream: the peer will send nothing more
        setState(SocketState::PeerClosed);
    }
    return flags;
}

bool Socket::applyRecvFaults(std::size_t &nbytes, std::uint32_t &flags)
{
    FaultPlan *faults = m_context.faults.get();
    if (!faults || !faults->isActive() || m_type != SOCK_STREAM)
        return true;  // a datagram cut short would be lost, not delayed: no recv fault applies
    const int pause = faults->pauseBeforeRecv();
    if (!pauseUnlessCancelled(pause, m_context.cancel.get()))
        return false;
    bool limited = false;
    nbytes = faults->recvLimit(nbytes, &limited);
    flags = limited || pause > 0 ? std::uint32_t{TraceFlagInjected} : 0u;
    return true;
}

Result<std::size_t> Socket::sendOnce(std::string_view data, int flags, std::int64_t deadline)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::Send, static_cast<std::int64_t>(data.size()));
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    std::uint32_t injected = 0;
    if (FaultPlan *faults = m_context.faults.get(); faults && faults->isActive()) {
        if (!pauseUnlessCancelled(faults->pauseBeforeSend(), m_context.cancel.get()))
            return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
        bool limited = false;
        data = data.substr(0, faults->sendLimit(data.size(), &limited));  // a short send, as a busy network makes
        injected = limited || faults->pauseBeforeSend() > 0 ? std::uint32_t{TraceFlagInjected} : 0u;
    }
    const Result<long long> n = retryUntilReady(POLLOUT, trace, deadline, [&] {
        return sys::send(m_fd, data.data(), data.size(), flags);
    });
    if (!n)
        return n.error();
    countSent(*m_record, *n);
    trace.returned(*n, injected);
    return static_cast<std::size_t>(*n);
}

Result<std::size_t> Socket::send(std::string_view data, int flags)
{
    return sendOnce(data, flags, deadlineNs());
}

Status Socket::sendAll(std::string_view data, int flags)
{
    // Traced as one sendall around the send() calls it loops over, so a lesson can show
    // that sendall is nothing but send() repeated until every byte is in the kernel.
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::SendAll, static_cast<std::int64_t>(data.size()));
    const std::int64_t deadline = deadlineNs();  // Python 3.5+: the timeout covers the whole sendall
    std::size_t sent = 0;
    do {
        const Result<std::size_t> n = sendOnce(data.substr(sent), flags, deadline);
        if (!n)
            return trace.failed(n.error());
        sent += *n;
    } while (sent < data.size());
    trace.returned(static_cast<std::int64_t>(sent));
    return {};
}

Result<std::size_t> Socket::sendTo(std::string_view data, const SocketAddress &address, int flags)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::SendTo, static_cast<std::int64_t>(data.size()),
                    &address);
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    std::uint32_t injected = 0;
    if (FaultPlan *faults = m_context.faults.get(); faults && faults->isActive()) {
        if (!pauseUnlessCancelled(faults->pauseBeforeSend(), m_context.cancel.get()))
            return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
        injected = faults->pauseBeforeSend() > 0 ? std::uint32_t{TraceFlagInjected} : 0u;
        if (faults->takeDroppedDatagram()) {
            // Lost on the way: sendto() succeeds (UDP never knows), and nothing arrives.
            countSent(*m_record, static_cast<long long>(data.size()));
            trace.returned(static_cast<std::int64_t>(data.size()), TraceFlagInjected, &address);
            return data.size();
        }
    }
    const Result<long long> n = retryUntilReady(POLLOUT, trace, deadlineNs(), [&] {
        return sys::sendto(m_fd, data.data(), data.size(), flags, address.raw(), address.length());
    });
    if (!n)
        return n.error();
    countSent(*m_record, *n);
    if (m_record->state.load() == SocketState::Created) {
        setState(SocketState::Bound);  // the kernel bound it to an ephemeral port
        refreshAddresses();
    }
    trace.returned(*n, injected, &address);
    return static_cast<std::size_t>(*n);
}

Result<std::size_t> Socket::recvInto(char *buffer, std::size_t nbytes, int flags)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::RecvInto, static_cast<std::int64_t>(nbytes));
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    std::uint32_t injected = 0;
    if (!applyRecvFaults(nbytes, injected))
        return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
    bool truncated = false;
    const Result<long long> n = retryUntilReady(POLLIN, trace, deadlineNs(), [&] {
        // recvmsg rather than recv so a datagram cut to fit the buffer is reported (MSG_TRUNC).
        return sys::recvfrom(m_fd, buffer, nbytes, flags, nullptr, nullptr, &truncated);
    });
    if (!n)
        return n.error();
    const std::uint32_t traceFlags = noteReceived(*n, nbytes, truncated) | injected;
    trace.returned(*n, traceFlags);
    return static_cast<std::size_t>(*n);
}

Result<Bytes> Socket::recv(std::size_t bufsize, int flags)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::Recv, static_cast<std::int64_t>(bufsize));
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    if (bufsize == 0) {
        trace.returned(0);  // CPython returns b'' without a system call (Linux would wait, or eat a datagram)
        return Bytes();
    }
    // Small receives land in a per-thread scratch buffer, so a short reply costs no
    // allocation or zero-filling of bufsize bytes; only what arrived is copied out.
    std::size_t asked = bufsize;
    std::uint32_t injected = 0;
    if (!applyRecvFaults(asked, injected))
        return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
    thread_local std::vector<char> scratch(kRecvScratchBytes);
    Bytes large;
    char *buffer = scratch.data();
    const std::size_t capacity = std::min(asked, kMaxRecvChunk);
    if (capacity > scratch.size()) {
        large.resize(capacity);
        buffer = large.data();
    }
    bool truncated = false;
    const Result<long long> n = retryUntilReady(POLLIN, trace, deadlineNs(), [&] {
        return sys::recvfrom(m_fd, buffer, capacity, flags, nullptr, nullptr, &truncated);
    });
    if (!n)
        return n.error();
    Bytes data;
    if (buffer == large.data()) {
        large.resize(static_cast<std::size_t>(*n));
        data = std::move(large);
    } else {
        data.assign(buffer, static_cast<std::size_t>(*n));
    }
    const std::uint32_t traceFlags = noteReceived(*n, bufsize, truncated) | injected;
    trace.returned(*n, traceFlags);
    return data;
}

Result<Datagram> Socket::recvFrom(std::size_t bufsize, int flags)
{
    CallTrace trace(traceStream(), m_record.get(), m_fd, TraceCall::RecvFrom, static_cast<std::int64_t>(bufsize));
    if (!isOpen())
        return trace.failed(SocketError(ErrorKind::Closed, EBADF));
    Datagram d;
    d.data.assign(std::min(bufsize, kMaxRecvChunk), '\0');
    const Result<long long> n = retryUntilReady(POLLIN, trace, deadlineNs(), [&] {
        unsigned len = SocketAddress::capacity();
        const sys::SysResult r = sys::recvfrom(m_fd, d.data.data(), d.data.size(), flags, d.from.raw(), &len,
                                               &d.truncated);
        d.from.setLength(len);
        return r;
    });
    if (!n)
        return n.error();
    d.data.resize(static_cast<std::size_t>(*n));
    const std::uint32_t traceFlags = noteReceived(*n, bufsize, d.truncated);
    trace.returned(*n, traceFlags, &d.from);
    return d;
}

} // namespace socketlab
