// Small helpers the built-in programs share: turning the host and port parameters into
// an address, and the tutorials' timestamped reply.
#pragma once

#include "../Program.h"

#include <Result.h>
#include <SocketAddress.h>

#include <string>

// host: a numeric address, a name ("localhost", resolved like Python's bind/connect), or
// "" for every interface (INADDR_ANY), which a lab offers only as an explicit choice.
socketlab::Result<socketlab::SocketAddress> ipv4Address(const std::string &host, long long port);

// b'[%s] %s' % (bytes(ctime(), 'utf-8'), data): the reply of every timestamp server.
std::string timestamped(const std::string &data);
