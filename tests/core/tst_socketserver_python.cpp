// Interoperability with Python 3, byte for byte: the tutorial's own clients (tsTclntSS and
// the socketserver docs' client) against the core's servers and against Python's socketserver
// servers must print the same; the core's clients against Python's socketserver servers and
// against the core's servers must receive the same bytes. Skipped without python3.
#include "tst_socketserver_support.h"

#include "SampleHandlers.h"

#include <QProcess>

using namespace sstest;

namespace {

const char kFixedTime[] = "Sat Jun  6 16:11:23 2020";

// tsTclntSS.py (the tutorial's Python 2 client, in Python 3): a new connection per line.
const char kTsTclntSS[] = R"(
from socket import *
import sys
HOST = 'localhost'
PORT = int(sys.argv[1])
BUFSIZ = 1024
ADDR = (HOST, PORT)
while True:
    tcpCliSock = socket(AF_INET, SOCK_STREAM)
    tcpCliSock.connect(ADDR)
    try:
        data = input('> ')
    except EOFError:
        data = ''
    if not data:
        break
    tcpCliSock.send(('%s\r\n' % data).encode())
    data = tcpCliSock.recv(BUFSIZ)
    if not data:
        break
    print(data.decode().strip())
    tcpCliSock.close()
)";

// The socketserver docs' client for MyTCPHandler.
const char kDocsClient[] = R"(
import socket
import sys
HOST, PORT = "localhost", int(sys.argv[1])
data = " ".join(sys.argv[2:])
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    sock.connect((HOST, PORT))
    sock.sendall(bytes(data + "\n", "utf-8"))
    received = str(sock.recv(1024), "utf-8")
finally:
    sock.close()
print("Sent:     {}".format(data))
print("Received: {}".format(received))
)";

// Python's own servers: tsTservSS (with time.ctime fixed), the docs' MyTCPHandler, and a
// UDPServer with a DatagramRequestHandler. Prints its port, then serves.
const char kPythonServers[] = R"(
import socketserver, sys
FIXED = sys.argv[2]
class Timestamp(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(('[%s] %s' % (FIXED, self.rfile.readline().decode())).encode())
class Upper(socketserver.BaseRequestHandler):
    def handle(self):
        self.data = self.request.recv(1024).strip()
        self.request.sendall(self.data.upper())
class UdpUpper(socketserver.DatagramRequestHandler):
    def handle(self):
        line = self.rfile.readline()
        self.wfile.write(line.upper())
        self.wfile.write(b'|')
        self.wfile.write(self.rfile.read())
kind = sys.argv[1]
if kind == 'udp':
    server = socketserver.UDPServer(('127.0.0.1', 0), UdpUpper)
else:
    server = socketserver.TCPServer(('127.0.0.1', 0), Timestamp if kind == 'timestamp' else Upper)
print(server.server_address[1], flush=True)
server.serve_forever()
)";

class UdpUpperHandler : public DatagramRequestHandler {  // UdpUpper above, in C++
public:
    void handle() override
    {
        wfile().write(tutorial::upper(rfile().readline()));
        wfile().write("|");
        wfile().write(rfile().read());
    }
};

// Runs a Python client to the end; its stdout.
QByteArray runClient(const char *script, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(testsupport::python3(), QStringList{QStringLiteral("-c"), QString::fromLatin1(script)} + args);
    if (!p.waitForStarted(10000))
        return "<python3 did not start>";
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return "<python3 client hung>";
    }
    return p.readAllStandardOutput() + p.readAllStandardError();
}

// A Python socketserver server running until destroyed.
class PythonServer {
public:
    explicit PythonServer(const QString &kind)
    {
        m_process.start(testsupport::python3(),
                        {QStringLiteral("-c"), QString::fromLatin1(kPythonServers), kind, QString::fromLatin1(kFixedTime)});
        if (m_process.waitForStarted(10000) && m_process.waitForReadyRead(10000))
            m_port = static_cast<std::uint16_t>(m_process.readLine().trimmed().toUInt());
    }
    ~PythonServer()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    std::uint16_t port() const { return m_port; }
    SocketAddress address() const { return SocketAddress::loopback(AF_INET, m_port); }

private:
    QProcess m_process;
    std::uint16_t m_port = 0;
};

std::string udpExchange(const SocketAddress &to, const std::string &data)
{
    auto client = Socket::create(AF_INET, SOCK_DGRAM);
    if (!client || !client->setTimeout(kClientTimeout) || !client->sendTo(data, to))
        return "<send failed>";
    auto reply = client->recvFrom(65536);
    return reply ? reply->data : "<no reply>";
}

} // namespace

class tst_socketserver_python : public QObject {
    Q_OBJECT
private slots:
    void init();
    void tutorialClientPrintsTheSameFromBothServers();
    void docsClientPrintsTheSameFromBothServers();
    void coreClientGetsTheSameBytesFromPythonServers();
};

void tst_socketserver_python::init()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 is not installed: interoperability not checked");
}

void tst_socketserver_python::tutorialClientPrintsTheSameFromBothServers()
{
    TCPServer ours(SocketAddress::loopback(AF_INET, 0),
                   tutorial::timestampHandler([](const std::string &) {}, [] { return std::string(kFixedTime); }));
    ours.setErrorOutput([](const std::string &) {});  // the client's last, empty connection may break a write
    ServerThread serving(ours);
    const QByteArray input = "hello\nsocket server\n\n";
    const QByteArray fromOurs = runClient(kTsTclntSS, {QString::number(ours.serverAddress().port())}, input);
    QVERIFY(serving.stop());
    PythonServer python(QStringLiteral("timestamp"));
    QVERIFY(python.port() != 0);
    const QByteArray fromPython = runClient(kTsTclntSS, {QString::number(python.port())}, input);
    QCOMPARE(fromOurs, fromPython);
    QCOMPARE(fromOurs, QByteArray("> [") + kFixedTime + "] hello\n> [" + kFixedTime + "] socket server\n> ");
}

void tst_socketserver_python::docsClientPrintsTheSameFromBothServers()
{
    TCPServer ours(SocketAddress::loopback(AF_INET, 0), tutorial::upperEchoHandler([](const std::string &) {}));
    ServerThread serving(ours);
    const QStringList words{QStringLiteral("hello"), QStringLiteral("world")};
    const QByteArray fromOurs = runClient(kDocsClient, QStringList{QString::number(ours.serverAddress().port())} + words);
    QVERIFY(serving.stop());
    PythonServer python(QStringLiteral("upper"));
    QVERIFY(python.port() != 0);
    const QByteArray fromPython = runClient(kDocsClient, QStringList{QString::number(python.port())} + words);
    QCOMPARE(fromOurs, fromPython);
    QCOMPARE(fromOurs, QByteArray("Sent:     hello world\nReceived: HELLO WORLD\n"));
}

void tst_socketserver_python::coreClientGetsTheSameBytesFromPythonServers()
{
    TCPServer timestamp(SocketAddress::loopback(AF_INET, 0),
                        tutorial::timestampHandler([](const std::string &) {}, [] { return std::string(kFixedTime); }));
    TCPServer upper(SocketAddress::loopback(AF_INET, 0), tutorial::upperEchoHandler([](const std::string &) {}));
    UDPServer udp(SocketAddress::loopback(AF_INET, 0), RequestHandlerClass::of<UdpUpperHandler>());
    ServerThread a(timestamp), b(upper), c(udp);
    PythonServer pyTimestamp(QStringLiteral("timestamp")), pyUpper(QStringLiteral("upper")), pyUdp(QStringLiteral("udp"));
    QVERIFY(pyTimestamp.port() && pyUpper.port() && pyUdp.port());

    const std::string line = "h\xc3\xa9llo, b\xc3\xbf" "tes\r\n";  // UTF-8 passes through untouched
    const std::string ts = exchange(timestamp.serverAddress(), line);
    QCOMPARE(qs(ts), qs(std::string("[") + kFixedTime + "] " + line));
    QCOMPARE(QByteArray::fromStdString(exchange(pyTimestamp.address(), line)), QByteArray::fromStdString(ts));

    const std::string up = exchange(upper.serverAddress(), "  mixed Case \n");
    QCOMPARE(qs(up), QStringLiteral("MIXED CASE"));
    QCOMPARE(QByteArray::fromStdString(exchange(pyUpper.address(), "  mixed Case \n")), QByteArray::fromStdString(up));

    const std::string packet = "first line\nsecond";
    const std::string dg = udpExchange(udp.serverAddress(), packet);
    QCOMPARE(qs(dg), QStringLiteral("FIRST LINE\n|second"));
    QCOMPARE(QByteArray::fromStdString(udpExchange(pyUdp.address(), packet)), QByteArray::fromStdString(dg));
}

QTEST_GUILESS_MAIN(tst_socketserver_python)
#include "tst_socketserver_python.moc"
