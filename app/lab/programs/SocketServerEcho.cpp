// The upper-case echo server of Python's socketserver documentation (TCPServer with a
// BaseRequestHandler: recv, then sendall(data.upper())) and its client, which opens a new
// connection for every line it sends. The handler steps through its own listing lines on
// serve_forever's thread, which is the pane's.
#include "ProgramSupport.h"

#include <socketserver/BaseRequestHandler.h>
#include <socketserver/SocketException.h>
#include <socketserver/TCPServer.h>
#include <socketserver/Tutorial.h>

#include <CancelToken.h>
#include <Socket.h>

#include <sys/socket.h>

using namespace socketlab;
using namespace socketlab::socketserver;

namespace {

constexpr std::size_t kRecvSize = 1024;  // both listings' recv(1024)

// class MyTCPHandler(socketserver.BaseRequestHandler): def handle(self): ...
class SteppedUpperEchoHandler : public BaseRequestHandler {
public:
    explicit SteppedUpperEchoHandler(ProgramContext &ctx) : m_ctx(ctx) {}

    void handle() override
    {
        if (!m_ctx.step("handle-recv"))
            return;
        // One recv, no framing: whatever has arrived (up to 1024 bytes) is "the message".
        const Bytes data = tutorial::strip(orRaise(request().socket().recv(kRecvSize)));
        if (!m_ctx.step("handle-print"))
            return;
        m_ctx.print(clientAddress().host() + " wrote:");
        m_ctx.print(tutorial::pythonBytesRepr(data));
        if (!m_ctx.step("handle-sendall"))
            return;
        orRaise(request().socket().sendAll(tutorial::upper(data)));
    }

private:
    ProgramContext &m_ctx;
};

int echoServer(ProgramContext &ctx)
{
    if (!ctx.step("create"))
        return 0;
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    if (!address)
        return ctx.fail(address.error());
    const RequestHandlerClass handlerClass(
        [&ctx] { return std::unique_ptr<BaseRequestHandler>(new SteppedUpperEchoHandler(ctx)); }, "MyTCPHandler");
    return serveInPane<TCPServer>(ctx, *address, handlerClass, "waiting for connection...");  // socket(), bind(), listen(5)
}

int echoClient(ProgramContext &ctx)
{
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    if (!address)
        return ctx.fail(address.error());
    for (;;) {
        if (!ctx.step("input"))
            return 0;
        const std::optional<std::string> data = ctx.input("> ");
        if (!ctx.step("check-input"))
            return 0;
        if (!data || data->empty())
            return 0;
        int status = 0;
        std::optional<Socket> created = stepSocket(ctx, SOCK_STREAM, status);  // with socket.socket(...) as sock:
        if (!created)
            return status;
        Socket &sock = *created;
        if (!ctx.step("connect"))
            return 0;
        if (Status s = sock.connect(*address); !s)
            return ctx.fail(s.error());
        if (!ctx.step("sendall"))
            return 0;
        if (Status s = sock.sendAll(*data + "\n"); !s)
            return ctx.fail(s.error());
        if (!ctx.step("recv"))
            return 0;
        auto received = sock.recv(kRecvSize);
        if (!received)
            return ctx.fail(received.error());
        (void)sock.close();  // the end of the with block
        if (!ctx.step("print-sent"))
            return 0;
        ctx.print("Sent:     " + *data);
        if (!ctx.step("print-received"))
            return 0;
        ctx.print("Received: " + *received);
    }
}

} // namespace

std::vector<ProgramInfo> socketServerEchoPrograms()
{
    return {
        {"socketserver-echo-server",
         {{"create", "TCPServer(("}, {"print-waiting", "print("}, {"serve-forever", ".serve_forever("},
          {"handle-recv", "request.recv("}, {"handle-print", "print("}, {"handle-sendall", ".sendall("}},
         {"host", "port"},
         echoServer},
        {"socketserver-echo-client",
         {{"input", "input("}, {"check-input", "if not data"}, {"socket", "socket.socket("}, {"connect", ".connect("},
          {"sendall", ".sendall("}, {"recv", ".recv("}, {"print-sent", "print('Sent"},
          {"print-received", "print('Received"}},
         {"host", "port"},
         echoClient},
    };
}
