// BaseRequestHandler::run: Python's constructor, setup / handle / finally finish.
#include "BaseRequestHandler.h"

#include "BaseServer.h"
#include "StageTrace.h"

namespace socketlab::socketserver {

void BaseRequestHandler::run(Request &request, const SocketAddress &clientAddress, BaseServer &server)
{
    m_request = &request;
    m_clientAddress = clientAddress;
    m_server = &server;
    // If setup raises, neither handle nor finish runs (Python: setup is outside the try).
    runStage(server, TraceCall::Setup, &request, [this] { setup(); });
    try {
        runStage(server, TraceCall::Handle, &request, [this] { handle(); });
    } catch (...) {
        runStage(server, TraceCall::Finish, &request, [this] { finish(); });
        throw;
    }
    runStage(server, TraceCall::Finish, &request, [this] { finish(); });
}

} // namespace socketlab::socketserver
