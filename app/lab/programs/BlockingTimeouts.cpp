// The blocking-timeouts lab: a server whose listening socket first tries accept() in
// non-blocking mode (BlockingIOError) and with a 2 s timeout (TimeoutError), then serves
// every client from one thread with select(); and a tsTclnt-like client that meets the same
// two exceptions on recv(), and whose recv() with a timeout keeps trying until the answer
// comes or the server closes.
#include <Program.h>
#include <Select.h>
#include <kit/PythonExcept.h>
#include <kit/PythonText.h>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

constexpr double kTimeoutSeconds = 2.0;  // settimeout(2.0) in both listings
constexpr double kSelectSeconds = 10.0;  // select(..., 10.0)
constexpr std::size_t kBufsiz = 1024;    // BUFSIZ

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep reuseAddress = add("setsockopt", ".setsockopt(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep nonBlocking = add("setblocking-false", ".setblocking(False)");
    ProgramStep acceptNow = add("accept-nonblocking", ".accept(");
    ProgramStep printBlocking = add("print-blocking", "print(");
    ProgramStep settimeout = add("settimeout", ".settimeout(");
    ProgramStep printTimeout = add("print-gettimeout", "gettimeout(");
    ProgramStep acceptWithin = add("accept-timeout", ".accept(");
    ProgramStep printTimedOut = add("print-timedout", "print(");
    ProgramStep blocking = add("setblocking-true", ".setblocking(True)");
    ProgramStep select = add("select", "select(sockets");
    ProgramStep printReady = add("print-select", "print(");
    ProgramStep isListener = add("check-listener", "if s is tcpSerSock");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkData = add("check-data", "if not data");
    ProgramStep printClosed = add("print-closed", "print(");
    ProgramStep close = add("close", "s.close(");
    ProgramStep send = add("send", ".send(");
} Server;

void selectServer(ProgramContext &ctx)
{
    ctx.at(Server.socket);          Socket tcpSerSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Server.reuseAddress);    orRaise(tcpSerSock.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
    ctx.at(Server.bind);            orRaise(tcpSerSock.bind(ctx.address("host", "port")));
    ctx.at(Server.listen);          orRaise(tcpSerSock.listen(5));

    ctx.at(Server.nonBlocking);     tcpSerSock.setBlocking(false);
    ctx.at(Server.acceptNow);
    if (const auto e = except(tcpSerSock.accept(), Python::BlockingIOError)) {
        ctx.at(Server.printBlocking);  ctx.print(e->pythonString());
    }

    ctx.at(Server.settimeout);      orRaise(tcpSerSock.setTimeout(kTimeoutSeconds));
    ctx.at(Server.printTimeout);    ctx.print("gettimeout(): " + std::string(tcpSerSock.timeout() ? "2.0" : "None"));
    ctx.at(Server.acceptWithin);
    if (const auto e = except(tcpSerSock.accept(), Python::TimeoutError)) {
        ctx.at(Server.printTimedOut);  ctx.print(e->pythonString());
    }
    // The clients wait for the port until here, so both accept() calls above find nobody,
    // as the lesson tells: a Python client given the port could connect any time after listen().
    ctx.publishPort(tcpSerSock);

    ctx.at(Server.blocking);        tcpSerSock.setBlocking(true);
    std::vector<std::unique_ptr<Socket>> connections;  // sockets = [tcpSerSock] + the connections
    std::map<const Socket *, std::string> names{{&tcpSerSock, "listening socket"}};
    for (;;) {
        SelectLists watch;
        watch.read.push_back(&tcpSerSock);
        for (const auto &c : connections)
            watch.read.push_back(c.get());
        ctx.at(Server.select);
        const SelectLists ready = orRaise(select(watch, kSelectSeconds, ctx.socketContext()));
        std::vector<std::string> readyNames;
        for (const Socket *s : ready.read)
            readyNames.push_back(names[s]);
        ctx.at(Server.printReady);      ctx.print("select() -> " + python::listRepr(readyNames));
        for (Socket *s : ready.read) {
            ctx.at(Server.isListener);
            if (s == &tcpSerSock) {
                ctx.at(Server.accept);  Accepted accepted = orRaise(tcpSerSock.accept());
                connections.push_back(std::make_unique<Socket>(std::move(accepted.socket)));
                names[connections.back().get()] = accepted.address.host() + ":" + std::to_string(accepted.address.port());
                continue;
            }
            ctx.at(Server.recv);        const Bytes data = orRaise(s->recv(kBufsiz));
            ctx.at(Server.checkData);
            if (data.empty()) {
                ctx.at(Server.printClosed);  ctx.print(names[s] + " closed");
                names.erase(s);
                ctx.at(Server.close);        orRaise(s->close());
                connections.erase(std::find_if(connections.begin(), connections.end(),
                                               [s](const std::unique_ptr<Socket> &c) { return c.get() == s; }));
                continue;
            }
            ctx.at(Server.send);        orRaise(s->send(timestamped(data)));
        }
    }
}

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep nonBlocking = add("setblocking-false", ".setblocking(False)");
    ProgramStep recvNow = add("recv-nonblocking", ".recv(");
    ProgramStep printBlocking = add("print-blocking", "print(");
    ProgramStep settimeout = add("settimeout", ".settimeout(");
    ProgramStep printTimeout = add("print-gettimeout", "gettimeout(");
    ProgramStep input = add("input", "input(");
    ProgramStep checkInput = add("check-input", "if not data");
    ProgramStep send = add("send", ".send(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep printTimedOut = add("print-timedout", "print(");
    ProgramStep checkReply = add("check-reply", "if not reply");
    ProgramStep printClosed = add("print-closed", "print(");
    ProgramStep print = add("print", "print(");
    ProgramStep close = add("close", ".close(");
} Client;

void timeoutClient(ProgramContext &ctx)
{
    ctx.at(Client.socket);          Socket tcpCliSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Client.connect);         orRaise(tcpCliSock.connect(ctx.address("host", "port")));
    ctx.at(Client.nonBlocking);     tcpCliSock.setBlocking(false);
    ctx.at(Client.recvNow);
    if (const auto e = except(tcpCliSock.recv(kBufsiz), Python::BlockingIOError)) {
        ctx.at(Client.printBlocking);  ctx.print(e->pythonString());
    }

    ctx.at(Client.settimeout);      orRaise(tcpCliSock.setTimeout(kTimeoutSeconds));
    ctx.at(Client.printTimeout);    ctx.print("gettimeout(): " + std::string(tcpCliSock.timeout() ? "2.0" : "None"));
    for (;;) {
        ctx.at(Client.input);       const std::optional<std::string> data = ctx.readLine("> ");
        ctx.at(Client.checkInput);  if (!data || data->empty()) break;
        ctx.at(Client.send);        orRaise(tcpCliSock.send(*data));
        Bytes reply;
        for (;;) {  // try: reply = recv(BUFSIZ); break / except timeout as e: print(...)
            ctx.at(Client.recv);
            Result<Bytes> received = tcpCliSock.recv(kBufsiz);
            if (const auto e = except(received, Python::TimeoutError)) {
                ctx.at(Client.printTimedOut);  ctx.print(e->pythonString());
                continue;
            }
            reply = std::move(received).value();
            break;
        }
        ctx.at(Client.checkReply);
        if (reply.empty()) {
            ctx.at(Client.printClosed);  ctx.print("the server closed the connection");
            break;
        }
        ctx.at(Client.print);       ctx.print(reply);
    }
    ctx.at(Client.close);           orRaise(tcpCliSock.close());
}

} // namespace

SOCKETLAB_PROGRAMS(BlockingTimeouts)
{
    programs.add({"blocking-timeouts-server",
                  "selectserver.py: accept() in non-blocking mode (BlockingIOError) and with settimeout(2.0) (TimeoutError), then one thread serving every client with select(), answering each line timestamped.",
                  Server,
                  {{"host", "address to bind"},
                   {"port", "port to bind (0: the kernel chooses; published as \"port\" once both accept() calls have failed)"}},
                  selectServer});
    programs.add({"blocking-timeouts-client",
                  "client.py: recv() in non-blocking mode (BlockingIOError), then tsTclnt with settimeout(2.0): a recv() that times out tries again until the reply or b'' comes.",
                  Client,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"}},
                  timeoutClient});
}
