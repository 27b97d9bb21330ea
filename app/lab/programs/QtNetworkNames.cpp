// The name-resolution lesson's Qt pane: qt_network.cpp, the Qt Network equivalents of what
// names.py and byteorder.py do with the socket module, since a Qt programmer meets these
// next. Each line prints what qInfo() would print for it (QDebug's own formatting). The
// lookups run on the pane's thread: QHostInfo::fromName() blocks as getaddrinfo() does.
#include <Program.h>

#include <QDataStream>
#include <QDebug>
#include <QHostAddress>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QtEndian>

using namespace socketlab;

namespace {

const struct : StepTable {
    ProgramStep localHostName = add("local-host-name", "localHostName()");
    ProgramStep localDomainName = add("local-domain-name", "localDomainName()");
    ProgramStep fromName = add("from-name", "fromName(HOST)");
    ProgramStep addresses = add("addresses", "a.protocol()");
    ProgramStep reverse = add("reverse", "fromName(\"127.0.0.1\")");
    ProgramStep toIPv4 = add("to-ipv4", "toIPv4Address()");
    ProgramStep fromIPv4 = add("from-ipv4", "QHostAddress(quint32(");
    ProgramStep toIPv6 = add("to-ipv6", "toIPv6Address()");
    ProgramStep printIPv6 = add("print-ipv6", "v6.c, 16");
    ProgramStep allAddresses = add("all-addresses", "allAddresses()");
    ProgramStep badName = add("bad-name", "fromName(\"a..b\")");
    ProgramStep printBadName = add("print-bad-name", "bad.errorString()");
    ProgramStep nullAddress = add("null-address", "isNull()");
    ProgramStep toBigEndian = add("to-big-endian", "qToBigEndian<");
    ProgramStep printBig = add("print-big", "big, 2");
    ProgramStep dataStream = add("data-stream", "QDataStream(");
    ProgramStep fromBigEndian = add("from-big-endian", "qFromBigEndian<");
} QtPane;

// qInfo() << a << b: the line QDebug makes, spaces between the items and none after the last.
template <typename... Items>
std::string debugLine(const Items &...items)
{
    QString text;
    {
        QDebug debug(&text);
        (debug << ... << items);
    }
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text.toStdString();
}

void qtNetwork(ProgramContext &ctx)
{
    const QString HOST = QString::fromStdString(ctx.param("host"));

    ctx.at(QtPane.localHostName);    ctx.print(debugLine(QHostInfo::localHostName()));
    ctx.at(QtPane.localDomainName);  ctx.print(debugLine(QHostInfo::localDomainName()));
    ctx.at(QtPane.fromName);         const QHostInfo info = QHostInfo::fromName(HOST);
    for (const QHostAddress &a : info.addresses()) {
        ctx.at(QtPane.addresses);    ctx.print(debugLine(a.protocol(), a.toString()));
    }
    ctx.at(QtPane.reverse);          ctx.print(debugLine(QHostInfo::fromName(QStringLiteral("127.0.0.1")).hostName()));

    ctx.at(QtPane.toIPv4);           ctx.print(debugLine(Qt::hex, QHostAddress(QStringLiteral("127.0.0.1")).toIPv4Address()));
    ctx.at(QtPane.fromIPv4);         ctx.print(debugLine(QHostAddress(quint32(0x7f000001)).toString()));
    ctx.at(QtPane.toIPv6);           const Q_IPV6ADDR v6 = QHostAddress(QStringLiteral("::1")).toIPv6Address();
    ctx.at(QtPane.printIPv6);        ctx.print(debugLine(QByteArray(reinterpret_cast<const char *>(v6.c), 16).toHex(' ')));
    ctx.at(QtPane.allAddresses);     ctx.print(debugLine(QNetworkInterface::allAddresses()));

    ctx.at(QtPane.badName);          const QHostInfo bad = QHostInfo::fromName(QStringLiteral("a..b"));
    ctx.at(QtPane.printBadName);     ctx.print(debugLine(bad.error(), bad.errorString()));
    ctx.at(QtPane.nullAddress);      ctx.print(debugLine(QHostAddress(QStringLiteral("300.1.2.3")).isNull()));

    uchar big[2];
    ctx.at(QtPane.toBigEndian);      qToBigEndian<quint16>(5, big);
    ctx.at(QtPane.printBig);         ctx.print(debugLine(QByteArray(reinterpret_cast<const char *>(big), 2).toHex(' ')));
    QByteArray data;
    ctx.at(QtPane.dataStream);       QDataStream(&data, QIODevice::WriteOnly) << quint16(5);
    ctx.at(QtPane.fromBigEndian);
    ctx.print(debugLine(qFromBigEndian<quint16>(data.constData()), qFromLittleEndian<quint16>(data.constData())));
}

} // namespace

SOCKETLAB_PROGRAMS(QtNetworkNames)
{
    programs.add({"qt-network-names",
                  "qt_network.cpp: QHostInfo (localHostName, localDomainName, fromName forward and reverse, an invalid name), QHostAddress (IPv4 as a number, IPv6 bytes, a null address), QNetworkInterface::allAddresses(), qToBigEndian and QDataStream's byte order.",
                  QtPane, {{"host", "the host name QHostInfo::fromName() looks up"}}, qtNetwork});
}
