// One event of a socket call: its beginning (with arguments), the moment it blocked,
// and its end (result or error, time spent blocked). Plain data, copied into the
// TraceStream by socket threads and read by the GUI thread.
#pragma once

#include "SocketAddress.h"
#include "SocketError.h"

#include <cstdint>

namespace socketlab {

enum class TraceCall : std::uint8_t {
    None,
    Socket,
    SocketPair,
    Bind,
    Listen,
    Accept,
    Connect,
    ConnectEx,
    Send,
    SendAll,
    SendTo,
    Recv,
    RecvInto,
    RecvFrom,
    Shutdown,
    Close,
    Poll,  // an event loop's wait on many descriptors at once (ObservedSocket.h: Qt's loop)
    GetSockName,
    GetPeerName,
    SetSockOpt,
    GetSockOpt,
    SetBlocking,
    SetTimeout,
    Select,  // select.select(): on the first socket it watches (Select.h)
    // socketserver stages (socketserver/StageTrace.h says how they fill a TraceEvent's fields)
    ServerBind,
    ServerActivate,
    ServerClose,
    ServeForever,
    ServerShutdown,
    HandleRequest,
    GetRequest,
    VerifyRequest,
    ProcessRequest,
    FinishRequest,
    Setup,
    Handle,
    Finish,
    ShutdownRequest,
    CloseRequest,
    HandleError,
    HandleTimeout,
    ServiceActions,
    CollectChildren,
    ThreadStarted,
    ThreadEnded,
    ChildStarted,
    ChildExited,
    // StreamRequestHandler's file objects over the request socket
    RfileRead,
    RfileReadline,
    WfileWrite,
    WfileFlush,
};

// The Python method name: "accept", "sendall", "recvfrom".
const char *traceCallName(TraceCall call);

enum class TracePhase : std::uint8_t {
    Begin,     // the call started; arg and address hold its arguments
    Blocked,   // it found nothing to do and now waits (in accept, recv, connect, send ...)
    Returned,  // it succeeded; result holds bytes moved or the value returned
    Failed,    // it failed; errorKind / errorCode say how
};

enum TraceFlag : std::uint32_t {
    TraceFlagTruncated = 1u << 0,  // a datagram was longer than the buffer and was cut
    TraceFlagPeerClosed = 1u << 1, // recv returned b'' because the peer closed its side
    TraceFlagInjected = 1u << 2,   // a fault SocketLab injected changed this call (FaultPlan.h)
};

struct TraceEvent {
    std::uint64_t sequence = 0;      // set by TraceStream: strictly increasing
    std::int64_t timeNs = 0;         // steady clock
    std::uint32_t socketId = 0;      // SocketRecord::id
    std::uint32_t relatedSocketId = 0;  // accept: the new connection's id; socketpair: the other end
    int fd = -1;
    TraceCall call = TraceCall::None;
    TracePhase phase = TracePhase::Begin;
    ErrorKind errorKind = ErrorKind::None;
    int errorCode = 0;
    std::int64_t arg = 0;            // bufsize, length, backlog, how, option value ...
    std::int64_t result = 0;         // bytes moved or value returned
    std::int64_t blockedNs = 0;      // on Returned/Failed: time spent waiting
    std::uint32_t flags = 0;         // TraceFlag bits
    SocketAddress address;           // bind/connect/sendto target, accept/recvfrom peer

    SocketError error() const { return SocketError(errorKind, errorCode); }
};

} // namespace socketlab
