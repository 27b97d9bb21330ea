#include "ProgramSupport.h"

#include <CancelToken.h>

#include <socketserver/Tutorial.h>

#include <NameResolution.h>

#include <sys/socket.h>

using namespace socketlab;

Result<SocketAddress> ipv4Address(const std::string &host, long long port)
{
    const auto p = static_cast<std::uint16_t>(port);
    if (auto numeric = SocketAddress::ipv4(host, p))
        return *numeric;
    auto found = getaddrinfo(host, std::to_string(p), AF_INET, SOCK_STREAM);
    if (!found)
        return found.error();
    if (found->empty())
        return SocketError(ErrorKind::Resolver, -2);  // EAI_NONAME
    return found->front().address;
}

std::optional<Socket> stepSocket(ProgramContext &ctx, int type, int &exitStatus)
{
    exitStatus = 0;
    if (!ctx.step("socket"))
        return std::nullopt;
    auto created = Socket::create(AF_INET, type, 0, ctx.socketContext());
    if (!created) {
        exitStatus = ctx.fail(created.error());
        return std::nullopt;
    }
    return std::move(created).value();
}

bool stepBind(ProgramContext &ctx, Socket &socket, int &exitStatus)
{
    exitStatus = 0;
    if (!ctx.step("bind"))
        return false;
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    Status bound = address ? socket.bind(*address) : Status(address.error());
    if (!bound) {
        exitStatus = ctx.fail(bound.error());
        return false;
    }
    return true;
}

void publishPort(ProgramContext &ctx, Socket &socket)
{
    if (auto name = socket.getSockName())
        ctx.publish("port", std::to_string(name->port()));
}

std::string timestamped(const std::string &data)
{
    return "[" + socketlab::socketserver::tutorial::ctime() + "] " + data;
}

int serveForeverInPane(ProgramContext &ctx, socketlab::socketserver::BaseServer &server, socketlab::Socket &serverSocket,
                       const char *waitingLine)
{
    publishPort(ctx, serverSocket);
    server.setErrorOutput([&ctx, cancel = ctx.socketContext().cancel](const std::string &text) {
        if (!cancel || !cancel->isCancelled())
            ctx.print(text);
    });
    int status = 0;
    if (ctx.step("print-waiting")) {
        ctx.print(waitingLine);
        if (ctx.step("serve-forever")) {
            if (socketlab::Status served = server.serveForever(); !served)
                status = ctx.fail(served.error());  // a Stop ends it quietly
        }
    }
    server.serverClose();  // waits for request threads or children, as Python's does
    return status;
}
