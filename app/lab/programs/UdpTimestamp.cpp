// tsUserv.py and tsUclnt.py of the tutorials, on the socket core: no listen, no accept,
// no connection; every reply goes back to the address recvfrom() reported.
#include <Program.h>
#include <kit/PythonText.h>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep printWaiting = add("print-waiting", "print(");
    ProgramStep recvfrom = add("recvfrom", ".recvfrom(");
    ProgramStep sendto = add("sendto", ".sendto(");
    ProgramStep printReturned = add("print-returned", "print(");
} Server;

void tsUserv(ProgramContext &ctx)
{
    const std::size_t bufsiz = ctx.size("bufsize");  // BUFSIZ (a C macro name)
    ctx.at(Server.socket);  Socket udpSerSock = ctx.socket(AF_INET, SOCK_DGRAM);
    ctx.at(Server.bind);    orRaise(udpSerSock.bind(ctx.address("host", "port")));
    ctx.publishPort(udpSerSock);

    for (;;) {
        ctx.at(Server.printWaiting);   ctx.print("waiting for message...");
        ctx.at(Server.recvfrom);       const Datagram datagram = orRaise(udpSerSock.recvFrom(bufsiz));
        ctx.at(Server.sendto);         orRaise(udpSerSock.sendTo(timestamped(datagram.data), datagram.from));
        ctx.at(Server.printReturned);  ctx.print("...received from and returned to: " + datagram.from.pythonRepr());
    }
}

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep input = add("input", "input(");
    ProgramStep checkInput = add("check-input", "if not data");
    ProgramStep sendto = add("sendto", ".sendto(");
    ProgramStep recvfrom = add("recvfrom", ".recvfrom(");
    ProgramStep checkReply = add("check-reply", "if not data");
    ProgramStep print = add("print", "print(");
    ProgramStep close = add("close", ".close(");
} Client;

void tsUclnt(ProgramContext &ctx)
{
    const std::size_t bufsiz = ctx.size("bufsize");  // BUFSIZ (a C macro name)
    ctx.at(Client.socket);  Socket udpCliSock = ctx.socket(AF_INET, SOCK_DGRAM);
    SocketAddress ADDR = ctx.address("host", "port");

    for (;;) {
        ctx.at(Client.input);       const std::optional<std::string> data = ctx.readLine("> ");
        ctx.at(Client.checkInput);  if (!data || data->empty()) break;
        ctx.at(Client.sendto);      orRaise(udpCliSock.sendTo(*data, ADDR));
        ctx.at(Client.recvfrom);    const Datagram reply = orRaise(udpCliSock.recvFrom(bufsiz));
        ADDR = reply.from;          // data, ADDR = udpCliSock.recvfrom(BUFSIZ)
        ctx.at(Client.checkReply);  if (reply.data.empty()) break;
        ctx.at(Client.print);       ctx.print(reply.data);
    }
    ctx.at(Client.close);  (void)udpCliSock.close();
}

} // namespace

SOCKETLAB_PROGRAMS(UdpTimestamp)
{
    programs.add({"udp-timestamp-server", "tsUserv.py: a UDP server that sends each datagram back to its sender, timestamped.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"},
                   {"bufsize", "BUFSIZ: most bytes one recvfrom() returns (the rest of a longer datagram is lost)"}},
                  tsUserv});
    programs.add({"udp-timestamp-client", "tsUclnt.py: sends each typed line as one datagram and prints the reply; an empty line ends it.",
                  Client,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"},
                   {"bufsize", "BUFSIZ: most bytes one recvfrom() returns"}},
                  tsUclnt});
}
