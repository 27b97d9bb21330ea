#include "LearnerReport.h"

#include <QJsonArray>
#include <QJsonDocument>

using socketlab::SocketAddress;

namespace {

// [host, port, ...] for IP sockets, a path for Unix ones, as the tracer writes them.
SocketAddress addressFrom(const QJsonValue &value)
{
    if (value.isString()) {
        const std::string path = value.toString().toStdString();
        return path.empty() ? SocketAddress() : SocketAddress::unixPath(path).value_or(SocketAddress());
    }
    const QJsonArray parts = value.toArray();
    if (parts.size() < 2 || !parts.at(0).isString() || !parts.at(1).isDouble())
        return {};
    const std::string host = parts.at(0).toString().toStdString();
    const double port = parts.at(1).toDouble();
    if (port < 0 || port > 65535)
        return {};
    const auto p = static_cast<std::uint16_t>(port);
    const auto address = host.find(':') != std::string::npos ? SocketAddress::ipv6(host, p) : SocketAddress::ipv4(host, p);
    return address.value_or(SocketAddress());
}

LearnerReport::Kind kindOf(const QString &ev)
{
    using Kind = LearnerReport::Kind;
    if (ev == QLatin1String("line"))
        return Kind::Line;
    if (ev == QLatin1String("begin"))
        return Kind::CallBegins;
    if (ev == QLatin1String("call"))
        return Kind::CallEnds;
    if (ev == QLatin1String("input"))
        return Kind::Input;
    if (ev == QLatin1String("exception"))
        return Kind::Exception;
    if (ev == QLatin1String("start"))
        return Kind::Start;
    return Kind::Unknown;
}

} // namespace

LearnerReport LearnerReport::parse(const QByteArray &jsonLine)
{
    LearnerReport r;
    QJsonParseError problem;
    const QJsonDocument document = QJsonDocument::fromJson(jsonLine, &problem);
    if (problem.error != QJsonParseError::NoError || !document.isObject())
        return r;
    const QJsonObject o = document.object();
    r.kind = kindOf(o.value(QLatin1String("ev")).toString());
    r.pid = o.value(QLatin1String("pid")).toInteger();
    r.threadId = o.value(QLatin1String("tid")).toInteger();
    r.thread = o.value(QLatin1String("thread")).toString();
    r.line = o.value(QLatin1String("line")).toInt();
    r.waits = o.value(QLatin1String("wait")).toBool();
    r.call = o.value(QLatin1String("call")).toString();
    for (const QJsonValue &a : o.value(QLatin1String("args")).toArray())
        r.args << a.toString();
    r.fd = o.value(QLatin1String("fd")).toInt(-1);
    r.inode = quint64(o.value(QLatin1String("inode")).toInteger());
    r.family = o.value(QLatin1String("family")).toInt();
    r.type = o.value(QLatin1String("type")).toInt();
    r.result = o.value(QLatin1String("result")).toString();
    r.error = o.value(QLatin1String("error")).toString();
    const QJsonValue bytes = o.value(QLatin1String("bytes"));
    r.bytes = bytes.isDouble() ? bytes.toInteger(-1) : -1;
    r.blockedMs = o.value(QLatin1String("blocked_ms")).toDouble();
    r.local = addressFrom(o.value(QLatin1String("local")));
    r.peer = addressFrom(o.value(QLatin1String("peer")));
    r.newFd = o.value(QLatin1String("new_fd")).toInt(-1);
    r.newInode = quint64(o.value(QLatin1String("new_inode")).toInteger());
    r.newLocal = addressFrom(o.value(QLatin1String("new_local")));
    r.newPeer = addressFrom(o.value(QLatin1String("new_peer")));
    r.prompt = o.value(QLatin1String("prompt")).toString();
    r.exceptionType = o.value(QLatin1String("type")).toString();
    if (r.kind != Kind::Exception)
        r.exceptionType.clear();
    else
        r.type = 0;
    r.message = o.value(QLatin1String("message")).toString();
    return r;
}

QJsonObject LearnerReport::traceLine(const QString &paneId) const
{
    QJsonObject o{{QStringLiteral("pane"), paneId},
                  {QStringLiteral("thread"), thread},
                  {QStringLiteral("line"), line},
                  {QStringLiteral("call"), call},
                  {QStringLiteral("args"), QJsonArray::fromStringList(args)},
                  {QStringLiteral("fd"), fd},
                  {QStringLiteral("blocked_ms"), blockedMs}};
    if (error.isEmpty())
        o.insert(QStringLiteral("result"), result);
    else
        o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("bytes"), bytes >= 0 ? QJsonValue(bytes) : QJsonValue());
    return o;
}
