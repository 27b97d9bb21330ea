// Making core sockets for the benchmarks: loopback listeners and connected pairs,
// through socketlab::Socket only. Setup runs on the main thread before any worker
// starts, so a failure here ends the process with the core's own description of it.
#pragma once

#include <Socket.h>

#include <cstdint>
#include <string>
#include <utility>

namespace bench {

[[noreturn]] void dieWith(const char *what, const socketlab::SocketError &error);

template <typename T>
T must(socketlab::Result<T> result, const char *what)
{
    if (!result)
        dieWith(what, result.error());
    return std::move(result).value();
}

inline void must(const socketlab::Status &status, const char *what)
{
    if (!status)
        dieWith(what, status.error());
}

// "traced echo recv: ConnectionResetError: [Errno 104] Connection reset by peer"
std::string describe(const char *what, const socketlab::SocketError &error);

// A TCP socket listening on 127.0.0.1 on a port the kernel chose.
socketlab::Socket coreListener(const socketlab::SocketContext &context, int backlog);
std::uint16_t portOf(socketlab::Socket &socket);

// A client connected to the listener, in blocking mode.
socketlab::Socket coreConnect(const socketlab::SocketContext &context, std::uint16_t port, bool noDelay);

struct CorePair {
    socketlab::Socket client;
    socketlab::Socket server;
};
// Both ends in blocking mode (Python's default), TCP_NODELAY on both if asked.
CorePair coreLoopbackPair(const socketlab::SocketContext &context, bool noDelay);

} // namespace bench
