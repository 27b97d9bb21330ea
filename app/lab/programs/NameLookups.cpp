// The name-resolution lesson's Python programs. names.py asks the socket module's name,
// service and address functions about names this machine knows by itself (localhost, its own
// name, /etc/hosts, /etc/services, /etc/protocols), never DNS; byteorder.py shows one number
// as bytes in both orders and sends them across a UDP socket to a receiver that reads them
// both ways.
#include <Program.h>
#include <kit/PythonSocketModule.h>
#include <kit/PythonText.h>

#include <NameResolution.h>

#include <netdb.h>
#include <sys/socket.h>

#include <array>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const std::array<const char *, 11> SERVICES = {"http", "ftp-data", "ftp", "ssh", "telnet", "smtp",
                                               "pop3", "imap", "nntp", "gopher", "https"};

const struct : StepTable {
    ProgramStep gethostname = add("gethostname", "print(gethostname())");
    ProgramStep getfqdn = add("getfqdn", "getfqdn()");
    ProgramStep gethostbyname = add("gethostbyname", "gethostbyname(HOST)");
    ProgramStep gethostbynameEx = add("gethostbyname-ex", "gethostbyname_ex(");
    ProgramStep gethostbyaddr = add("gethostbyaddr", "gethostbyaddr(");
    ProgramStep getaddrinfo = add("getaddrinfo", "getaddrinfo(HOST");
    ProgramStep printAddrinfo = add("print-addrinfo", "print(family.name");
    ProgramStep getnameinfo = add("getnameinfo", "getnameinfo(");
    ProgramStep getservbyname = add("getservbyname", "getservbyname(");
    ProgramStep noService = add("no-service", "print(name, e)");
    ProgramStep getservbyport = add("getservbyport", "getservbyport(");
    ProgramStep getprotobyname = add("getprotobyname", "getprotobyname(");
    ProgramStep inetAton = add("inet-aton", "inet_aton(");
    ProgramStep inetNtoa = add("inet-ntoa", "inet_ntoa(");
    ProgramStep inetPton6 = add("inet-pton6", "inet_pton(AF_INET6");
    ProgramStep inetNtop6 = add("inet-ntop6", "inet_ntop(");
    ProgramStep hasIpv6 = add("has-ipv6", "has_ipv6");
    ProgramStep getdefaulttimeout = add("getdefaulttimeout", "getdefaulttimeout()");
    ProgramStep setdefaulttimeout = add("setdefaulttimeout", "setdefaulttimeout(2.5)");
    ProgramStep socket = add("socket", "s = socket(");
    ProgramStep gettimeout = add("gettimeout", "s.gettimeout()");
    ProgramStep close = add("close", "s.close()");
    ProgramStep resetTimeout = add("reset-timeout", "setdefaulttimeout(None)");
    ProgramStep numericOnly = add("numeric-only", "AI_NUMERICHOST");
    ProgramStep printGaierror = add("print-gaierror", "print('socket.gaierror:'");
    ProgramStep inetPtonBad = add("inet-pton-bad", "inet_pton(AF_INET,");
    ProgramStep printOserror = add("print-oserror", "print('OSError:'");
} Names;

void names(ProgramContext &ctx)
{
    const std::string HOST = ctx.param("host");

    ctx.at(Names.gethostname);      ctx.print(orRaise(socketlab::gethostname()));
    ctx.at(Names.getfqdn);          ctx.print(python::getfqdn());
    ctx.at(Names.gethostbyname);    ctx.print(orRaise(socketlab::gethostbyname(HOST)));
    ctx.at(Names.gethostbynameEx);  ctx.print(python::hostEntryRepr(orRaise(socketlab::gethostbynameEx(HOST))));
    ctx.at(Names.gethostbyaddr);    ctx.print(python::hostEntryRepr(orRaise(python::gethostbyaddr("127.0.0.1"))));
    ctx.at(Names.getaddrinfo);
    for (const AddressInfo &a : orRaise(socketlab::getaddrinfo(HOST, "80", 0, SOCK_STREAM))) {
        ctx.at(Names.printAddrinfo);
        ctx.print(python::familyName(a.family) + " " + python::typeName(a.type) + " " + a.address.pythonRepr());
    }
    ctx.at(Names.getnameinfo);
    const auto [host, service] = orRaise(socketlab::getnameinfo(*SocketAddress::ipv4("127.0.0.1", 80), 0));
    ctx.print("(" + python::strRepr(host) + ", " + python::strRepr(service) + ")");

    for (const char *name : SERVICES) {
        ctx.at(Names.getservbyname);  const Result<int> port = socketlab::getservbyname(name, "tcp");
        if (const auto e = python::except(port, python::Except::OSError)) {
            ctx.at(Names.noService);  ctx.print(std::string(name) + " " + e->message());  // print(e): the text alone
        } else {
            ctx.print(std::string(name) + " " + std::to_string(*port));
        }
    }
    ctx.at(Names.getservbyport);   ctx.print(orRaise(socketlab::getservbyport(21, "tcp")));
    ctx.at(Names.getprotobyname);
    ctx.print(std::to_string(orRaise(socketlab::getprotobyname("tcp"))) + " " + std::to_string(orRaise(socketlab::getprotobyname("udp"))));

    ctx.at(Names.inetAton);   ctx.print(python::bytesRepr(orRaise(socketlab::inetAton("127.0.0.1"))));
    ctx.at(Names.inetNtoa);   ctx.print(orRaise(socketlab::inetNtoa(std::string("\x7f\x00\x00\x01", 4))));
    ctx.at(Names.inetPton6);  ctx.print(python::bytesRepr(orRaise(socketlab::inetPton(AF_INET6, "::1"))));
    ctx.at(Names.inetNtop6);  ctx.print(orRaise(socketlab::inetNtop(AF_INET6, std::string(15, '\0') + '\x01')));
    ctx.at(Names.hasIpv6);    ctx.print("True");  // a constant of the build: the core speaks IPv6

    // Python keeps the default timeout in the module; here, in the program: sockets made
    // after setdefaulttimeout() start with it.
    std::optional<double> defaultTimeout;
    ctx.at(Names.getdefaulttimeout);  ctx.print(defaultTimeout ? python::floatRepr(*defaultTimeout) : "None");
    ctx.at(Names.setdefaulttimeout);  defaultTimeout = 2.5;
    ctx.at(Names.socket);             Socket s = ctx.socket(AF_INET, SOCK_STREAM);
    orRaise(s.setTimeout(defaultTimeout));
    ctx.at(Names.gettimeout);         ctx.print(s.timeout() ? python::floatRepr(*s.timeout()) : "None");
    ctx.at(Names.close);              (void)s.close();
    ctx.at(Names.resetTimeout);       defaultTimeout.reset();

    ctx.at(Names.numericOnly);
    if (const auto e = python::except(socketlab::getaddrinfo(std::string("no-such-host"), "80", 0, 0, 0, AI_NUMERICHOST), python::Except::gaierror)) {
        ctx.at(Names.printGaierror);  ctx.print(e->pythonString());
    }
    ctx.at(Names.inetPtonBad);
    if (const auto e = python::except(socketlab::inetPton(AF_INET, "300.1.2.3"), python::Except::OSError)) {
        ctx.at(Names.printOserror);   ctx.print(e->pythonString());
    }
}

const struct : StepTable {
    ProgramStep byteorder = add("byteorder", "sys.byteorder");
    ProgramStep htons = add("htons", "print(htons(");
    ProgramStep htonl = add("htonl", "print(htonl(");
    ProgramStep packBig = add("pack-big", "struct.pack('>H'");
    ProgramStep packLittle = add("pack-little", "struct.pack('<H'");
    ProgramStep printBoth = add("print-both", "big.hex(");
    ProgramStep packNative = add("pack-native", "struct.pack('=H'");
    ProgramStep receiver = add("receiver", "receiver = socket(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep sender = add("sender", "sender = socket(");
    ProgramStep sendto = add("sendto", ".sendto(");
    ProgramStep recvfrom = add("recvfrom", ".recvfrom(");
    ProgramStep printData = add("print-data", "data.hex(");
    ProgramStep unpackBig = add("unpack-big", "struct.unpack('>H'");
    ProgramStep unpackLittle = add("unpack-little", "struct.unpack('<H'");
    ProgramStep closeSender = add("close-sender", "sender.close(");
    ProgramStep closeReceiver = add("close-receiver", "receiver.close(");
} ByteSteps;

// struct.pack('>H') / '<H' and their unpack: the 16-bit value as two bytes, most or least
// significant first, whatever this machine's own order.
std::string packed16(unsigned value, bool bigEndian)
{
    const char high = static_cast<char>((value >> 8) & 0xff), low = static_cast<char>(value & 0xff);
    return bigEndian ? std::string{high, low} : std::string{low, high};
}

unsigned unpacked16(const std::string &bytes, bool bigEndian)
{
    const auto b0 = static_cast<unsigned char>(bytes.at(0)), b1 = static_cast<unsigned char>(bytes.at(1));
    return bigEndian ? (b0 << 8u) | b1 : (b1 << 8u) | b0;
}

bool littleEndianMachine()
{
    const std::uint16_t one = 1;
    return *reinterpret_cast<const unsigned char *>(&one) == 1;
}

void byteOrder(ProgramContext &ctx)
{
    const auto VALUE = static_cast<std::uint16_t>(ctx.integer("value"));

    ctx.at(ByteSteps.byteorder);  ctx.print(littleEndianMachine() ? "little" : "big");
    ctx.at(ByteSteps.htons);
    ctx.print(std::to_string(socketlab::hostToNetwork16(VALUE)) + " " + std::to_string(socketlab::networkToHost16(socketlab::hostToNetwork16(VALUE))));
    ctx.at(ByteSteps.htonl);
    ctx.print(std::to_string(socketlab::hostToNetwork32(VALUE)) + " " + std::to_string(socketlab::networkToHost32(socketlab::hostToNetwork32(VALUE))));
    ctx.at(ByteSteps.packBig);     const std::string big = packed16(VALUE, true);
    ctx.at(ByteSteps.packLittle);  const std::string little = packed16(VALUE, false);
    ctx.at(ByteSteps.printBoth);   ctx.print(python::hex(big) + " | " + python::hex(little));
    ctx.at(ByteSteps.packNative);  ctx.print(python::hex(packed16(socketlab::hostToNetwork16(VALUE), !littleEndianMachine())));

    ctx.at(ByteSteps.receiver);    Socket receiver = ctx.socket(AF_INET, SOCK_DGRAM);
    ctx.at(ByteSteps.bind);        orRaise(receiver.bind(python::ipAddress("127.0.0.1", 0)));
    ctx.at(ByteSteps.sender);      Socket sender = ctx.socket(AF_INET, SOCK_DGRAM);
    ctx.at(ByteSteps.sendto);      orRaise(sender.sendTo(big, orRaise(receiver.getSockName())));
    ctx.at(ByteSteps.recvfrom);    const Datagram datagram = orRaise(receiver.recvFrom(2));
    ctx.at(ByteSteps.printData);   ctx.print(python::hex(datagram.data));
    ctx.at(ByteSteps.unpackBig);   ctx.print(std::to_string(unpacked16(datagram.data, true)));
    ctx.at(ByteSteps.unpackLittle);  ctx.print(std::to_string(unpacked16(datagram.data, false)));
    ctx.at(ByteSteps.closeSender);    (void)sender.close();
    ctx.at(ByteSteps.closeReceiver);  (void)receiver.close();
}

} // namespace

SOCKETLAB_PROGRAMS(NameLookups)
{
    programs.add({"names",
                  "names.py: gethostname, getfqdn, gethostbyname(_ex), gethostbyaddr, getaddrinfo, getnameinfo, getservbyname for the tutorial's protocols, getservbyport, getprotobyname, inet_aton/ntoa/pton/ntop, has_ipv6, the default timeout, and two errors (a gaierror without asking DNS, inet_pton's OSError).",
                  Names, {{"host", "the host name it looks up (only names this machine knows answer without DNS)"}}, names});
    programs.add({"byte-order",
                  "byteorder.py: VALUE through htons/htonl and struct.pack('>H'/'<H'), then its network-order bytes sent over UDP and read back both ways.",
                  ByteSteps, {{"value", "the 16-bit number (0-65535)"}}, byteOrder});
}
