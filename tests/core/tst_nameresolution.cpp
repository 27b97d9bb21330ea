// Tests of the socket module's functions (NameResolution.h): host names, getaddrinfo and
// getnameinfo, services and protocols, byte order and address conversion. No test needs the
// real network: names are "localhost", numeric addresses, or under the reserved ".invalid".
#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <QtTest>

#include "Witness.h"

#include <NameResolution.h>

#include <netdb.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstring>

// The module's functions are called qualified: netdb.h declares C functions of the same names.
using socketlab::AddressInfo;
using socketlab::ErrorKind;
using socketlab::Result;
using socketlab::SocketAddress;
using socketlab::SocketError;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }
QString pyError(const SocketError &e) { return qs(e.pythonString()); }
template <typename T>
T valueOr(const Result<T> &r, T fallback) { return r ? *r : fallback; }

// Does a system database file (/etc/services, /etc/protocols) have a line matching pattern?
using testsupport::systemFileHas;

QStringList hostsOf(const std::vector<AddressInfo> &list)
{
    QStringList hosts;
    for (const AddressInfo &info : list)
        hosts << qs(info.address.host());
    return hosts;
}

} // namespace

class TestNameResolution : public QObject {
    Q_OBJECT

private slots:
    void gethostnameIsTheMachineName();
    void gethostbynameLocalhost();
    void gethostbynameInvalidNameIsGaierror();
    void gethostbynameExAndByAddr();
    void getaddrinfoLocalhost();
    void getaddrinfoNumericHostOnly();
    void getaddrinfoPassiveIsWildcard();
    void getaddrinfoUnknownServiceIsGaierror();
    void getnameinfoNumeric();
    void servicesByNameAndPort();
    void unknownServiceIsServiceNotFound();
    void protocolByName();
    void byteOrder16();
    void byteOrder32();
    void inetAtonNtoa();
    void inetPtonNtopRoundTrip_data();
    void inetPtonNtopRoundTrip();
    void inetPtonIllegalAddress();
    void inetConversionErrors();
};

void TestNameResolution::gethostnameIsTheMachineName()
{
    const auto name = socketlab::gethostname();
    QVERIFY2(name, qPrintable(pyError(name.error())));
    QVERIFY(!name->empty());
    QFile kernel(QStringLiteral("/proc/sys/kernel/hostname"));
    const QString kernelName = kernel.open(QIODevice::ReadOnly) ? QString::fromLatin1(kernel.readAll().trimmed()) : QString();
    const QString ours = qs(*name);
    QVERIFY2(ours == QSysInfo::machineHostName() || ours == kernelName,
             qPrintable(ours + QStringLiteral(" vs ") + QSysInfo::machineHostName() + QStringLiteral(" / ") + kernelName));
}

void TestNameResolution::gethostbynameLocalhost()
{
    const auto address = socketlab::gethostbyname("localhost");
    QVERIFY2(address, qPrintable(pyError(address.error())));
    QCOMPARE(qs(*address), QStringLiteral("127.0.0.1"));
    QCOMPARE(qs(valueOr(socketlab::gethostbyname("127.0.0.1"), std::string())), QStringLiteral("127.0.0.1"));  // numbers pass through
}

void TestNameResolution::gethostbynameInvalidNameIsGaierror()
{
    // RFC 2606 reserves ".invalid": no such name can ever resolve.
    const auto address = socketlab::gethostbyname("no-such-host.socketlab.invalid");
    QVERIFY2(!address, address ? address->c_str() : "");
    QCOMPARE(address.error().kind(), ErrorKind::Resolver);
    const int code = address.error().code();
    QVERIFY2(code == EAI_NONAME || code == EAI_AGAIN, qPrintable(pyError(address.error())));
    if (code == EAI_NONAME)
        QCOMPARE(pyError(address.error()), QStringLiteral("socket.gaierror: [Errno -2] Name or service not known"));
    else
        QCOMPARE(pyError(address.error()), QStringLiteral("socket.gaierror: [Errno -3] Temporary failure in name resolution"));
}

void TestNameResolution::gethostbynameExAndByAddr()
{
    const auto entry = socketlab::gethostbynameEx("localhost");
    QVERIFY2(entry, qPrintable(pyError(entry.error())));
    QVERIFY(!entry->name.empty());
    QVERIFY(std::find(entry->addresses.begin(), entry->addresses.end(), "127.0.0.1") != entry->addresses.end());

    const auto reverse = socketlab::gethostbyaddr("127.0.0.1");
    QVERIFY2(reverse, qPrintable(pyError(reverse.error())));
    QVERIFY(!reverse->name.empty());
    QVERIFY(std::find(reverse->addresses.begin(), reverse->addresses.end(), "127.0.0.1") != reverse->addresses.end());

    const auto notAnAddress = socketlab::gethostbyaddr("not-an-address");
    QVERIFY(!notAnAddress);
    QCOMPARE(notAnAddress.error().kind(), ErrorKind::Resolver);
}

void TestNameResolution::getaddrinfoLocalhost()
{
    const auto list = socketlab::getaddrinfo(std::string("localhost"), "80");
    QVERIFY2(list, qPrintable(pyError(list.error())));
    QVERIFY(!list->empty());
    QVERIFY2(hostsOf(*list).contains(QStringLiteral("127.0.0.1")), qPrintable(hostsOf(*list).join(u',')));
    for (const AddressInfo &info : *list) {
        QCOMPARE(info.address.port(), std::uint16_t(80));
        QCOMPARE(info.address.family(), info.family);
        QVERIFY(info.family == AF_INET || info.family == AF_INET6);
    }

    // Asking for one family and type narrows the list to exactly that.
    const auto tcp4 = socketlab::getaddrinfo(std::string("localhost"), "80", AF_INET, SOCK_STREAM);
    QVERIFY(tcp4);
    QVERIFY(!tcp4->empty());
    for (const AddressInfo &info : *tcp4) {
        QCOMPARE(info.family, int(AF_INET));
        QCOMPARE(info.type, int(SOCK_STREAM));
        QCOMPARE(info.protocol, int(IPPROTO_TCP));
    }
}

void TestNameResolution::getaddrinfoNumericHostOnly()
{
    const auto one = socketlab::getaddrinfo(std::string("127.0.0.1"), "21567", AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST);
    QVERIFY(one);
    QCOMPARE(one->size(), std::size_t(1));
    QCOMPARE(qs(one->front().address.toString()), QStringLiteral("127.0.0.1:21567"));
    QCOMPARE(qs(one->front().address.pythonRepr()), QStringLiteral("('127.0.0.1', 21567)"));

    // With AI_NUMERICHOST a name is refused locally, without asking any resolver.
    const auto name = socketlab::getaddrinfo(std::string("localhost"), "80", 0, 0, 0, AI_NUMERICHOST);
    QVERIFY(!name);
    QCOMPARE(name.error(), SocketError(ErrorKind::Resolver, EAI_NONAME));
}

void TestNameResolution::getaddrinfoPassiveIsWildcard()
{
    const auto passive = socketlab::getaddrinfo(std::nullopt, "0", AF_INET, SOCK_STREAM, 0, AI_PASSIVE);
    QVERIFY2(passive, qPrintable(pyError(passive.error())));
    QCOMPARE(passive->size(), std::size_t(1));
    QCOMPARE(qs(passive->front().address.host()), QStringLiteral("0.0.0.0"));
    QCOMPARE(passive->front().address.port(), std::uint16_t(0));

    // Python's host None without AI_PASSIVE is the loopback address instead.
    const auto active = socketlab::getaddrinfo(std::nullopt, "0", AF_INET, SOCK_STREAM);
    QVERIFY(active);
    QCOMPARE(hostsOf(*active), QStringList{QStringLiteral("127.0.0.1")});

    const auto passive6 = socketlab::getaddrinfo(std::nullopt, "0", AF_INET6, SOCK_STREAM, 0, AI_PASSIVE);
    QVERIFY(passive6);
    QCOMPARE(hostsOf(*passive6), QStringList{QStringLiteral("::")});
}

void TestNameResolution::getaddrinfoUnknownServiceIsGaierror()
{
    const auto r = socketlab::getaddrinfo(std::string("127.0.0.1"), "no-such-service-socketlab", AF_INET, SOCK_STREAM);
    QVERIFY(!r);
    QCOMPARE(pyError(r.error()), QStringLiteral("socket.gaierror: [Errno -8] Servname not supported for ai_socktype"));
}

void TestNameResolution::getnameinfoNumeric()
{
    const SocketAddress address = SocketAddress::loopback(AF_INET, 80);
    const auto numeric = socketlab::getnameinfo(address, NI_NUMERICHOST | NI_NUMERICSERV);
    QVERIFY2(numeric, qPrintable(pyError(numeric.error())));
    QCOMPARE(qs(numeric->first), QStringLiteral("127.0.0.1"));
    QCOMPARE(qs(numeric->second), QStringLiteral("80"));

    const SocketAddress six = SocketAddress::loopback(AF_INET6, 8080);
    const auto numeric6 = socketlab::getnameinfo(six, NI_NUMERICHOST | NI_NUMERICSERV);
    QVERIFY(numeric6);
    QCOMPARE(qs(numeric6->first), QStringLiteral("::1"));
    QCOMPARE(qs(numeric6->second), QStringLiteral("8080"));
}

void TestNameResolution::servicesByNameAndPort()
{
    REQUIRE_WITNESS(systemFileHas("/etc/services", "^http\\s+80/tcp"),
                    "/etc/services (netbase) has no http 80/tcp line");
    const auto port = socketlab::getservbyname("http", "tcp");
    QVERIFY2(port, qPrintable(pyError(port.error())));
    QCOMPARE(*port, 80);
    QCOMPARE(valueOr(socketlab::getservbyname("http"), -1), 80);  // any protocol
    const auto name = socketlab::getservbyport(80, "tcp");
    QVERIFY2(name, qPrintable(pyError(name.error())));
    QCOMPARE(qs(*name), QStringLiteral("http"));

    // The port is in host order: 80, not htons(80) == 20480.
    const auto swapped = socketlab::getservbyport(20480, "tcp");
    QVERIFY(!swapped || *swapped != "http");
}

void TestNameResolution::unknownServiceIsServiceNotFound()
{
    const auto byName = socketlab::getservbyname("no-such-service-socketlab", "tcp");
    QVERIFY(!byName);
    QCOMPARE(byName.error().kind(), ErrorKind::ServiceNotFound);
    QCOMPARE(pyError(byName.error()), QStringLiteral("OSError: service/proto not found"));

    const auto outOfRange = socketlab::getservbyport(70000, "tcp");  // Python: OverflowError
    QVERIFY(!outOfRange);
    QCOMPARE(outOfRange.error().code(), EINVAL);
    QVERIFY(!socketlab::getservbyport(-1));
}

void TestNameResolution::protocolByName()
{
    REQUIRE_WITNESS(systemFileHas("/etc/protocols", "^tcp\\s+6\\b") && systemFileHas("/etc/protocols", "^udp\\s+17\\b"),
                    "/etc/protocols (netbase) is missing or has no tcp and udp lines");
    QCOMPARE(valueOr(socketlab::getprotobyname("tcp"), -1), 6);
    QCOMPARE(valueOr(socketlab::getprotobyname("udp"), -1), 17);
    const auto unknown = socketlab::getprotobyname("no-such-protocol-socketlab");
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind(), ErrorKind::ProtocolNotFound);
    QCOMPARE(pyError(unknown.error()), QStringLiteral("OSError: protocol not found"));
}

void TestNameResolution::byteOrder16()
{
    // The byte-order lesson: htons(5) goes on the wire as 00 05; a receiver that reads the two
    // bytes as little-endian ('<H') decodes 1280 instead of 5.
    const std::uint16_t wire = socketlab::hostToNetwork16(5);
    unsigned char octets[2];
    std::memcpy(octets, &wire, sizeof octets);
    QCOMPARE(int(octets[0]), 0);
    QCOMPARE(int(octets[1]), 5);
    QCOMPARE(octets[0] | (octets[1] << 8), 1280);
    QCOMPARE((octets[0] << 8) | octets[1], 5);  // read as big-endian ('>H'): right

    for (const std::uint16_t v : {std::uint16_t(0), std::uint16_t(5), std::uint16_t(21567), std::uint16_t(0xFFFF)})
        QCOMPARE(socketlab::networkToHost16(socketlab::hostToNetwork16(v)), v);
}

void TestNameResolution::byteOrder32()
{
    const std::uint32_t wire = socketlab::hostToNetwork32(0x01020304u);
    unsigned char octets[4];
    std::memcpy(octets, &wire, sizeof octets);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(octets), 4), QByteArray("\x01\x02\x03\x04", 4));
    for (const std::uint32_t v : {0u, 1u, 0x7F000001u, 0xDEADBEEFu, 0xFFFFFFFFu})
        QCOMPARE(socketlab::networkToHost32(socketlab::hostToNetwork32(v)), v);
}

void TestNameResolution::inetPtonNtopRoundTrip_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("textForm");
    QTest::addColumn<QByteArray>("packed");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("ipv4 loopback") << int(AF_INET) << QStringLiteral("127.0.0.1") << QByteArray("\x7f\x00\x00\x01", 4)
                                   << QStringLiteral("127.0.0.1");
    QTest::newRow("ipv4 private") << int(AF_INET) << QStringLiteral("192.168.1.20")
                                  << QByteArray("\xc0\xa8\x01\x14", 4) << QStringLiteral("192.168.1.20");
    QTest::newRow("ipv6 loopback") << int(AF_INET6) << QStringLiteral("::1")
                                   << QByteArray(15, '\0') + QByteArray(1, '\x01') << QStringLiteral("::1");
    QTest::newRow("ipv6 long form") << int(AF_INET6) << QStringLiteral("2001:0db8:0000:0000:0000:ff00:0042:8329")
                                    << QByteArray("\x20\x01\x0d\xb8\x00\x00\x00\x00\x00\x00\xff\x00\x00\x42\x83\x29", 16)
                                    << QStringLiteral("2001:db8::ff00:42:8329");
}

void TestNameResolution::inetPtonNtopRoundTrip()
{
    QFETCH(int, family);
    QFETCH(QString, textForm);
    QFETCH(QByteArray, packed);
    QFETCH(QString, canonical);
    const auto p = socketlab::inetPton(family, textForm.toStdString());
    QVERIFY2(p, qPrintable(pyError(p.error())));
    QCOMPARE(QByteArray(p->data(), int(p->size())), packed);
    const auto back = socketlab::inetNtop(family, *p);
    QVERIFY2(back, qPrintable(pyError(back.error())));
    QCOMPARE(qs(*back), canonical);
    QVERIFY(valueOr(socketlab::inetPton(family, *back), std::string()) == *p);
}

void TestNameResolution::inetPtonIllegalAddress()
{
    for (const char *bad : {"999.1.1.1", "1.2.3", "localhost", ""}) {
        const auto r = socketlab::inetPton(AF_INET, bad);
        QVERIFY2(!r, bad);
        QCOMPARE(r.error().kind(), ErrorKind::IllegalAddress);
        QCOMPARE(pyError(r.error()), QStringLiteral("OSError: illegal IP address string passed to inet_pton"));
    }
    QCOMPARE(socketlab::inetPton(AF_INET6, "::1::2").error().kind(), ErrorKind::IllegalAddress);
}

// inet_aton: IPv4 only, the old short forms too, and its own error text (Python's).
void TestNameResolution::inetAtonNtoa()
{
    QCOMPARE(valueOr(socketlab::inetAton("127.0.0.1"), std::string()), std::string("\x7f\x00\x00\x01", 4));
    QCOMPARE(valueOr(socketlab::inetAton("127.1"), std::string()), std::string("\x7f\x00\x00\x01", 4));
    QCOMPARE(valueOr(socketlab::inetNtoa(std::string("\xc0\xa8\x00\x01", 4)), std::string()), std::string("192.168.0.1"));
    for (const char *bad : {"300.1.2.3", "::1", "localhost"}) {
        const auto r = socketlab::inetAton(bad);
        QVERIFY2(!r, bad);
        QCOMPARE(pyError(r.error()), QStringLiteral("OSError: illegal IP address string passed to inet_aton"));
    }
    QCOMPARE(socketlab::inetNtoa("abc").error().code(), EINVAL);
}

void TestNameResolution::inetConversionErrors()
{
    QCOMPARE(socketlab::inetNtop(AF_INET, "abc").error().code(), EINVAL);  // 3 bytes is no IPv4 address
    QCOMPARE(socketlab::inetNtop(AF_INET6, std::string(4, '\0')).error().code(), EINVAL);
    const auto family = socketlab::inetPton(AF_UNIX, "127.0.0.1");
    QVERIFY(!family);
    QCOMPARE(pyError(family.error()), QStringLiteral("OSError: [Errno 97] Address family not supported by protocol"));
    QCOMPARE(socketlab::inetNtop(AF_UNIX, std::string(4, '\0')).error().code(), EAFNOSUPPORT);
}

QTEST_GUILESS_MAIN(TestNameResolution)
#include "tst_nameresolution.moc"
