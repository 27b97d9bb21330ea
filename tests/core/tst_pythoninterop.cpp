// tst_pythoninterop: the core talks to real Python 3 programs, byte for byte, as the
// tutorials' timestamp servers and clients do: a python3 tsTclnt against a core tsTserv,
// a core client against a python3 tsTserv, and the same both ways over UDP (tsUclnt /
// tsUserv). The timestamp is Python's time.ctime() format, "Sun Nov  1 10:00:00 2026".
#include "PythonProcess.h"

#include <Socket.h>

#include <QProcess>
#include <QtTest>

#include <clocale>
#include <cerrno>
#include <ctime>
#include <string>
#include <vector>

#include <sys/socket.h>

using namespace socketlab;

namespace {

constexpr int kProcessTimeoutMs = testsupport::PythonProcess::kTimeoutMs;
constexpr double kSocketTimeoutS = 20.0;

// Python's time.ctime(t): weekday, month, space-padded day, time, year.
std::string ctimeOf(std::time_t t)
{
    std::tm tm{};
    localtime_r(&t, &tm);
    char buffer[64];
    const std::size_t n = std::strftime(buffer, sizeof buffer, "%a %b %e %H:%M:%S %Y", &tm);
    return std::string(buffer, n);
}

// "[ctime] data" where the stamp is ctime of some second in [from, to].
bool isStampedEcho(const std::string &reply, const std::string &data, std::time_t from, std::time_t to)
{
    const std::size_t close = reply.find("] ");
    if (reply.empty() || reply[0] != '[' || close == std::string::npos || reply.substr(close + 2) != data)
        return false;
    const std::string stamp = reply.substr(1, close - 1);
    for (std::time_t t = from - 1; t <= to + 1; ++t)
        if (ctimeOf(t) == stamp)
            return true;
    return false;
}

std::string stamped(const std::string &data)
{
    return "[" + ctimeOf(std::time(nullptr)) + "] " + data;
}

using Python = testsupport::PythonProcess;

// tsTclnt in Python 3, sending two messages (the second not text at all) and writing each
// reply to stdout exactly as received. It also checks our stamp against Python's ctime().
const char *const kTcpClient = R"py(
import sys, time
from socket import *

HOST = '127.0.0.1'
PORT = int(sys.argv[1])
BUFSIZ = 1024
ADDR = (HOST, PORT)

tcpCliSock = socket(AF_INET, SOCK_STREAM)
tcpCliSock.settimeout(20)
tcpCliSock.connect(ADDR)
for message in (b'hello', b'\x00\xff bytes \xc3\xa9'):
    tcpCliSock.send(message)
    data = tcpCliSock.recv(BUFSIZ)
    if not data:
        break
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    stamp = data[1:data.index(b']')].decode()
    same = time.ctime(time.mktime(time.strptime(stamp))) == stamp
    print('ctime-ok' if same else 'ctime-mismatch %r' % stamp, file=sys.stderr)
tcpCliSock.close()
)py";

// tsTserv in Python 3 on a free port, printed first; one client, then exit.
const char *const kTcpServer = R"py(
import sys
from socket import *
from time import ctime

tcpSerSock = socket(AF_INET, SOCK_STREAM)
tcpSerSock.bind(('127.0.0.1', 0))
tcpSerSock.listen(5)
print(tcpSerSock.getsockname()[1], flush=True)
tcpSerSock.settimeout(20)
tcpCliSock, addr = tcpSerSock.accept()
tcpCliSock.settimeout(20)
print(addr[1], file=sys.stderr)
while True:
    data = tcpCliSock.recv(1024)
    if not data:
        break
    tcpCliSock.send(b'[' + ctime().encode() + b'] ' + data)
tcpCliSock.close()
tcpSerSock.close()
)py";

// tsUclnt in Python 3: one datagram out, the reply to stdout; its own port and the
// reply's source port to stderr.
const char *const kUdpClient = R"py(
import sys
from socket import *

ADDR = ('127.0.0.1', int(sys.argv[1]))
udpCliSock = socket(AF_INET, SOCK_DGRAM)
udpCliSock.settimeout(20)
udpCliSock.sendto(b'hello udp', ADDR)
data, addr = udpCliSock.recvfrom(1024)
sys.stdout.buffer.write(data)
sys.stdout.flush()
print(udpCliSock.getsockname()[1], addr[1], file=sys.stderr)
udpCliSock.close()
)py";

// tsUserv in Python 3 on a free port, printed first; one datagram, then exit.
const char *const kUdpServer = R"py(
import sys
from socket import *
from time import ctime

udpSerSock = socket(AF_INET, SOCK_DGRAM)
udpSerSock.bind(('127.0.0.1', 0))
print(udpSerSock.getsockname()[1], flush=True)
udpSerSock.settimeout(20)
data, addr = udpSerSock.recvfrom(1024)
udpSerSock.sendto(b'[' + ctime().encode() + b'] ' + data, addr)
print(addr[1], file=sys.stderr)
udpSerSock.close()
)py";

// Python's ctime() of each second given on the command line, one a line.
const char *const kCtimes = R"py(
import sys, time
for t in sys.argv[1:]:
    print(time.ctime(int(t)))
)py";

} // namespace

class TestPythonInterop : public QObject {
    Q_OBJECT

private:
    QString m_python;

private slots:
    void initTestCase();
    void timestampIsPythonsCtime();
    void pythonTcpClientAgainstCoreServer();
    void coreTcpClientAgainstPythonServer();
    void pythonUdpClientAgainstCoreServer();
    void coreUdpClientAgainstPythonServer();
};

void TestPythonInterop::initTestCase()
{
    m_python = testsupport::python3();
    REQUIRE_WITNESS(!m_python.isEmpty(), "python3 is not installed (not found on PATH): the interop tests need a real Python 3");
    // Python's ctime() always writes English names; strftime follows LC_TIME, which
    // QCoreApplication took from the environment. No other thread runs yet.
    std::setlocale(LC_TIME, "C");
}

// The stamp the core servers write is what Python's ctime() writes for the same second,
// including a day below 10 (space-padded, "Nov  1") whatever today's date is.
void TestPythonInterop::timestampIsPythonsCtime()
{
    std::tm firstOfMonth{};
    firstOfMonth.tm_year = 126;  // 2026
    firstOfMonth.tm_mon = 10;    // November
    firstOfMonth.tm_mday = 1;
    firstOfMonth.tm_hour = 10;
    firstOfMonth.tm_isdst = -1;
    const std::time_t t1 = std::mktime(&firstOfMonth);
    QVERIFY(t1 != std::time_t(-1));
    std::vector<std::time_t> times{t1, std::time(nullptr), t1 + 9 * 86400 + 3723};
    QStringList args;
    for (std::time_t t : times)
        args << QString::number(static_cast<long long>(t));

    Python python(kCtimes, args);
    QVERIFY2(python.started(), "python3 did not start");
    QVERIFY2(python.finish(), qPrintable(python.diagnostics()));
    const QList<QByteArray> lines = python.out().trimmed().split('\n');
    QCOMPARE(lines.size(), qsizetype(times.size()));
    for (std::size_t i = 0; i < times.size(); ++i)
        QCOMPARE(QByteArray::fromStdString(ctimeOf(times[i])), lines[qsizetype(i)]);
    QVERIFY2(lines[0].contains(" Nov  1 "), lines[0].constData());
}

// The core is tsTserv: accept, then recv / send "[ctime] data" until the client closes.
void TestPythonInterop::pythonTcpClientAgainstCoreServer()
{
    Socket listener = testsupport::boundLoopback(SOCK_STREAM, 5);
    QVERIFY(listener.isOpen());
    QVERIFY(listener.setTimeout(kSocketTimeoutS));
    const std::uint16_t port = testsupport::portOf(listener);

    Python client(kTcpClient, {QString::number(port)});
    QVERIFY2(client.started(), "python3 did not start");
    auto accepted = listener.accept();
    QVERIFY2(accepted, qPrintable(client.diagnostics()));
    Socket connection = std::move(accepted->socket);
    QVERIFY(connection.setTimeout(kSocketTimeoutS));
    QCOMPARE(accepted->address, connection.getPeerName().value());

    std::string sentAll;
    std::vector<std::string> received;
    for (;;) {
        auto data = connection.recv(1024);
        QVERIFY2(data, data.error().pythonString().c_str());
        if (data->empty())
            break;  // the client closed: tsTserv's `if not data: break`
        received.push_back(*data);
        const std::string reply = stamped(*data);
        QVERIFY(connection.sendAll(reply));
        sentAll += reply;
    }
    QVERIFY(connection.close());

    QVERIFY2(client.finish(), qPrintable(client.diagnostics()));
    QCOMPARE(received.size(), std::size_t{2});
    QCOMPARE(received[0], std::string("hello"));
    QCOMPARE(received[1], std::string("\x00\xff bytes \xc3\xa9", 11));
    QCOMPARE(client.out(), QByteArray::fromStdString(sentAll));  // byte for byte
    QCOMPARE(client.err().count("ctime-ok"), qsizetype(2));
}

// The core is tsTclnt against Python's tsTserv: the reply is "[<Python's ctime()>] data".
void TestPythonInterop::coreTcpClientAgainstPythonServer()
{
    Python server(kTcpServer);
    QVERIFY2(server.started(), "python3 did not start");
    bool ok = false;
    const std::uint16_t port = server.readLine().toUShort(&ok);
    QVERIFY2(ok && port != 0, qPrintable(server.diagnostics()));

    auto made = Socket::create(AF_INET, SOCK_STREAM, 0);
    QVERIFY(made);
    Socket client = std::move(made).value();
    QVERIFY(client.setTimeout(kSocketTimeoutS));
    QVERIFY(client.connect(SocketAddress::loopback(AF_INET, port)));
    QCOMPARE(client.getPeerName()->port(), port);

    const std::string data = "hello from core";
    const std::time_t before = std::time(nullptr);
    QVERIFY(client.sendAll(data));
    // The empty recv ends Python's loop once we shut our side; read until it closes.
    QVERIFY(client.shutdown(SHUT_WR));
    std::string reply;
    for (;;) {
        auto chunk = client.recv(1024);
        QVERIFY2(chunk, chunk.error().pythonString().c_str());
        if (chunk->empty())
            break;
        reply += *chunk;
    }
    const std::time_t after = std::time(nullptr);
    QVERIFY2(server.finish(), qPrintable(server.diagnostics()));

    QVERIFY2(isStampedEcho(reply, data, before, after), reply.c_str());
    QCOMPARE(server.err().trimmed().toUShort(), client.getSockName()->port());
    QCOMPARE(client.record()->bytesReceived.load(), std::uint64_t(reply.size()));
}

// The core is tsUserv: recvfrom, then sendto "[ctime] data" back to the sender's address.
void TestPythonInterop::pythonUdpClientAgainstCoreServer()
{
    Socket server = testsupport::boundLoopback(SOCK_DGRAM);
    QVERIFY(server.isOpen());
    QVERIFY(server.setTimeout(kSocketTimeoutS));
    const std::uint16_t port = testsupport::portOf(server);

    Python client(kUdpClient, {QString::number(port)});
    QVERIFY2(client.started(), "python3 did not start");
    auto datagram = server.recvFrom(1024);
    QVERIFY2(datagram, qPrintable(client.diagnostics()));
    QCOMPARE(datagram->data, std::string("hello udp"));
    QVERIFY(!datagram->truncated);
    QCOMPARE(datagram->from.host(), std::string("127.0.0.1"));
    const std::string reply = stamped(datagram->data);
    QCOMPARE(server.sendTo(reply, datagram->from).value(), reply.size());

    QVERIFY2(client.finish(), qPrintable(client.diagnostics()));
    QCOMPARE(client.out(), QByteArray::fromStdString(reply));  // byte for byte
    const QList<QByteArray> ports = client.err().trimmed().split(' ');
    QCOMPARE(ports.size(), qsizetype(2));
    QCOMPARE(ports[0].toUShort(), datagram->from.port());  // Python's own port is where it came from
    QCOMPARE(ports[1].toUShort(), port);                   // and our reply came from our port
}

// The core is tsUclnt against Python's tsUserv.
void TestPythonInterop::coreUdpClientAgainstPythonServer()
{
    Python server(kUdpServer);
    QVERIFY2(server.started(), "python3 did not start");
    bool ok = false;
    const std::uint16_t port = server.readLine().toUShort(&ok);
    QVERIFY2(ok && port != 0, qPrintable(server.diagnostics()));

    auto made = Socket::create(AF_INET, SOCK_DGRAM, 0);
    QVERIFY(made);
    Socket client = std::move(made).value();
    QVERIFY(client.setTimeout(kSocketTimeoutS));
    const SocketAddress to = SocketAddress::loopback(AF_INET, port);
    const std::string data = "hello from core udp";
    const std::time_t before = std::time(nullptr);
    QCOMPARE(client.sendTo(data, to).value(), data.size());
    auto reply = client.recvFrom(1024);
    QVERIFY2(reply, qPrintable(server.diagnostics()));
    const std::time_t after = std::time(nullptr);
    QVERIFY2(server.finish(), qPrintable(server.diagnostics()));

    QCOMPARE(reply->from.port(), port);
    QVERIFY(!reply->truncated);
    QVERIFY2(isStampedEcho(reply->data, data, before, after), reply->data.c_str());
    QCOMPARE(server.err().trimmed().toUShort(), client.getSockName()->port());
}

QTEST_GUILESS_MAIN(TestPythonInterop)
#include "tst_pythoninterop.moc"
