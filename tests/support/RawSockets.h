// The tests' own ends of a conversation on plain BSD sockets, sharing no code with the core
// under test: a client that sends a request and keeps every byte the server sends back until
// it closes, and servers that record every byte their clients send. What they see is what
// crossed the wire.
#pragma once

#include <QByteArray>
#include <QList>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace testsupport::raw {

constexpr int kRawTimeoutMs = 10000;  // a silent peer fails the exchange instead of hanging the test

// A descriptor closed with its owner.
class Fd {
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(Fd &&other) noexcept : m_fd(other.release()) {}
    Fd &operator=(Fd &&other) noexcept
    {
        reset(other.release());
        return *this;
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd;
};

inline sockaddr_in ipv4(const char *host, std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    ::inet_pton(AF_INET, host, &a.sin_addr);
    return a;
}

inline bool readable(int fd, int timeoutMs = kRawTimeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    int rc;
    do
        rc = ::poll(&p, 1, timeoutMs);
    while (rc < 0 && errno == EINTR);
    return rc > 0;
}

inline bool sendAll(int fd, const QByteArray &data)
{
    for (qsizetype done = 0; done < data.size();) {
        const ssize_t n = ::send(fd, data.constData() + done, std::size_t(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

inline std::uint16_t localPort(int fd)
{
    sockaddr_in a{};
    socklen_t length = sizeof a;
    return ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &length) == 0 ? ntohs(a.sin_port) : 0;
}

// What came back from a server, and from which port our end spoke.
struct Reply {
    bool ok = false;        // connected, sent, and the server closed (TCP) or answered (UDP) in time
    bool reset = false;     // the server closed with our request unread: the kernel sent RST, not FIN
    QByteArray bytes;
    std::uint16_t clientPort = 0;
};

// Connects from source (any 127.x.y.z) to 127.0.0.1:port, sends request, shuts down its
// write side, and reads until the server closes (or resets: whether a server that closes
// without reading sends FIN or RST depends on whether the request had arrived yet).
inline Reply tcpExchange(std::uint16_t port, const QByteArray &request, const char *source = "127.0.0.1")
{
    Reply r;
    Fd s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sockaddr_in from = ipv4(source, 0), to = ipv4("127.0.0.1", port);
    if (s.get() < 0 || ::bind(s.get(), reinterpret_cast<const sockaddr *>(&from), sizeof from) != 0
        || ::connect(s.get(), reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0)
        return r;
    r.clientPort = localPort(s.get());
    // A server that closes at once (verify_request refusing) may have reset the connection
    // before the request went out: the reading below tells how it ended.
    (void)(sendAll(s.get(), request) && ::shutdown(s.get(), SHUT_WR) == 0);
    char buffer[4096];
    while (readable(s.get())) {
        const ssize_t n = ::recv(s.get(), buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == ECONNRESET) {  // e.g. verify_request refused it: closed, nothing read
            r.ok = r.reset = true;
            return r;
        }
        if (n < 0)
            return r;
        if (n == 0) {
            r.ok = true;
            return r;
        }
        r.bytes.append(buffer, n);
    }
    return r;  // timed out
}

// Sends one datagram to 127.0.0.1:port and waits for one back.
inline Reply udpExchange(std::uint16_t port, const QByteArray &datagram)
{
    Reply r;
    Fd s(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const sockaddr_in to = ipv4("127.0.0.1", port);
    if (s.get() < 0
        || ::sendto(s.get(), datagram.constData(), std::size_t(datagram.size()), 0, reinterpret_cast<const sockaddr *>(&to),
                    sizeof to) != datagram.size())
        return r;
    r.clientPort = localPort(s.get());
    if (!readable(s.get()))
        return r;
    char buffer[65536];
    const ssize_t n = ::recv(s.get(), buffer, sizeof buffer, 0);
    r.ok = n >= 0;
    r.bytes = QByteArray(buffer, n > 0 ? n : 0);
    return r;
}

// What a recording server received: from which host and port, and the bytes (one
// connection's request up to its line end or its end; one datagram).
struct Received {
    QByteArray host;
    std::uint16_t port = 0;
    QByteArray bytes;
    bool operator==(const Received &o) const { return host == o.host && bytes == o.bytes; }  // ports differ run to run
};

// A server on 127.0.0.1 that records what each client sends and answers it with reply(bytes)
// (nothing for an empty request): TCP, one connection at a time, each read up to its first
// "\n" or its end, answered, then closed; or UDP, each datagram answered to its sender.
class RecordingServer {
public:
    using ReplyFn = std::function<QByteArray(const QByteArray &)>;

    RecordingServer(int type, ReplyFn reply) : m_type(type), m_reply(std::move(reply))
    {
        int wake[2];
        m_socket.reset(::socket(AF_INET, type | SOCK_CLOEXEC, 0));
        const sockaddr_in any = ipv4("127.0.0.1", 0);
        if (m_socket.get() < 0 || ::bind(m_socket.get(), reinterpret_cast<const sockaddr *>(&any), sizeof any) != 0
            || (type == SOCK_STREAM && ::listen(m_socket.get(), 16) != 0) || ::pipe2(wake, O_CLOEXEC) != 0)
            return;
        m_wakeRead.reset(wake[0]);
        m_wakeWrite.reset(wake[1]);
        m_port = localPort(m_socket.get());
        m_thread = std::thread([this] { serve(); });
    }
    ~RecordingServer()
    {
        if (m_thread.joinable()) {
            (void)!::write(m_wakeWrite.get(), "x", 1);
            m_thread.join();
        }
    }
    RecordingServer(const RecordingServer &) = delete;
    RecordingServer &operator=(const RecordingServer &) = delete;

    std::uint16_t port() const { return m_port; }
    QList<Received> received() const
    {
        std::lock_guard lock(m_mutex);
        return m_received;
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_received.clear();
    }

private:
    // Waits for the socket or the wake-up pipe; false once woken to stop.
    bool waitFor(int fd)
    {
        pollfd p[2] = {{fd, POLLIN, 0}, {m_wakeRead.get(), POLLIN, 0}};
        while (::poll(p, 2, -1) < 0 && errno == EINTR) {
        }
        return !(p[1].revents & POLLIN);
    }
    void record(const sockaddr_in &peer, const QByteArray &bytes)
    {
        char host[INET_ADDRSTRLEN] = {};
        ::inet_ntop(AF_INET, &peer.sin_addr, host, sizeof host);
        std::lock_guard lock(m_mutex);
        m_received.append({QByteArray(host), ntohs(peer.sin_port), bytes});
    }
    void serve()
    {
        char buffer[65536];
        while (waitFor(m_socket.get())) {
            sockaddr_in peer{};
            socklen_t length = sizeof peer;
            if (m_type == SOCK_DGRAM) {
                const ssize_t n = ::recvfrom(m_socket.get(), buffer, sizeof buffer, 0, reinterpret_cast<sockaddr *>(&peer), &length);
                if (n < 0)
                    continue;
                const QByteArray bytes(buffer, n);
                record(peer, bytes);
                const QByteArray answer = m_reply(bytes);
                (void)::sendto(m_socket.get(), answer.constData(), std::size_t(answer.size()), 0,
                               reinterpret_cast<const sockaddr *>(&peer), length);
                continue;
            }
            Fd connection(::accept4(m_socket.get(), reinterpret_cast<sockaddr *>(&peer), &length, SOCK_CLOEXEC));
            if (connection.get() < 0)
                continue;
            QByteArray bytes;
            while (!bytes.contains('\n') && waitFor(connection.get())) {
                const ssize_t n = ::recv(connection.get(), buffer, sizeof buffer, 0);
                if (n <= 0)
                    break;
                bytes.append(buffer, n);
            }
            record(peer, bytes);
            if (!bytes.isEmpty())
                (void)sendAll(connection.get(), m_reply(bytes));
        }
    }

    const int m_type;
    const ReplyFn m_reply;
    Fd m_socket, m_wakeRead, m_wakeWrite;
    std::uint16_t m_port = 0;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    QList<Received> m_received;
};

} // namespace testsupport::raw
