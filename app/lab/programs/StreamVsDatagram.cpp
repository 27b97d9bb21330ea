// The stream-vs-datagram lesson's programs: a sender that sends the same three messages as
// three sendall() calls on a TCP stream and as three UDP datagrams, framed by a newline or
// by a 2-byte length prefix; and a receiver that reads the stream with the reader READ
// chooses (each recv() as it comes, a naive line reader, a buffering line reader, or a
// length-prefix reader), then the three datagrams with recvfrom().
#include <Program.h>
#include <kit/PythonText.h>

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <string>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const std::array<const char *, 3> MESSAGES = {"first message", "second", "and the third one"};

const struct : StepTable {
    ProgramStep pack = add("pack", "struct.pack(");
    ProgramStep newline = add("newline", "data + b'\\n'");
    ProgramStep tcpSocket = add("tcp-socket", "socket(AF_INET, SOCK_STREAM)");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep udpSocket = add("udp-socket", "socket(AF_INET, SOCK_DGRAM)");
    ProgramStep frame = add("frame", "frame(text)");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep sendto = add("sendto", ".sendto(");
    ProgramStep tcpClose = add("tcp-close", "tcpSock.close(");
    ProgramStep udpClose = add("udp-close", "udpSock.close(");
} Sender;

// def frame(text): the message's bytes with what tells the reader where they end.
python::Bytes frame(ProgramContext &ctx, const std::string &text, bool lengthPrefix)
{
    const python::Bytes data = text;  // text.encode('utf-8'): the messages are ASCII
    if (lengthPrefix) {
        ctx.at(Sender.pack);
        const auto n = static_cast<unsigned>(data.size());  // struct.pack('>H', n): big-endian
        return python::Bytes{static_cast<char>((n >> 8) & 0xff), static_cast<char>(n & 0xff)} + data;
    }
    ctx.at(Sender.newline);
    return data + '\n';
}

void sender(ProgramContext &ctx)
{
    const SocketAddress ADDR = ctx.address("host", "port");
    const bool lengthPrefix = ctx.param("framing") == "length";
    ctx.at(Sender.tcpSocket);  Socket tcpSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Sender.connect);    orRaise(tcpSock.connect(ADDR));
    ctx.at(Sender.udpSocket);  Socket udpSock = ctx.socket(AF_INET, SOCK_DGRAM);
    for (const char *text : MESSAGES) {
        ctx.at(Sender.frame);    const python::Bytes data = frame(ctx, text, lengthPrefix);
        ctx.at(Sender.sendall);  orRaise(tcpSock.sendAll(data));
        ctx.at(Sender.sendto);   orRaise(udpSock.sendTo(data, ADDR));
    }
    ctx.at(Sender.tcpClose);  (void)tcpSock.close();
    ctx.at(Sender.udpClose);  (void)udpSock.close();
}

const struct : StepTable {
    ProgramStep chunksRecv = add("chunks-recv", ".recv(");
    ProgramStep chunksPrint = add("chunks-print", "print(");
    ProgramStep naiveRecv = add("naive-recv", ".recv(");
    ProgramStep naivePrint = add("naive-print", "print(");
    ProgramStep linesRecv = add("lines-recv", ".recv(");
    ProgramStep linesSplit = add("lines-split", ".split(b'\\n', 1)");
    ProgramStep linesPrint = add("lines-print", "print(");
    ProgramStep exactlyRecv = add("exactly-recv", ".recv(");
    ProgramStep unpack = add("unpack", "struct.unpack(");
    ProgramStep body = add("body", "recv_exactly(conn, n)");
    ProgramStep prefixPrint = add("prefix-print", "print(");
    ProgramStep tcpSocket = add("tcp-socket", "socket(AF_INET, SOCK_STREAM)");
    ProgramStep setsockopt = add("setsockopt", ".setsockopt(");
    ProgramStep bind = add("bind", "tcpSock.bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep udpSocket = add("udp-socket", "socket(AF_INET, SOCK_DGRAM)");
    ProgramStep udpBind = add("udp-bind", "udpSock.bind(");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep read = add("read", "READ(conn)");
    ProgramStep closeConn = add("close-conn", "conn.close(");
    ProgramStep recvfrom = add("recvfrom", ".recvfrom(");
    ProgramStep printDatagram = add("print-datagram", "print(");
    ProgramStep udpClose = add("udp-close", "udpSock.close(");
    ProgramStep tcpClose = add("tcp-close", "tcpSock.close(");
} Receiver;

// The four readers of receiver.py, each a function of the listing.
class Readers {
public:
    Readers(ProgramContext &ctx, Socket &conn, std::size_t bufsiz) : m_ctx(ctx), m_conn(conn), m_bufsiz(bufsiz) {}

    void chunks()  // read_chunks: every recv() as it comes
    {
        for (;;) {
            m_ctx.at(Receiver.chunksRecv);   const python::Bytes data = orRaise(m_conn.recv(m_bufsiz));
            if (data.empty())
                break;
            m_ctx.at(Receiver.chunksPrint);  m_ctx.print("recv -> " + python::bytesRepr(data));
        }
    }

    void linesNaive()  // read_lines_naive: takes every recv() for whole lines
    {
        for (;;) {
            m_ctx.at(Receiver.naiveRecv);  const python::Bytes data = orRaise(m_conn.recv(m_bufsiz));
            if (data.empty())
                break;
            for (const std::string &line : python::splitlines(data)) {
                m_ctx.at(Receiver.naivePrint);  m_ctx.print("line: " + line);
            }
        }
    }

    void lines()  // read_lines: keeps what follows the last b'\n' for the next recv()
    {
        python::Bytes pending;
        for (;;) {
            m_ctx.at(Receiver.linesRecv);  const python::Bytes data = orRaise(m_conn.recv(m_bufsiz));
            if (data.empty())
                break;
            pending += data;
            for (std::size_t end = pending.find('\n'); end != python::Bytes::npos; end = pending.find('\n')) {
                m_ctx.at(Receiver.linesSplit);  const python::Bytes line = pending.substr(0, end);
                pending.erase(0, end + 1);
                m_ctx.at(Receiver.linesPrint);  m_ctx.print("line: " + line);
            }
        }
    }

    void lengthPrefixed()  // read_length_prefixed: 2 bytes of length, then that many bytes
    {
        for (;;) {
            const python::Bytes header = exactly(2);
            if (header.empty())
                break;
            m_ctx.at(Receiver.unpack);
            const std::size_t n = (std::size_t(static_cast<unsigned char>(header[0])) << 8) | static_cast<unsigned char>(header[1]);
            m_ctx.at(Receiver.body);         const python::Bytes body = exactly(n);
            m_ctx.at(Receiver.prefixPrint);  m_ctx.print("message: " + body);
        }
    }

private:
    python::Bytes exactly(std::size_t n)  // recv_exactly(conn, n): b'' if the stream ends first
    {
        python::Bytes data;
        while (data.size() < n) {
            m_ctx.at(Receiver.exactlyRecv);
            const python::Bytes more = orRaise(m_conn.recv(std::min(m_bufsiz, n - data.size())));
            if (more.empty())
                return {};
            data += more;
        }
        return data;
    }

    ProgramContext &m_ctx;
    Socket &m_conn;
    const std::size_t m_bufsiz;
};

void receiver(ProgramContext &ctx)
{
    const SocketAddress ADDR = ctx.address("host", "port");
    const std::size_t bufsiz = ctx.size("bufsize");  // BUFSIZ (a C macro name)
    const std::string READ = ctx.param("reader");
    ctx.at(Receiver.tcpSocket);   Socket tcpSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Receiver.setsockopt);  orRaise(tcpSock.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
    ctx.at(Receiver.bind);        orRaise(tcpSock.bind(ADDR));
    ctx.at(Receiver.listen);      orRaise(tcpSock.listen(1));
    ctx.at(Receiver.udpSocket);   Socket udpSock = ctx.socket(AF_INET, SOCK_DGRAM);
    ctx.at(Receiver.udpBind);     orRaise(udpSock.bind(orRaise(tcpSock.getSockName())));
    ctx.publishPort(tcpSock);     // the sender's datagrams go to the same port number

    ctx.at(Receiver.accept);      Accepted accepted = orRaise(tcpSock.accept());
    Socket conn = std::move(accepted.socket);
    Readers readers(ctx, conn, bufsiz);
    ctx.at(Receiver.read);
    if (READ == "read_lines_naive")
        readers.linesNaive();
    else if (READ == "read_lines")
        readers.lines();
    else if (READ == "read_length_prefixed")
        readers.lengthPrefixed();
    else
        readers.chunks();
    ctx.at(Receiver.closeConn);   (void)conn.close();

    for (int i = 0; i < 3; ++i) {  // the sender sends three datagrams
        ctx.at(Receiver.recvfrom);       const Datagram datagram = orRaise(udpSock.recvFrom(bufsiz));
        ctx.at(Receiver.printDatagram);  ctx.print("recvfrom -> " + python::bytesRepr(datagram.data));
    }
    ctx.at(Receiver.udpClose);  (void)udpSock.close();
    ctx.at(Receiver.tcpClose);  (void)tcpSock.close();
}

} // namespace

SOCKETLAB_PROGRAMS(StreamVsDatagram)
{
    programs.add({"stream-datagram-sender",
                  "sender.py: three messages, each framed (FRAMING: newline or a 2-byte length), sent with sendall() on one TCP connection and as one UDP datagram each.",
                  Sender,
                  {{"host", "receiver host (a name is resolved)"}, {"port", "receiver port, TCP and UDP alike"},
                   {"framing", "newline: each message ends with b'\\n'; length: struct.pack('>H', len) before it"}},
                  sender});
    programs.add({"stream-datagram-receiver",
                  "receiver.py: reads the TCP stream with READ (read_chunks, read_lines_naive, read_lines, read_length_prefixed), then three datagrams with recvfrom(BUFSIZ).",
                  Receiver,
                  {{"host", "address to bind"}, {"port", "port to bind, TCP then UDP (0: the kernel chooses; published as \"port\")"},
                   {"bufsize", "BUFSIZ: the most bytes one recv() or recvfrom() returns"},
                   {"reader", "the function that reads the stream"}},
                  receiver});
}
