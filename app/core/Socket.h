// The socket object of Python's socket module, on native Linux sockets.
//
// Move-only and RAII: the descriptor closes with the object. One thread uses a Socket,
// except that, as in Python, one thread may send while another receives, and shutdown()
// from one wakes the other's recv() (a chat client's reader thread); other threads observe
// it through its SocketRecord and stop it through the context's CancelToken. Blocking behaves as in Python (settimeout(None) blocks, 0 never blocks,
// t > 0 raises socket.timeout), but underneath the descriptor is always non-blocking and
// waits happen in poll(), so every wait can be cancelled and traced.
#pragma once

#include "Result.h"
#include "SocketAddress.h"
#include "SocketContext.h"
#include "SocketRecord.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace socketlab {

using Bytes = std::string;  // Python bytes: any octets, not text
struct Accepted;
struct Datagram;

class Socket {
public:
    // Python's listen() default: min(SOMAXCONN, 128).
    static constexpr int kDefaultBacklog = 128;

    Socket() = default;
    ~Socket();
    Socket(Socket &&other) noexcept;
    Socket &operator=(Socket &&other) noexcept;
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    static Result<Socket> create(int family, int type, int protocol = 0, SocketContext context = {});
    static Result<std::pair<Socket, Socket>> pair(int family, int type, int protocol = 0,
                                                  SocketContext context = {});

    bool isOpen() const { return m_fd >= 0; }
    int fileno() const { return m_fd; }  // -1 once closed, as in Python
    int family() const { return m_family; }
    int type() const { return m_type; }
    int protocol() const { return m_protocol; }
    std::uint32_t id() const { return m_record ? m_record->id : 0; }
    const std::shared_ptr<SocketRecord> &record() const { return m_record; }
    const SocketContext &context() const { return m_context; }

    Status bind(const SocketAddress &address);
    Status listen(int backlog = kDefaultBacklog);
    Result<Accepted> accept();
    Status connect(const SocketAddress &address);
    int connectEx(const SocketAddress &address);  // 0 or the errno, as Python's connect_ex

    Result<std::size_t> send(std::string_view data, int flags = 0);
    Status sendAll(std::string_view data, int flags = 0);
    Result<std::size_t> sendTo(std::string_view data, const SocketAddress &address, int flags = 0);
    Result<Bytes> recv(std::size_t bufsize, int flags = 0);
    Result<std::size_t> recvInto(char *buffer, std::size_t nbytes, int flags = 0);
    Result<Datagram> recvFrom(std::size_t bufsize, int flags = 0);

    Status shutdown(int how);  // SHUT_RD, SHUT_WR, SHUT_RDWR
    Status close();            // idempotent, as in Python

    Result<SocketAddress> getSockName();
    Result<SocketAddress> getPeerName();
    Status setOption(int level, int name, int value);
    // setsockopt(level, name, bytes): an option given as a C struct, such as SO_LINGER's
    // struct linger (Python: struct.pack('ii', 1, 0)).
    Status setOption(int level, int name, std::string_view value);
    Result<int> option(int level, int name);

    void setBlocking(bool blocking);
    Status setTimeout(std::optional<double> seconds);  // nullopt: block; 0: non-blocking
    std::optional<double> timeout() const { return m_timeout; }

    // Upper bound of one recv's buffer: a huge bufsize is served in pieces of this size
    // (recv may always return fewer bytes than asked), instead of exhausting memory.
    static constexpr std::size_t kMaxRecvChunk = 1024u * 1024;
    static constexpr std::size_t kRecvScratchBytes = 64u * 1024;  // recv() up to this size allocates nothing
    // Longer timeouts are refused: the deadline must fit in 64-bit nanoseconds.
    static constexpr double kMaxTimeoutSeconds = 1e9;

private:
    Socket(int fd, int family, int type, int protocol, SocketContext context);
    TraceStream *traceStream() const { return m_context.trace.get(); }
    std::int64_t deadlineNs() const;  // -1: no limit
    bool nonBlocking() const { return m_timeout && *m_timeout == 0.0; }
    void setState(SocketState state);
    void refreshAddresses();
    SocketError connectError(const SocketAddress &address, class CallTrace &trace);
    std::uint32_t noteReceived(long long bytes, std::size_t asked, bool truncated);  // counters, peer-closed
    Result<std::size_t> sendOnce(std::string_view data, int flags, std::int64_t deadline);
    // The injected faults of a stream recv: waits (false if stopped meanwhile) and lowers nbytes.
    bool applyRecvFaults(std::size_t &nbytes, std::uint32_t &flags);

    // Runs attempt() until it stops saying EAGAIN, waiting for `events` between tries.
    template <typename Attempt>
    Result<long long> retryUntilReady(short events, CallTrace &trace, std::int64_t deadline, Attempt attempt);

    int m_fd = -1;
    int m_family = 0;
    int m_type = 0;
    int m_protocol = 0;
    std::atomic<bool> m_shutRead{false};  // shutdown(SHUT_RD) may come from another thread than recv()'s
    std::optional<double> m_timeout;
    SocketContext m_context;
    std::shared_ptr<SocketRecord> m_record;
};

struct Accepted {
    Socket socket;
    SocketAddress address;
};

struct Datagram {
    Bytes data;
    SocketAddress from;
    bool truncated = false;  // the datagram was longer than bufsize; the rest is lost
};

} // namespace socketlab
