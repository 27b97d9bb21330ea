// The multi-client lab: seed 004's programs as the seed wrote them. The server pane runs the
// one its SERVER parameter names - the TCP server that serves one connection and ends
// everything on "exit", the threaded TCP server (threading.Thread per connection), or the
// UDP server that any client's "exit" ends - inside the graceful exit seed 002 recommends
// (Stop stands for Ctrl-C: the except clause prints, finally closes). The client pane runs
// the seed's TCP or UDP client, following the server's choice.
#include <Program.h>
#include <kit/ProgramThreads.h>
#include <kit/PythonExcept.h>
#include <kit/PythonText.h>

#include <memory>
#include <optional>
#include <string>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;
using socketlab::socketserver::SocketException;

namespace {

const char kReply[] = "The server got your message";  // the seed's '服务器已经收到你的信息'

// exit("...") inside the server: Python's SystemExit, which ends the whole program.
struct SystemExit {
    std::string message;
};

struct ServerSteps : StepTable {
    // def link_handler(link, client):
    ProgramStep handlerPrint = add("handler-print", "print(");
    ProgramStep handlerRecv = add("handler-recv", "link.recv(");
    ProgramStep handlerCheck = add("handler-check", "if client_data == \"exit\"");
    ProgramStep handlerDone = add("handler-done", "print(");
    ProgramStep handlerSays = add("handler-says", "print(");
    ProgramStep handlerSendall = add("handler-sendall", "link.sendall(");
    ProgramStep handlerClose = add("handler-close", "link.close(");
    // the socket, for the server SERVER names
    ProgramStep socketUdp = add("socket-udp", "socket.socket(");
    ProgramStep socketTcp = add("socket-tcp", "socket.socket(");
    ProgramStep reuseAddress = add("setsockopt", ".setsockopt(");
    ProgramStep bind = add("bind", ".bind(");
    // 'one connection'
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep printWaiting = add("print-waiting", "print(");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep recv = add("recv", "conn.recv(");
    ProgramStep checkExit = add("check-exit", "if client_data == \"exit\"");
    ProgramStep exit = add("exit", "exit(\"");
    ProgramStep print = add("print", "print(");
    ProgramStep sendall = add("sendall", "conn.sendall(");
    // 'threading'
    ProgramStep listenThreading = add("listen-threading", ".listen(");
    ProgramStep printWaitingThreading = add("print-waiting-threading", "print(");
    ProgramStep acceptThreading = add("accept-threading", ".accept(");
    ProgramStep thread = add("thread", "threading.Thread(");
    ProgramStep start = add("start", "t.start(");
    // 'udp'
    ProgramStep udpRecv = add("udp-recv", "sk.recv(");
    ProgramStep udpPrint = add("udp-print", "print(");
    ProgramStep udpCheck = add("udp-check", "if data == \"exit\"");
    ProgramStep udpEnd = add("udp-end", "print(");
    // finally:
    ProgramStep close = add("close", "sk.close(");
};
const ServerSteps Server;

std::string hostPort(const SocketAddress &client)  // "%s:%s" % (client[0], client[1])
{
    return client.host() + ":" + std::to_string(client.port());
}

void linkHandler(ProgramContext &ctx, Socket &link, const SocketAddress &client)
{
    ctx.at(Server.handlerPrint);     ctx.print("Serving [" + hostPort(client) + "]...");
    for (;;) {
        ctx.at(Server.handlerRecv);  const std::string clientData = orRaise(link.recv(1024));
        ctx.at(Server.handlerCheck);
        if (clientData == "exit") {
            ctx.at(Server.handlerDone);  ctx.print("Done with [" + hostPort(client) + "]");
            break;
        }
        ctx.at(Server.handlerSays);     ctx.print("[" + hostPort(client) + "] says: " + clientData);
        ctx.at(Server.handlerSendall);  orRaise(link.sendAll(kReply));
    }
    ctx.at(Server.handlerClose);     orRaise(link.close());
}

void oneConnection(ProgramContext &ctx, Socket &sk)
{
    ctx.at(Server.listen);        orRaise(sk.listen(5));
    ctx.publishPort(sk);
    ctx.at(Server.printWaiting);  ctx.print("Server started, waiting for a client...");
    ctx.at(Server.accept);        Accepted accepted = orRaise(sk.accept());
    Socket conn = std::move(accepted.socket);
    for (;;) {
        ctx.at(Server.recv);      const std::string clientData = orRaise(conn.recv(1024));
        ctx.at(Server.checkExit);
        if (clientData == "exit") {
            ctx.at(Server.exit);  throw SystemExit{"Communication over"};
        }
        ctx.at(Server.print);     ctx.print("From " + accepted.address.pythonRepr() + ": " + clientData);
        ctx.at(Server.sendall);   orRaise(conn.sendAll(kReply));
    }
}

void threaded(ProgramContext &ctx, Socket &sk, ProgramThreads &threads)
{
    ctx.at(Server.listenThreading);        orRaise(sk.listen(5));
    ctx.publishPort(sk);
    ctx.at(Server.printWaitingThreading);  ctx.print("Server started, waiting for clients...");
    for (;;) {
        ctx.at(Server.acceptThreading);    Accepted accepted = orRaise(sk.accept());
        ctx.at(Server.thread);
        auto link = std::make_shared<Socket>(std::move(accepted.socket));  // the thread owns the connection
        const SocketAddress client = accepted.address;
        ctx.at(Server.start);
        threads.start("link_handler", [&ctx, link, client] { linkHandler(ctx, *link, client); });
    }
}

void udp(ProgramContext &ctx, Socket &sk)
{
    ctx.publishPort(sk);
    for (;;) {
        ctx.at(Server.udpRecv);   const std::string data = python::strip(orRaise(sk.recv(1024)));
        ctx.at(Server.udpPrint);  ctx.print(data);
        ctx.at(Server.udpCheck);
        if (data == "exit") {
            ctx.at(Server.udpEnd);  ctx.print("A client ended the server!");
            break;
        }
    }
}

void seedServer(ProgramContext &ctx)
{
    const std::string kind = ctx.param("server");  // SERVER: the lab allows only the three
    ctx.publish("server", kind);                   // the client runs the seed's client for it
    // Python waits for its threads before the process ends, after finally: so does this
    // (declared first, it is joined last).
    ProgramThreads threads(ctx);
    Socket sk;
    if (kind == "udp") {
        ctx.at(Server.socketUdp);  sk = ctx.socket(AF_INET, SOCK_DGRAM);
    } else {
        ctx.at(Server.socketTcp);  sk = ctx.socket(AF_INET, SOCK_STREAM);
    }
    ctx.at(Server.reuseAddress);   orRaise(sk.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
    ctx.at(Server.bind);           orRaise(sk.bind(ctx.address("host", "port")));

    const auto finallyClose = [&ctx, &sk] {
        if (!ctx.isStopped())
            ctx.at(Server.close);  // a stopped pane does not stop at steps any more
        (void)sk.close();
    };
    try {
        if (kind == "one connection")
            oneConnection(ctx, sk);
        else if (kind == "threading")
            threaded(ctx, sk, threads);
        else
            udp(ctx, sk);
    } catch (const SocketException &e) {
        if (!isKeyboardInterrupt(e)) {
            finallyClose();
            throw;
        }
        ctx.print("Server stopped");  // except KeyboardInterrupt:
        finallyClose();
        return;
    } catch (const SystemExit &e) {
        finallyClose();
        ctx.print(e.message);  // Python prints exit()'s message as the interpreter ends
        return;
    }
    finallyClose();
}

const struct : StepTable {
    // seed 004's TCP client
    ProgramStep socket = add("socket", "socket.socket(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep input = add("input", "input(");
    ProgramStep checkInput = add("check-input", "if not inp");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep checkExit = add("check-exit", "if inp == \"exit\"");
    ProgramStep printOver = add("print-over", "print(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep print = add("print", "print(");
    ProgramStep close = add("close", "s.close(");
    // seed 004's UDP client
    ProgramStep socketUdp = add("socket-udp", "socket.socket(");
    ProgramStep inputUdp = add("input-udp", "input(");
    ProgramStep sendto = add("sendto", ".sendto(");
    ProgramStep checkExitUdp = add("check-exit-udp", "if inp == 'exit'");
    ProgramStep closeUdp = add("close-udp", "sk.close(");
} Client;

// input(...).strip(), or nullopt at the end of input, where Python's input() raises EOFError.
std::optional<std::string> strippedInput(ProgramContext &ctx)
{
    const std::optional<std::string> line = ctx.readLine("Message to send: ");
    if (!line)
        ctx.print("EOFError: EOF when reading a line");
    return line ? std::optional<std::string>(python::strip(*line)) : std::nullopt;
}

void tcpClient(ProgramContext &ctx)
{
    ctx.at(Client.socket);          Socket s = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Client.connect);         orRaise(s.connect(ctx.address("host", "port")));
    for (;;) {
        ctx.at(Client.input);       const std::optional<std::string> inp = strippedInput(ctx);
        if (!inp)
            return;
        ctx.at(Client.checkInput);  if (inp->empty()) continue;
        ctx.at(Client.sendall);     orRaise(s.sendAll(*inp));
        ctx.at(Client.checkExit);
        if (*inp == "exit") {
            ctx.at(Client.printOver);  ctx.print("Communication over!");
            break;
        }
        ctx.at(Client.recv);        const std::string serverReply = orRaise(s.recv(1024));
        ctx.at(Client.print);       ctx.print(serverReply);
    }
    ctx.at(Client.close);           orRaise(s.close());
}

void udpClient(ProgramContext &ctx)
{
    ctx.at(Client.socketUdp);       Socket sk = ctx.socket(AF_INET, SOCK_DGRAM);
    const SocketAddress ipPort = ctx.address("host", "port");
    for (;;) {
        ctx.at(Client.inputUdp);    const std::optional<std::string> inp = strippedInput(ctx);
        if (!inp)
            return;
        ctx.at(Client.sendto);      orRaise(sk.sendTo(*inp, ipPort));
        ctx.at(Client.checkExitUdp);
        if (*inp == "exit")
            break;
    }
    ctx.at(Client.closeUdp);        orRaise(sk.close());
}

void seedClient(ProgramContext &ctx)
{
    if (ctx.param("server") != "udp")
        tcpClient(ctx);
    else
        udpClient(ctx);
}

} // namespace

SOCKETLAB_PROGRAMS(MultiClient)
{
    programs.add({"multi-client-server",
                  "server.py: seed 004's TCP server that serves one connection and ends on \"exit\", its threaded TCP server (threading.Thread per connection) or its UDP server, as SERVER chooses; Stop is Ctrl-C, caught, and finally closes the socket.",
                  Server,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"},
                   {"server", "SERVER: 'one connection', 'threading' or 'udp' (published as \"server\")"}},
                  seedServer});
    programs.add({"multi-client-client",
                  "client.py: seed 004's TCP client (lines until \"exit\", each answered) or, when SERVER is 'udp', its UDP client (datagrams until 'exit').",
                  Client,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"},
                   {"server", "SERVER: the server's choice; 'udp' runs the UDP client"}},
                  seedClient});
}
