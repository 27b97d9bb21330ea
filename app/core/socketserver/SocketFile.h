// The file objects StreamRequestHandler reads and writes: Python's socket.makefile('rb',
// rbufsize) and makefile('wb', wbufsize) / _SocketWriter. They show what buffering does to
// the calls on the socket: a buffered readline() asks recv_into for up to 8192 bytes and
// keeps the rest for the next line; an unbuffered one (rbufsize 0) makes one recv_into per
// byte; an unbuffered wfile (wbufsize 0, Python's default) sends each write at once, a
// buffered one only when its buffer fills or flush() runs. Each call is traced (rfile.readline,
// wfile.write ...) on the connection's socket, around the socket calls it makes.
#pragma once

#include <Result.h>
#include <Socket.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace socketlab::socketserver {

class SocketReader {
public:
    static constexpr std::size_t kDefaultBufferSize = 8192;  // io.DEFAULT_BUFFER_SIZE

    SocketReader() = default;
    // bufsize < 0: the default buffer; 0: unbuffered; n > 0: a buffer of n bytes.
    SocketReader(Socket &socket, long bufsize);

    // Up to and including the next b'\n'; at end of stream whatever is left (possibly b'').
    // limit >= 0 stops after that many bytes, as Python's readline(limit).
    Result<Bytes> readline(long limit = -1);
    // n < 0: everything until the peer closes. Buffered: n bytes unless the stream ends first;
    // unbuffered: a single recv_into, which may return fewer.
    Result<Bytes> read(long n = -1);
    void close() { m_socket = nullptr; }
    bool closed() const { return m_socket == nullptr; }
    std::size_t buffered() const { return m_end - m_start; }

private:
    Result<std::size_t> fill(std::size_t atMost);  // one recv_into into the buffer
    void reserve(std::size_t size);  // room for size bytes from the buffer's start
    Bytes take(std::size_t n);
    void trace(TraceCall call, TracePhase phase, std::int64_t arg, std::int64_t result = 0,
               SocketError error = {}) const;

    Socket *m_socket = nullptr;
    std::size_t m_bufferSize = kDefaultBufferSize;
    bool m_unbuffered = false;
    // Bytes [m_start, m_end) of m_data are buffered, the rest is room. Raw storage, not a
    // std::string: a string cannot grow without zero-filling, and every readline() would clear
    // the 8 KiB it asks recv_into to fill (a handler reads one line per request).
    std::unique_ptr<char[]> m_data;
    std::size_t m_capacity = 0;
    std::size_t m_start = 0;  // bytes already handed out
    std::size_t m_end = 0;
};

class SocketWriter {
public:
    SocketWriter() = default;
    // bufsize 0: unbuffered, every write is a sendall (Python's _SocketWriter);
    // < 0: the default 8192-byte buffer; n > 0: a buffer of n bytes.
    SocketWriter(Socket &socket, long bufsize);

    Result<std::size_t> write(std::string_view data);
    Status flush();
    void close() { m_socket = nullptr; }
    bool closed() const { return m_socket == nullptr; }
    std::size_t buffered() const { return m_buffer.size(); }

private:
    Status sendSome(std::string_view data);  // send() until all of it is in the kernel
    void trace(TraceCall call, TracePhase phase, std::int64_t arg, std::int64_t result = 0,
               SocketError error = {}) const;

    Socket *m_socket = nullptr;
    std::size_t m_bufferSize = 0;  // 0: unbuffered
    std::string m_buffer;
};

} // namespace socketlab::socketserver
