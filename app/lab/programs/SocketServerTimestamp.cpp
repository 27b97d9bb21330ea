// tsTservSS.py and tsTclntSS.py of the tutorials: the timestamp server on socketserver's
// TCPServer + StreamRequestHandler, and its client that opens a new connection for every
// line. Under a plain TCPServer the handler steps on serve_forever's thread, the pane's.
// The socketserver-concurrency lab's client is the same program with a bind() first.
#include <Program.h>
#include <ProgramAddress.h>
#include <kit/PythonText.h>
#include <kit/ServeInPane.h>
#include <kit/TutorialHandlers.h>

#include <socketserver/TCPServer.h>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const struct : StepTable {
    HandlerSteps handler = TimestampHandler::declareSteps(*this);
    ProgramStep reuseAddress = declareReuseAddressStep(*this);
    ProgramStep create = add("create", "TCP(ADDR");
    ServeSteps serve = ServeSteps::declareIn(*this);
} Server;

void tsTservSS(ProgramContext &ctx)
{
    ctx.at(Server.reuseAddress);  // TCP.allow_reuse_address = True
    ctx.at(Server.create);        // tcpServ = TCP(ADDR, MyRequestHandler): socket(), bind(), listen(5)
    serveInPane<socketserver::TCPServer>(ctx, ctx.address("host", "port"),
                                         handlerClass<TimestampHandler>(ctx, Server.handler, "MyRequestHandler"),
                                         Server.serve, "waiting for connection...", allowReuseAddress);
}

// The client's lines; `bind` only in the concurrency lab's client, which may choose its own
// address (SOURCE) so that verify_request sees a chosen client host: any 127.x.y.z works on
// Linux's loopback, so one machine can play an admitted and a refused client.
struct ClientSteps : StepTable {
    explicit ClientSteps(bool bindsSource)
        : socket(add("socket", "socket(")), bind(bindsSource ? add("bind", ".bind((") : ProgramStep{}),
          connect(add("connect", ".connect(")), input(add("input", "input(")), checkInput(add("check-input", "if not data")),
          send(add("send", ".send(")), recv(add("recv", ".recv(")), checkReply(add("check-reply", "if not data")),
          print(add("print", "print(")), close(add("close", ".close("))
    {
    }
    ProgramStep socket, bind, connect, input, checkInput, send, recv, checkReply, print, close;
};
const ClientSteps Client(false);
const ClientSteps BoundClient(true);

void tsTclntSS(ProgramContext &ctx, const ClientSteps &steps)
{
    const std::size_t bufsiz = ctx.size("bufsize");  // BUFSIZ (a C macro name)
    const SocketAddress ADDR = ctx.address("host", "port");
    const std::string SOURCE = steps.bind.id ? ctx.param("source") : std::string();
    for (;;) {
        ctx.at(steps.socket);  Socket tcpCliSock = ctx.socket(AF_INET, SOCK_STREAM);  // a new connection per line
        if (!SOURCE.empty()) {
            ctx.at(steps.bind);  orRaise(tcpCliSock.bind(orRaise(ipv4Address(SOURCE, 0))));
        }
        ctx.at(steps.connect);     orRaise(tcpCliSock.connect(ADDR));
        ctx.at(steps.input);       const std::optional<std::string> data = ctx.readLine("> ");
        ctx.at(steps.checkInput);  if (!data || data->empty()) return;
        ctx.at(steps.send);        orRaise(tcpCliSock.send(*data + "\r\n"));  // a line for the server's readline()
        ctx.at(steps.recv);        const python::Bytes reply = orRaise(tcpCliSock.recv(bufsiz));
        ctx.at(steps.checkReply);  if (reply.empty()) return;
        ctx.at(steps.print);       ctx.print(python::strip(reply));
        ctx.at(steps.close);       (void)tcpCliSock.close();
    }
}

} // namespace

SOCKETLAB_PROGRAMS(SocketServerTimestamp)
{
    programs.add({"socketserver-timestamp-server", "tsTservSS.py: TCPServer (allow_reuse_address) with a StreamRequestHandler that answers one line per connection, timestamped.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"}},
                  tsTservSS});
    programs.add({"socketserver-timestamp-client", "tsTclntSS.py: a new connection for each typed line, sent with \\r\\n; prints the reply.",
                  Client,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"}, {"bufsize", "BUFSIZ: most bytes one recv() returns"}},
                  [](ProgramContext &ctx) { tsTclntSS(ctx, Client); }});
    programs.add({"socketserver-bound-client", "tsTclntSS.py that binds SOURCE first, so the server sees a chosen client address.",
                  BoundClient,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"}, {"bufsize", "BUFSIZ: most bytes one recv() returns"},
                   {"source", "the client's own address ('' lets the kernel choose; any 127.x.y.z works on Linux)"}},
                  [](ProgramContext &ctx) { tsTclntSS(ctx, BoundClient); }});
}
