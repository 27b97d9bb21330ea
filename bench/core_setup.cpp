// Core socket setup for the benchmarks; see core_setup.h.
#include "core_setup.h"

#include "bench_support.h"

#include <netinet/in.h>
#include <netinet/tcp.h>

namespace bench {

using socketlab::Socket;
using socketlab::SocketAddress;

std::string describe(const char *what, const socketlab::SocketError &error)
{
    return std::string(what) + ": " + error.pythonString();
}

void dieWith(const char *what, const socketlab::SocketError &error)
{
    die(describe(what, error));
}

Socket coreListener(const socketlab::SocketContext &context, int backlog)
{
    Socket listener = must(Socket::create(AF_INET, SOCK_STREAM, 0, context), "socket");
    must(listener.bind(SocketAddress::loopback(AF_INET, 0)), "bind");
    must(listener.listen(backlog), "listen");
    return listener;
}

std::uint16_t portOf(Socket &socket)
{
    return must(socket.getSockName(), "getsockname").port();
}

Socket coreConnect(const socketlab::SocketContext &context, std::uint16_t port, bool noDelay)
{
    Socket client = must(Socket::create(AF_INET, SOCK_STREAM, 0, context), "socket");
    must(client.connect(SocketAddress::loopback(AF_INET, port)), "connect");
    if (noDelay)
        must(client.setOption(IPPROTO_TCP, TCP_NODELAY, 1), "setsockopt(TCP_NODELAY)");
    return client;
}

CorePair coreLoopbackPair(const socketlab::SocketContext &context, bool noDelay)
{
    Socket listener = coreListener(context, 1);
    CorePair pair;
    pair.client = coreConnect(context, portOf(listener), noDelay);
    pair.server = must(listener.accept(), "accept").socket;
    if (noDelay)
        must(pair.server.setOption(IPPROTO_TCP, TCP_NODELAY, 1), "setsockopt(TCP_NODELAY)");
    return pair;
}

} // namespace bench
