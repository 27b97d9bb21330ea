// The socket servers of Python's socketserver: TCPServer, UDPServer, UnixStreamServer and
// UnixDatagramServer. Each owns its server socket (a core Socket, so every call is traced)
// and, unless told not to, binds and activates it when constructed, as Python does.
//
// C++ note: a constructor cannot reach a subclass's overrides, so a subclass that overrides
// serverBind/serverActivate (or wants to set allowReuseAddress, requestQueueSize ... first)
// passes bindAndActivate = false to its base and calls bindAndActivate() in its own
// constructor body - which is also Python's documented use of bind_and_activate=False.
#pragma once

#include "BaseServer.h"

#include <Socket.h>

#include <cstddef>

namespace socketlab::socketserver {

class TCPServer : public BaseServer {
public:
    TCPServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context = {},
              bool bindAndActivate = true);

    // Python's class variables (TCPServer's defaults).
    int requestQueueSize = 5;        // listen() backlog
    bool allowReuseAddress = false;  // SO_REUSEADDR before bind
    bool allowReusePort = false;     // SO_REUSEPORT before bind (IPv4 / IPv6 only)

    // What the constructor does when told to: server_bind, then server_activate; on failure
    // server_close, as Python's constructor does before re-raising.
    Status bindAndActivate();
    // Construction's outcome (Python raises from the constructor: OSError: [Errno 98] ...).
    const Status &initStatus() const { return m_initStatus; }

    Socket &socket() { return m_socket; }
    const Socket &socket() const { return m_socket; }
    int fileno() const override { return m_socket.fileno(); }

    Status serverBind() override;
    Status serverActivate() override;
    void serverClose() override;
    Result<Request> getRequest() override;
    void shutdownRequest(Request &request) override;  // shutdown(SHUT_WR), then close_request
    void closeRequest(Request &request) override;     // close()

    std::uint32_t serverSocketId() const override { return m_socket.id(); }

protected:
    TCPServer(int family, int type, SocketAddress serverAddress, RequestHandlerClass handlerClass,
              SocketContext context, bool bindAndActivate);
    std::optional<double> socketTimeout() const override { return m_socket.timeout(); }
    SocketRecord *serverRecord() const override { return m_socket.record().get(); }
    void setInitStatus(Status status) { m_initStatus = status; }

private:
    Socket m_socket;
    Status m_initStatus;
};

class UDPServer : public TCPServer {
public:
    UDPServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context = {},
              bool bindAndActivate = true);

    std::size_t maxPacketSize = 8192;  // recvfrom's bufsize: longer datagrams are cut

    Result<Request> getRequest() override;       // recvfrom: (data, socket), client_address
    Status serverActivate() override { return {}; }  // nothing to listen() on
    void shutdownRequest(Request &request) override;  // only close_request
    void closeRequest(Request &) override {}          // the socket is the server's own

protected:
    UDPServer(int family, SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context,
              bool bindAndActivate);
};

class UnixStreamServer : public TCPServer {
public:
    UnixStreamServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context = {},
                     bool bindAndActivate = true);
};

class UnixDatagramServer : public UDPServer {
public:
    UnixDatagramServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context = {},
                       bool bindAndActivate = true);
};

} // namespace socketlab::socketserver
