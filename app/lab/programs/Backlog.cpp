// The backlog lesson's programs: a server that listens with a small backlog and accepts only
// when the learner lets it (its accept step is held in the lab), and CLIENTS clients that
// connect at once, each on its own thread, as Python's threading.Thread would run them.
#include <Program.h>
#include <kit/PythonText.h>

#include <sys/socket.h>

#include <string>
#include <thread>
#include <vector>

using namespace socketlab;
using socketlab::socketserver::orRaise;
using socketlab::socketserver::SocketException;

namespace {

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep setsockopt = add("setsockopt", ".setsockopt(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep printAccepted = add("print-accepted", "print(");
    ProgramStep send = add("send", ".send(");
    ProgramStep close = add("close", ".close(");
} Server;

void backlogServ(ProgramContext &ctx)
{
    const SocketAddress ADDR = ctx.address("host", "port");
    const int BACKLOG = static_cast<int>(ctx.integer("backlog"));
    ctx.at(Server.socket);      Socket tcpSerSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Server.setsockopt);  orRaise(tcpSerSock.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
    ctx.at(Server.bind);        orRaise(tcpSerSock.bind(ADDR));
    ctx.at(Server.listen);      orRaise(tcpSerSock.listen(BACKLOG));
    ctx.publishPort(tcpSerSock);
    for (;;) {
        ctx.at(Server.accept);         Accepted accepted = orRaise(tcpSerSock.accept());
        Socket tcpCliSock = std::move(accepted.socket);
        ctx.at(Server.recv);           const python::Bytes request = orRaise(tcpCliSock.recv(1024));
        ctx.at(Server.printAccepted);  ctx.print("...accepted " + accepted.address.pythonRepr() + ' ' + python::bytesRepr(request));
        ctx.at(Server.send);           orRaise(tcpCliSock.send(python::ctime()));
        ctx.at(Server.close);          (void)tcpCliSock.close();
    }
}

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep printConnected = add("print-connected", "print(");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep printServed = add("print-served", "print(");
    ProgramStep close = add("close", ".close(");
    ProgramStep start = add("start", ".start(");
} Clients;

// def client(n): one client, on its own thread. What Python's threading prints when the
// function raises ends this thread only; a Stop ends it silently.
void client(ProgramContext &ctx, const SocketAddress &ADDR, int n)
{
    const std::string name = std::to_string(n);
    try {
        ctx.at(Clients.socket);          Socket s = ctx.socket(AF_INET, SOCK_STREAM);
        ctx.at(Clients.connect);         orRaise(s.connect(ADDR));
        ctx.at(Clients.printConnected);  ctx.print(name + " connected from " + orRaise(s.getSockName()).pythonRepr());
        ctx.at(Clients.sendall);         orRaise(s.sendAll("client " + name));
        ctx.at(Clients.recv);            const python::Bytes data = orRaise(s.recv(1024));
        ctx.at(Clients.printServed);     ctx.print(name + " served at " + data);
        ctx.at(Clients.close);           (void)s.close();
    } catch (const SocketException &e) {
        if (e.error().kind() != ErrorKind::Cancelled) {
            ctx.print("Exception in thread Thread-" + name + " (client):");
            ctx.print(e.error().pythonString());
        }
    } catch (const std::exception &e) {
        ctx.print(std::string("SocketLab internal error: ") + e.what());
    }
}

// The started threads, joined however the main program ends (a Stop raises in at()).
struct Threads {
    std::vector<std::thread> all;
    ~Threads()
    {
        for (std::thread &t : all) {
            if (t.joinable())
                t.join();
        }
    }
};

void backlogClients(ProgramContext &ctx)
{
    const SocketAddress ADDR = ctx.address("host", "port");
    const int CLIENTS = static_cast<int>(ctx.integer("clients"));
    Threads threads;
    threads.all.reserve(static_cast<std::size_t>(CLIENTS));
    for (int n = 1; n <= CLIENTS; ++n) {
        ctx.at(Clients.start);
        threads.all.emplace_back([&ctx, &ADDR, n] { client(ctx, ADDR, n); });
    }
    // for t in threads: t.join(). Not a step: a main thread let through to a join() that
    // waits for clients still blocked would leave the pane neither at its gate nor blocked
    // in a socket call, and stepping the lab would wait for it forever.
    for (std::thread &t : threads.all)
        t.join();
}

} // namespace

SOCKETLAB_PROGRAMS(Backlog)
{
    programs.add({"backlog-server",
                  "backlogServ.py: listen(BACKLOG), then for each accept() one recv() of the request and the time sent back; a lab holds its accept step until the learner lets it run.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"},
                   {"backlog", "listen() backlog"}},
                  backlogServ});
    programs.add({"backlog-clients",
                  "backlogClients.py: CLIENTS threads; each connects, sends b'client N', waits for the server's one reply and closes.",
                  Clients,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"}, {"clients", "how many clients connect at once"}},
                  backlogClients});
}
