// qt_network.cpp: what names.py and byteorder.py ask, asked of Qt Network
// (QHostInfo, QHostAddress, QNetworkInterface) and QtCore's QtEndian, line for line
#include <QtNetwork>

const QString HOST = "{{host}}";

qInfo() << QHostInfo::localHostName();                     // gethostname()
qInfo() << QHostInfo::localDomainName();                   // the domain getfqdn() adds: "" when none is set
QHostInfo info = QHostInfo::fromName(HOST);                // getaddrinfo(): it blocks, so never on the GUI thread
for (const QHostAddress &a : info.addresses())             // the list, in the order to try
    qInfo() << a.protocol() << a.toString();
qInfo() << QHostInfo::fromName("127.0.0.1").hostName();    // gethostbyaddr(): an address is looked up in reverse
// getservbyname(), getservbyport(), getprotobyname(): Qt has none; it takes port numbers

qInfo() << Qt::hex << QHostAddress("127.0.0.1").toIPv4Address();   // inet_aton(): a number in host order, not bytes
qInfo() << QHostAddress(quint32(0x7f000001)).toString();   // inet_ntoa()
Q_IPV6ADDR v6 = QHostAddress("::1").toIPv6Address();       // inet_pton(AF_INET6, '::1'): 16 bytes
qInfo() << QByteArray((const char *)v6.c, 16).toHex(' ');
qInfo() << QNetworkInterface::allAddresses();              // has_ipv6, and more: this machine's addresses
// setdefaulttimeout(): Qt has no default; each wait says how long: waitForConnected(2500)

QHostInfo bad = QHostInfo::fromName("a..b");               // gaierror: no exception, an error code and its text
qInfo() << bad.error() << bad.errorString();
qInfo() << QHostAddress("300.1.2.3").isNull();             // inet_pton()'s OSError: a null address instead

uchar big[2];
qToBigEndian<quint16>(5, big);                             // htons(5), struct.pack('>H', 5)
qInfo() << QByteArray((const char *)big, 2).toHex(' ');    // 00 05
QByteArray data;
QDataStream(&data, QIODevice::WriteOnly) << quint16(5);    // Qt's streams write network order by default
qInfo() << qFromBigEndian<quint16>(data.constData()) << qFromLittleEndian<quint16>(data.constData());
