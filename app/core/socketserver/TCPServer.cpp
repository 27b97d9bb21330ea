// TCPServer, UDPServer and the Unix-domain servers: the server socket's life and getting a
// request from it. Each public constructor binds and activates in its own body, so the
// virtual calls reach that class's server_activate (a UDPServer must not listen()).
#include "TCPServer.h"

#include "StageTrace.h"

#include <sys/socket.h>

namespace socketlab::socketserver {
namespace {

// Python's TCPServer is AF_INET; an IPv6 address needs no subclass here.
int inetFamilyOf(const SocketAddress &address)
{
    return address.family() == AF_INET6 ? AF_INET6 : AF_INET;
}

} // namespace

TCPServer::TCPServer(int family, int type, SocketAddress serverAddress, RequestHandlerClass handlerClass,
                     SocketContext context, bool bindAndActivate)
    : BaseServer(std::move(serverAddress), std::move(handlerClass), std::move(context))
{
    Result<Socket> created = Socket::create(family, type, 0, this->context());
    if (!created) {
        m_initStatus = created.error();
        return;
    }
    m_socket = std::move(created).value();
    if (bindAndActivate)
        m_initStatus = this->bindAndActivate();
}

TCPServer::TCPServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context,
                     bool bindAndActivate)
    : TCPServer(inetFamilyOf(serverAddress), SOCK_STREAM, serverAddress, std::move(handlerClass), std::move(context),
                bindAndActivate)
{
}

Status TCPServer::bindAndActivate()
{
    if (!m_socket.isOpen())
        return m_initStatus.ok() ? Status(SocketError(ErrorKind::Closed, EBADF)) : m_initStatus;
    Status status;
    {
        Stage stage(*this, TraceCall::ServerBind, nullptr);
        status = serverBind();
        if (status)
            stage.returned();
        else
            stage.failed(status.error());
    }
    if (status) {
        Stage stage(*this, TraceCall::ServerActivate, nullptr);
        status = serverActivate();
        if (status)
            stage.returned();
        else
            stage.failed(status.error());
    }
    if (!status)
        serverClose();
    m_initStatus = status;
    return status;
}

Status TCPServer::serverBind()
{
    if (allowReuseAddress) {
        const Status s = m_socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1);
        if (!s)
            return s;
    }
    // Linux 6.12.9 and later refuse SO_REUSEPORT outside IPv4 / IPv6; Python skips it there too.
    if (allowReusePort && (m_socket.family() == AF_INET || m_socket.family() == AF_INET6)) {
        const Status s = m_socket.setOption(SOL_SOCKET, SO_REUSEPORT, 1);
        if (!s)
            return s;
    }
    const Status bound = m_socket.bind(serverAddress());
    if (!bound)
        return bound;
    Result<SocketAddress> name = m_socket.getSockName();  // port 0 becomes the port the kernel chose
    if (!name)
        return name.error();
    setServerAddress(*name);
    return {};
}

Status TCPServer::serverActivate()
{
    return m_socket.listen(requestQueueSize);
}

void TCPServer::serverClose()
{
    Stage stage(*this, TraceCall::ServerClose, nullptr);
    (void)m_socket.close();
    stage.returned();
}

Result<Request> TCPServer::getRequest()
{
    Result<Accepted> accepted = m_socket.accept();
    if (!accepted)
        return accepted.error();
    Request request;
    request.connection = std::move(accepted->socket);
    request.clientAddress = accepted->address;
    return request;
}

void TCPServer::shutdownRequest(Request &request)
{
    // Half-close first so the client reads b'' after the reply; errors (ENOTCONN when the
    // client already left) are ignored, as Python does.
    (void)request.connection.shutdown(SHUT_WR);
    tracedCloseRequest(request);
}

void TCPServer::closeRequest(Request &request)
{
    (void)request.connection.close();
}

UDPServer::UDPServer(int family, SocketAddress serverAddress, RequestHandlerClass handlerClass,
                     SocketContext context, bool bindAndActivate)
    : TCPServer(family, SOCK_DGRAM, std::move(serverAddress), std::move(handlerClass), std::move(context), false)
{
    if (bindAndActivate && initStatus())
        (void)this->bindAndActivate();
}

UDPServer::UDPServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context,
                     bool bindAndActivate)
    : UDPServer(inetFamilyOf(serverAddress), serverAddress, std::move(handlerClass), std::move(context),
                bindAndActivate)
{
}

Result<Request> UDPServer::getRequest()
{
    Result<Datagram> datagram = socket().recvFrom(maxPacketSize);
    if (!datagram)
        return datagram.error();
    Request request;
    request.packet = std::move(datagram->data);
    request.serverSocket = &socket();
    request.clientAddress = datagram->from;
    return request;
}

void UDPServer::shutdownRequest(Request &request)
{
    tracedCloseRequest(request);
}

UnixStreamServer::UnixStreamServer(SocketAddress serverAddress, RequestHandlerClass handlerClass,
                                   SocketContext context, bool bindAndActivate)
    : TCPServer(AF_UNIX, SOCK_STREAM, std::move(serverAddress), std::move(handlerClass), std::move(context), false)
{
    if (bindAndActivate && initStatus())
        (void)this->bindAndActivate();
}

UnixDatagramServer::UnixDatagramServer(SocketAddress serverAddress, RequestHandlerClass handlerClass,
                                       SocketContext context, bool bindAndActivate)
    : UDPServer(AF_UNIX, std::move(serverAddress), std::move(handlerClass), std::move(context), false)
{
    if (bindAndActivate && initStatus())
        (void)this->bindAndActivate();
}

} // namespace socketlab::socketserver
