// The upper-case echo server of Python's socketserver documentation (TCPServer with a
// BaseRequestHandler: one recv, then sendall(data.upper())) and its client, which opens a
// new connection for every line it sends. The handler steps on serve_forever's thread.
#include <Program.h>
#include <kit/ServeInPane.h>
#include <kit/TutorialHandlers.h>

#include <socketserver/TCPServer.h>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const struct : StepTable {
    UpperEchoSteps handler = UpperEchoHandler::declareSteps(*this);
    ProgramStep reuseAddress = declareReuseAddressStep(*this);
    ProgramStep create = add("create", "TCPServer((");
    ServeSteps serve = ServeSteps::declareIn(*this);
} Server;

void echoServer(ProgramContext &ctx)
{
    ctx.at(Server.reuseAddress);  // socketserver.TCPServer.allow_reuse_address = True
    ctx.at(Server.create);        // server = socketserver.TCPServer((HOST, PORT), MyTCPHandler)
    serveInPane<socketserver::TCPServer>(ctx, ctx.address("host", "port"),
                                         handlerClass<UpperEchoHandler>(ctx, Server.handler, "MyTCPHandler"),
                                         Server.serve, "waiting for connection...", allowReuseAddress);
}

const struct : StepTable {
    ProgramStep input = add("input", "input(");
    ProgramStep checkInput = add("check-input", "if not data");
    ProgramStep socket = add("socket", "socket.socket(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep printSent = add("print-sent", "print('Sent");
    ProgramStep printReceived = add("print-received", "print('Received");
} Client;

void echoClient(ProgramContext &ctx)
{
    constexpr std::size_t kRecvSize = 1024;  // the listing's recv(1024)
    const SocketAddress address = ctx.address("host", "port");
    for (;;) {
        ctx.at(Client.input);       const std::optional<std::string> data = ctx.readLine("> ");
        ctx.at(Client.checkInput);  if (!data || data->empty()) return;
        std::string received;
        {
            ctx.at(Client.socket);   Socket sock = ctx.socket(AF_INET, SOCK_STREAM);  // with ... as sock:
            ctx.at(Client.connect);  orRaise(sock.connect(address));
            ctx.at(Client.sendall);  orRaise(sock.sendAll(*data + "\n"));
            ctx.at(Client.recv);     received = orRaise(sock.recv(kRecvSize));
        }  // the end of the with block closes sock
        ctx.at(Client.printSent);      ctx.print("Sent:     " + *data);
        ctx.at(Client.printReceived);  ctx.print("Received: " + received);
    }
}

} // namespace

SOCKETLAB_PROGRAMS(SocketServerEcho)
{
    programs.add({"socketserver-echo-server", "The socketserver docs' TCPServer (up to Python 3.11) with a BaseRequestHandler: one recv(1024), then sendall() of it upper-cased; allow_reuse_address set.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"}},
                  echoServer});
    programs.add({"socketserver-echo-client", "The docs' client: for each typed line a new connection, sendall(line + \"\\n\"), one recv(1024).",
                  Client,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"}},
                  echoClient});
}
