// Fuzz target: StreamRequestHandler's rfile and wfile (SocketReader / SocketWriter) under
// arbitrary chunking. The input is a script: byte 0 picks rfile's buffer size, byte 1 wfile's,
// then operations, each an opcode and its operands:
//   0 n  deliver the next n bytes of the script to the reader's socket (the peer sends them)
//   1    rfile.readline()          2 n  rfile.readline(n)
//   3 n  rfile.read(n)             4    the peer shuts down its sending side (end of stream)
//   5 n  wfile.write(the next n bytes of the script)       6  wfile.flush()
// The reader's socket does not block (timeout 0): a call that would wait raises
// BlockingIOError, and the script goes on, so bytes arrive in whatever pieces it chose.
// Checked: what rfile hands out is always a prefix of what was sent, in order; a readline
// ends with its newline unless a limit or the end of the stream cut it; once the stream ends
// every byte has come out exactly once; what wfile was given reaches its peer whole and in
// order once flushed and closed.
#include <Socket.h>
#include <socketserver/SocketFile.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>
#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::SocketReader;
using socketlab::socketserver::SocketWriter;

namespace {

constexpr long kBufferSizes[] = {-1, 0, 1, 2, 7, 64, 8192};
constexpr std::size_t kMaxWritten = 32 * 1024;  // well inside a Unix socket's buffer: no write waits
constexpr std::size_t kMaxSent = 32 * 1024;     // nor does the peer's send to a reader that does not read

void check(bool condition)
{
    if (!condition)
        std::abort();
}

class Script {
public:
    Script(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}
    bool done() const { return m_at >= m_size; }
    std::uint8_t byte() { return m_at < m_size ? m_data[m_at++] : 0; }
    std::string bytes(std::size_t n)
    {
        n = std::min(n, m_size - m_at);
        std::string out(reinterpret_cast<const char *>(m_data + m_at), n);
        m_at += n;
        return out;
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

bool wouldBlock(const SocketError &e)
{
    return e.kind() == ErrorKind::Os && e.code() == EAGAIN;
}

// Everything the peer of a non-blocking socket has waiting, appended to out.
void drain(Socket &s, std::string &out)
{
    for (auto chunk = s.recv(65536); chunk && !chunk->empty(); chunk = s.recv(65536))
        out += *chunk;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Script script(data, size);
    auto readPair = Socket::pair(AF_UNIX, SOCK_STREAM);
    auto writePair = Socket::pair(AF_UNIX, SOCK_STREAM);
    if (!readPair || !writePair)
        return 0;
    Socket &reading = readPair->first;
    Socket &sender = readPair->second;
    Socket &writing = writePair->first;
    Socket &receiver = writePair->second;
    check(reading.setTimeout(0.0).ok() && receiver.setTimeout(0.0).ok());

    const long rbufsize = kBufferSizes[script.byte() % std::size(kBufferSizes)];
    const long wbufsize = kBufferSizes[script.byte() % std::size(kBufferSizes)];
    SocketReader rfile(reading, rbufsize);
    SocketWriter wfile(writing, wbufsize);
    std::string sent, handedOut, given, arrived;
    bool ended = false;

    auto handOut = [&](const Result<Bytes> &r, long limit, bool line) {
        if (!r) {
            check(wouldBlock(r.error()));
            return;
        }
        const Bytes &got = *r;
        if (limit >= 0)
            check(got.size() <= static_cast<std::size_t>(limit));
        if (line && !got.empty() && got.back() != '\n')
            check(ended || got.size() == static_cast<std::size_t>(limit));  // cut short only by a limit or the end
        if (line)
            check(got.find('\n') == std::string::npos || got.find('\n') == got.size() - 1);
        handedOut += got;
        check(sent.compare(0, handedOut.size(), handedOut) == 0);  // a prefix of what was sent, in order
    };

    while (!script.done()) {
        switch (script.byte() % 7) {
        case 0:
            if (!ended && sent.size() < kMaxSent) {
                const std::string piece = script.bytes(script.byte());
                check(sender.sendAll(piece).ok());
                sent += piece;
            }
            break;
        case 1:
            handOut(rfile.readline(), -1, true);
            break;
        case 2: {
            const long limit = script.byte();
            handOut(rfile.readline(limit), limit, true);
            break;
        }
        case 3: {
            const long n = script.byte();
            handOut(rfile.read(n), -1, false);
            break;
        }
        case 4:
            check(sender.shutdown(SHUT_WR).ok() || ended);
            ended = true;
            break;
        case 5: {
            const std::string piece = script.bytes(script.byte());
            if (given.size() + piece.size() > kMaxWritten)
                break;
            const Result<std::size_t> wrote = wfile.write(piece);
            check(wrote && *wrote == piece.size());
            given += piece;
            drain(receiver, arrived);
            break;
        }
        case 6:
            check(wfile.flush().ok());
            drain(receiver, arrived);
            break;
        }
    }

    // The end: every byte sent comes out exactly once, and everything given to wfile arrives.
    if (!ended)
        check(sender.shutdown(SHUT_WR).ok());
    ended = true;
    for (int guard = 0; guard < 1 << 20; ++guard) {
        const Result<Bytes> rest = rfile.read(-1);
        if (rest) {
            handOut(rest, -1, false);
            break;
        }
        check(wouldBlock(rest.error()));
    }
    check(handedOut == sent);
    check(wfile.flush().ok());
    wfile.close();
    (void)writing.close();
    drain(receiver, arrived);
    check(arrived == given);
    return 0;
}
