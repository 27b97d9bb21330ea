// Small helpers the built-in programs share: turning the host and port parameters into
// an address, and the tutorials' timestamped reply.
#pragma once

#include "../Program.h"

#include <Result.h>
#include <Socket.h>
#include <SocketAddress.h>

#include <socketserver/BaseServer.h>
#include <socketserver/RequestHandlerClass.h>

#include <functional>
#include <optional>
#include <string>

// host: a numeric address, a name ("localhost", resolved like Python's bind/connect), or
// "" for every interface (INADDR_ANY), which a lab offers only as an explicit choice.
socketlab::Result<socketlab::SocketAddress> ipv4Address(const std::string &host, long long port);

// The "socket" step: socket(AF_INET, type). On nullopt the program returns exitStatus at
// once: 0 when the pane was stopped, 1 when the call failed (the error is reported).
std::optional<socketlab::Socket> stepSocket(ProgramContext &ctx, int type, int &exitStatus);

// The "bind" step: bind((host, port)) from the parameters. False: return exitStatus.
bool stepBind(ProgramContext &ctx, socketlab::Socket &socket, int &exitStatus);

// Tells the other panes the port the kernel gave, once clients can use it: after listen()
// for TCP (a connect before it is refused), after bind() for UDP.
void publishPort(ProgramContext &ctx, socketlab::Socket &socket);

// The lines every socketserver listing ends with, once its server is made: the port made
// known to the clients, handle_error's report in the console (but not a Stop's: that is
// SocketLab ending the call, not the program failing), then print(waitingLine),
// serve_forever() and server_close(). Returns the program's exit status.
int serveForeverInPane(ProgramContext &ctx, socketlab::socketserver::BaseServer &server, socketlab::Socket &serverSocket,
                       const char *waitingLine);

// `server = Server(ADDR, Handler)` and all that follows it: makes the server (socket(),
// bind() and, for a stream server, listen()), reports its failure as Python would, lets
// prepare() set what the listing sets on it, then serveForeverInPane().
template <typename Server>
int serveInPane(ProgramContext &ctx, const socketlab::SocketAddress &address,
                const socketlab::socketserver::RequestHandlerClass &handlerClass, const char *waitingLine,
                const std::function<void(Server &)> &prepare = {})
{
    Server server(address, handlerClass, ctx.socketContext());
    if (!server.initStatus())
        return ctx.fail(server.initStatus().error());
    if (prepare)
        prepare(server);
    return serveForeverInPane(ctx, server, server.socket(), waitingLine);
}

// b'[%s] %s' % (bytes(ctime(), 'utf-8'), data): the reply of every timestamp server.
std::string timestamped(const std::string &data);
