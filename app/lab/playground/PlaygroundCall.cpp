#include "PlaygroundCall.h"

#include <kit/PythonSocketModule.h>
#include <kit/PythonText.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace playground {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Playground", text);
}

const QStringList kFamilies{QStringLiteral("AF_INET"), QStringLiteral("AF_INET6"), QStringLiteral("AF_UNIX")};
const QStringList kTypes{QStringLiteral("SOCK_STREAM"), QStringLiteral("SOCK_DGRAM")};
const QStringList kHows{QStringLiteral("SHUT_RD"), QStringLiteral("SHUT_WR"), QStringLiteral("SHUT_RDWR")};
const QStringList kFlags{QStringLiteral("False"), QStringLiteral("True")};
const QStringList kModes{QStringLiteral("rb"), QStringLiteral("wb"), QStringLiteral("r"), QStringLiteral("w")};
constexpr int kFamilyValues[] = {AF_INET, AF_INET6, AF_UNIX};
constexpr int kTypeValues[] = {SOCK_STREAM, SOCK_DGRAM};
constexpr int kHowValues[] = {SHUT_RD, SHUT_WR, SHUT_RDWR};
constexpr long long kMaxCount = 1 << 20;  // a recv() of a mebibyte is plenty for a playground

// ('host', port) or ('host', port, 0, 0): the host as Python's repr writes it.
const QRegularExpression kTuple(QStringLiteral(R"(^\(\s*'([^'\\\n\r]*)'\s*,\s*(\d{1,5})\s*(?:,\s*0\s*,\s*0\s*)?\)$)"));
const QRegularExpression kUnixFile(QStringLiteral(R"(^(?:FOLDER\s*\+\s*)?'/?([A-Za-z0-9._-]{1,64})'$)"));
// 'text'.encode() or 'text'.encode('latin-1'): str to bytes, as the learner would write it.
const QRegularExpression kEncode(QStringLiteral(R"(^'([^'\\\n\r]*)'\.encode\((?:'(utf-8|latin-1)')?\)$)"));
const QRegularExpression kSocketName(QStringLiteral(R"(^([a-z]+[0-9]+)\.getsockname\(\)$)"));

std::optional<Address> parseAddress(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    Address a;
    if (t == QLatin1String("peer_tcp")) {
        a.kind = Address::Kind::PeerTcp;
    } else if (t == QLatin1String("peer_udp")) {
        a.kind = Address::Kind::PeerUdp;
    } else if (const auto socketName = kSocketName.match(t); socketName.hasMatch()) {
        a.kind = Address::Kind::SocketName;
        a.name = socketName.captured(1);
    } else if (const auto tuple = kTuple.match(t); tuple.hasMatch() && tuple.captured(2).toInt() <= 65535) {
        a.host = tuple.captured(1);
        a.port = tuple.captured(2).toInt();
    } else if (const auto file = kUnixFile.match(t); file.hasMatch() && file.captured(1) != QLatin1String(".")
                                                      && file.captured(1) != QLatin1String("..")) {
        a.kind = Address::Kind::UnixFile;
        a.name = file.captured(1);
    } else {
        *error = tr("\"%1\" is no address here. Write ('127.0.0.1', 0), ('::1', 0), 'name.sock' (a file in the "
                    "playground's folder), peer_tcp, peer_udp or s1.getsockname().").arg(t);
        return std::nullopt;
    }
    return a;
}

std::optional<long long> parseInteger(const QString &text, long long min, long long max, QString *error)
{
    bool ok = false;
    const long long v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = tr("\"%1\" is not a whole number from %2 to %3.").arg(text.trimmed()).arg(min).arg(max);
        return std::nullopt;
    }
    return v;
}

// The text field's characters as UTF-8 bytes (\n stands for a newline, as in a Python
// literal), or 'text'.encode(encoding) as Python encodes it.
bool parseBytes(const QString &text, Args &out, QString *error)
{
    const auto encode = kEncode.match(text.trimmed());
    if (!encode.hasMatch()) {
        QString t = text;
        t.replace(QLatin1String("\\n"), QLatin1String("\n"));
        out.bytes = t.toUtf8();
        out.bytesPython = QString::fromStdString(python::bytesRepr(out.bytes.toStdString()));
        return true;
    }
    const QString chars = encode.captured(1);
    out.bytesPython = text.trimmed();
    if (encode.captured(2) != QLatin1String("latin-1")) {
        out.bytes = chars.toUtf8();
        return true;
    }
    const QList<uint> codes = chars.toUcs4();
    for (qsizetype i = 0; i < codes.size(); ++i) {
        if (codes.at(i) > 0xff) {
            const QString escaped = codes.at(i) > 0xffff ? QStringLiteral("\\U%1").arg(codes.at(i), 8, 16, QLatin1Char('0'))
                                                         : QStringLiteral("\\u%1").arg(codes.at(i), 4, 16, QLatin1Char('0'));
            *error = QStringLiteral("UnicodeEncodeError: 'latin-1' codec can't encode character '%1' in position %2: "
                                    "ordinal not in range(256)").arg(escaped).arg(i);
            return false;
        }
    }
    out.bytes = chars.toLatin1();
    return true;
}

bool parseArg(Arg kind, const QString &text, Args &out, QString *error)
{
    const auto pick = [&](const QStringList &names) {
        const qsizetype i = names.indexOf(text.trimmed());
        if (i < 0)
            *error = tr("\"%1\" is not one of %2.").arg(text.trimmed(), names.join(QLatin1String(", ")));
        return int(i);
    };
    switch (kind) {
    case Arg::Family: { const int i = pick(kFamilies); if (i < 0) return false; out.family = kFamilyValues[i]; return true; }
    case Arg::Type: { const int i = pick(kTypes); if (i < 0) return false; out.type = kTypeValues[i]; return true; }
    case Arg::How: { const int i = pick(kHows); if (i < 0) return false; out.how = kHowValues[i]; return true; }
    case Arg::Flag: { const int i = pick(kFlags); if (i < 0) return false; out.flag = i == 1; return true; }
    case Arg::Mode: { const int i = pick(kModes); if (i < 0) return false; out.mode = kModes.at(i); return true; }
    case Arg::Option: {
        for (const Option &o : options()) {
            if (text.trimmed() == QLatin1String(o.text)) {
                out.option = &o;
                return true;
            }
        }
        *error = tr("\"%1\" is not an option the playground knows.").arg(text.trimmed());
        return false;
    }
    case Arg::Address: {
        const auto a = parseAddress(text, error);
        if (a)
            out.address = *a;
        return a.has_value();
    }
    case Arg::Count: {
        const auto v = parseInteger(text, 0, kMaxCount, error);
        out.count = v.value_or(0);
        return v.has_value();
    }
    case Arg::Value: {
        const auto v = parseInteger(text, 0, 1 << 24, error);
        out.value = v.value_or(0);
        return v.has_value();
    }
    case Arg::Bytes:
        return parseBytes(text, out, error);
    case Arg::Timeout: {
        if (text.trimmed() == QLatin1String("None")) {
            out.timeout.reset();
            return true;
        }
        bool ok = false;
        const double v = text.trimmed().toDouble(&ok);
        if (!ok || !(v >= 0.0) || v > 3600.0) {
            *error = tr("A timeout is None (block) or a number of seconds from 0 to 3600, not \"%1\".").arg(text.trimmed());
            return false;
        }
        out.timeout = v;
        return true;
    }
    }
    return false;
}

QString pythonArg(Arg kind, const QString &text, const Args &args)
{
    switch (kind) {
    case Arg::Address: return args.address.python();
    case Arg::Bytes: return args.bytesPython;
    case Arg::Mode: return QLatin1Char('\'') + args.mode + QLatin1Char('\'');
    case Arg::Timeout:
        return args.timeout ? QString::fromStdString(python::floatRepr(*args.timeout)) : QStringLiteral("None");
    default: return text.trimmed();
    }
}

} // namespace

const std::vector<MethodInfo> &methods()
{
    static const std::vector<MethodInfo> table{
        {"socket", {Arg::Family, Arg::Type}, "socket", true},
        {"bind", {Arg::Address}, "bind", false},
        {"listen", {Arg::Count}, "listen", false},
        {"accept", {}, "accept4", true},
        {"connect", {Arg::Address}, "connect", false},
        {"connect_ex", {Arg::Address}, "connect", false},
        {"recv", {Arg::Count}, "recv", false},
        {"recv_into", {Arg::Count}, "recv", false},
        {"recvfrom", {Arg::Count}, "recvfrom", false},
        {"send", {Arg::Bytes}, "send", false},
        {"sendall", {Arg::Bytes}, "send", false},
        {"sendto", {Arg::Bytes, Arg::Address}, "sendto", false},
        {"shutdown", {Arg::How}, "shutdown", false},
        {"close", {}, "close", false},
        {"getsockname", {}, "getsockname", false},
        {"getpeername", {}, "getpeername", false},
        {"setsockopt", {Arg::Option, Arg::Value}, "setsockopt", false},
        {"getsockopt", {Arg::Option}, "getsockopt", false},
        {"setblocking", {Arg::Flag}, "fcntl", false},
        {"settimeout", {Arg::Timeout}, "fcntl", false},
        {"gettimeout", {}, "", false},
        {"fileno", {}, "", false},
        {"makefile", {Arg::Mode}, "", false},
    };
    return table;
}

const MethodInfo *findMethod(const QString &name)
{
    for (const MethodInfo &m : methods()) {
        if (name == QLatin1String(m.name))
            return &m;
    }
    return nullptr;
}

QStringList choicesOf(Arg arg)
{
    switch (arg) {
    case Arg::Family: return kFamilies;
    case Arg::Type: return kTypes;
    case Arg::How: return kHows;
    case Arg::Flag: return kFlags;
    case Arg::Mode: return kModes;
    case Arg::Option: {
        QStringList names;
        for (const Option &o : options())
            names << QLatin1String(o.text);
        return names;
    }
    default: return {};
    }
}

const std::vector<Option> &options()
{
    static const std::vector<Option> table{
        {"SOL_SOCKET, SO_REUSEADDR", SOL_SOCKET, SO_REUSEADDR},
        {"SOL_SOCKET, SO_RCVBUF", SOL_SOCKET, SO_RCVBUF},
        {"SOL_SOCKET, SO_SNDBUF", SOL_SOCKET, SO_SNDBUF},
        {"SOL_SOCKET, SO_KEEPALIVE", SOL_SOCKET, SO_KEEPALIVE},
        {"SOL_SOCKET, SO_TYPE", SOL_SOCKET, SO_TYPE},
        {"SOL_SOCKET, SO_ERROR", SOL_SOCKET, SO_ERROR},
        {"IPPROTO_TCP, TCP_NODELAY", IPPROTO_TCP, TCP_NODELAY},
        {"IPPROTO_IPV6, IPV6_V6ONLY", IPPROTO_IPV6, IPV6_V6ONLY},
    };
    return table;
}

QString Address::python() const
{
    switch (kind) {
    case Kind::PeerTcp: return QStringLiteral("peer_tcp");
    case Kind::PeerUdp: return QStringLiteral("peer_udp");
    case Kind::SocketName: return name + QStringLiteral(".getsockname()");
    case Kind::UnixFile: return QStringLiteral("FOLDER + '/%1'").arg(name);
    case Kind::Ip:
        return QString::fromStdString(python::strRepr(host.toStdString())).prepend(QLatin1Char('('))
               + QStringLiteral(", %1)").arg(port);
    }
    return {};
}

std::optional<Args> Call::parse(QString *error) const
{
    QString ignored;
    QString &why = error ? *error : ignored;
    const MethodInfo *info = findMethod(method);
    if (!info) {
        why = tr("The socket object has no method \"%1\" in the playground.").arg(method);
        return std::nullopt;
    }
    if (args.size() != qsizetype(info->args.size())) {
        why = tr("%1() takes %2 argument(s) here, not %3.").arg(method).arg(info->args.size()).arg(args.size());
        return std::nullopt;
    }
    Args out;
    for (std::size_t i = 0; i < info->args.size(); ++i) {
        if (!parseArg(info->args[i], args.at(qsizetype(i)), out, &why))
            return std::nullopt;
    }
    return out;
}

QString Call::pythonLine() const
{
    const MethodInfo *info = findMethod(method);
    const std::optional<Args> parsed = parse(nullptr);
    if (!info || !parsed)
        return {};
    QStringList shown;
    for (std::size_t i = 0; i < info->args.size(); ++i)
        shown << pythonArg(info->args[i], args.at(qsizetype(i)), *parsed);
    const QString argText = shown.join(QLatin1String(", "));
    if (method == QLatin1String("socket"))
        return QStringLiteral("%1 = socket(%2)").arg(socket, argText);
    if (method == QLatin1String("accept"))
        return QStringLiteral("%1, addr = %2.accept()").arg(result, socket);
    if (method == QLatin1String("recv_into"))
        return QStringLiteral("%1.recv_into(bytearray(%2))").arg(socket, argText);
    return QStringLiteral("%1.%2(%3)").arg(socket, method, argText);
}

QJsonObject Call::toJson() const
{
    return {{QStringLiteral("call"), method}, {QStringLiteral("socket"), socket},
            {QStringLiteral("result"), result}, {QStringLiteral("args"), QJsonArray::fromStringList(args)}};
}

Call Call::fromJson(const QJsonObject &json)
{
    Call c;
    c.method = json.value(QLatin1String("call")).toString();
    c.socket = json.value(QLatin1String("socket")).toString();
    c.result = json.value(QLatin1String("result")).toString();
    for (const QJsonValue &v : json.value(QLatin1String("args")).toArray())
        c.args << v.toString();
    return c;
}

QJsonObject Outcome::toJson() const
{
    return {{QStringLiteral("ok"), ok}, {QStringLiteral("result"), result}, {QStringLiteral("error"), error},
            {QStringLiteral("errno"), errnoName}, {QStringLiteral("c"), cCall}, {QStringLiteral("varies"), varies},
            {QStringLiteral("family"), family}, {QStringLiteral("type"), type},
            {QStringLiteral("hex"), bytesHex}, {QStringLiteral("length"), bytesLength},
            {QStringLiteral("decoded"), decoded}, {QStringLiteral("decodeError"), decodeError}};
}

Outcome Outcome::fromJson(const QJsonObject &json)
{
    Outcome o;
    o.ok = json.value(QLatin1String("ok")).toBool();
    o.result = json.value(QLatin1String("result")).toString();
    o.error = json.value(QLatin1String("error")).toString();
    o.errnoName = json.value(QLatin1String("errno")).toString();
    o.cCall = json.value(QLatin1String("c")).toString();
    o.varies = json.value(QLatin1String("varies")).toBool();
    o.family = json.value(QLatin1String("family")).toInt();
    o.type = json.value(QLatin1String("type")).toInt();
    o.bytesHex = json.value(QLatin1String("hex")).toString();
    o.bytesLength = json.value(QLatin1String("length")).toInt(-1);
    o.decoded = json.value(QLatin1String("decoded")).toString();
    o.decodeError = json.value(QLatin1String("decodeError")).toString();
    return o;
}

} // namespace playground
