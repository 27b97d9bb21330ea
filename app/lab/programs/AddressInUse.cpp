// The address-in-use lesson's programs: a server that serves one client, closes the
// connection first and exits (so the kernel keeps that connection in TIME_WAIT, holding the
// server's port), run again with or without SO_REUSEADDR; and a client that reads until the
// server has closed, then closes too.
#include <Program.h>
#include <kit/PythonText.h>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep setsockopt = add("setsockopt", ".setsockopt(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep printListening = add("print-listening", "print(");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep printConnected = add("print-connected", "print(");
    ProgramStep send = add("send", ".send(");
    ProgramStep closeClient = add("close-client", ".close(");
    ProgramStep closeServer = add("close-server", ".close(");
} Server;

void tsTservOnce(ProgramContext &ctx)
{
    const SocketAddress ADDR = ctx.address("host", "port");
    const int REUSE = static_cast<int>(ctx.integer("reuse"));
    ctx.at(Server.socket);          Socket tcpSerSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Server.setsockopt);      orRaise(tcpSerSock.setOption(SOL_SOCKET, SO_REUSEADDR, REUSE));
    ctx.at(Server.bind);            orRaise(tcpSerSock.bind(ADDR));
    ctx.at(Server.listen);          orRaise(tcpSerSock.listen(5));
    ctx.publishPort(tcpSerSock);
    ctx.at(Server.printListening);  ctx.print("listening on " + ADDR.pythonRepr());
    ctx.at(Server.accept);          Accepted accepted = orRaise(tcpSerSock.accept());
    Socket tcpCliSock = std::move(accepted.socket);
    ctx.at(Server.printConnected);  ctx.print("...connected from: " + accepted.address.pythonRepr());
    ctx.at(Server.send);            orRaise(tcpCliSock.send(python::ctime()));
    ctx.at(Server.closeClient);     (void)tcpCliSock.close();
    ctx.at(Server.closeServer);     (void)tcpSerSock.close();
}

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkData = add("check-data", "if not data");
    ProgramStep print = add("print", "print(");
    ProgramStep close = add("close", ".close(");
} Client;

void tsTclntOnce(ProgramContext &ctx)
{
    constexpr std::size_t bufsiz = 1024;  // BUFSIZ (a C macro name)
    ctx.at(Client.socket);   Socket tcpCliSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Client.connect);  orRaise(tcpCliSock.connect(ctx.address("host", "port")));
    for (;;) {
        ctx.at(Client.recv);       const python::Bytes data = orRaise(tcpCliSock.recv(bufsiz));
        ctx.at(Client.checkData);  if (data.empty()) break;
        ctx.at(Client.print);      ctx.print(data);
    }
    ctx.at(Client.close);  (void)tcpCliSock.close();
}

} // namespace

SOCKETLAB_PROGRAMS(AddressInUse)
{
    programs.add({"address-in-use-server",
                  "tsTservOnce.py: sets SO_REUSEADDR to REUSE, serves one client (the time), closes the connection first and exits.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"},
                   {"reuse", "1: SO_REUSEADDR on before bind(); 0: off"}},
                  tsTservOnce});
    programs.add({"address-in-use-client",
                  "tsTclntOnce.py: connects, prints what arrives until recv() returns b'', then closes.",
                  Client, {{"host", "server host (a name is resolved)"}, {"port", "server port"}}, tsTclntOnce});
}
