// The intro lesson's programs: what a socket is. sockets.py makes one socket of each family
// and type and binds each (port 0 or a file), then tries a port below 1024; tcp_pair.py and
// udp_pair.py put a connection-oriented pair beside a connectionless one. Each keeps its
// sockets open at input() so the socket table shows them.
#include <Program.h>
#include <kit/PythonSocketModule.h>
#include <kit/PythonText.h>

#include <HostFacts.h>
#include <PrivateFolder.h>

#include <sys/socket.h>

#include <array>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const struct : StepTable {
    ProgramStep mkdtemp = add("mkdtemp", "tempfile.mkdtemp(");
    ProgramStep tcp4 = add("tcp4", "tcp4 = socket(");
    ProgramStep tcp4Bind = add("tcp4-bind", "tcp4.bind(");
    ProgramStep udp4 = add("udp4", "udp4 = socket(");
    ProgramStep udp4Bind = add("udp4-bind", "udp4.bind(");
    ProgramStep tcp6 = add("tcp6", "tcp6 = socket(");
    ProgramStep tcp6Bind = add("tcp6-bind", "tcp6.bind(");
    ProgramStep udp6 = add("udp6", "udp6 = socket(");
    ProgramStep udp6Bind = add("udp6-bind", "udp6.bind(");
    ProgramStep ustream = add("ustream", "ustream = socket(");
    ProgramStep ustreamBind = add("ustream-bind", "ustream.bind(");
    ProgramStep udgram = add("udgram", "udgram = socket(");
    ProgramStep udgramBind = add("udgram-bind", "udgram.bind(");
    ProgramStep printEach = add("print-each", "print(s.fileno()");
    ProgramStep ephemeral = add("ephemeral", "ip_local_port_range");
    ProgramStep privileged = add("privileged", "ip_unprivileged_port_start");
    ProgramStep low = add("low", "low = socket(");
    ProgramStep lowBind = add("low-bind", "low.bind(");
    ProgramStep printBound = add("print-bound", "print('bound'");
    ProgramStep printRefused = add("print-refused", "print(type(e).__name__");
    ProgramStep input = add("input", "input(");
    ProgramStep close = add("close", "s.close()");
    ProgramStep rmtree = add("rmtree", "shutil.rmtree(");
} Sockets;

// open('/proc/sys/' + name).read(), or the OSError Python would raise.
std::string kernelSetting(const char *name)
{
    return orRaise(readKernelSetting(name));
}

std::string joined(const std::vector<std::string> &words)
{
    std::string out;
    for (const std::string &w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

void sockets(ProgramContext &ctx)
{
    ctx.at(Sockets.mkdtemp);       PrivateFolder FOLDER = orRaise(PrivateFolder::create("socketlab-"));
    const int WELL_KNOWN = static_cast<int>(ctx.integer("wellknown"));

    ctx.at(Sockets.tcp4);          Socket tcp4 = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Sockets.tcp4Bind);      orRaise(tcp4.bind(python::ipAddress("127.0.0.1", 0)));
    ctx.at(Sockets.udp4);          Socket udp4 = ctx.socket(AF_INET, SOCK_DGRAM);
    ctx.at(Sockets.udp4Bind);      orRaise(udp4.bind(python::ipAddress("127.0.0.1", 0)));
    ctx.at(Sockets.tcp6);          Socket tcp6 = ctx.socket(AF_INET6, SOCK_STREAM);
    ctx.at(Sockets.tcp6Bind);      orRaise(tcp6.bind(python::ipAddress("::1", 0)));
    ctx.at(Sockets.udp6);          Socket udp6 = ctx.socket(AF_INET6, SOCK_DGRAM);
    ctx.at(Sockets.udp6Bind);      orRaise(udp6.bind(python::ipAddress("::1", 0)));
    ctx.at(Sockets.ustream);       Socket ustream = ctx.socket(AF_UNIX, SOCK_STREAM);
    ctx.at(Sockets.ustreamBind);   orRaise(ustream.bind(python::unixAddress(FOLDER.path() + "/stream.sock")));
    ctx.at(Sockets.udgram);        Socket udgram = ctx.socket(AF_UNIX, SOCK_DGRAM);
    ctx.at(Sockets.udgramBind);    orRaise(udgram.bind(python::unixAddress(FOLDER.path() + "/dgram.sock")));

    for (Socket *s : {&tcp4, &udp4, &tcp6, &udp6, &ustream, &udgram}) {
        ctx.at(Sockets.printEach);
        ctx.print(std::to_string(s->fileno()) + " " + python::familyName(s->family()) + " " + python::typeName(s->type())
                  + " " + python::str(orRaise(s->getSockName())));
    }
    ctx.at(Sockets.ephemeral);
    ctx.print("ephemeral ports: " + joined(python::split(kernelSetting("net/ipv4/ip_local_port_range"))));
    ctx.at(Sockets.privileged);
    ctx.print("ports below " + joined(python::split(kernelSetting("net/ipv4/ip_unprivileged_port_start"))) + " need privilege");

    ctx.at(Sockets.low);           Socket low = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Sockets.lowBind);       const Status bound = low.bind(python::ipAddress("127.0.0.1", WELL_KNOWN));
    if (const auto e = python::except(bound, python::Except::PermissionError)) {
        ctx.at(Sockets.printRefused);  ctx.print(e->pythonString());
    } else {
        ctx.at(Sockets.printBound);
        ctx.print("bound " + orRaise(low.getSockName()).pythonRepr() + " as uid " + std::to_string(effectiveUid()));
    }

    ctx.at(Sockets.input);         (void)ctx.readLine("Enter closes them all> ");
    for (Socket *s : {&tcp4, &udp4, &tcp6, &udp6, &ustream, &udgram, &low}) {
        ctx.at(Sockets.close);     (void)s->close();
    }
    ctx.at(Sockets.rmtree);        orRaise(FOLDER.remove());
}

const struct : StepTable {
    ProgramStep listener = add("listener", "listener = socket(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep client = add("client", "client = socket(");
    ProgramStep printBefore = add("print-before", "print('client before");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep printAfter = add("print-after", "print('client after");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep printAccepted = add("print-accepted", "print('accepted'");
    ProgramStep send = add("send", ".send(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep input = add("input", "input(");
    ProgramStep closeClient = add("close-client", "client.close(");
    ProgramStep closeConn = add("close-conn", "conn.close(");
    ProgramStep closeListener = add("close-listener", "listener.close(");
} TcpPair;

void tcpPair(ProgramContext &ctx)
{
    ctx.at(TcpPair.listener);       Socket listener = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(TcpPair.bind);           orRaise(listener.bind(python::ipAddress("127.0.0.1", 0)));
    ctx.at(TcpPair.listen);         orRaise(listener.listen(5));
    ctx.at(TcpPair.client);         Socket client = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(TcpPair.printBefore);    ctx.print("client before connect(): " + orRaise(client.getSockName()).pythonRepr());
    ctx.at(TcpPair.connect);        orRaise(client.connect(orRaise(listener.getSockName())));
    ctx.at(TcpPair.printAfter);     ctx.print("client after connect():  " + orRaise(client.getSockName()).pythonRepr());
    ctx.at(TcpPair.accept);         Accepted accepted = orRaise(listener.accept());
    Socket conn = std::move(accepted.socket);
    ctx.at(TcpPair.printAccepted);
    ctx.print("accepted " + accepted.address.pythonRepr() + " on " + orRaise(conn.getSockName()).pythonRepr());
    ctx.at(TcpPair.send);           orRaise(client.send("hello"));
    ctx.at(TcpPair.recv);           ctx.print(python::bytesRepr(orRaise(conn.recv(1024))));

    ctx.at(TcpPair.input);          (void)ctx.readLine("Enter closes the connection> ");
    ctx.at(TcpPair.closeClient);    (void)client.close();
    ctx.at(TcpPair.closeConn);      (void)conn.close();
    ctx.at(TcpPair.closeListener);  (void)listener.close();
}

const struct : StepTable {
    ProgramStep receiver = add("receiver", "receiver = socket(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep sender = add("sender", "sender = socket(");
    ProgramStep printBefore = add("print-before", "print('sender before");
    ProgramStep sendto = add("sendto", ".sendto(");
    ProgramStep printAfter = add("print-after", "print('sender after");
    ProgramStep recvfrom = add("recvfrom", ".recvfrom(");
    ProgramStep print = add("print", "print(data");
    ProgramStep input = add("input", "input(");
    ProgramStep closeSender = add("close-sender", "sender.close(");
    ProgramStep closeReceiver = add("close-receiver", "receiver.close(");
} UdpPair;

void udpPair(ProgramContext &ctx)
{
    ctx.at(UdpPair.receiver);       Socket receiver = ctx.socket(AF_INET, SOCK_DGRAM);
    ctx.at(UdpPair.bind);           orRaise(receiver.bind(python::ipAddress("127.0.0.1", 0)));
    ctx.at(UdpPair.sender);         Socket sender = ctx.socket(AF_INET, SOCK_DGRAM);
    ctx.at(UdpPair.printBefore);    ctx.print("sender before sendto(): " + orRaise(sender.getSockName()).pythonRepr());
    ctx.at(UdpPair.sendto);         orRaise(sender.sendTo("hello", orRaise(receiver.getSockName())));
    ctx.at(UdpPair.printAfter);     ctx.print("sender after sendto():  " + orRaise(sender.getSockName()).pythonRepr());
    ctx.at(UdpPair.recvfrom);       const Datagram datagram = orRaise(receiver.recvFrom(1024));
    ctx.at(UdpPair.print);          ctx.print(python::bytesRepr(datagram.data) + " from " + python::str(datagram.from));

    ctx.at(UdpPair.input);          (void)ctx.readLine("Enter closes both> ");
    ctx.at(UdpPair.closeSender);    (void)sender.close();
    ctx.at(UdpPair.closeReceiver);  (void)receiver.close();
}

} // namespace

SOCKETLAB_PROGRAMS(Intro)
{
    programs.add({"intro-sockets",
                  "sockets.py: one socket of each family (AF_INET, AF_INET6, AF_UNIX) and type (SOCK_STREAM, SOCK_DGRAM), each bound (port 0 on loopback, or a file in a private folder) and printed with its descriptor; the kernel's port ranges; a bind below 1024. Waits at input() with its sockets open.",
                  Sockets, {{"wellknown", "the port below 1024 it tries to bind on 127.0.0.1"}}, sockets});
    programs.add({"intro-tcp-pair",
                  "tcp_pair.py: a listener and a client in one program: the client's port before and after connect(), accept(), one send/recv. Waits at input() with the connection open.",
                  TcpPair, {}, tcpPair});
    programs.add({"intro-udp-pair",
                  "udp_pair.py: a receiver and a sender in one program: the sender's port before and after its first sendto(), one datagram. Waits at input() with both sockets open.",
                  UdpPair, {}, udpPair});
}
