// The ipv6-unix lesson's programs. server6.py serves on an AF_INET6 socket, IPV6_V6ONLY set
// as chosen (loopback by default: '::1', or IPv4 loopback as '::ffff:127.0.0.1'); client.py
// connects the way socket.create_connection() does, trying each address of getaddrinfo() in
// turn and printing each attempt's outcome; unix.py shows Unix stream and datagram sockets on
// files in a private folder, the file a closed socket leaves behind, and socketpair().
#include <Program.h>
#include <kit/PythonSocketModule.h>
#include <kit/PythonText.h>

#include <NameResolution.h>
#include <PrivateFolder.h>

#include <netinet/in.h>
#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(AF_INET6");
    ProgramStep reuse = add("reuse", ".setsockopt(SOL_SOCKET");
    ProgramStep v6only = add("v6only", "IPV6_V6ONLY, V6ONLY)");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep printListening = add("print-listening", "print('listening");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep printConnected = add("print-connected", "print('...connected");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep close = add("close", "conn.close(");
} Server6;

void server6(ProgramContext &ctx)
{
    const SocketAddress ADDR = python::ipAddress(ctx.param("host"), static_cast<int>(ctx.integer("port")));
    if (ADDR.family() != AF_INET6)  // HOST is one of the lab's IPv6 choices; a socket of the other family would fail bind()
        throw socketserver::SocketException(SocketError::fromErrno(EAFNOSUPPORT));
    ctx.at(Server6.socket);   Socket tcpSerSock = ctx.socket(AF_INET6, SOCK_STREAM);
    ctx.at(Server6.reuse);    orRaise(tcpSerSock.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
    ctx.at(Server6.v6only);   orRaise(tcpSerSock.setOption(IPPROTO_IPV6, IPV6_V6ONLY, static_cast<int>(ctx.integer("v6only"))));
    ctx.at(Server6.bind);     orRaise(tcpSerSock.bind(ADDR));
    ctx.at(Server6.listen);   orRaise(tcpSerSock.listen(5));
    ctx.publishPort(tcpSerSock);
    ctx.at(Server6.printListening);  ctx.print("listening on " + orRaise(tcpSerSock.getSockName()).pythonRepr());

    for (;;) {
        ctx.at(Server6.accept);          Accepted accepted = orRaise(tcpSerSock.accept());
        Socket conn = std::move(accepted.socket);
        ctx.at(Server6.printConnected);  ctx.print("...connected from: " + accepted.address.pythonRepr());
        ctx.at(Server6.sendall);         orRaise(conn.sendAll("hello, " + accepted.address.host()));
        ctx.at(Server6.close);           (void)conn.close();
    }
}

const struct : StepTable {
    ProgramStep getaddrinfo = add("getaddrinfo", "getaddrinfo(HOST");
    ProgramStep socket = add("socket", "s = socket(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep printFailed = add("print-failed", "print(addr, '->', type(e)");
    ProgramStep closeFailed = add("close-failed", "s.close()");
    ProgramStep printConnected = add("print-connected", "'-> connected from'");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep close = add("close", "s.close()");
} Client;

// HOST = None or HOST = 'name': the parameter is the Python literal the listing shows.
std::optional<std::string> hostLiteral(const std::string &literal)
{
    if (literal == "None")
        return std::nullopt;
    if (literal.size() >= 2 && (literal.front() == '\'' || literal.front() == '"') && literal.back() == literal.front())
        return literal.substr(1, literal.size() - 2);
    return literal;
}

void addressListClient(ProgramContext &ctx)
{
    const std::optional<std::string> HOST = hostLiteral(ctx.param("host"));
    const std::string PORT = ctx.param("port");

    ctx.at(Client.getaddrinfo);
    for (const AddressInfo &info : orRaise(getaddrinfo(HOST, PORT, 0, SOCK_STREAM))) {
        ctx.at(Client.socket);   Socket s = ctx.socket(info.family, info.type);
        ctx.at(Client.connect);  const Status connected = s.connect(info.address);
        if (const auto e = python::except(connected, python::Except::OSError)) {
            ctx.at(Client.printFailed);  ctx.print(info.address.pythonRepr() + " -> " + e->pythonString());
            ctx.at(Client.closeFailed);  (void)s.close();
            continue;
        }
        ctx.at(Client.printConnected);
        ctx.print(info.address.pythonRepr() + " -> connected from " + orRaise(s.getSockName()).pythonRepr());
        ctx.at(Client.recv);   ctx.print(python::bytesRepr(orRaise(s.recv(1024))));
        ctx.at(Client.close);  (void)s.close();
        break;
    }
}

const struct : StepTable {
    ProgramStep mkdtemp = add("mkdtemp", "tempfile.mkdtemp(");
    ProgramStep serverSocket = add("server-socket", "stream_server = socket(");
    ProgramStep serverBind = add("server-bind", "stream_server.bind(");
    ProgramStep listen = add("listen", "stream_server.listen(");
    ProgramStep clientSocket = add("client-socket", "stream_client = socket(");
    ProgramStep connect = add("connect", "stream_client.connect(");
    ProgramStep accept = add("accept", "stream_server.accept(");
    ProgramStep printAccepted = add("print-accepted", "print('accepted from'");
    ProgramStep sendall = add("sendall", "stream_client.sendall(");
    ProgramStep recv = add("recv", "conn.recv(");
    ProgramStep inputStream = add("input-stream", "input('Enter closes the stream");
    ProgramStep closeConn = add("close-conn", "conn.close(");
    ProgramStep closeClient = add("close-client", "stream_client.close(");
    ProgramStep closeServer = add("close-server", "stream_server.close(");
    ProgramStep exists = add("exists", "os.path.exists(");
    ProgramStep again = add("again", "again = socket(");
    ProgramStep bindLeftover = add("bind-leftover", "again.bind(");
    ProgramStep printError = add("print-error", "print(type(e).__name__");
    ProgramStep unlink = add("unlink", "os.unlink(");
    ProgramStep bindAgain = add("bind-again", "again.bind(");
    ProgramStep printBound = add("print-bound", "print('bound'");
    ProgramStep closeAgain = add("close-again", "again.close(");
    ProgramStep dgramServer = add("dgram-server", "dgram_server = socket(");
    ProgramStep dgramServerBind = add("dgram-server-bind", "dgram_server.bind(");
    ProgramStep dgramClient = add("dgram-client", "dgram_client = socket(");
    ProgramStep dgramClientBind = add("dgram-client-bind", "dgram_client.bind(");
    ProgramStep sendto = add("sendto", "dgram_client.sendto(");
    ProgramStep recvfrom = add("recvfrom", "dgram_server.recvfrom(");
    ProgramStep printDatagram = add("print-datagram", "print(data, 'from'");
    ProgramStep reply = add("reply", "dgram_server.sendto(");
    ProgramStep recvReply = add("recv-reply", "dgram_client.recvfrom(");
    ProgramStep closeDgramClient = add("close-dgram-client", "dgram_client.close(");
    ProgramStep closeDgramServer = add("close-dgram-server", "dgram_server.close(");
    ProgramStep socketpair = add("socketpair", "= socketpair(");
    ProgramStep pairSend = add("pair-send", "a.sendall(");
    ProgramStep pairRecv = add("pair-recv", "b.recv(");
    ProgramStep inputPair = add("input-pair", "input('Enter closes the pair");
    ProgramStep closeA = add("close-a", "a.close(");
    ProgramStep closeB = add("close-b", "b.close(");
    ProgramStep rmtree = add("rmtree", "shutil.rmtree(");
} Unix;

void unixSockets(ProgramContext &ctx)
{
    ctx.at(Unix.mkdtemp);        PrivateFolder FOLDER = orRaise(PrivateFolder::create("socketlab-"));
    const std::string PATH = FOLDER.path() + "/stream.sock";

    ctx.at(Unix.serverSocket);   Socket stream_server = ctx.socket(AF_UNIX, SOCK_STREAM);
    ctx.at(Unix.serverBind);     orRaise(stream_server.bind(python::unixAddress(PATH)));
    ctx.at(Unix.listen);         orRaise(stream_server.listen(1));
    ctx.at(Unix.clientSocket);   Socket stream_client = ctx.socket(AF_UNIX, SOCK_STREAM);
    ctx.at(Unix.connect);        orRaise(stream_client.connect(python::unixAddress(PATH)));
    ctx.at(Unix.accept);         Accepted accepted = orRaise(stream_server.accept());
    Socket conn = std::move(accepted.socket);
    ctx.at(Unix.printAccepted);  ctx.print("accepted from " + accepted.address.pythonRepr());
    ctx.at(Unix.sendall);        orRaise(stream_client.sendAll("over a file"));
    ctx.at(Unix.recv);           ctx.print(python::bytesRepr(orRaise(conn.recv(1024))));
    ctx.at(Unix.inputStream);    (void)ctx.readLine("Enter closes the stream sockets> ");
    ctx.at(Unix.closeConn);      (void)conn.close();
    ctx.at(Unix.closeClient);    (void)stream_client.close();
    ctx.at(Unix.closeServer);    (void)stream_server.close();
    ctx.at(Unix.exists);         ctx.print(pathExists(PATH) ? "True" : "False");

    ctx.at(Unix.again);          Socket again = ctx.socket(AF_UNIX, SOCK_STREAM);
    ctx.at(Unix.bindLeftover);
    if (const auto e = python::except(again.bind(python::unixAddress(PATH)), python::Except::OSError)) {
        ctx.at(Unix.printError);  ctx.print(e->pythonString());
    }
    ctx.at(Unix.unlink);         orRaise(unlinkPath(PATH));
    ctx.at(Unix.bindAgain);      orRaise(again.bind(python::unixAddress(PATH)));
    ctx.at(Unix.printBound);     ctx.print("bound " + python::str(orRaise(again.getSockName())));
    ctx.at(Unix.closeAgain);     (void)again.close();

    const SocketAddress serverPath = python::unixAddress(FOLDER.path() + "/dgram.sock");
    ctx.at(Unix.dgramServer);      Socket dgram_server = ctx.socket(AF_UNIX, SOCK_DGRAM);
    ctx.at(Unix.dgramServerBind);  orRaise(dgram_server.bind(serverPath));
    ctx.at(Unix.dgramClient);      Socket dgram_client = ctx.socket(AF_UNIX, SOCK_DGRAM);
    ctx.at(Unix.dgramClientBind);  orRaise(dgram_client.bind(python::unixAddress(FOLDER.path() + "/client.sock")));
    ctx.at(Unix.sendto);           orRaise(dgram_client.sendTo("ping", serverPath));
    ctx.at(Unix.recvfrom);         const Datagram ping = orRaise(dgram_server.recvFrom(1024));
    ctx.at(Unix.printDatagram);    ctx.print(python::bytesRepr(ping.data) + " from " + python::str(ping.from));
    ctx.at(Unix.reply);            orRaise(dgram_server.sendTo("pong", ping.from));
    ctx.at(Unix.recvReply);        const Datagram pong = orRaise(dgram_client.recvFrom(1024));
    ctx.print("(" + python::bytesRepr(pong.data) + ", " + pong.from.pythonRepr() + ")");
    ctx.at(Unix.closeDgramClient);  (void)dgram_client.close();
    ctx.at(Unix.closeDgramServer);  (void)dgram_server.close();

    ctx.at(Unix.socketpair);     auto [a, b] = orRaise(Socket::pair(AF_UNIX, SOCK_STREAM, 0, ctx.socketContext()));
    ctx.at(Unix.pairSend);       orRaise(a.sendAll("no name needed"));
    ctx.at(Unix.pairRecv);       ctx.print(python::bytesRepr(orRaise(b.recv(1024))));
    ctx.at(Unix.inputPair);      (void)ctx.readLine("Enter closes the pair> ");
    ctx.at(Unix.closeA);         (void)a.close();
    ctx.at(Unix.closeB);         (void)b.close();
    ctx.at(Unix.rmtree);         orRaise(FOLDER.remove());
}

} // namespace

SOCKETLAB_PROGRAMS(Ipv6Unix)
{
    programs.add({"ipv6-server",
                  "server6.py: a TCP server on an AF_INET6 socket with IPV6_V6ONLY as chosen; prints each client's 4-tuple address and greets it with its own host.",
                  Server6,
                  {{"host", "the IPv6 address to bind ('::1', '::ffff:127.0.0.1' for IPv4 loopback, or '::' for every interface)"},
                   {"port", "port to bind (0: the kernel chooses; published as \"port\")"},
                   {"v6only", "IPV6_V6ONLY: 1 IPv6 only, 0 IPv4 clients too as ::ffff:a.b.c.d"}},
                  server6});
    programs.add({"address-list-client",
                  "client.py: socket.create_connection() written out: getaddrinfo(HOST, PORT), then socket() and connect() for each address in turn, printing each outcome, until one connects; prints the greeting.",
                  Client,
                  {{"host", "a Python literal: None (this machine's loopback addresses) or a quoted name or address"},
                   {"port", "server port"}},
                  addressListClient});
    programs.add({"unix-sockets",
                  "unix.py: a Unix stream server and client on a file in a private folder; the file a closed socket leaves makes the next bind fail with Errno 98 until unlinked; a datagram server and client, each bound to a path; socketpair(). Waits at input() while the stream and the pair are connected.",
                  Unix, {}, unixSockets});
}
