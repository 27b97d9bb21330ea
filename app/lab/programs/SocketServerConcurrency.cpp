// The socketserver-concurrency lab's server: tsTservSS with the server class a pane parameter
// chooses - TCPServer, ThreadingTCPServer or ForkingTCPServer - and a verify_request that lets
// in only the client host ALLOWED names ('' lets everyone in).
//
// Where the handler's lines are stepped:
// - TCPServer: on serve_forever's thread, as in the socketserver lab.
// - ThreadingTCPServer: on each request's own thread. Several threads may then wait at the
//   pane's gate at once, and each Step lets one of them go (whichever the kernel wakes). That
//   is the lesson: two handlers really are in the middle of handle() at the same time, and
//   the marked line jumps between them. The gate, the console and the step reports are safe
//   to use from several threads (StepGate's mutex, PaneRunner's post queue, and a count of
//   waiting threads so the pane stays "paused" while any still waits).
// - ForkingTCPServer: the handler runs in a child process, which cannot reach the pane's
//   gate, so its lines are not stepped; the child's print() comes back to this pane (through
//   the fork helper's channel), and the pane says when each child starts and exits.
#include "ProgramSupport.h"
#include "SteppedTimestampHandler.h"

#include <socketserver/ForkingMixIn.h>
#include <socketserver/TCPServer.h>
#include <socketserver/ThreadingMixIn.h>
#include <socketserver/Tutorial.h>

#include <CancelToken.h>

#include <QCoreApplication>

using namespace socketlab;
using namespace socketlab::socketserver;

namespace {

// The server classes the `server` parameter may name besides TCPServer (lab.json lists the choices).
const char kThreadingTcpServer[] = "ThreadingTCPServer";
const char kForkingTcpServer[] = "ForkingTCPServer";

// class MyServer(Server): def verify_request(self, request, client_address): ...
template <typename Server>
class MyServer : public Server {
public:
    using Server::Server;
    ProgramContext *ctx = nullptr;
    std::string allowed;  // ALLOWED

    bool verifyRequest(Request &, const SocketAddress &clientAddress) override
    {
        if (!ctx->step("verify"))
            return false;  // stopped: refuse, and serve_forever ends at once
        if (!allowed.empty() && clientAddress.host() != allowed) {
            if (ctx->step("refuse"))
                ctx->print("...refused: " + tutorial::pythonStr(clientAddress));
            return false;
        }
        return true;
    }
};

QString tr(const char *text)
{
    return QCoreApplication::translate("SocketServerPrograms", text);
}

template <typename Server>
int serve(ProgramContext &ctx, const SocketAddress &address, const RequestHandlerClass &handlerClass,
          const std::function<void(Server &)> &prepare = {})
{
    return serveInPane<MyServer<Server>>(ctx, address, handlerClass, "waiting for connection...",  // socket(), bind(), listen(5)
                                         [&](MyServer<Server> &tcpServ) {
                                             tcpServ.ctx = &ctx;
                                             tcpServ.allowed = ctx.param("allowed");
                                             if (prepare)
                                                 prepare(tcpServ);
                                         });
}

int concurrencyServer(ProgramContext &ctx)
{
    if (!ctx.step("create"))
        return 0;
    auto address = ipv4Address(ctx.param("host"), ctx.intParam("port"));
    if (!address)
        return ctx.fail(address.error());
    const std::string serverClass = ctx.param("server");
    const RequestHandlerClass stepped(
        [&ctx] { return std::unique_ptr<BaseRequestHandler>(new SteppedTimestampHandler(ctx)); }, "MyRequestHandler");

    if (serverClass == kThreadingTcpServer)
        return serve<ThreadingTCPServer>(ctx, *address, stepped);
    if (serverClass == kForkingTcpServer) {
        // The child makes its handler by name: the tutorial's timestamp handler, whose print()
        // the child sends back here (socketserver/Console.h).
        return serve<ForkingTCPServer>(ctx, *address, tutorial::timestampHandler(), [&ctx](ForkingTCPServer &server) {
            server.setConsoleOutput([&ctx](const std::string &line) { ctx.print(line); });
            server.setChildObserver([&ctx](const ChildLifecycle &child) {
                const QString text = child.exited ? tr("child %1 exited %2").arg(child.pid).arg(child.code)
                                                  : tr("child %1 started").arg(child.pid);
                ctx.print(text.toStdString());
            });
        });
    }
    return serve<TCPServer>(ctx, *address, stepped);  // "TCPServer": the lab file allows no other
}

} // namespace

std::vector<ProgramInfo> socketServerConcurrencyPrograms()
{
    return {
        {"socketserver-concurrency-server",
         {{"create", "MyServer(ADDR"}, {"print-waiting", "print("}, {"serve-forever", ".serve_forever("},
          {"verify", "client_address[0] != ALLOWED"}, {"refuse", "print('...refused"},
          {"handle-print", "print("}, {"handle-reply", "wfile.write("}},
         {"host", "port", "server", "allowed"},
         concurrencyServer},
    };
}
