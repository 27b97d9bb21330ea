// tst_faults: each fault a lesson can inject changes what a program sees on real loopback
// sockets, exactly as the fault says, and the trace marks the calls it changed; a socket
// with no fault set behaves as before; Stop ends a call that waits for a fault's pause.
#include "CoreTestSupport.h"

#include <CancelToken.h>
#include <FaultPlan.h>
#include <TraceStream.h>

#include <QtTest>

#include <thread>

using namespace socketlab;

namespace {

// The Returned or Failed event of each call of `call` in the trace, in order.
std::vector<TraceEvent> endsOf(TraceStream &trace, TraceCall call)
{
    std::vector<TraceEvent> all;
    trace.drain(all);
    std::vector<TraceEvent> ends;
    for (const TraceEvent &e : all) {
        if (e.call == call && (e.phase == TracePhase::Returned || e.phase == TracePhase::Failed))
            ends.push_back(e);
    }
    return ends;
}

// Settings with one fault set (C++17 has no designated initializers).
template <typename T>
FaultSettings with(T FaultSettings::*field, long long value)
{
    FaultSettings s;
    s.*field = static_cast<T>(value);
    return s;
}

bool injected(const TraceEvent &e)
{
    return (e.flags & TraceFlagInjected) != 0;
}

struct Faulty {
    std::shared_ptr<TraceStream> trace = std::make_shared<TraceStream>();
    std::shared_ptr<FaultPlan> faults = std::make_shared<FaultPlan>();
    std::shared_ptr<CancelToken> cancel = CancelToken::create();
    SocketContext context() const { return SocketContext{trace, cancel, nullptr, "pane", faults}; }
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

private slots:
    void noFaultChangesNothing();
    void everyRecvShort();
    void nextRecvShortOnce();
    void sendsSplitIntoPieces();
    void recvCoalescesWhatArrivesMeanwhile();
    void sendDelayed();
    void connectRefused();
    void datagramDropped();
    void stopEndsAFaultsPause();
};

void TestFaults::noFaultChangesNothing()
{
    Faulty f;
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, f.context()));
    QVERIFY(!f.faults->isActive());
    QVERIFY(p.client.sendAll("0123456789"));
    QTRY_COMPARE(p.server.record()->probe().receiveQueue, std::int64_t{10});
    const Result<Bytes> got = p.server.recv(1024);
    QVERIFY(got);
    QCOMPARE(QByteArray::fromStdString(*got), QByteArray("0123456789"));
    for (const TraceEvent &e : endsOf(*f.trace, TraceCall::Recv))
        QVERIFY(!injected(e));
}

void TestFaults::everyRecvShort()
{
    Faulty f;
    f.faults->set(with(&FaultSettings::recvMax, 3));
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, f.context()));
    QVERIFY(p.client.sendAll("0123456789"));
    QTRY_COMPARE(p.server.record()->probe().receiveQueue, std::int64_t{10});  // all ten bytes wait
    QStringList pieces;
    for (int i = 0; i < 4; ++i) {
        const Result<Bytes> got = p.server.recv(1024);
        QVERIFY(got);
        pieces << QString::fromStdString(*got);
    }
    QCOMPARE(pieces, QStringList({QStringLiteral("012"), QStringLiteral("345"), QStringLiteral("678"), QStringLiteral("9")}));
    const std::vector<TraceEvent> recvs = endsOf(*f.trace, TraceCall::Recv);
    QCOMPARE(recvs.size(), std::size_t{4});
    for (const TraceEvent &e : recvs)
        QVERIFY(injected(e));  // the program asked for 1024: SocketLab lowered it
}

void TestFaults::nextRecvShortOnce()
{
    Faulty f;
    f.faults->set(with(&FaultSettings::nextRecvMax, 2));
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, f.context()));
    QVERIFY(p.client.sendAll("0123456789"));
    QTRY_COMPARE(p.server.record()->probe().receiveQueue, std::int64_t{10});
    QCOMPARE(QByteArray::fromStdString(*p.server.recv(1024)), QByteArray("01"));
    QVERIFY(!f.faults->isActive());  // used up
    QCOMPARE(QByteArray::fromStdString(*p.server.recv(1024)), QByteArray("23456789"));
    const std::vector<TraceEvent> recvs = endsOf(*f.trace, TraceCall::Recv);
    QCOMPARE(recvs.size(), std::size_t{2});
    QVERIFY(injected(recvs[0]));
    QVERIFY(!injected(recvs[1]));
}

void TestFaults::sendsSplitIntoPieces()
{
    Faulty f;
    f.faults->set(with(&FaultSettings::sendPiece, 4));
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, f.context()));
    // send() takes one piece: a short send, which a program must check for.
    const Result<std::size_t> sent = p.client.send("0123456789");
    QVERIFY(sent);
    QCOMPARE(*sent, std::size_t{4});
    // sendall() goes on until every byte is out, one piece per send.
    QVERIFY(p.client.sendAll("abcdefghij"));
    std::vector<TraceEvent> sends = endsOf(*f.trace, TraceCall::Send);
    QCOMPARE(sends.size(), std::size_t{4});
    QCOMPARE(sends[0].result, std::int64_t{4});
    QCOMPARE(sends[1].result, std::int64_t{4});
    QCOMPARE(sends[2].result, std::int64_t{4});
    QCOMPARE(sends[3].result, std::int64_t{2});
    for (const TraceEvent &e : sends)
        QVERIFY(injected(e));
    Bytes all;
    while (all.size() < 14) {
        const Result<Bytes> got = p.server.recv(1024);
        QVERIFY(got && !got->empty());
        all += *got;
    }
    QCOMPARE(QByteArray::fromStdString(all), QByteArray("0123abcdefghij"));  // nothing lost or reordered
}

void TestFaults::recvCoalescesWhatArrivesMeanwhile()
{
    Faulty f;
    f.faults->set(with(&FaultSettings::coalesceMs, 400));
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, f.context()));
    Result<Bytes> got = Bytes();
    std::thread reader([&] { got = p.server.recv(1024); });  // waits before it reads
    QVERIFY(p.client.sendAll("one "));
    QVERIFY(p.client.sendAll("two "));
    QVERIFY(p.client.sendAll("three"));
    reader.join();
    QVERIFY(got);
    QCOMPARE(QByteArray::fromStdString(*got), QByteArray("one two three"));  // three sends, one recv
    const std::vector<TraceEvent> recvs = endsOf(*f.trace, TraceCall::Recv);
    QCOMPARE(recvs.size(), std::size_t{1});
    QVERIFY(injected(recvs[0]));
}

void TestFaults::sendDelayed()
{
    Faulty f;
    f.faults->set(with(&FaultSettings::delayMs, 150));
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, f.context()));
    std::vector<TraceEvent> before;
    f.trace->drain(before);
    QVERIFY(p.client.send("x"));
    std::vector<TraceEvent> all;
    f.trace->drain(all);
    QCOMPARE(all.size(), std::size_t{2});
    QCOMPARE(all[0].phase, TracePhase::Begin);
    QCOMPARE(all[1].phase, TracePhase::Returned);
    QVERIFY(all[1].timeNs - all[0].timeNs >= 150'000'000);  // it waited at least the delay
    QVERIFY(injected(all[1]));
}

void TestFaults::connectRefused()
{
    Faulty f;
    f.faults->set(with(&FaultSettings::refuseConnects, 1));
    Socket listener = testsupport::boundLoopback(SOCK_STREAM);
    QVERIFY(listener.isOpen());
    const SocketAddress address = *listener.getSockName();
    auto first = Socket::create(AF_INET, SOCK_STREAM, 0, f.context());
    QVERIFY(first);
    const Status refused = first->connect(address);
    QVERIFY(!refused);
    QCOMPARE(refused.error().pythonString(), std::string("ConnectionRefusedError: [Errno 111] Connection refused"));
    QCOMPARE(listener.record()->probe().acceptQueueLength, 0u);  // no handshake happened
    auto second = Socket::create(AF_INET, SOCK_STREAM, 0, f.context());
    QVERIFY(second);
    QVERIFY(second->connect(address));  // only the first was refused
    const std::vector<TraceEvent> connects = endsOf(*f.trace, TraceCall::Connect);
    QCOMPARE(connects.size(), std::size_t{2});
    QCOMPARE(connects[0].phase, TracePhase::Failed);
    QVERIFY(injected(connects[0]));
    QCOMPARE(connects[1].phase, TracePhase::Returned);
    QVERIFY(!injected(connects[1]));
}

void TestFaults::datagramDropped()
{
    Faulty f;
    f.faults->set(with(&FaultSettings::dropDatagrams, 1));
    Socket receiver = testsupport::boundLoopback(SOCK_DGRAM);
    QVERIFY(receiver.isOpen());
    auto sender = Socket::create(AF_INET, SOCK_DGRAM, 0, f.context());
    QVERIFY(sender);
    const SocketAddress to = *receiver.getSockName();
    const Result<std::size_t> lost = sender->sendTo("lost", to);
    QVERIFY(lost);
    QCOMPARE(*lost, std::size_t{4});  // UDP's sendto cannot know
    QVERIFY(sender->sendTo("kept", to));
    const Result<Datagram> got = receiver.recvFrom(64);
    QVERIFY(got);
    QCOMPARE(QByteArray::fromStdString(got->data), QByteArray("kept"));
    QCOMPARE(receiver.record()->probe().receiveQueue, std::int64_t{0});  // and nothing else came
    const std::vector<TraceEvent> sends = endsOf(*f.trace, TraceCall::SendTo);
    QCOMPARE(sends.size(), std::size_t{2});
    QVERIFY(injected(sends[0]));
    QVERIFY(!injected(sends[1]));
}

void TestFaults::stopEndsAFaultsPause()
{
    Faulty f;
    f.faults->set(with(&FaultSettings::delayMs, 60'000));
    testsupport::TcpPair p;
    QVERIFY(testsupport::makeTcpPair(p, f.context()));
    Result<std::size_t> sent = std::size_t{0};
    std::thread sender([&] { sent = p.client.send("x"); });
    QVERIFY(testsupport::waitUntil([&] { return f.trace->size() >= 1; }));  // inside the call
    f.cancel->cancel();
    sender.join();  // a minute's delay, ended by Stop
    QVERIFY(!sent);
    QCOMPARE(sent.error().kind(), ErrorKind::Cancelled);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
