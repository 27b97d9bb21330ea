// Shared by the core suites: readable QCOMPARE output for the core's types, waiting on a
// condition with a deadline, and a connected TCP pair on loopback.
#pragma once

#include "TestSupport.h"

#include <Socket.h>
#include <SocketRecord.h>
#include <TraceEvent.h>

#include <QtTest>

#include <chrono>
#include <iterator>
#include <sys/socket.h>
#include <thread>

namespace socketlab {
// Found by argument-dependent lookup when QCOMPARE prints a mismatch.
inline char *toString(ErrorKind kind)
{
    static const char *const names[] = {"None", "Os", "Timeout", "Cancelled", "Resolver", "Closed",
                                        "ServiceNotFound", "ProtocolNotFound", "IllegalAddress"};
    const auto i = static_cast<std::size_t>(kind);
    return qstrdup(i < std::size(names) ? names[i] : "?");
}
inline char *toString(TracePhase phase)
{
    static const char *const names[] = {"Begin", "Blocked", "Returned", "Failed"};
    const auto i = static_cast<std::size_t>(phase);
    return qstrdup(i < std::size(names) ? names[i] : "?");
}
inline char *toString(TraceCall call) { return qstrdup(call == TraceCall::None ? "(none)" : traceCallName(call)); }
inline char *toString(SocketState state) { return qstrdup(socketStateName(state)); }
inline char *toString(const SocketAddress &address) { return qstrdup(address.toString().c_str()); }
} // namespace socketlab

namespace testsupport {

// Polls pred until it holds or timeoutMs passes. Between polls it sleeps a millisecond: on
// a machine with two cores a spinning waiter would take the CPU from the very threads it
// waits for. Returns as soon as pred holds, so the sleep bounds the latency, not the wait.
template <typename Pred>
bool waitUntil(Pred pred, int timeoutMs = 5000)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!pred()) {
        if (std::chrono::steady_clock::now() > deadline)
            return pred();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

struct TcpPair {
    socketlab::Socket listener, client, server;
};

// A connected loopback TCP pair in context; optional small buffers (SO_RCVBUF on the
// listener, inherited by the accepted end; SO_SNDBUF on the client).
inline bool makeTcpPair(TcpPair &p, const socketlab::SocketContext &context = {}, int listenerRcvBuf = 0,
                        int clientSndBuf = 0)
{
    using namespace socketlab;
    p.listener = boundLoopback(SOCK_STREAM, 5, context);
    if (!p.listener.isOpen())
        return false;
    if (listenerRcvBuf > 0 && !p.listener.setOption(SOL_SOCKET, SO_RCVBUF, listenerRcvBuf))
        return false;
    auto client = Socket::create(AF_INET, SOCK_STREAM, 0, context);
    if (!client)
        return false;
    p.client = std::move(client).value();
    if (clientSndBuf > 0 && !p.client.setOption(SOL_SOCKET, SO_SNDBUF, clientSndBuf))
        return false;
    if (!p.client.connect(SocketAddress::loopback(AF_INET, portOf(p.listener))))
        return false;
    auto accepted = p.listener.accept();
    if (!accepted)
        return false;
    p.server = std::move(accepted->socket);
    return true;
}

} // namespace testsupport
