// The udp-socketserver lab's server: the timestamp server on socketserver's UDPServer with a
// DatagramRequestHandler. Each datagram is one request: rfile reads the datagram, and what
// handle() writes to wfile leaves in one sendto() when finish() runs. The client is the
// udp-timestamp lab's program (tsUclnt). The handler steps on serve_forever's thread.
#include <Program.h>
#include <kit/ServeInPane.h>
#include <kit/TutorialHandlers.h>

#include <socketserver/TCPServer.h>

namespace {

const struct : StepTable {
    HandlerSteps handler = DatagramTimestampHandler::declareSteps(*this);
    ProgramStep create = add("create", "UDP(ADDR");
    ServeSteps serve = ServeSteps::declareIn(*this);
} Server;

void tsUservSS(ProgramContext &ctx)
{
    ctx.at(Server.create);  // udpServ = UDP(ADDR, MyRequestHandler): socket(AF_INET, SOCK_DGRAM), bind()
    serveInPane<socketlab::socketserver::UDPServer>(
        ctx, ctx.address("host", "port"), handlerClass<DatagramTimestampHandler>(ctx, Server.handler, "MyRequestHandler"),
        Server.serve, "waiting for message...");
}

} // namespace

SOCKETLAB_PROGRAMS(SocketServerUdp)
{
    programs.add({"udp-socketserver-server", "tsUservSS.py: UDPServer with a DatagramRequestHandler that answers each datagram, timestamped.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"}},
                  tsUservSS});
}
