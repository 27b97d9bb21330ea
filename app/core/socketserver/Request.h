// One request of a socketserver, as Python passes `request` and `client_address` around:
// for stream servers the accepted socket, for datagram servers the packet and the server's
// socket to answer on. Move-only: a ThreadingMixIn thread or a ForkingMixIn child takes it.
#pragma once

#include <Socket.h>

#include <cstdint>

namespace socketlab::socketserver {

struct Request {
    std::uint64_t id = 0;          // SocketLab's request number: arg of every stage event of this request
    Socket connection;             // stream servers: Python's `request`, the accepted socket
    Bytes packet;                  // datagram servers: request[0], the data received
    Socket *serverSocket = nullptr;  // datagram servers: request[1], the server's own socket
    SocketAddress clientAddress;   // what get_request returned with it

    bool isDatagram() const { return serverSocket != nullptr; }
    // The socket to talk to the client on: the connection, or the datagram server's socket.
    Socket &socket() { return serverSocket ? *serverSocket : connection; }
    // The socket id stage events name as relatedSocketId: the connection's (0 for datagrams).
    std::uint32_t connectionId() const { return isDatagram() ? 0 : connection.id(); }
};

// A process-wide number for a new request (1, 2, 3 ...), so views can follow one request
// across servers, threads and child processes.
std::uint64_t nextRequestId();

} // namespace socketlab::socketserver
