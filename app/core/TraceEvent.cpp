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
    case TraceCall::Poll: return "poll";
    case TraceCall::GetSockName: return "getsockname";
    case TraceCall::GetPeerName: return "getpeername";
    case TraceCall::SetSockOpt: return "setsockopt";
    case TraceCall::GetSockOpt: return "getsockopt";
    case TraceCall::SetBlocking: return "setblocking";
    case TraceCall::SetTimeout: return "settimeout";
    case TraceCall::Select: return "select";
    case TraceCall::ServerBind: return "server_bind";
    case TraceCall::ServerActivate: return "server_activate";
    case TraceCall::ServerClose: return "server_close";
    case TraceCall::ServeForever: return "serve_forever";
    case TraceCall::ServerShutdown: return "shutdown";  // BaseServer.shutdown(), on the server's socket id
    case TraceCall::HandleRequest: return "handle_request";
    case TraceCall::GetRequest: return "get_request";
    case TraceCall::VerifyRequest: return "verify_request";
    case TraceCall::ProcessRequest: return "process_request";
    case TraceCall::FinishRequest: return "finish_request";
    case TraceCall::Setup: return "setup";
    case TraceCall::Handle: return "handle";
    case TraceCall::Finish: return "finish";
    case TraceCall::ShutdownRequest: return "shutdown_request";
    case TraceCall::CloseRequest: return "close_request";
    case TraceCall::HandleError: return "handle_error";
    case TraceCall::HandleTimeout: return "handle_timeout";
    case TraceCall::ServiceActions: return "service_actions";
    case TraceCall::CollectChildren: return "collect_children";
    case TraceCall::ThreadStarted: return "thread started";
    case TraceCall::ThreadEnded: return "thread ended";
    case TraceCall::ChildStarted: return "child started";
    case TraceCall::ChildExited: return "child exited";
    case TraceCall::RfileRead: return "rfile.read";
    case TraceCall::RfileReadline: return "rfile.readline";
    case TraceCall::WfileWrite: return "wfile.write";
    case TraceCall::WfileFlush: return "wfile.flush";
    }
    return "";
}

} // namespace socketlab
