// Turning a pane's host and port parameters into an address, as Python's bind((HOST, PORT))
// and connect((HOST, PORT)) do.
#pragma once

#include <Result.h>
#include <SocketAddress.h>

#include <string>

// host: a numeric address, a name ("localhost", resolved like Python's bind/connect), or
// "" for every interface (INADDR_ANY), which a lab offers only as an explicit choice.
socketlab::Result<socketlab::SocketAddress> ipv4Address(const std::string &host, long long port);
