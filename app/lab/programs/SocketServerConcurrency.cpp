// The socketserver-concurrency lab's server: tsTservSS with the server class a pane parameter
// chooses - TCPServer, ThreadingTCPServer or ForkingTCPServer - and a verify_request that lets
// in only the client host ALLOWED names ('' lets everyone in).
//
// Where the handler's lines are stepped:
// - TCPServer: on serve_forever's thread, as in the socketserver lab.
// - ThreadingTCPServer: on each request's own thread. Several threads may then wait at the
//   pane's gate at once, and each Step lets one of them go. That is the lesson: two handlers
//   really are in the middle of handle() at the same time, and the marked line jumps between
//   them. The gate, the console and the step reports are safe to use from several threads.
// - ForkingTCPServer: the handler runs in a child process, which cannot reach the pane's
//   gate, so its lines are not stepped; the child's print() comes back to this pane (through
//   the fork helper's channel), and the pane says when each child starts and exits.
#include <Program.h>
#include <kit/PythonText.h>
#include <kit/ServeInPane.h>
#include <kit/TutorialHandlers.h>

#include <socketserver/ForkingMixIn.h>
#include <socketserver/TCPServer.h>
#include <socketserver/ThreadingMixIn.h>

#include <QCoreApplication>

using namespace socketlab;
using namespace socketlab::socketserver;

namespace {

const struct : StepTable {
    ProgramStep reuseAddress = declareReuseAddressStep(*this);
    ProgramStep verify = add("verify", "client_address[0] != ALLOWED");
    ProgramStep refuse = add("refuse", "print('...refused");
    ProgramStep refuseReturn = add("refuse-return", "return False");
    HandlerSteps handler = TimestampHandler::declareSteps(*this);
    ProgramStep create = add("create", "MyServer(ADDR");
    ServeSteps serve = ServeSteps::declareIn(*this);
} Server;

// class MyServer(Server): allow_reuse_address = True; def verify_request(...): ...
// The class variable must be set before server_bind(): hence bind_and_activate=False to the
// base and bindAndActivate() here, as TCPServer.h describes.
template <typename Base>
class MyServer : public Base {
public:
    MyServer(const SocketAddress &address, const RequestHandlerClass &handler, const SocketContext &context,
             ProgramContext &ctx)
        : Base(address, handler, context, false), m_ctx(ctx), m_allowed(ctx.param("allowed"))
    {
        this->allowReuseAddress = true;
        if (this->initStatus())
            (void)this->bindAndActivate();  // its outcome is initStatus(), which serve() raises
    }

    bool verifyRequest(Request &, const SocketAddress &clientAddress) override
    {
        m_ctx.at(Server.verify);
        if (!m_allowed.empty() && clientAddress.host() != m_allowed) {
            m_ctx.at(Server.refuse);        m_ctx.print("...refused: " + python::str(clientAddress));
            m_ctx.at(Server.refuseReturn);  return false;
        }
        return true;
    }

private:
    ProgramContext &m_ctx;
    const std::string m_allowed;  // ALLOWED
};

struct Tr {  // lupdate reads the context from this declaration
    Q_DECLARE_TR_FUNCTIONS(Programs)
};

// tcpServ = MyServer(ADDR, MyRequestHandler), then serve_forever in this pane.
template <typename Base>
void serve(ProgramContext &ctx, const RequestHandlerClass &handlerClass, const std::function<void(Base &)> &prepare = {})
{
    MyServer<Base> tcpServ(ctx.address("host", "port"), handlerClass, ctx.socketContext(), ctx);
    orRaise(tcpServ.initStatus());
    if (prepare)
        prepare(tcpServ);
    serveForeverInPane(ctx, tcpServ, tcpServ.socket(), Server.serve, "waiting for connection...");
}

void concurrencyServer(ProgramContext &ctx)
{
    ctx.at(Server.reuseAddress);  // the class body of MyServer runs when the class is defined
    ctx.at(Server.create);
    const std::string serverClass = ctx.param("server");  // the lab file allows only these three
    const RequestHandlerClass stepped = handlerClass<TimestampHandler>(ctx, Server.handler, "MyRequestHandler");
    if (serverClass == "ThreadingTCPServer")
        return serve<ThreadingTCPServer>(ctx, stepped);
    if (serverClass == "ForkingTCPServer") {
        return serve<ForkingTCPServer>(ctx, forkedTimestampHandlerClass(), [&ctx](ForkingTCPServer &server) {
            server.setConsoleOutput([&ctx](const std::string &line) { ctx.print(line); });
            server.setChildObserver([&ctx](const ChildLifecycle &child) {
                const QString text = child.exited ? Tr::tr("child %1 exited %2").arg(child.pid).arg(child.code)
                                                  : Tr::tr("child %1 started").arg(child.pid);
                ctx.print(text.toStdString());
            });
        });
    }
    return serve<TCPServer>(ctx, stepped);
}

} // namespace

SOCKETLAB_PROGRAMS(SocketServerConcurrency)
{
    programs.add({"socketserver-concurrency-server",
                  "tsTservSS.py on the server class SERVER chooses (TCPServer, ThreadingTCPServer, ForkingTCPServer), with a verify_request that admits only ALLOWED.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"},
                   {"server", "TCPServer, ThreadingTCPServer or ForkingTCPServer"},
                   {"allowed", "the one client host verify_request admits ('' admits all)"}},
                  concurrencyServer});
}
