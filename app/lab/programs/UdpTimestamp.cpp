// tsUserv.py and tsUclnt.py of the tutorials, on the socket core: no listen, no accept,
// no connection; every reply goes back to the address recvfrom() reported.
#include "ProgramSupport.h"

#include <Socket.h>

#include <sys/socket.h>

using namespace socketlab;

namespace {

int udpTimestampServer(ProgramContext &ctx)
{
    const std::size_t bufsize = static_cast<std::size_t>(ctx.intParam("bufsize"));
    int status = 0;
    std::optional<Socket> created = stepSocket(ctx, SOCK_DGRAM, status);
    if (!created)
        return status;
    Socket &udpSerSock = *created;
    if (!stepBind(ctx, udpSerSock, status))
        return status;
    publishPort(ctx, udpSerSock);

    for (;;) {
        if (!ctx.step("print-waiting"))
            return 0;
        ctx.print("waiting for message...");
        if (!ctx.step("recvfrom"))
            return 0;
        auto datagram = udpSerSock.recvFrom(bufsize);
        if (!datagram)
            return ctx.fail(datagram.error());
        if (!ctx.step("sendto"))
            return 0;
        if (auto sent = udpSerSock.sendTo(timestamped(datagram->data), datagram->from); !sent)
            return ctx.fail(sent.error());
        if (!ctx.step("print-returned"))
            return 0;
        ctx.print("...received from and returned to: " + datagram->from.pythonRepr());
    }
}

int udpTimestampClient(ProgramContext &ctx)
{
    const std::size_t bufsize = static_cast<std::size_t>(ctx.intParam("bufsize"));
    int status = 0;
    std::optional<Socket> created = stepSocket(ctx, SOCK_DGRAM, status);
    if (!created)
        return status;
    Socket &udpCliSock = *created;
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    if (!address)
        return ctx.fail(address.error());
    SocketAddress addr = *address;

    for (;;) {
        if (!ctx.step("input"))
            return 0;
        const std::optional<std::string> data = ctx.input("> ");
        if (!ctx.step("check-input"))
            return 0;
        if (!data || data->empty())
            break;
        if (!ctx.step("sendto"))
            return 0;
        if (auto sent = udpCliSock.sendTo(*data, addr); !sent)
            return ctx.fail(sent.error());
        if (!ctx.step("recvfrom"))
            return 0;
        auto reply = udpCliSock.recvFrom(bufsize);
        if (!reply)
            return ctx.fail(reply.error());
        addr = reply->from;  // data, ADDR = udpCliSock.recvfrom(BUFSIZ)
        if (!ctx.step("check-reply"))
            return 0;
        if (reply->data.empty())
            break;
        if (!ctx.step("print"))
            return 0;
        ctx.print(reply->data);
    }
    if (!ctx.step("close"))
        return 0;
    (void)udpCliSock.close();
    return 0;
}

} // namespace

std::vector<ProgramInfo> udpTimestampPrograms()
{
    return {
        {"udp-timestamp-server",
         {{"socket", "socket("}, {"bind", ".bind("}, {"print-waiting", "print("}, {"recvfrom", ".recvfrom("},
          {"sendto", ".sendto("}, {"print-returned", "print("}},
         {"host", "port", "bufsize"},
         udpTimestampServer},
        {"udp-timestamp-client",
         {{"socket", "socket("}, {"input", "input("}, {"check-input", "if not data"}, {"sendto", ".sendto("},
          {"recvfrom", ".recvfrom("}, {"check-reply", "if not data"}, {"print", "print("}, {"close", ".close("}},
         {"host", "port", "bufsize"},
         udpTimestampClient},
    };
}
