// tsTservSS.py and tsTclntSS.py of the tutorials: the timestamp server on socketserver's
// TCPServer + StreamRequestHandler, and its client that opens a new connection for every
// line. The handler steps through its own listing lines: under a plain TCPServer it runs
// on serve_forever's thread, which is the pane's.
#include "ProgramSupport.h"
#include "SteppedTimestampHandler.h"

#include <socketserver/SocketException.h>
#include <socketserver/TCPServer.h>
#include <socketserver/Tutorial.h>

#include <CancelToken.h>
#include <Socket.h>

#include <sys/socket.h>

using namespace socketlab;
using namespace socketlab::socketserver;

namespace {

int socketServerTimestampServer(ProgramContext &ctx)
{
    if (!ctx.step("create"))
        return 0;
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    if (!address)
        return ctx.fail(address.error());
    const RequestHandlerClass handlerClass(
        [&ctx] { return std::unique_ptr<BaseRequestHandler>(new SteppedTimestampHandler(ctx)); }, "MyRequestHandler");
    return serveInPane<TCPServer>(ctx, *address, handlerClass, "waiting for connection...");  // socket(), bind(), listen(5)
}

// bindsSource: the socketserver-concurrency lab's client, which may bind its own address
// first (SOURCE) so that verify_request sees a chosen client host: any 127.x.y.z works on
// Linux's loopback, so one machine can play an admitted and a refused client.
int socketServerTimestampClient(ProgramContext &ctx, bool bindsSource)
{
    const std::size_t bufsize = static_cast<std::size_t>(ctx.intParam("bufsize"));
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    if (!address)
        return ctx.fail(address.error());
    for (;;) {
        int status = 0;
        std::optional<Socket> created = stepSocket(ctx, SOCK_STREAM, status);  // a new connection per line
        if (!created)
            return status;
        Socket &tcpCliSock = *created;
        if (const std::string source = bindsSource ? ctx.param("source") : std::string(); !source.empty()) {
            if (!ctx.step("bind"))
                return 0;
            auto own = ipv4Address(source, 0);
            Status bound = own ? tcpCliSock.bind(*own) : Status(own.error());
            if (!bound)
                return ctx.fail(bound.error());
        }
        if (!ctx.step("connect"))
            return 0;
        if (Status s = tcpCliSock.connect(*address); !s)
            return ctx.fail(s.error());
        if (!ctx.step("input"))
            return 0;
        const std::optional<std::string> data = ctx.input("> ");
        if (!ctx.step("check-input"))
            return 0;
        if (!data || data->empty())
            return 0;
        if (!ctx.step("send"))
            return 0;
        if (auto sent = tcpCliSock.send(*data + "\r\n"); !sent)  // readline() needs the line end
            return ctx.fail(sent.error());
        if (!ctx.step("recv"))
            return 0;
        auto reply = tcpCliSock.recv(bufsize);
        if (!reply)
            return ctx.fail(reply.error());
        if (!ctx.step("check-reply"))
            return 0;
        if (reply->empty())
            return 0;
        if (!ctx.step("print"))
            return 0;
        ctx.print(tutorial::strip(*reply));
        if (!ctx.step("close"))
            return 0;
        (void)tcpCliSock.close();
    }
}

} // namespace

std::vector<ProgramInfo> socketServerTimestampPrograms()
{
    return {
        {"socketserver-timestamp-server",
         {{"create", "TCP(ADDR"}, {"print-waiting", "print("}, {"serve-forever", ".serve_forever("},
          {"handle-print", "print("}, {"handle-reply", "wfile.write("}},
         {"host", "port"},
         socketServerTimestampServer},
        {"socketserver-timestamp-client",
         {{"socket", "socket("}, {"connect", ".connect("}, {"input", "input("}, {"check-input", "if not data"},
          {"send", ".send("}, {"recv", ".recv("}, {"check-reply", "if not data"}, {"print", "print("},
          {"close", ".close("}},
         {"host", "port", "bufsize"},
         [](ProgramContext &ctx) { return socketServerTimestampClient(ctx, false); }},
        {"socketserver-bound-client",
         {{"socket", "socket("}, {"bind", ".bind(("}, {"connect", ".connect("}, {"input", "input("},
          {"check-input", "if not data"}, {"send", ".send("}, {"recv", ".recv("}, {"check-reply", "if not data"},
          {"print", "print("}, {"close", ".close("}},
         {"host", "port", "bufsize", "source"},
         [](ProgramContext &ctx) { return socketServerTimestampClient(ctx, true); }},
    };
}
