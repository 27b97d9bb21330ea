// The plain C reference servers; see ss_plain_server.h.
#include "ss_plain_server.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace bench {
namespace {

constexpr int kPollIntervalMs = 500;  // serve_forever(poll_interval=0.5)
constexpr std::size_t kReadBufsize = 8192;  // io.DEFAULT_BUFFER_SIZE behind rfile.readline()
constexpr double kStopDeadlineSeconds = 10;

bool sendAllPlain(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            recordFailure(errnoText("plain server send", errno));
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

bool plainTimestampHandle(int fd, int consoleFd)
{
    const PlainFd connection(fd);
    // print('...connected from:', self.client_address)
    sockaddr_in peer{};
    socklen_t peerLength = sizeof peer;
    char host[INET_ADDRSTRLEN] = "?";
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) == 0)
        ::inet_ntop(AF_INET, &peer.sin_addr, host, sizeof host);
    char console[96];
    const int consoleLength = std::snprintf(console, sizeof console, "...connected from: ('%s', %u)\n", host,
                                            static_cast<unsigned>(ntohs(peer.sin_port)));
    if (::write(consoleFd, console, static_cast<std::size_t>(consoleLength)) < 0)
        recordFailure(errnoText("plain server console", errno));

    // self.rfile.readline(): buffered reads until a newline or the end of the stream.
    char line[kReadBufsize];
    std::size_t have = 0;
    while (have < sizeof line && !std::memchr(line, '\n', have)) {
        const ssize_t n = ::recv(fd, line + have, sizeof line - have, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        have += static_cast<std::size_t>(n);
    }
    const char *newline = static_cast<const char *>(std::memchr(line, '\n', have));
    const std::size_t lineLength = newline ? static_cast<std::size_t>(newline - line) + 1 : have;

    // self.wfile.write(b'[%s] %s' % (bytes(ctime(), 'utf-8'), line))
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    ::ctime_r(&now, stamp);
    stamp[std::strcspn(stamp, "\n")] = '\0';
    char reply[sizeof line + 64];
    const int head = std::snprintf(reply, sizeof reply, "[%s] ", stamp);
    std::memcpy(reply + head, line, lineLength);
    const bool sent = sendAllPlain(fd, reply, static_cast<std::size_t>(head) + lineLength);
    ::shutdown(fd, SHUT_WR);  // shutdown_request(), then close() as connection leaves scope
    return sent;
}

PlainTimestampServer::PlainTimestampServer(ServerModel model, int consoleFd)
    : m_model(model), m_consoleFd(consoleFd), m_listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
{
    const int one = 1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (m_listener.get() < 0 || ::setsockopt(m_listener.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0
        || ::bind(m_listener.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) < 0
        || ::listen(m_listener.get(), 5) < 0  // request_queue_size = 5
        || ::getsockname(m_listener.get(), reinterpret_cast<sockaddr *>(&address), &length) < 0)
        die(errnoText("plain server setup", errno));
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve(); });
}

PlainTimestampServer::~PlainTimestampServer()
{
    m_stopping = true;
    m_thread.join();  // within one poll interval
    const double deadline = nowSeconds() + kStopDeadlineSeconds;
    while (m_activeThreads.load() > 0 && nowSeconds() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));  // block_on_close: the threads end first
    if (m_activeThreads.load() > 0)
        die("plain threading server: request threads still running after 10 s");
}

void PlainTimestampServer::serve()
{
    while (!m_stopping) {
        pollfd listener{m_listener.get(), POLLIN, 0};
        const int ready = ::poll(&listener, 1, kPollIntervalMs);
        if (ready <= 0)
            continue;  // poll_interval passed (or EINTR): look at m_stopping again
        const int fd = ::accept4(m_listener.get(), nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED)
                recordFailure(errnoText("plain server accept", errno));
            continue;
        }
        switch (m_model) {
        case ServerModel::Sequential:
            plainTimestampHandle(fd, m_consoleFd);
            break;
        case ServerModel::ThreadPerConnection:
            handleInThread(fd);
            break;
        case ServerModel::ProcessPerConnection:
            handleInChild(fd);
            reapChildren(false);  // collect_children() after each request, without waiting
            break;
        }
    }
    reapChildren(true);
}

void PlainTimestampServer::handleInThread(int fd)
{
    ++m_activeThreads;
    std::thread([this, fd] {
        plainTimestampHandle(fd, m_consoleFd);
        --m_activeThreads;
    }).detach();
}

void PlainTimestampServer::handleInChild(int fd)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        // The child: only the handler's own calls (no lock another thread could hold).
        ::close(m_listener.get());
        ::_exit(plainTimestampHandle(fd, m_consoleFd) ? 0 : 1);
    }
    ::close(fd);  // the parent's copy: close_request()
    if (pid < 0)
        recordFailure(errnoText("plain server fork", errno));
    else
        m_children.push_back(pid);
}

void PlainTimestampServer::reapChildren(bool wait)
{
    // Each child by its pid, as collect_children does: the bench has other children (the
    // fork helper, a Python server) that are not this server's to reap.
    std::vector<pid_t> running;
    for (const pid_t pid : m_children) {
        int status = 0;
        pid_t rc;
        do
            rc = ::waitpid(pid, &status, wait ? 0 : WNOHANG);
        while (rc < 0 && errno == EINTR);
        if (rc == 0) {
            running.push_back(pid);
            continue;
        }
        if (rc < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            recordFailure("plain forking server: a child failed");
    }
    m_children.swap(running);
}

} // namespace bench
