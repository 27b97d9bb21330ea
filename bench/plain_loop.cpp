// The plain C reference loops: blocking socket(), send(..., MSG_NOSIGNAL) and recv(),
// the calls a textbook echo client and server make. The core, by design, keeps its
// descriptors non-blocking and waits in poll(); comparing against this loop prices that
// design plus the tracing.
#include "plain_loop.h"

#include <algorithm>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace bench {
namespace {

// Long enough never to fire on a healthy run, short enough that a broken one ends.
constexpr int kIoTimeoutSeconds = 10;

void setIntOption(int fd, int level, int name, int value, const char *what)
{
    if (::setsockopt(fd, level, name, &value, sizeof value) < 0)
        die(errnoText(what, errno));
}

void configure(int fd, bool noDelay)
{
    const timeval timeout{kIoTimeoutSeconds, 0};
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) < 0)
        die(errnoText("setsockopt(SO_RCVTIMEO)", errno));
    if (::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout) < 0)
        die(errnoText("setsockopt(SO_SNDTIMEO)", errno));
    if (noDelay)
        setIntOption(fd, IPPROTO_TCP, TCP_NODELAY, 1, "setsockopt(TCP_NODELAY)");
}

sockaddr_in loopback(std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

PlainFd newTcpSocket()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        die(errnoText("socket", errno));
    return PlainFd(fd);
}

// send() until every byte is in the kernel; a blocking send rarely stops short, but may.
bool sendFully(int fd, const char *data, std::size_t size, const char *who)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            recordFailure(errnoText(who, errno));
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Echoes until the client shuts down its side (recv returns 0).
void plainEcho(int fd)
{
    char buffer[kEchoBufsize];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n == 0)
            return;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            recordFailure(errnoText("plain echo recv", errno));
            break;
        }
        if (!sendFully(fd, buffer, static_cast<std::size_t>(n), "plain echo send"))
            break;
    }
    ::shutdown(fd, SHUT_RDWR);  // wakes the client at once instead of after its timeout
}

bool plainRoundTrip(int fd)
{
    const char out = 'x';
    if (!sendFully(fd, &out, 1, "plain client send"))
        return false;
    char in[kEchoBufsize];
    for (;;) {
        const ssize_t n = ::recv(fd, in, sizeof in, 0);
        if (n == 1)
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        recordFailure(n < 0 ? errnoText("plain client recv", errno)
                            : "plain client recv: got " + std::to_string(n) + " bytes, expected 1");
        return false;
    }
}

void plainReceiveBulk(int fd, const BulkPlan &plan, BulkMeter &meter)
{
    std::vector<char> buffer(plan.chunkBytes);
    while (!meter.done()) {
        const ssize_t n = ::recv(fd, buffer.data(), meter.nextChunk(), 0);
        if (n > 0) {
            meter.add(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        recordFailure(n < 0 ? errnoText("plain bulk recv", errno) : "plain bulk recv: the sender closed early");
        ::shutdown(fd, SHUT_RDWR);  // the sender fails at once with EPIPE
        return;
    }
}

} // namespace

PlainFd::~PlainFd()
{
    if (m_fd >= 0)
        ::close(m_fd);  // never retried: the descriptor is gone even on EINTR
}

PlainFd &PlainFd::operator=(PlainFd &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

PlainFd plainConnectLoopback(std::uint16_t port, bool noDelay)
{
    PlainFd fd = newTcpSocket();
    sockaddr_in address = loopback(port);
    while (::connect(fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) < 0) {
        if (errno != EINTR)
            die(errnoText("connect", errno));
    }
    configure(fd.get(), noDelay);
    return fd;
}

PlainPair plainLoopbackPair(bool noDelay)
{
    PlainFd listener = newTcpSocket();
    sockaddr_in address = loopback(0);
    if (::bind(listener.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) < 0)
        die(errnoText("bind", errno));
    if (::listen(listener.get(), 1) < 0)
        die(errnoText("listen", errno));
    socklen_t len = sizeof address;
    if (::getsockname(listener.get(), reinterpret_cast<sockaddr *>(&address), &len) < 0)
        die(errnoText("getsockname", errno));

    PlainPair pair;
    pair.client = plainConnectLoopback(ntohs(address.sin_port), noDelay);
    const int fd = ::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0)
        die(errnoText("accept", errno));
    pair.server = PlainFd(fd);
    configure(fd, noDelay);
    return pair;
}

bool plainSendBulk(int fd, const BulkPlan &plan)
{
    const std::vector<char> chunk(plan.chunkBytes, 'b');
    for (std::uint64_t sent = 0; sent < plan.totalBytes;) {
        const std::size_t size = static_cast<std::size_t>(std::min<std::uint64_t>(plan.chunkBytes, plan.totalBytes - sent));
        if (!sendFully(fd, chunk.data(), size, "plain bulk send"))
            return false;
        sent += size;
    }
    return true;
}

RoundTripResult plainRoundTrips(const RoundTripPlan &plan)
{
    PlainPair pair = plainLoopbackPair(true);
    RoundTripResult result;
    {
        JoiningThread echo([fd = pair.server.get()] { plainEcho(fd); });
        const int fd = pair.client.get();
        result.warmupCount = runFor(plan.warmupSeconds, [fd] { return plainRoundTrip(fd); }).count;
        if (!failed())
            result.window = runFor(plan.seconds, [fd] { return plainRoundTrip(fd); });
        ::shutdown(fd, SHUT_WR);  // the echo thread's recv returns 0 and it ends
    }
    return result;
}

BulkResult plainBulk(const BulkPlan &plan)
{
    PlainPair pair = plainLoopbackPair(false);
    BulkMeter meter(plan);
    {
        JoiningThread receiver([&] { plainReceiveBulk(pair.server.get(), plan, meter); });
        if (!plainSendBulk(pair.client.get(), plan))
            ::shutdown(pair.client.get(), SHUT_RDWR);  // the receiver sees the end at once
    }
    return meter.result();
}

} // namespace bench
