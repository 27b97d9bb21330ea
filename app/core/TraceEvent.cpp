// Names of traced calls, as a learner of Python's socket module knows them.
#include "TraceEvent.h"

namespace socketlab {

const char *traceCallName(TraceCall call)
{
    switch (call) {
    case TraceCall::None: return "";
    case TraceCall::Socket: return "socket";
    case TraceCall::SocketPair: return "socketpair";
    case TraceCall::Bind: return "bind";
    case TraceCall::Listen: return "listen";
    case TraceCall::Accept: return "accept";
    case TraceCall::Connect: return "connect";
    case TraceCall::ConnectEx: return "connect_ex";
    case TraceCall::Send: return "send";
    case TraceCall::SendAll: return "sendall";
    case TraceCall::SendTo: return "sendto";
    case TraceCall::Recv: return "recv";
    case TraceCall::RecvInto: return "recv_into";
    case TraceCall::RecvFrom: return "recvfrom";
    case TraceCall::Shutdown: return "shutdown";
    case TraceCall::Close: return "close";
    case TraceCall::GetSockName: return "getsockname";
    case TraceCall::GetPeerName: return "getpeername";
    case TraceCall::SetSockOpt: return "setsockopt";
    case TraceCall::GetSockOpt: return "getsockopt";
    case TraceCall::SetBlocking: return "setblocking";
    case TraceCall::SetTimeout: return "settimeout";
    }
    return "";
}

} // namespace socketlab
