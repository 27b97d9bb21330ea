// The send-vs-sendall lab: a receiver that reads nothing until the learner lets it, and a
// sender with a small send buffer that learns what one send() takes - with a timeout, in
// non-blocking mode until BlockingIOError, and then sendall(), which waits until the
// receiver makes room and has taken every byte.
#include <Program.h>
#include <kit/PythonExcept.h>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep reuseAddress = add("setsockopt-reuse", ".setsockopt(");
    ProgramStep receiveBuffer = add("setsockopt-rcvbuf", ".setsockopt(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep printConnected = add("print-connected", "print(");
    ProgramStep startReading = add("start-reading", "input(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkData = add("check-data", "if not data");
    ProgramStep printRecv = add("print-recv", "print(");
    ProgramStep printTotal = add("print-total", "print(");
    ProgramStep closeConnection = add("close-conn", "conn.close(");
    ProgramStep close = add("close", "s.close(");
} Receiver;

void receiver(ProgramContext &ctx)
{
    const std::size_t bufsiz = ctx.size("bufsize");
    ctx.at(Receiver.socket);           Socket s = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Receiver.reuseAddress);     orRaise(s.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
    ctx.at(Receiver.receiveBuffer);    orRaise(s.setOption(SOL_SOCKET, SO_RCVBUF, static_cast<int>(ctx.integer("rcvbuf"))));
    ctx.at(Receiver.bind);             orRaise(s.bind(ctx.address("host", "port")));
    ctx.at(Receiver.listen);           orRaise(s.listen(1));
    ctx.publishPort(s);
    ctx.at(Receiver.accept);           Accepted accepted = orRaise(s.accept());
    Socket conn = std::move(accepted.socket);
    ctx.at(Receiver.printConnected);   ctx.print("...connected from: " + accepted.address.pythonRepr());

    ctx.at(Receiver.startReading);     (void)ctx.readLine("Press Enter to start reading ");
    std::size_t total = 0;
    for (;;) {
        ctx.at(Receiver.recv);         const Bytes data = orRaise(conn.recv(bufsiz));
        ctx.at(Receiver.checkData);    if (data.empty()) break;
        total += data.size();
        ctx.at(Receiver.printRecv);
        ctx.print("recv(" + std::to_string(bufsiz) + ") returned " + std::to_string(data.size()) + " bytes");
    }
    ctx.at(Receiver.printTotal);       ctx.print("received " + std::to_string(total) + " bytes in all");
    ctx.at(Receiver.closeConnection);  orRaise(conn.close());
    ctx.at(Receiver.close);            orRaise(s.close());
}

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(");
    ProgramStep sendBuffer = add("setsockopt", ".setsockopt(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep printBuffer = add("print-sndbuf", "getsockopt(");
    ProgramStep settimeout = add("settimeout", ".settimeout(");
    ProgramStep send = add("send", ".send(");
    ProgramStep printSent = add("print-sent", "print(");
    ProgramStep nonBlocking = add("setblocking-false", ".setblocking(False)");
    ProgramStep sendMore = add("send-more", ".send(");
    ProgramStep printBlocking = add("print-blocking", "print(");
    ProgramStep blocking = add("setblocking-true", ".setblocking(True)");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep printDone = add("print-done", "print(");
    ProgramStep close = add("close", ".close(");
} Sender;

void sender(ProgramContext &ctx)
{
    const std::size_t size = ctx.size("size");
    const Bytes data(size, 'x');  // b'x' * SIZE
    ctx.at(Sender.socket);         Socket s = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Sender.sendBuffer);     orRaise(s.setOption(SOL_SOCKET, SO_SNDBUF, static_cast<int>(ctx.integer("sndbuf"))));
    ctx.at(Sender.connect);        orRaise(s.connect(ctx.address("host", "port")));
    ctx.at(Sender.printBuffer);    ctx.print("SO_SNDBUF: " + std::to_string(orRaise(s.option(SOL_SOCKET, SO_SNDBUF))));

    ctx.at(Sender.settimeout);     orRaise(s.setTimeout(2.0));
    ctx.at(Sender.send);           std::size_t sent = orRaise(s.send(data));
    ctx.at(Sender.printSent);
    ctx.print("send() took " + std::to_string(sent) + " of " + std::to_string(size) + " bytes");

    ctx.at(Sender.nonBlocking);    s.setBlocking(false);
    for (;;) {  // try: while True: ... except BlockingIOError as e:
        ctx.at(Sender.sendMore);
        const Result<std::size_t> more = s.send(std::string_view(data).substr(sent));
        if (const auto e = except(more, Python::BlockingIOError)) {
            ctx.at(Sender.printBlocking);
            ctx.print(e->pythonString() + " - sent " + std::to_string(sent) + " so far");
            break;
        }
        sent += *more;
    }

    ctx.at(Sender.blocking);       s.setBlocking(true);
    ctx.at(Sender.sendall);        orRaise(s.sendAll(std::string_view(data).substr(sent)));
    ctx.at(Sender.printDone);
    ctx.print("sendall() returned: all " + std::to_string(size) + " bytes are in the kernel");
    ctx.at(Sender.close);          orRaise(s.close());
}

} // namespace

SOCKETLAB_PROGRAMS(SendVsSendall)
{
    programs.add({"send-vs-sendall-receiver",
                  "receiver.py: SO_RCVBUF set small before listen(), one connection accepted, nothing read until the learner presses Enter; then recv(BUFSIZ) until b'', printing what each returned.",
                  Receiver,
                  {{"host", "address to bind"}, {"port", "port to bind (0: the kernel chooses; published as \"port\")"},
                   {"rcvbuf", "SO_RCVBUF asked for the listening socket (the connection inherits it)"},
                   {"bufsize", "BUFSIZ: most bytes one recv() returns"}},
                  receiver});
    programs.add({"send-vs-sendall-sender",
                  "sender.py: SIZE bytes with a small SO_SNDBUF: one send() with a timeout, send() in non-blocking mode until BlockingIOError, then sendall() of the rest.",
                  Sender,
                  {{"host", "receiver host (a name is resolved)"}, {"port", "receiver port"},
                   {"size", "SIZE: how many bytes to send"}, {"sndbuf", "SO_SNDBUF asked for"}},
                  sender});
}
