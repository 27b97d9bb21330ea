// The udp-socketserver lab's server: the timestamp server on socketserver's UDPServer with a
// DatagramRequestHandler. Each datagram is one request: rfile reads the datagram, and what
// handle() writes to wfile leaves in one sendto() when finish() runs. The client is the
// udp-timestamp lab's program (tsUclnt). The handler steps on serve_forever's thread.
#include "ProgramSupport.h"

#include <socketserver/StreamRequestHandler.h>
#include <socketserver/TCPServer.h>
#include <socketserver/Tutorial.h>

#include <CancelToken.h>

using namespace socketlab;
using namespace socketlab::socketserver;

namespace {

// class MyRequestHandler(DRH): def handle(self): ...
class SteppedDatagramTimestampHandler : public DatagramRequestHandler {
public:
    explicit SteppedDatagramTimestampHandler(ProgramContext &ctx) : m_ctx(ctx) {}

    void handle() override
    {
        if (!m_ctx.step("handle-print"))
            return;
        m_ctx.print("...received from: " + tutorial::pythonStr(clientAddress()));
        if (!m_ctx.step("handle-reply"))
            return;
        // readline() on a datagram: up to a newline or the datagram's end, never waiting.
        wfile().write(timestamped(rfile().readline()));
    }

private:
    ProgramContext &m_ctx;
};

int udpServer(ProgramContext &ctx)
{
    if (!ctx.step("create"))
        return 0;
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    if (!address)
        return ctx.fail(address.error());
    const RequestHandlerClass handlerClass(
        [&ctx] { return std::unique_ptr<BaseRequestHandler>(new SteppedDatagramTimestampHandler(ctx)); },
        "MyRequestHandler");
    return serveInPane<UDPServer>(ctx, *address, handlerClass, "waiting for message...");  // socket(AF_INET, SOCK_DGRAM), bind()
}

} // namespace

std::vector<ProgramInfo> socketServerUdpPrograms()
{
    return {
        {"udp-socketserver-server",
         {{"create", "UDP(ADDR"}, {"print-waiting", "print("}, {"serve-forever", ".serve_forever("},
          {"handle-print", "print("}, {"handle-reply", "wfile.write("}},
         {"host", "port"},
         udpServer},
    };
}
