// How every socketserver program of the tutorials ends once its server is made: the port
// made known to the clients, handle_error's report in the console (but not a Stop's: that is
// SocketLab ending the call, not the program failing), then
//     print('waiting for connection...')
//     server.serve_forever()
// and server_close() however serve_forever ends.
#pragma once

#include "../Program.h"

#include <socketserver/BaseServer.h>
#include <socketserver/RequestHandlerClass.h>

#include <functional>

struct ServeSteps {
    ProgramStep printWaiting;
    ProgramStep serveForever;
    static ServeSteps declareIn(StepTable &program);  // "print-waiting", "serve-forever"
};

void serveForeverInPane(ProgramContext &ctx, socketlab::socketserver::BaseServer &server,
                        socketlab::Socket &serverSocket, const ServeSteps &steps, const char *waitingLine);

// `server = Server(ADDR, Handler)` and all that follows it: makes the server (socket(),
// bind() and, for a stream server, listen()), raises its failure as Python would, lets
// prepare() set what the listing sets on it, then serveForeverInPane().
template <typename Server>
void serveInPane(ProgramContext &ctx, const socketlab::SocketAddress &address,
                 const socketlab::socketserver::RequestHandlerClass &handlerClass, const ServeSteps &steps,
                 const char *waitingLine, const std::function<void(Server &)> &prepare = {})
{
    Server server(address, handlerClass, ctx.socketContext());
    socketlab::socketserver::orRaise(server.initStatus());
    if (prepare)
        prepare(server);
    serveForeverInPane(ctx, server, server.socket(), steps, waitingLine);
}
