// The reference servers: tsTservSS's handler in plain C, making the calls Python's
// socketserver makes for it - accept(); print the client's address on the console;
// readline() (recv in 8 KiB reads until "\n"); write "[ctime()] line"; shutdown(SHUT_WR);
// close() - in the concurrency model of each class: one request at a time (TCPServer), a
// thread per connection (ThreadingTCPServer), a process per connection, reaped as
// collect_children does (ForkingTCPServer).
#pragma once

#include "../plain_loop.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace bench {

enum class ServerModel { Sequential, ThreadPerConnection, ProcessPerConnection };

class PlainTimestampServer {
public:
    // Listens on 127.0.0.1 (a port the kernel chooses) and serves on its own thread.
    // Console lines go to consoleFd (the bench passes /dev/null: a write per line, as a
    // terminal's line-buffered stdout makes).
    PlainTimestampServer(ServerModel model, int consoleFd);
    ~PlainTimestampServer();  // stops accepting, waits for every connection's thread or child
    PlainTimestampServer(const PlainTimestampServer &) = delete;
    PlainTimestampServer &operator=(const PlainTimestampServer &) = delete;

    std::uint16_t port() const { return m_port; }

private:
    void serve();
    void handleInThread(int fd);
    void handleInChild(int fd);
    void reapChildren(bool wait);

    const ServerModel m_model;
    const int m_consoleFd;
    PlainFd m_listener;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_activeThreads{0};
    std::vector<pid_t> m_children;  // serve()'s thread only
    std::thread m_thread;
};

// The handler itself, on one accepted connection (closed on return). Shared by the three
// models; false after recording a failure.
bool plainTimestampHandle(int fd, int consoleFd);

} // namespace bench
