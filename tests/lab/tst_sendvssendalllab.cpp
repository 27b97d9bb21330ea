// tst_sendvssendalllab: the send-vs-sendall lab on real loopback sockets, run as a learner
// runs it (Run all, then Enter in the receiver). While the receiver reads nothing, the
// sender's one send() takes fewer bytes than SIZE, its non-blocking send() loop ends in
// BlockingIOError [Errno 11], and its sendall() waits inside send() with bytes held in both
// kernel buffers. Once the receiver reads, sendall() goes on through several send() calls and
// returns; the receiver gets exactly SIZE bytes in several recv() calls, none of them
// BUFSIZ long; nothing stays open. The sender's listing, run by python3 against the lab's
// receiver, makes the same short send, meets the same BlockingIOError and waits the same way.
#include "LessonTestSupport.h"
#include "PythonProcess.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::countMatches;
using testsupport::firstMatch;
using testsupport::openSocketsOf;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;  // generous for sanitizer builds; a pass takes milliseconds
constexpr long long kSize = 60000;   // the lab's SIZE
constexpr long long kBufsiz = 65536; // the lab's BUFSIZ

long long number(const QRegularExpressionMatch &m, int group)
{
    return m.hasMatch() ? m.captured(group).toLongLong() : -1;
}

} // namespace

class TestSendVsSendallLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("send-vs-sendall")));
    }

    void shortSendThenSendallWaitsForTheReader()
    {
        LabSession session(*m_catalog.find(QStringLiteral("send-vs-sendall")));
        PaneRunner *receiver = session.pane(QStringLiteral("receiver"));
        PaneRunner *sender = session.pane(QStringLiteral("sender"));
        QCOMPARE(receiver->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy receiverOutput(receiver, &PaneRunner::output);
        QSignalSpy senderOutput(sender, &PaneRunner::output);
        QSignalSpy senderErrors(sender, &PaneRunner::errorOutput);
        session.runAll();

        // The sender ends up inside sendall(), its send() waiting for room.
        QTRY_VERIFY_WITH_TIMEOUT(sender->currentStep() == QLatin1String("sendall") && sender->blockedIn() == TraceCall::Send,
                                 kWaitMs);
        QCOMPARE(receiver->state(), State::WaitingForInput);
        QVERIFY2(senderErrors.isEmpty(), qPrintable(texts(senderErrors).join(QLatin1Char('|'))));

        const long long firstSend =
            number(firstMatch(senderOutput, QRegularExpression(QStringLiteral(R"(^send\(\) took (\d+) of 60000 bytes$)"))), 1);
        QVERIFY2(firstSend > 0 && firstSend < kSize, qPrintable(texts(senderOutput).join(QLatin1Char('|'))));
        const long long beforeBlocking = number(firstMatch(senderOutput, QRegularExpression(QStringLiteral(
            R"(^BlockingIOError: \[Errno 11\] Resource temporarily unavailable - sent (\d+) so far$)"))), 1);
        QVERIFY2(beforeBlocking >= firstSend && beforeBlocking < kSize, qPrintable(texts(senderOutput).join(QLatin1Char('|'))));
        QVERIFY(firstMatch(senderOutput, QRegularExpression(QStringLiteral(R"(^SO_SNDBUF: (\d+)$)"))).hasMatch());

        // Nothing has been read: what the kernel took sits in the sender's send queue and the
        // receiver's receive queue, both non-empty.
        QVERIFY(texts(receiverOutput).filter(QStringLiteral("recv(")).isEmpty());
        const auto senderSockets = openSocketsOf(session, "sender");
        const auto receiverSockets = openSocketsOf(session, "receiver");
        QCOMPARE(senderSockets.size(), std::size_t(1));
        QCOMPARE(receiverSockets.size(), std::size_t(2));  // the listener and the connection
        const KernelSample sending = senderSockets.front()->probe();
        const KernelSample receiving = receiverSockets.back()->probe();
        QVERIFY(sending.available && receiving.available);
        QVERIFY2(sending.sendQueue > 0, qPrintable(QString::number(sending.sendQueue)));
        QVERIFY2(receiving.receiveQueue > 0, qPrintable(QString::number(receiving.receiveQueue)));
        QVERIFY(std::uint64_t(receiving.receiveQueue) <= senderSockets.front()->bytesSent.load());

        // Enter in the receiver: it reads, and sendall() can finish.
        receiver->sendInput(QString());
        QTRY_COMPARE_WITH_TIMEOUT(sender->state(), State::Finished, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(receiver->state(), State::Finished, kWaitMs);
        QVERIFY(texts(senderOutput).contains(QStringLiteral("sendall() returned: all 60000 bytes are in the kernel")));
        QVERIFY(texts(receiverOutput).contains(QStringLiteral("received 60000 bytes in all")));

        // Several recv() calls, each returning less than BUFSIZ, adding up to SIZE.
        const QRegularExpression recvLine(QStringLiteral(R"(^recv\(65536\) returned (\d+) bytes$)"));
        long long total = 0;
        int calls = 0;
        for (const QString &line : texts(receiverOutput)) {
            const long long n = number(recvLine.match(line), 1);
            if (n < 0)
                continue;
            QVERIFY(n > 0 && n < kBufsiz);
            total += n;
            ++calls;
        }
        QCOMPARE(total, kSize);
        QVERIFY2(calls >= 2, qPrintable(QString::number(calls)));
        QCOMPARE(countMatches(receiverOutput, recvLine), calls);

        // The trace: sendall() of the rest, made of several send() calls, one of which waited.
        const std::uint32_t senderId = senderSockets.front()->id;
        bool inSendAll = false;
        long long sentInside = 0;
        int sendsInside = 0;
        bool waited = false;
        long long sendAllResult = -1;
        for (const TraceEvent &e : testsupport::drainTrace(session)) {
            if (e.socketId != senderId)
                continue;
            if (e.call == TraceCall::SendAll && e.phase == TracePhase::Begin)
                inSendAll = true;
            if (e.call == TraceCall::SendAll && e.phase == TracePhase::Returned) {
                inSendAll = false;
                sendAllResult = e.result;
            }
            if (inSendAll && e.call == TraceCall::Send && e.phase == TracePhase::Returned) {
                sentInside += e.result;
                ++sendsInside;
                waited = waited || e.blockedNs > 0;
            }
        }
        QCOMPARE(sendAllResult, kSize - beforeBlocking);
        QCOMPARE(sentInside, kSize - beforeBlocking);
        QVERIFY2(sendsInside >= 2, qPrintable(QString::number(sendsInside)));
        QVERIFY(waited);
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
    }

    void theSenderListingInPythonSendsShortToo()
    {
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed");
        LabSession session(*m_catalog.find(QStringLiteral("send-vs-sendall")));
        PaneRunner *receiver = session.pane(QStringLiteral("receiver"));
        PaneRunner *sender = session.pane(QStringLiteral("sender"));
        QCOMPARE(receiver->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy receiverOutput(receiver, &PaneRunner::output);
        QSignalSpy published(receiver, &PaneRunner::published);
        receiver->start();
        QVERIFY(published.wait(kWaitMs));
        QCoreApplication::processEvents();  // the sender's port follows what was published
        // The listing as the sender pane shows it, with the port the receiver bound.
        const QByteArray script = sender->listing().join(QLatin1Char('\n')).toUtf8();
        testsupport::PythonProcess python(script.constData());
        QVERIFY(python.started());
        QVERIFY(python.readLine().startsWith("SO_SNDBUF: "));
        const QRegularExpressionMatch took =
            QRegularExpression(QStringLiteral(R"(^send\(\) took (\d+) of 60000 bytes$)")).match(QString::fromUtf8(python.readLine()));
        QVERIFY(number(took, 1) > 0 && number(took, 1) < kSize);
        QVERIFY(python.readLine().startsWith("BlockingIOError: [Errno 11] Resource temporarily unavailable - sent "));
        QTRY_COMPARE_WITH_TIMEOUT(receiver->state(), State::WaitingForInput, kWaitMs);  // python's sendall() waits for it
        receiver->sendInput(QString());
        QCOMPARE(python.readLine(), QByteArray("sendall() returned: all 60000 bytes are in the kernel"));
        QVERIFY2(python.finish(), qPrintable(python.diagnostics()));
        QTRY_VERIFY_WITH_TIMEOUT(texts(receiverOutput).contains(QStringLiteral("received 60000 bytes in all")), kWaitMs);
        session.stopAll();
    }

    void stopWakesTheBlockedSendall()
    {
        LabSession session(*m_catalog.find(QStringLiteral("send-vs-sendall")));
        PaneRunner *receiver = session.pane(QStringLiteral("receiver"));
        PaneRunner *sender = session.pane(QStringLiteral("sender"));
        QCOMPARE(receiver->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        session.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(sender->blockedIn() == TraceCall::Send, kWaitMs);
        session.stopAll();
        QCOMPARE(sender->state(), State::Stopped);
        QCOMPARE(receiver->state(), State::Stopped);
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestSendVsSendallLab)
#include "tst_sendvssendalllab.moc"
