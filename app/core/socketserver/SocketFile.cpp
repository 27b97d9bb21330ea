// SocketReader / SocketWriter: Python's BufferedReader / BufferedWriter over a socket, with
// the buffering decisions made where the trace can show them.
#include "SocketFile.h"

#include <Clock.h>
#include <TraceStream.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace socketlab::socketserver {
namespace {

// Python: ValueError: I/O operation on closed file.
SocketError closedFile()
{
    return SocketError(ErrorKind::Closed, EBADF);
}

void push(const Socket *socket, TraceCall call, TracePhase phase, std::int64_t arg, std::int64_t result,
          SocketError error)
{
    if (!socket || !socket->context().trace)
        return;
    TraceEvent e;
    e.timeNs = steadyNowNs();
    e.socketId = socket->id();
    e.fd = socket->fileno();
    e.call = call;
    e.phase = phase;
    e.arg = arg;
    e.result = result;
    e.errorKind = error.kind();
    e.errorCode = error.code();
    socket->context().trace->push(e);
}

} // namespace

SocketReader::SocketReader(Socket &socket, long bufsize)
    : m_socket(&socket), m_bufferSize(bufsize < 0 ? kDefaultBufferSize : static_cast<std::size_t>(bufsize)),
      m_unbuffered(bufsize == 0)
{
}

void SocketReader::trace(TraceCall call, TracePhase phase, std::int64_t arg, std::int64_t result,
                         SocketError error) const
{
    push(m_socket, call, phase, arg, result, error);
}

Result<std::size_t> SocketReader::fill(std::size_t atMost)
{
    if (m_start > 0) {  // keep the buffer from growing: drop what was handed out
        std::memmove(m_data.get(), m_data.get() + m_start, buffered());
        m_end -= m_start;
        m_start = 0;
    }
    reserve(m_end + atMost);
    const Result<std::size_t> n = m_socket->recvInto(m_data.get() + m_end, atMost);
    if (n)
        m_end += *n;
    return n;
}

void SocketReader::reserve(std::size_t size)
{
    if (size <= m_capacity)
        return;
    const std::size_t capacity = std::max(size, 2 * m_capacity);
    std::unique_ptr<char[]> grown(new char[capacity]);  // left uninitialised: recv_into fills it
    if (m_end > 0)
        std::memcpy(grown.get(), m_data.get(), m_end);
    m_data = std::move(grown);
    m_capacity = capacity;
}

Bytes SocketReader::take(std::size_t n)
{
    n = std::min(n, buffered());
    Bytes out(m_data.get() + m_start, n);
    m_start += n;
    if (m_start == m_end)
        m_start = m_end = 0;
    return out;
}

Result<Bytes> SocketReader::readline(long limit)
{
    trace(TraceCall::RfileReadline, TracePhase::Begin, limit);
    if (closed())
        return closedFile();
    const std::size_t cap = limit < 0 ? SIZE_MAX : static_cast<std::size_t>(limit);
    for (;;) {
        const std::size_t searchable = std::min(buffered(), cap);
        const char *begin = m_data.get() + m_start;
        if (const void *newline = searchable > 0 ? std::memchr(begin, '\n', searchable) : nullptr) {
            Bytes line = take(static_cast<std::size_t>(static_cast<const char *>(newline) - begin) + 1);
            trace(TraceCall::RfileReadline, TracePhase::Returned, limit, static_cast<std::int64_t>(line.size()));
            return line;
        }
        if (buffered() >= cap)
            break;
        // Unbuffered, Python reads one byte at a time so no byte after the newline is consumed.
        const Result<std::size_t> n = fill(m_unbuffered ? 1 : m_bufferSize);
        if (!n) {  // what was read stays buffered for the next call
            trace(TraceCall::RfileReadline, TracePhase::Failed, limit, 0, n.error());
            return n.error();
        }
        if (*n == 0)
            break;  // end of stream: the partial line, or b''
    }
    Bytes line = take(cap);
    trace(TraceCall::RfileReadline, TracePhase::Returned, limit, static_cast<std::int64_t>(line.size()));
    return line;
}

Result<Bytes> SocketReader::read(long n)
{
    trace(TraceCall::RfileRead, TracePhase::Begin, n);
    if (closed())
        return closedFile();
    const std::size_t want = n < 0 ? SIZE_MAX : static_cast<std::size_t>(n);
    const std::size_t chunk = m_unbuffered ? kDefaultBufferSize : m_bufferSize;
    if (m_unbuffered && n >= 0) {
        // Raw read(n): a single recv_into, which may bring fewer bytes than asked.
        if (buffered() == 0 && want > 0) {
            const Result<std::size_t> got = fill(want);
            if (!got) {
                trace(TraceCall::RfileRead, TracePhase::Failed, n, 0, got.error());
                return got.error();
            }
        }
    } else {
        while (buffered() < want) {  // buffered read(n) loops until n bytes or the end of the stream
            const std::size_t room = want == SIZE_MAX ? chunk : std::max(want - buffered(), chunk);
            const Result<std::size_t> got = fill(room);
            if (!got) {
                trace(TraceCall::RfileRead, TracePhase::Failed, n, 0, got.error());
                return got.error();
            }
            if (*got == 0)
                break;
        }
    }
    Bytes data = take(want);
    trace(TraceCall::RfileRead, TracePhase::Returned, n, static_cast<std::int64_t>(data.size()));
    return data;
}

SocketWriter::SocketWriter(Socket &socket, long bufsize)
    : m_socket(&socket),
      m_bufferSize(bufsize == 0 ? 0 : bufsize < 0 ? SocketReader::kDefaultBufferSize : static_cast<std::size_t>(bufsize))
{
}

void SocketWriter::trace(TraceCall call, TracePhase phase, std::int64_t arg, std::int64_t result,
                         SocketError error) const
{
    push(m_socket, call, phase, arg, result, error);
}

Status SocketWriter::sendSome(std::string_view data)
{
    std::size_t sent = 0;
    while (sent < data.size()) {
        const Result<std::size_t> n = m_socket->send(data.substr(sent));
        if (!n)
            return n.error();
        sent += *n;
    }
    return {};
}

Result<std::size_t> SocketWriter::write(std::string_view data)
{
    const auto size = static_cast<std::int64_t>(data.size());
    trace(TraceCall::WfileWrite, TracePhase::Begin, size);
    if (closed())
        return closedFile();
    Status status;
    if (m_bufferSize == 0) {
        status = m_socket->sendAll(data);  // Python's _SocketWriter: nothing is held back
    } else if (m_buffer.size() + data.size() <= m_bufferSize) {
        m_buffer.append(data);  // stays in our buffer: no socket call at all
    } else {
        status = flush();
        if (status && data.size() > m_bufferSize)
            status = sendSome(data);  // too big to buffer: straight to the socket
        else if (status)
            m_buffer.assign(data);
    }
    if (!status) {
        trace(TraceCall::WfileWrite, TracePhase::Failed, size, 0, status.error());
        return status.error();
    }
    trace(TraceCall::WfileWrite, TracePhase::Returned, size, size);
    return data.size();
}

Status SocketWriter::flush()
{
    const auto pending = static_cast<std::int64_t>(m_buffer.size());
    trace(TraceCall::WfileFlush, TracePhase::Begin, pending);
    if (closed())
        return closedFile();
    std::size_t sent = 0;
    Status status;
    while (sent < m_buffer.size()) {
        const Result<std::size_t> n = m_socket->send(std::string_view(m_buffer).substr(sent));
        if (!n) {
            status = n.error();
            break;
        }
        sent += *n;
    }
    m_buffer.erase(0, sent);  // what did not go out stays for the next flush, as in Python
    if (!status) {
        trace(TraceCall::WfileFlush, TracePhase::Failed, pending, static_cast<std::int64_t>(sent), status.error());
        return status;
    }
    trace(TraceCall::WfileFlush, TracePhase::Returned, pending, static_cast<std::int64_t>(sent));
    return {};
}

} // namespace socketlab::socketserver
