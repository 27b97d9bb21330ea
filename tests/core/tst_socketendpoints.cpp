// tst_socketendpoints: the typed endpoints the core keeps for every socket (family,
// address, port or path, and the socket's inode), checked against `ss`, which asks the
// kernel itself: IPv4 and IPv6 TCP connections, a Unix stream connection whose client never
// bound, and a socketpair. The one pairing of connected peers (SocketSnapshot) must agree
// with the kernel's: TCP by the four addresses, Unix by the peer inodes `ss -x` prints.
#include "CoreTestSupport.h"

#include <Socket.h>
#include <SocketRecord.h>
#include <SocketSnapshot.h>

#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <sys/socket.h>

#include <vector>

using namespace socketlab;

namespace {

// One socket as ss prints it.
struct SsRow {
    QString local;         // "127.0.0.1:80", "[::1]:80", a Unix path, or "*" when unnamed
    QString peer;
    quint64 peerInode = 0;  // Unix sockets: the inode of the socket at the other end
};

QString runSs(const QString &ss, const QStringList &args)
{
    QProcess p;
    p.start(ss, args);
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(2000);
        return {};
    }
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

// `ss -tanHe`: "ESTAB 0 0 127.0.0.1:40062 127.0.0.1:44839 ino:153479 sk:8db ...", by inode.
QHash<quint64, SsRow> ssTcp(const QString &ss)
{
    QHash<quint64, SsRow> rows;
    for (const QString &line : runSs(ss, {QStringLiteral("-tanHe")}).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        for (const QString &field : f) {
            if (f.size() > 5 && field.startsWith(QLatin1String("ino:")))
                rows.insert(field.mid(4).toULongLong(), SsRow{f[3], f[4], 0});
        }
    }
    return rows;
}

// `ss -xaH`: "u_str ESTAB 0 0 /tmp/x.sock 153477 * 153476": the local name, the socket's own
// inode, the peer's name and inode; by the socket's inode.
QHash<quint64, SsRow> ssUnix(const QString &ss)
{
    QHash<quint64, SsRow> rows;
    for (const QString &line : runSs(ss, {QStringLiteral("-xaH")}).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (f.size() >= 8)
            rows.insert(f[5].toULongLong(), SsRow{f[4], f[6], f[7].toULongLong()});
    }
    return rows;
}

QString text(const SocketAddress &a)
{
    return QString::fromStdString(a.toString());
}

Socket make(int family, int type)
{
    auto s = Socket::create(family, type);
    if (!s)
        return {};
    (void)s->setTimeout(10.0);  // a regression fails the test instead of hanging it
    return std::move(s).value();
}

} // namespace

class TestSocketEndpoints : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tcpEndpointsAgreeWithSs_data();
    void tcpEndpointsAgreeWithSs();
    void unixEndpointsAgreeWithSs();
    void wildcardListenerAcceptsOnTheAddressReached();
    void socketPairEndsNameEachOther();
    void sameEndpointFollowsTheKernel();
    void ipv4HostIsInetNtopText();

private:
    QString m_ss;
};

void TestSocketEndpoints::initTestCase()
{
    m_ss = QStandardPaths::findExecutable(QStringLiteral("ss"));
}

void TestSocketEndpoints::tcpEndpointsAgreeWithSs_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4") << int(AF_INET) << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6") << int(AF_INET6) << QStringLiteral("::1");
}

// Listener, client and accepted connection: each record's endpoints are what getsockname
// and getpeername say, in the kernel's own words (ss), found by the record's inode.
void TestSocketEndpoints::tcpEndpointsAgreeWithSs()
{
    QFETCH(int, family);
    QFETCH(QString, host);
    if (m_ss.isEmpty())
        QSKIP("ss (iproute2) is not installed: no outside witness");
    Socket listener = make(family, SOCK_STREAM);
    if (!listener.bind(SocketAddress::loopback(family, 0)))
        QSKIP("no loopback address for this family on this machine");
    QVERIFY(listener.listen(5));
    Socket client = make(family, SOCK_STREAM);
    QVERIFY(client.connect(listener.getSockName().value()));
    auto accepted = listener.accept();
    QVERIFY(accepted);
    Socket &server = accepted->socket;

    const QHash<quint64, SsRow> kernel = ssTcp(m_ss);
    for (Socket *s : {&listener, &client, &server}) {
        const SocketRecord &r = *s->record();
        QVERIFY(r.inode != 0);
        QVERIFY2(kernel.contains(r.inode), qPrintable(QStringLiteral("ss lists no TCP socket with inode %1").arg(r.inode)));
        const SsRow &row = kernel[r.inode];
        const SocketAddress local = r.localEndpoint();
        QCOMPARE(local.family(), family);
        QCOMPARE(QString::fromStdString(local.host()), host);
        QCOMPARE(local, s->getSockName().value());
        QCOMPARE(text(local), row.local);
        if (s != &listener) {
            QCOMPARE(r.peerEndpoint(), s->getPeerName().value());
            QCOMPARE(text(r.peerEndpoint()), row.peer);
        } else {
            QVERIFY(!r.peerEndpoint().isValid());
        }
    }
    QCOMPARE(client.record()->localEndpoint(), server.record()->peerEndpoint());

    const SocketSnapshot snapshot = SocketSnapshot::of({listener.record(), client.record(), server.record()});
    QCOMPARE(snapshot.peerOf(client.id()), server.id());
    QCOMPARE(snapshot.peerOf(server.id()), client.id());
    QCOMPARE(snapshot.peerOf(listener.id()), 0u);
    QCOMPARE(snapshot.find(client.id())->local, client.record()->localEndpoint());
}

// An accepted connection's local endpoint: a listener on one address lends its own (no
// system call), but one on 0.0.0.0 must not - the connection is on the address the client
// reached, 127.0.0.1, as getsockname says.
void TestSocketEndpoints::wildcardListenerAcceptsOnTheAddressReached()
{
    Socket listener = make(AF_INET, SOCK_STREAM);
    QVERIFY(listener.bind(SocketAddress::ipv4("", 0).value()));
    QVERIFY(listener.listen(5));
    QVERIFY(listener.record()->localEndpoint().isWildcard());
    const std::uint16_t port = listener.getSockName().value().port();
    Socket client = make(AF_INET, SOCK_STREAM);
    QVERIFY(client.connect(SocketAddress::loopback(AF_INET, port)));
    auto accepted = listener.accept();
    QVERIFY(accepted);
    const SocketRecord &server = *accepted->socket.record();
    QCOMPARE(QString::fromStdString(server.localEndpoint().toString()), QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(server.localEndpoint(), accepted->socket.getSockName().value());
    QCOMPARE(server.peerEndpoint(), client.record()->localEndpoint());
    QCOMPARE(server.peerEndpoint(), accepted->address);
}

// A Unix listener on a path, a client that never bound, the accepted connection: paths as
// ss prints them ("*" for the unnamed client), and the accepted socket's peer inode is the
// client's, as ss says - the name the pairing uses when addresses say nothing.
void TestSocketEndpoints::unixEndpointsAgreeWithSs()
{
    if (m_ss.isEmpty())
        QSKIP("ss (iproute2) is not installed: no outside witness");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("endpoints.sock")).toStdString();
    Socket listener = make(AF_UNIX, SOCK_STREAM);
    QVERIFY(listener.bind(*SocketAddress::unixPath(path)));
    QVERIFY(listener.listen(5));
    Socket client = make(AF_UNIX, SOCK_STREAM);
    QVERIFY(client.connect(*SocketAddress::unixPath(path)));
    auto accepted = listener.accept();
    QVERIFY(accepted);
    Socket &server = accepted->socket;

    const QHash<quint64, SsRow> kernel = ssUnix(m_ss);
    for (Socket *s : {&listener, &client, &server}) {
        QVERIFY2(kernel.contains(s->record()->inode),
                 qPrintable(QStringLiteral("ss lists no Unix socket with inode %1").arg(s->record()->inode)));
    }
    QCOMPARE(listener.record()->localEndpoint().path(), path);
    QCOMPARE(kernel[listener.record()->inode].local, QString::fromStdString(path));
    QCOMPARE(client.record()->localEndpoint().family(), int(AF_UNIX));
    QVERIFY(client.record()->localEndpoint().path().empty());
    QCOMPARE(kernel[client.record()->inode].local, QStringLiteral("*"));
    QCOMPARE(client.record()->peerEndpoint().path(), path);  // getpeername: the listener's path
    QCOMPARE(server.record()->localEndpoint().path(), path);
    QCOMPARE(kernel[server.record()->inode].local, QString::fromStdString(path));

    QCOMPARE(server.record()->peerInode(), client.record()->inode);
    QCOMPARE(kernel[server.record()->inode].peerInode, quint64(client.record()->inode));
    QCOMPARE(kernel[client.record()->inode].peerInode, quint64(server.record()->inode));
    QCOMPARE(client.record()->peerInode(), std::uint64_t{0});  // read at connect, before the accept existed

    const SocketSnapshot snapshot = SocketSnapshot::of({listener.record(), client.record(), server.record()});
    QCOMPARE(snapshot.peerOf(client.id()), server.id());
    QCOMPARE(snapshot.peerOf(server.id()), client.id());
    QCOMPARE(snapshot.peerOf(listener.id()), 0u);
}

// socketpair's two ends are unnamed and each names the other, for streams and datagrams.
void TestSocketEndpoints::socketPairEndsNameEachOther()
{
    for (int type : {SOCK_STREAM, SOCK_DGRAM}) {
        auto pair = Socket::pair(AF_UNIX, type);
        QVERIFY(pair);
        const SocketRecord &a = *pair->first.record(), &b = *pair->second.record();
        QVERIFY(a.inode != 0 && b.inode != 0 && a.inode != b.inode);
        QCOMPARE(a.peerInode(), b.inode);
        QCOMPARE(b.peerInode(), a.inode);
        if (!m_ss.isEmpty()) {
            const QHash<quint64, SsRow> kernel = ssUnix(m_ss);
            QCOMPARE(kernel.value(a.inode).peerInode, quint64(b.inode));
            QCOMPARE(kernel.value(b.inode).peerInode, quint64(a.inode));
        }
        const SocketSnapshot snapshot = SocketSnapshot::of({pair->first.record(), pair->second.record()});
        QCOMPARE(snapshot.peerOf(a.id), b.id);
        QCOMPARE(snapshot.peerOf(b.id), a.id);
    }
}

// host() writes an IPv4 address's four numbers itself (SocketAddress.cpp): the same text as
// the C library's, at every width of a number.
void TestSocketEndpoints::ipv4HostIsInetNtopText()
{
    std::vector<std::uint32_t> hosts{0, 0xffffffffu, 0x7f000001u, 0x0a006409u, 0x01167f04u, 0xc0a80001u};
    std::uint32_t h = 1;
    for (int i = 0; i < 500; ++i)  // spread over the whole space: numbers of one, two and three digits
        hosts.push_back(h = h * 2654435761u + 0x01030507u);
    for (const std::uint32_t host : hosts) {
        sockaddr_in raw{};
        raw.sin_family = AF_INET;
        raw.sin_port = htons(4242);
        raw.sin_addr.s_addr = htonl(host);
        char expected[INET_ADDRSTRLEN] = {};
        QVERIFY(::inet_ntop(AF_INET, &raw.sin_addr, expected, sizeof expected));
        const SocketAddress a = SocketAddress::fromRaw(reinterpret_cast<const sockaddr *>(&raw), sizeof raw);
        QCOMPARE(QString::fromStdString(a.host()), QString::fromLatin1(expected));
        QCOMPARE(QString::fromStdString(a.pythonRepr()), QStringLiteral("('%1', 4242)").arg(QLatin1String(expected)));
    }
}

// Where the kernel delivers: an address names itself, a wildcard bind covers every local
// address on its port (IPv6's dual-stack one covers IPv4 too), IPv4-mapped IPv6 is IPv4.
void TestSocketEndpoints::sameEndpointFollowsTheKernel()
{
    const auto v4 = [](const char *h, std::uint16_t p) { return *SocketAddress::ipv4(h, p); };
    const auto v6 = [](const char *h, std::uint16_t p) { return *SocketAddress::ipv6(h, p); };
    QVERIFY(SocketAddress::sameEndpoint(v4("127.0.0.1", 80), v4("127.0.0.1", 80)));
    QVERIFY(!SocketAddress::sameEndpoint(v4("127.0.0.1", 80), v4("127.0.0.1", 81)));
    QVERIFY(!SocketAddress::sameEndpoint(v4("127.0.0.1", 80), v4("127.0.0.2", 80)));
    QVERIFY(SocketAddress::sameEndpoint(v4("0.0.0.0", 80), v4("127.0.0.1", 80)));
    QVERIFY(SocketAddress::sameEndpoint(v4("127.0.0.1", 80), v4("", 80)));
    QVERIFY(SocketAddress::sameEndpoint(v6("::", 80), v4("127.0.0.1", 80)));
    QVERIFY(!SocketAddress::sameEndpoint(v4("0.0.0.0", 80), v6("::1", 80)));
    QVERIFY(SocketAddress::sameEndpoint(v6("::ffff:127.0.0.1", 80), v4("127.0.0.1", 80)));
    QVERIFY(SocketAddress::sameEndpoint(v6("::1", 80), v6("::1", 80)));
    QVERIFY(SocketAddress::sameEndpoint(*SocketAddress::unixPath("/tmp/a"), *SocketAddress::unixPath("/tmp/a")));
    QVERIFY(!SocketAddress::sameEndpoint(*SocketAddress::unixPath("/tmp/a"), *SocketAddress::unixPath("/tmp/b")));
    QVERIFY(!SocketAddress::sameEndpoint(SocketAddress(), SocketAddress()));
    QCOMPARE(v4("127.0.0.1", 80).hash(), v4("127.0.0.1", 80).hash());
    QVERIFY(v4("0.0.0.0", 1).isWildcard() && v6("::", 1).isWildcard() && !v4("127.0.0.1", 1).isWildcard());
}

QTEST_MAIN(TestSocketEndpoints)
#include "tst_socketendpoints.moc"
