// tsTserv.py and tsTclnt.py of the tutorials, on the socket core: a line of C++ per line of
// the listing, each listing line a step the pane stops at. The server sets SO_REUSEADDR
// before bind(), as the tutorial advises once Errno 98 has struck.
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
    ProgramStep printWaiting = add("print-waiting", "print(");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep printConnected = add("print-connected", "print(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkData = add("check-data", "if not data");
    ProgramStep send = add("send", ".send(");
    ProgramStep closeClient = add("close-client", ".close(");
} Server;

void tsTserv(ProgramContext &ctx)
{
    const std::size_t bufsiz = ctx.size("bufsize");  // BUFSIZ (a C macro name)
    ctx.at(Server.socket);  Socket tcpSerSock = ctx.socket(AF_INET, SOCK_STREAM);
    // SO_REUSEADDR, so that a restart binds while the last run's connections wait in
    // TIME_WAIT: touring the labs must not meet Errno 98 (the address-in-use lab shows it).
    ctx.at(Server.setsockopt);  orRaise(tcpSerSock.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
    ctx.at(Server.bind);    orRaise(tcpSerSock.bind(ctx.address("host", "port")));
    ctx.at(Server.listen);  orRaise(tcpSerSock.listen(static_cast<int>(ctx.integer("backlog"))));
    ctx.publishPort(tcpSerSock);  // a client connecting before listen() would be refused

    for (;;) {
        ctx.at(Server.printWaiting);    ctx.print("waiting for connection...");
        ctx.at(Server.accept);          Accepted accepted = orRaise(tcpSerSock.accept());
        Socket tcpCliSock = std::move(accepted.socket);
        ctx.at(Server.printConnected);  ctx.print("...connected from: " + accepted.address.pythonRepr());
        for (;;) {
            ctx.at(Server.recv);        const python::Bytes data = orRaise(tcpCliSock.recv(bufsiz));
            ctx.at(Server.checkData);   if (data.empty()) break;
            ctx.at(Server.send);        orRaise(tcpCliSock.send(timestamped(data)));
        }
        ctx.at(Server.closeClient);     (void)tcpCliSock.close();
    }
}

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep input = add("input", "input(");
    ProgramStep checkInput = add("check-input", "if not data");
    ProgramStep send = add("send", ".send(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkReply = add("check-reply", "if not data");
    ProgramStep print = add("print", "print(");
    ProgramStep close = add("close", ".close(");
} Client;

void tsTclnt(ProgramContext &ctx)
{
    const std::size_t bufsiz = ctx.size("bufsize");  // BUFSIZ (a C macro name)
    ctx.at(Client.socket);   Socket tcpCliSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Client.connect);  orRaise(tcpCliSock.connect(ctx.address("host", "port")));

    for (;;) {
        ctx.at(Client.input);       const std::optional<std::string> data = ctx.readLine("> ");
        ctx.at(Client.checkInput);  if (!data || data->empty()) break;  // an empty line (or the end of input)
        ctx.at(Client.send);        orRaise(tcpCliSock.send(*data));
        ctx.at(Client.recv);        const python::Bytes reply = orRaise(tcpCliSock.recv(bufsiz));
        ctx.at(Client.checkReply);  if (reply.empty()) break;
        ctx.at(Client.print);       ctx.print(reply);
    }
    ctx.at(Client.close);  (void)tcpCliSock.close();
}

} // namespace

SOCKETLAB_PROGRAMS(TcpTimestamp)
{
    programs.add({"tcp-timestamp-server", "tsTserv.py: a TCP server (SO_REUSEADDR set before bind) that answers each recv() with the bytes it got, timestamped; one client at a time.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"},
                   {"backlog", "listen() backlog"}, {"bufsize", "BUFSIZ: most bytes one recv() returns"}},
                  tsTserv});
    programs.add({"tcp-timestamp-client", "tsTclnt.py: connects once, then sends each typed line and prints the reply; an empty line ends it.",
                  Client,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"}, {"bufsize", "BUFSIZ: most bytes one recv() returns"}},
                  tsTclnt});
}
