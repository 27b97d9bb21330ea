// tst_kernelunixudp: the kernel's Unix and UDP socket tables read through sock_diag
// (KernelUnixSockets.h, kernelUdpSocketsOnPorts) on real sockets, and a socket known only by
// its inode (another process's, as ForeignSockets sees it) sampled from them: unread bytes
// in a socketpair and in a connection on a bound path, the peer inode, a listener's accept
// queue, an abstract name, a queued datagram.
#include "RawSockets.h"

#include <ForeignSockets.h>
#include <KernelSockets.h>
#include <KernelUnixSockets.h>
#include <SocketAddress.h>
#include <SocketRecord.h>
#include <SocketSnapshot.h>

#include <QTemporaryDir>
#include <QtTest>

#include <netinet/tcp.h>
#include <sys/stat.h>
#include <sys/un.h>

using namespace socketlab;
using testsupport::raw::Fd;

namespace {

std::uint64_t inodeOf(int fd)
{
    struct stat st{};
    return ::fstat(fd, &st) == 0 ? std::uint64_t(st.st_ino) : 0;
}

std::optional<KernelUnixSocket> unixRow(std::uint64_t inode)
{
    const auto rows = kernelUnixSockets();
    if (!rows)
        return std::nullopt;
    for (const KernelUnixSocket &row : *rows) {
        if (row.inode == inode)
            return row;
    }
    return std::nullopt;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    return ::send(fd, bytes.constData(), std::size_t(bytes.size()), MSG_NOSIGNAL) == bytes.size();
}

sockaddr_un unixAddress(const QByteArray &name)
{
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::memcpy(a.sun_path, name.constData(), std::min(std::size_t(name.size()), sizeof a.sun_path - 1));
    return a;
}

// The kernel sample a snapshot gives a socket known only by its inode.
SocketSample foreignSample(int family, int type, std::uint64_t inode, const SocketAddress &local = {})
{
    auto record = SocketRecord::foreign(family, type, "elsewhere", inode);
    record->setEndpoints(local, {});
    const SocketSnapshot snapshot = SocketSnapshot::of({record});
    return snapshot.sockets().front();
}

} // namespace

class TestKernelUnixUdp : public QObject {
    Q_OBJECT
private slots:
    void socketpairShowsUnreadBytesAndPeer();
    void boundStreamPairShowsQueuesAndPath();
    void abstractNameIsNamed();
    void queuedDatagramShowsOnUdpRow();
};

void TestKernelUnixUdp::socketpairShowsUnreadBytesAndPeer()
{
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
    Fd a(fds[0]), b(fds[1]);
    const QByteArray bytes(37, 'x');
    QVERIFY(writeAll(a.get(), bytes));

    const auto row = unixRow(inodeOf(b.get()));
    QVERIFY2(row, "the socketpair's end is in the kernel's Unix table");
    QCOMPARE(row->type, SOCK_STREAM);
    QCOMPARE(row->state, TCP_ESTABLISHED);
    QCOMPARE(row->receiveQueue, 37u);
    QCOMPARE(row->peerInode, inodeOf(a.get()));
    QCOMPARE(row->displayName(), std::string("*"));

    const SocketSample sample = foreignSample(AF_UNIX, SOCK_STREAM, inodeOf(b.get()));
    QVERIFY(sample.kernel.available);
    QCOMPARE(sample.kernel.receiveQueue, 37);
    QCOMPARE(sample.peerInode, inodeOf(a.get()));

    char sink[64];
    QCOMPARE(::recv(b.get(), sink, sizeof sink, 0), 37);
    QCOMPARE(foreignSample(AF_UNIX, SOCK_STREAM, inodeOf(b.get())).kernel.receiveQueue, 0);
}

void TestKernelUnixUdp::boundStreamPairShowsQueuesAndPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray path = dir.filePath(QStringLiteral("s.sock")).toUtf8();
    const sockaddr_un address = unixAddress(path);
    Fd listener(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QCOMPARE(::bind(listener.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    QCOMPARE(::listen(listener.get(), 4), 0);
    Fd client(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QCOMPARE(::connect(client.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    Fd waiting(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QCOMPARE(::connect(waiting.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);

    auto row = unixRow(inodeOf(listener.get()));
    QVERIFY(row);
    QVERIFY(row->isListening());
    QCOMPARE(row->receiveQueue, 2u);  // two connections wait for accept()
    QCOMPARE(row->sendQueue, 4u);  // the backlog
    QCOMPARE(QByteArray::fromStdString(row->path), path);

    Fd served(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(served.get() >= 0);
    QVERIFY(writeAll(client.get(), QByteArray(5, 'y')));
    row = unixRow(inodeOf(served.get()));
    QVERIFY(row);
    QCOMPARE(row->receiveQueue, 5u);
    QCOMPARE(row->peerInode, inodeOf(client.get()));
    QCOMPARE(unixRow(inodeOf(listener.get()))->receiveQueue, 1u);  // one connection still waits

    const SocketSample listening = foreignSample(AF_UNIX, SOCK_STREAM, inodeOf(listener.get()));
    QVERIFY(listening.kernel.listening);
    QCOMPARE(listening.kernel.acceptQueueLength, 1u);
    QCOMPARE(QByteArray::fromStdString(listening.local.path()), path);
}

void TestKernelUnixUdp::abstractNameIsNamed()
{
    const QByteArray name = "socketlab-test-" + QByteArray::number(::getpid());
    const sockaddr_un address = unixAddress('\0' + name);
    Fd s(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + std::size_t(name.size()));
    QCOMPARE(::bind(s.get(), reinterpret_cast<const sockaddr *>(&address), length), 0);
    const auto row = unixRow(inodeOf(s.get()));
    QVERIFY(row);
    QCOMPARE(row->type, SOCK_DGRAM);
    QCOMPARE(QByteArray::fromStdString(row->abstractName), name);
    QCOMPARE(QByteArray::fromStdString(row->displayName()), '@' + name);
}

void TestKernelUnixUdp::queuedDatagramShowsOnUdpRow()
{
    Fd receiver(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    sockaddr_in address = testsupport::raw::ipv4("127.0.0.1", 0);
    QCOMPARE(::bind(receiver.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    QCOMPARE(::getsockname(receiver.get(), reinterpret_cast<sockaddr *>(&address), &length), 0);
    const std::uint16_t port = ntohs(address.sin_port);
    const std::uint64_t inode = inodeOf(receiver.get());

    auto before = kernelUdpSocketsOnPorts({port});
    QVERIFY(before);
    QCOMPARE(before->size(), std::size_t(1));
    QCOMPARE(before->front().inode, inode);
    QCOMPARE(before->front().protocol, int(IPPROTO_UDP));
    QCOMPARE(before->front().tcpState, TCP_CLOSE);  // ss: UNCONN
    QCOMPARE(before->front().receiveQueue, 0u);

    Fd sender(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const QByteArray datagram(100, 'd');
    QCOMPARE(::sendto(sender.get(), datagram.constData(), std::size_t(datagram.size()), 0,
                      reinterpret_cast<const sockaddr *>(&address), sizeof address),
             ssize_t(datagram.size()));
    auto after = kernelUdpSocketsOnPorts({port});
    QVERIFY(after);
    QCOMPARE(after->size(), std::size_t(1));
    // The kernel counts the memory the datagram takes (as ss's Recv-Q), more than its bytes.
    QVERIFY2(after->front().receiveQueue >= 100u, qPrintable(QString::number(after->front().receiveQueue)));

    const SocketSample sample = foreignSample(AF_INET, SOCK_DGRAM, inode, *SocketAddress::ipv4("127.0.0.1", port));
    QVERIFY(sample.kernel.available);
    QVERIFY(sample.kernel.receiveQueue >= 100);
    QCOMPARE(sample.kernel.tcpState, -1);  // no TCP state for the table to show
}

QTEST_GUILESS_MAIN(TestKernelUnixUdp)
#include "tst_kernelunixudp.moc"
