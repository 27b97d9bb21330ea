// Echo round trips in the core's wait pattern, without the core: see poll_loop.h.
// Mirrors SocketRetry.h and BlockingWait.cpp (one attempt first, poll only on EAGAIN,
// recvmsg as the core's recv uses) so the syscalls match the core's one for one.
#include "poll_loop.h"

#include "plain_loop.h"

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/eventfd.h>
#include <sys/socket.h>

namespace bench {
namespace {

// Long enough never to fire on a healthy run, short enough that a broken one ends.
constexpr int kPollTimeoutMs = 10'000;

void makeNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
        die(errnoText("fcntl(O_NONBLOCK)", errno));
}

// Waits as the core's waitUntilReady does: the socket and the cancel eventfd together.
bool waitReady(int fd, short events, int cancelFd, const char *who)
{
    for (;;) {
        pollfd fds[2] = {{fd, events, 0}, {cancelFd, POLLIN, 0}};
        const int rc = ::poll(fds, 2, kPollTimeoutMs);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0) {
            recordFailure(errnoText(who, errno));
            return false;
        }
        if (rc == 0) {
            recordFailure(std::string(who) + ": timed out");
            return false;
        }
        if (fds[1].revents & POLLIN)
            return false;  // the peer failed and said so through the eventfd
        if (fds[0].revents != 0)
            return true;
    }
}

// One receive the core's way; the byte count, 0 at end of stream, -1 after a failure.
ssize_t receive(int fd, char *buffer, std::size_t size, int cancelFd, const char *who)
{
    for (;;) {
        iovec iov{buffer, size};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        const ssize_t n = ::recvmsg(fd, &msg, 0);
        if (n >= 0)
            return n;
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN) {
            recordFailure(errnoText(who, errno));
            return -1;
        }
        if (!waitReady(fd, POLLIN, cancelFd, who))
            return -1;
    }
}

bool sendByte(int fd, char byte, int cancelFd, const char *who)
{
    for (;;) {
        const ssize_t n = ::send(fd, &byte, 1, MSG_NOSIGNAL);
        if (n == 1)
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN) {
            recordFailure(errnoText(who, errno));
            return false;
        }
        if (!waitReady(fd, POLLOUT, cancelFd, who))
            return false;
    }
}

void signalPeer(int cancelFd)
{
    const eventfd_t one = 1;
    (void)::eventfd_write(cancelFd, one);
}

void pollEcho(int fd, int cancelFd)
{
    char buffer[kEchoBufsize];
    for (;;) {
        const ssize_t n = receive(fd, buffer, sizeof buffer, cancelFd, "poll echo recv");
        if (n == 0)
            return;
        if (n < 0 || n > 1 || !sendByte(fd, buffer[0], cancelFd, "poll echo send"))
            break;
    }
    signalPeer(cancelFd);
}

bool pollRoundTrip(int fd, int cancelFd)
{
    if (!sendByte(fd, 'x', cancelFd, "poll client send"))
        return false;
    char in[kEchoBufsize];
    const ssize_t n = receive(fd, in, sizeof in, cancelFd, "poll client recv");
    if (n == 1)
        return true;
    if (n >= 0)
        recordFailure("poll client recv: got " + std::to_string(n) + " bytes, expected 1");
    return false;
}

} // namespace

RoundTripResult pollRoundTrips(const RoundTripPlan &plan)
{
    PlainPair pair = plainLoopbackPair(true);
    makeNonBlocking(pair.client.get());
    makeNonBlocking(pair.server.get());
    const int cancel = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (cancel < 0)
        die(errnoText("eventfd", errno));
    const PlainFd cancelFd(cancel);
    RoundTripResult result;
    {
        JoiningThread echo([&] { pollEcho(pair.server.get(), cancel); });
        const int fd = pair.client.get();
        result.warmupCount = runFor(plan.warmupSeconds, [&] { return pollRoundTrip(fd, cancel); }).count;
        if (!failed())
            result.window = runFor(plan.seconds, [&] { return pollRoundTrip(fd, cancel); });
        ::shutdown(fd, SHUT_WR);  // the echo thread's recv returns 0 and it ends
    }
    return result;
}

} // namespace bench
