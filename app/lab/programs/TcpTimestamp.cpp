// tsTserv.py and tsTclnt.py of the tutorials, on the socket core. Each step() names the
// listing line about to run; the lab file maps it to its line number.
#include "ProgramSupport.h"

#include <Socket.h>

#include <sys/socket.h>

using namespace socketlab;

namespace {

int tcpTimestampServer(ProgramContext &ctx)
{
    const std::size_t bufsize = static_cast<std::size_t>(ctx.intParam("bufsize"));
    int status = 0;
    std::optional<Socket> created = stepSocket(ctx, SOCK_STREAM, status);
    if (!created)
        return status;
    Socket &tcpSerSock = *created;
    if (!stepBind(ctx, tcpSerSock, status))
        return status;

    if (!ctx.step("listen"))
        return 0;
    if (Status s = tcpSerSock.listen(static_cast<int>(ctx.intParam("backlog"))); !s)
        return ctx.fail(s.error());
    publishPort(ctx, tcpSerSock);

    for (;;) {
        if (!ctx.step("print-waiting"))
            return 0;
        ctx.print("waiting for connection...");
        if (!ctx.step("accept"))
            return 0;
        auto accepted = tcpSerSock.accept();
        if (!accepted)
            return ctx.fail(accepted.error());
        Socket tcpCliSock = std::move(accepted->socket);
        if (!ctx.step("print-connected"))
            return 0;
        ctx.print("...connected from: " + accepted->address.pythonRepr());

        for (;;) {
            if (!ctx.step("recv"))
                return 0;
            auto data = tcpCliSock.recv(bufsize);
            if (!data)
                return ctx.fail(data.error());
            if (!ctx.step("check-data"))
                return 0;
            if (data->empty())
                break;
            if (!ctx.step("send"))
                return 0;
            if (auto sent = tcpCliSock.send(timestamped(*data)); !sent)
                return ctx.fail(sent.error());
        }
        if (!ctx.step("close-client"))
            return 0;
        (void)tcpCliSock.close();
    }
}

int tcpTimestampClient(ProgramContext &ctx)
{
    const std::size_t bufsize = static_cast<std::size_t>(ctx.intParam("bufsize"));
    int status = 0;
    std::optional<Socket> created = stepSocket(ctx, SOCK_STREAM, status);
    if (!created)
        return status;
    Socket &tcpCliSock = *created;

    if (!ctx.step("connect"))
        return 0;
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    if (!address)
        return ctx.fail(address.error());
    if (Status s = tcpCliSock.connect(*address); !s)
        return ctx.fail(s.error());

    for (;;) {
        if (!ctx.step("input"))
            return 0;
        const std::optional<std::string> data = ctx.input("> ");
        if (!ctx.step("check-input"))
            return 0;
        if (!data || data->empty())
            break;  // an empty line (or the end of input) ends the client
        if (!ctx.step("send"))
            return 0;
        if (auto sent = tcpCliSock.send(*data); !sent)
            return ctx.fail(sent.error());
        if (!ctx.step("recv"))
            return 0;
        auto reply = tcpCliSock.recv(bufsize);
        if (!reply)
            return ctx.fail(reply.error());
        if (!ctx.step("check-reply"))
            return 0;
        if (reply->empty())
            break;
        if (!ctx.step("print"))
            return 0;
        ctx.print(*reply);
    }
    if (!ctx.step("close"))
        return 0;
    (void)tcpCliSock.close();
    return 0;
}

} // namespace

std::vector<ProgramInfo> tcpTimestampPrograms()
{
    return {
        {"tcp-timestamp-server",
         {{"socket", "socket("}, {"bind", ".bind("}, {"listen", ".listen("}, {"print-waiting", "print("},
          {"accept", ".accept("}, {"print-connected", "print("}, {"recv", ".recv("}, {"check-data", "if not data"},
          {"send", ".send("}, {"close-client", ".close("}},
         {"host", "port", "backlog", "bufsize"},
         tcpTimestampServer},
        {"tcp-timestamp-client",
         {{"socket", "socket("}, {"connect", ".connect("}, {"input", "input("}, {"check-input", "if not data"},
          {"send", ".send("}, {"recv", ".recv("}, {"check-reply", "if not data"}, {"print", "print("},
          {"close", ".close("}},
         {"host", "port", "bufsize"},
         tcpTimestampClient},
    };
}
