// Small helpers the built-in programs share: turning the host and port parameters into
// an address, and the tutorials' timestamped reply.
#pragma once

#include "../Program.h"

#include <Result.h>
#include <Socket.h>
#include <SocketAddress.h>

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

// b'[%s] %s' % (bytes(ctime(), 'utf-8'), data): the reply of every timestamp server.
std::string timestamped(const std::string &data);
