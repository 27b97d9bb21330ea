// The tsTclntSS pattern in plain C; see ss_client.h.
#include "ss_client.h"

#include "../plain_loop.h"

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace bench {
namespace {

constexpr char kLine[] = "hello\r\n";
constexpr std::size_t kBufsiz = 1024;  // the tutorial's BUFSIZ

// Long enough never to fire on a healthy run; a stuck server ends the run instead of hanging it.
constexpr timeval kReplyTimeout{10, 0};

bool oneRequest(std::uint16_t port)
{
    const PlainFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd.get() < 0 || ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &kReplyTimeout, sizeof kReplyTimeout) < 0
        || ::connect(fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) < 0) {
        recordFailure(errnoText("client socket/connect", errno));
        return false;
    }
    const std::size_t lineSize = sizeof kLine - 1;
    if (::send(fd.get(), kLine, lineSize, MSG_NOSIGNAL) != static_cast<ssize_t>(lineSize)) {
        recordFailure(errnoText("client send", errno));
        return false;
    }
    char reply[kBufsiz];
    ssize_t n;
    do
        n = ::recv(fd.get(), reply, sizeof reply, 0);
    while (n < 0 && errno == EINTR);
    // "[Mon Nov 30 04:35:00 2026] hello\r\n": the stamp, then the line as sent.
    const std::string got(reply, n > 0 ? static_cast<std::size_t>(n) : 0);
    if (n <= 0 || got.front() != '[' || got.size() < lineSize || got.compare(got.size() - lineSize, lineSize, kLine) != 0) {
        recordFailure(n < 0 ? errnoText("client recv", errno) : "client recv: not a timestamped reply: '" + got + "'");
        return false;
    }
    return true;  // fd closes here, as tcpCliSock.close()
}

} // namespace

ClientRun runTimestampClient(std::uint16_t port, double warmupSeconds, double seconds)
{
    ClientRun run;
    run.warmupCount = runFor(warmupSeconds, [port] { return oneRequest(port); }).count;
    if (!failed())
        run.window = runFor(seconds, [port] { return oneRequest(port); });
    return run;
}

} // namespace bench
