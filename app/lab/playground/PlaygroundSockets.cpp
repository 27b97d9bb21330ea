#include "PlaygroundSockets.h"

#include <CancelToken.h>
#include <PythonUtf8.h>
#include <kit/PythonSocketModule.h>
#include <kit/PythonText.h>
#include <socketserver/SocketException.h>

#include <netdb.h>
#include <sys/socket.h>

#include <cerrno>
#include <string>

using namespace socketlab;

namespace playground {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }
QString bytesRepr(const std::string &b) { return q(python::bytesRepr(b)); }
QString cAddress(const SocketAddress &a) { return q(a.toString()); }

// " = 0", " = -1 EINVAL": what the system call returned, as strace shows it.
QString cReturned(long long value) { return QStringLiteral(" = %1").arg(value); }
QString cFailed(const SocketError &e) { return QStringLiteral(" = -1 ") + q(e.symbol()); }

// A failed call: Python's text, unless Stop woke it (then the program ends here).
void failWith(Outcome &o, const SocketError &e)
{
    if (e.kind() == ErrorKind::Cancelled)
        throw socketserver::SocketException(e);
    o.ok = false;
    o.error = q(e.pythonString());
    o.errnoName = q(e.symbol());
    o.cCall += cFailed(e);
}

void succeed(Outcome &o, const QString &result, long long returned = 0)
{
    o.ok = true;
    o.result = result;
    if (!o.cCall.isEmpty())
        o.cCall += cReturned(returned);
}

template <typename R>
bool failed(Outcome &o, const R &r)
{
    if (r.ok())
        return false;
    failWith(o, r.error());
    return true;
}

// Methods Python answers on a closed socket without a system call (fileno() is -1 then).
bool worksWhenClosed(const QString &method)
{
    return method == QLatin1String("close") || method == QLatin1String("fileno") || method == QLatin1String("gettimeout")
           || method == QLatin1String("makefile") || method == QLatin1String("connect_ex");
}

QString makefileRepr(const QString &mode, int fd)
{
    if (mode == QLatin1String("rb"))
        return QStringLiteral("<_io.BufferedReader name=%1>").arg(fd);
    if (mode == QLatin1String("wb"))
        return QStringLiteral("<_io.BufferedWriter name=%1>").arg(fd);
    return QStringLiteral("<_io.TextIOWrapper name=%1 mode='%2' encoding='UTF-8'>").arg(fd).arg(mode);
}

QString timeoutRepr(const std::optional<double> &t)
{
    return t ? q(python::floatRepr(*t)) : QStringLiteral("None");
}

// The byte view: what crossed, in hex, and how many bytes (not characters) that is.
void showBytes(Outcome &o, const std::string &bytes)
{
    o.bytesHex = q(python::hex(bytes));
    o.bytesLength = int(bytes.size());
}

// Received bytes as text: bytes.decode(), or its error and decode(errors='replace'), which
// puts U+FFFD where the bytes are not UTF-8.
void showReceived(Outcome &o, const std::string &bytes)
{
    showBytes(o, bytes);
    if (const auto error = pythonUtf8DecodeError(bytes)) {
        o.decodeError = q(*error);
        o.decoded = q(python::strRepr(pythonUtf8Replace(bytes)));
    } else {
        o.decoded = q(python::strRepr(bytes));
    }
}

bool isEphemeral(const SocketAddress &a) { return a.port() != 0 || !a.path().empty(); }

} // namespace

Outcome PlaygroundSockets::run(const Call &call)
{
    Outcome o;
    QString why;
    const std::optional<Args> args = call.parse(&why);
    if (!args) {
        o.error = why;
        return o;
    }
    if (call.method == QLatin1String("socket"))
        return make(call, *args);
    const auto it = m_sockets.find(call.socket);
    if (it == m_sockets.end()) {
        o.error = QStringLiteral("NameError: name '%1' is not defined").arg(call.socket);
        return o;
    }
    return apply(call, *args, it->second);
}

Outcome PlaygroundSockets::make(const Call &call, const Args &args)
{
    Outcome o;
    o.cCall = QStringLiteral("socket(%1, %2|SOCK_CLOEXEC, 0)").arg(q(python::familyName(args.family)), q(python::typeName(args.type)));
    Result<Socket> made = Socket::create(args.family, args.type, 0, m_setting.context);
    if (failed(o, made))
        return o;
    Socket s = std::move(made.value());
    if (m_setting.defaultTimeout)
        (void)s.setTimeout(m_setting.defaultTimeout);
    o.family = args.family;
    o.type = args.type;
    o.varies = true;
    succeed(o, QStringLiteral("<socket.socket fd=%1, family=%2, type=%3, proto=0>")
                   .arg(s.fileno()).arg(q(python::familyName(args.family)), q(python::typeName(args.type))),
            s.fileno());
    m_sockets[call.socket] = std::move(s);
    return o;
}

std::optional<SocketAddress> PlaygroundSockets::resolve(const Call &call, const Address &a, int family, Outcome &failedCall)
{
    const auto typeError = [&](const QString &text) {
        failedCall.error = QStringLiteral("TypeError: ") + text;
        return std::nullopt;
    };
    const auto gaierror = [&](int code) {
        failWith(failedCall, SocketError(ErrorKind::Resolver, code));
        failedCall.cCall.clear();  // getaddrinfo() failed before the call itself
        return std::nullopt;
    };
    if (a.kind == Address::Kind::UnixFile) {
        if (family != AF_UNIX)
            return typeError(QStringLiteral("%1(): %2 address must be tuple, not str").arg(call.method, q(python::familyName(family))));
        if (auto path = SocketAddress::unixPath(m_setting.folder + "/" + a.name.toStdString()))
            return path;
        failWith(failedCall, SocketError::fromErrno(ENAMETOOLONG));
        return std::nullopt;
    }
    if (a.kind == Address::Kind::SocketName) {
        const auto other = m_sockets.find(a.name);
        if (other == m_sockets.end()) {
            failedCall.error = QStringLiteral("NameError: name '%1' is not defined").arg(a.name);
            return std::nullopt;
        }
        Result<SocketAddress> name = other->second.getSockName();
        if (failed(failedCall, name))
            return std::nullopt;
        if (name->family() == AF_UNIX && family != AF_UNIX)
            return typeError(QStringLiteral("%1(): %2 address must be tuple, not str").arg(call.method, q(python::familyName(family))));
        if (name->family() != AF_UNIX && family == AF_UNIX)
            return typeError(QStringLiteral("a bytes-like object is required, not 'tuple'"));
        if (name->family() != family)
            return gaierror(EAI_ADDRFAMILY);
        return *name;
    }
    if (family == AF_UNIX)
        return typeError(QStringLiteral("a bytes-like object is required, not 'tuple'"));
    std::string host = a.host.toStdString();
    auto port = static_cast<std::uint16_t>(a.port);
    if (a.kind == Address::Kind::PeerTcp || a.kind == Address::Kind::PeerUdp) {
        host = "127.0.0.1";
        port = a.kind == Address::Kind::PeerTcp ? m_setting.peerTcp : m_setting.peerUdp;
    }
    if (host.empty())
        host = family == AF_INET ? "0.0.0.0" : "::";
    if (host == "localhost")
        return SocketAddress::loopback(family, port);
    const auto v4 = SocketAddress::ipv4(host, port);
    const auto v6 = SocketAddress::ipv6(host, port);
    if (family == AF_INET && v4)
        return v4;
    if (family == AF_INET6 && v6)
        return v6;
    return gaierror(v4 || v6 ? EAI_ADDRFAMILY : EAI_NONAME);
}

Outcome PlaygroundSockets::apply(const Call &call, const Args &args, Socket &s)
{
    Outcome o;
    const QString &m = call.method;
    const int fd = s.fileno();
    const QString cName = QLatin1String(findMethod(m)->cCall);
    if (!s.isOpen() && !worksWhenClosed(m)) {
        o.cCall = cName.isEmpty() ? QString() : QStringLiteral("%1(-1, ...)").arg(cName);
        failWith(o, SocketError(ErrorKind::Closed, EBADF));
        return o;
    }
    const auto address = [&]() { return resolve(call, args.address, s.family(), o); };
    if (m == QLatin1String("bind") || m == QLatin1String("connect") || m == QLatin1String("connect_ex")) {
        const auto a = address();
        if (!a)
            return o;
        o.cCall = QStringLiteral("%1(%2, %3)").arg(cName).arg(fd).arg(cAddress(*a));
        if (m == QLatin1String("connect_ex")) {
            const int err = s.connectEx(*a);
            if (m_setting.context.cancel && m_setting.context.cancel->isCancelled())
                throw socketserver::SocketException(SocketError(ErrorKind::Cancelled, 0));
            o.cCall += err == 0 ? cReturned(0) : cFailed(SocketError::fromErrno(err));
            o.ok = true;
            o.result = QString::number(err);
            return o;
        }
        const Status st = m == QLatin1String("bind") ? s.bind(*a) : s.connect(*a);
        if (!failed(o, st))
            succeed(o, QStringLiteral("None"));
    } else if (m == QLatin1String("listen")) {
        o.cCall = QStringLiteral("listen(%1, %2)").arg(fd).arg(args.count);
        if (!failed(o, s.listen(int(args.count))))
            succeed(o, QStringLiteral("None"));
    } else if (m == QLatin1String("accept")) {
        o.cCall = QStringLiteral("accept4(%1, &addr, &addrlen, SOCK_CLOEXEC)").arg(fd);
        Result<Accepted> r = s.accept();
        if (failed(o, r))
            return o;
        Socket conn = std::move(r->socket);
        if (m_setting.defaultTimeout)
            (void)conn.setTimeout(m_setting.defaultTimeout);
        o.family = conn.family();
        o.type = conn.type();
        o.varies = true;
        succeed(o, q(r->address.pythonRepr()), conn.fileno());
        m_sockets[call.result] = std::move(conn);
    } else if (m == QLatin1String("recv") || m == QLatin1String("recv_into")) {
        o.cCall = QStringLiteral("recv(%1, buf, %2, 0)").arg(fd).arg(args.count);
        if (m == QLatin1String("recv")) {
            Result<Bytes> r = s.recv(std::size_t(args.count));
            if (!failed(o, r)) {
                showReceived(o, *r);
                succeed(o, bytesRepr(*r), qsizetype(r->size()));
            }
        } else {
            std::string buffer(std::size_t(args.count), '\0');
            Result<std::size_t> r = s.recvInto(buffer.data(), buffer.size());
            if (!failed(o, r)) {
                showReceived(o, buffer.substr(0, *r));
                succeed(o, QString::number(*r), qsizetype(*r));
            }
        }
    } else if (m == QLatin1String("recvfrom")) {
        o.cCall = QStringLiteral("recvfrom(%1, buf, %2, 0, &addr, &addrlen)").arg(fd).arg(args.count);
        Result<Datagram> r = s.recvFrom(std::size_t(args.count));
        if (failed(o, r))
            return o;
        o.varies = isEphemeral(r->from);
        showReceived(o, r->data);
        succeed(o, QStringLiteral("(%1, %2)").arg(bytesRepr(r->data), q(r->from.pythonRepr())), qsizetype(r->data.size()));
    } else if (m == QLatin1String("send") || m == QLatin1String("sendall")) {
        const std::string data = args.bytes.toStdString();
        showBytes(o, data);
        o.cCall = QStringLiteral("send(%1, %2, %3, 0)").arg(fd).arg(bytesRepr(data)).arg(data.size());
        if (m == QLatin1String("send")) {
            Result<std::size_t> r = s.send(data);
            if (!failed(o, r))
                succeed(o, QString::number(*r), qsizetype(*r));
        } else if (!failed(o, s.sendAll(data))) {
            succeed(o, QStringLiteral("None"), qsizetype(data.size()));
        }
    } else if (m == QLatin1String("sendto")) {
        const auto a = address();
        if (!a)
            return o;
        const std::string data = args.bytes.toStdString();
        showBytes(o, data);
        o.cCall = QStringLiteral("sendto(%1, %2, %3, 0, %4)").arg(fd).arg(bytesRepr(data)).arg(data.size()).arg(cAddress(*a));
        Result<std::size_t> r = s.sendTo(data, *a);
        if (!failed(o, r))
            succeed(o, QString::number(*r), qsizetype(*r));
    } else if (m == QLatin1String("shutdown")) {
        o.cCall = QStringLiteral("shutdown(%1, %2)").arg(fd).arg(call.args.value(0).trimmed());
        if (!failed(o, s.shutdown(args.how)))
            succeed(o, QStringLiteral("None"));
    } else if (m == QLatin1String("close")) {
        if (s.isOpen())
            o.cCall = QStringLiteral("close(%1)").arg(fd);
        if (!failed(o, s.close()))
            succeed(o, QStringLiteral("None"));
    } else if (m == QLatin1String("getsockname") || m == QLatin1String("getpeername")) {
        o.cCall = QStringLiteral("%1(%2, &addr, &addrlen)").arg(m).arg(fd);
        Result<SocketAddress> r = m == QLatin1String("getsockname") ? s.getSockName() : s.getPeerName();
        if (failed(o, r))
            return o;
        o.varies = isEphemeral(*r);
        succeed(o, q(r->pythonRepr()));
    } else if (m == QLatin1String("setsockopt")) {
        o.cCall = QStringLiteral("setsockopt(%1, %2, [%3], 4)").arg(fd).arg(QLatin1String(args.option->text)).arg(args.value);
        if (!failed(o, s.setOption(args.option->level, args.option->name, int(args.value))))
            succeed(o, QStringLiteral("None"));
    } else if (m == QLatin1String("getsockopt")) {
        o.cCall = QStringLiteral("getsockopt(%1, %2, &value, &len)").arg(fd).arg(QLatin1String(args.option->text));
        Result<int> r = s.option(args.option->level, args.option->name);
        if (!failed(o, r))
            succeed(o, QString::number(*r));
    } else if (m == QLatin1String("setblocking") || m == QLatin1String("settimeout")) {
        // Python keeps the timeout itself; the descriptor is non-blocking for any timeout but None.
        const std::optional<double> timeout = m == QLatin1String("settimeout") ? args.timeout
                                              : args.flag ? std::nullopt : std::optional<double>(0.0);
        o.cCall = QStringLiteral("fcntl(%1, F_SETFL, O_RDWR%2)").arg(fd).arg(timeout ? QStringLiteral("|O_NONBLOCK") : QString());
        if (!failed(o, s.setTimeout(timeout)))
            succeed(o, QStringLiteral("None"));
    } else if (m == QLatin1String("gettimeout")) {
        succeed(o, timeoutRepr(s.timeout()));
    } else if (m == QLatin1String("fileno")) {
        o.varies = fd >= 0;
        succeed(o, QString::number(fd));
    } else if (m == QLatin1String("makefile")) {
        o.varies = fd >= 0;
        succeed(o, makefileRepr(args.mode, fd));
    }
    return o;
}

} // namespace playground
