// BaseRequestHandler: Python's socketserver.BaseRequestHandler. The server makes one per
// request (RequestHandlerClass) and runs setup(), handle(), finish() - finish() even when
// handle() raises, as Python's try/finally does. Override handle() to serve a request.
#pragma once

#include "Request.h"

namespace socketlab::socketserver {

class BaseServer;

class BaseRequestHandler {
public:
    BaseRequestHandler() = default;
    virtual ~BaseRequestHandler() = default;
    BaseRequestHandler(const BaseRequestHandler &) = delete;
    BaseRequestHandler &operator=(const BaseRequestHandler &) = delete;

    virtual void setup() {}
    virtual void handle() {}
    virtual void finish() {}

    // Python's self.request: request().socket() is the connection (stream servers) or the
    // server's socket (datagram servers, with the data in request().packet).
    Request &request() { return *m_request; }
    const SocketAddress &clientAddress() const { return m_clientAddress; }
    BaseServer &server() { return *m_server; }

    // What Python's constructor does: remembers request, client_address and server, then runs
    // setup, handle and finish, each traced as a stage. Exceptions go on to the server.
    void run(Request &request, const SocketAddress &clientAddress, BaseServer &server);

private:
    Request *m_request = nullptr;
    SocketAddress m_clientAddress;
    BaseServer *m_server = nullptr;
};

} // namespace socketlab::socketserver
