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
#include <socketserver/TCPServer.h>

#include <functional>

struct ServeSteps {
    ProgramStep printWaiting;
    ProgramStep serveForever;
    static ServeSteps declareIn(StepTable &program);  // "print-waiting", "serve-forever"
};

// The listing line `... allow_reuse_address = True`, Python's class variable that makes
// server_bind() set SO_REUSEADDR before bind(). A stream server closes each request's
// connection first, so every request leaves a TIME_WAIT on the server's port; with this the
// learner can Reset and run again at once instead of meeting Errno 98 (the address-in-use
// lab shows that on purpose).
ProgramStep declareReuseAddressStep(StepTable &program);  // "reuse-address"
inline void allowReuseAddress(socketlab::socketserver::TCPServer &server)
{
    server.allowReuseAddress = true;
}

void serveForeverInPane(ProgramContext &ctx, socketlab::socketserver::BaseServer &server,
                        socketlab::Socket &serverSocket, const ServeSteps &steps, const char *waitingLine);

// `server = Server(ADDR, Handler)` and all that follows it: makes the server's socket, lets
// prepare() set what the listing sets on the class before the server is made (such as
// allowReuseAddress), binds it (and, for a stream server, listens), raises a failure as
// Python's constructor would, then serveForeverInPane().
template <typename Server>
void serveInPane(ProgramContext &ctx, const socketlab::SocketAddress &address,
                 const socketlab::socketserver::RequestHandlerClass &handlerClass, const ServeSteps &steps,
                 const char *waitingLine, const std::function<void(Server &)> &prepare = {})
{
    Server server(address, handlerClass, ctx.socketContext(), false);  // bind_and_activate=False
    socketlab::socketserver::orRaise(server.initStatus());
    if (prepare)
        prepare(server);
    socketlab::socketserver::orRaise(server.bindAndActivate());
    serveForeverInPane(ctx, server, server.socket(), steps, waitingLine);
}
