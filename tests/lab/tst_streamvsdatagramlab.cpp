// tst_streamvsdatagramlab: the stream-vs-datagram lab on real loopback sockets. Three
// sendall() calls while the receiver is held before accept(): one recv() returns all three
// messages, and three recvfrom() return three datagrams. With a small BUFSIZ the naive line
// reader prints half lines while the buffering line reader and the length-prefix reader give
// the messages whole; and with a sender cut into pieces by an injected fault, the naive reader
// breaks even with a large BUFSIZ.
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <TraceEvent.h>

#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::heldAt;
using testsupport::stepLabUntil;
using testsupport::texts;
using testsupport::tracedResults;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;
const QStringList kMessages{QStringLiteral("first message"), QStringLiteral("second"), QStringLiteral("and the third one")};

QStringList prefixed(const QString &prefix, const QStringList &items)
{
    QStringList out;
    for (const QString &item : items)
        out << prefix + item;
    return out;
}

QStringList startingWith(const QSignalSpy &output, const QString &prefix)
{
    QStringList out;
    for (const QString &line : texts(output)) {
        if (line.startsWith(prefix))
            out << line;
    }
    return out;
}

} // namespace

class TestStreamVsDatagramLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

    // Receiver on a free port with these settings, held before accept(); the sender run to its
    // end meanwhile; then the receiver let go and run to its end. Its printed lines.
    QStringList runHeld(LabSession &session, const QString &bufsize, const QString &reader, const QString &framing)
    {
        PaneRunner *sender = session.pane(QStringLiteral("sender"));
        PaneRunner *receiver = session.pane(QStringLiteral("receiver"));
        if (!receiver->setParam(QStringLiteral("port"), QStringLiteral("0")).isEmpty()
            || !receiver->setParam(QStringLiteral("bufsize"), bufsize).isEmpty()
            || !receiver->setParam(QStringLiteral("reader"), reader).isEmpty()
            || !sender->setParam(QStringLiteral("framing"), framing).isEmpty())
            return {QStringLiteral("a parameter was refused")};
        QSignalSpy receiverOutput(receiver, &PaneRunner::output);
        QSignalSpy senderFinished(sender, &PaneRunner::finished);
        QSignalSpy receiverFinished(receiver, &PaneRunner::finished);
        session.runAll();
        if (!senderFinished.wait(kWaitMs) || sender->state() != State::Finished)
            return {QStringLiteral("the sender did not finish: ") + sender->lastError()};
        if (!QTest::qWaitFor([&] { return heldAt(receiver, QStringLiteral("accept")); }, kWaitMs))
            return {QStringLiteral("the receiver is not held at accept()")};
        receiver->run();
        if (!receiverFinished.wait(kWaitMs) || receiver->state() != State::Finished)
            return {QStringLiteral("the receiver did not finish: ") + receiver->lastError()};
        return texts(receiverOutput);
    }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("stream-vs-datagram")));
    }

    void threeSendsOneRecvThreeDatagramsThreeRecvfrom()
    {
        LabSession session(*m_catalog.find(QStringLiteral("stream-vs-datagram")));
        std::vector<TraceEvent> trace;
        const QStringList printed = runHeld(session, QStringLiteral("1024"), QStringLiteral("read_chunks"), QStringLiteral("newline"));
        QCOMPARE(printed, (QStringList{QStringLiteral("recv -> b'first message\\nsecond\\nand the third one\\n'"),
                                       QStringLiteral("recvfrom -> b'first message\\n'"),
                                       QStringLiteral("recvfrom -> b'second\\n'"),
                                       QStringLiteral("recvfrom -> b'and the third one\\n'")}));
        QCOMPARE(tracedResults(session, trace, TraceCall::SendAll), (QList<qint64>{14, 7, 18}));  // three sendall()
        QCOMPARE(tracedResults(session, trace, TraceCall::SendTo), (QList<qint64>{14, 7, 18}));  // three datagrams
        QCOMPARE(tracedResults(session, trace, TraceCall::Recv), (QList<qint64>{39, 0}));        // one recv() took all, then b''
        QCOMPARE(tracedResults(session, trace, TraceCall::RecvFrom), (QList<qint64>{14, 7, 18}));
        session.stopAll();
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
    }

    void readersUnderASmallBufsize_data()
    {
        QTest::addColumn<QString>("bufsize");
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QString>("framing");
        QTest::addColumn<QStringList>("stream");     // what the reader printed
        QTest::addColumn<QStringList>("datagrams");  // what recvfrom(BUFSIZ) printed

        const QStringList whole = prefixed(QStringLiteral("line: "), kMessages);
        const QStringList datagrams{QStringLiteral("recvfrom -> b'first message\\n'"), QStringLiteral("recvfrom -> b'second\\n'"),
                                    QStringLiteral("recvfrom -> b'and the third one\\n'")};
        QTest::newRow("read_chunks, BUFSIZ 5: pieces cut anywhere")
            << QStringLiteral("5") << QStringLiteral("read_chunks") << QStringLiteral("newline")
            << QStringList{QStringLiteral("recv -> b'first'"), QStringLiteral("recv -> b' mess'"), QStringLiteral("recv -> b'age\\ns'"),
                           QStringLiteral("recv -> b'econd'"), QStringLiteral("recv -> b'\\nand '"), QStringLiteral("recv -> b'the t'"),
                           QStringLiteral("recv -> b'hird '"), QStringLiteral("recv -> b'one\\n'")}
            << QStringList{QStringLiteral("recvfrom -> b'first'"), QStringLiteral("recvfrom -> b'secon'"),
                           QStringLiteral("recvfrom -> b'and t'")};  // a datagram's tail is lost
        QTest::newRow("read_lines_naive, BUFSIZ 5: half lines")
            << QStringLiteral("5") << QStringLiteral("read_lines_naive") << QStringLiteral("newline")
            << QStringList{QStringLiteral("line: first"), QStringLiteral("line:  mess"), QStringLiteral("line: age"),
                           QStringLiteral("line: s"), QStringLiteral("line: econd"), QStringLiteral("line: "),
                           QStringLiteral("line: and "), QStringLiteral("line: the t"), QStringLiteral("line: hird "),
                           QStringLiteral("line: one")}
            << QStringList{QStringLiteral("recvfrom -> b'first'"), QStringLiteral("recvfrom -> b'secon'"),
                           QStringLiteral("recvfrom -> b'and t'")};
        QTest::newRow("read_lines_naive, BUFSIZ 1024: whole by luck")
            << QStringLiteral("1024") << QStringLiteral("read_lines_naive") << QStringLiteral("newline") << whole << datagrams;
        QTest::newRow("read_lines, BUFSIZ 5") << QStringLiteral("5") << QStringLiteral("read_lines") << QStringLiteral("newline")
                                              << whole
                                              << QStringList{QStringLiteral("recvfrom -> b'first'"), QStringLiteral("recvfrom -> b'secon'"),
                                                             QStringLiteral("recvfrom -> b'and t'")};
        QTest::newRow("read_lines, BUFSIZ 1") << QStringLiteral("1") << QStringLiteral("read_lines") << QStringLiteral("newline")
                                              << whole
                                              << QStringList{QStringLiteral("recvfrom -> b'f'"), QStringLiteral("recvfrom -> b's'"),
                                                             QStringLiteral("recvfrom -> b'a'")};
        const QStringList messages = prefixed(QStringLiteral("message: "), kMessages);
        const QStringList prefixedDatagrams{QStringLiteral("recvfrom -> b'\\x00\\rfirst message'"),
                                            QStringLiteral("recvfrom -> b'\\x00\\x06second'"),
                                            QStringLiteral("recvfrom -> b'\\x00\\x11and the third one'")};
        QTest::newRow("read_length_prefixed, BUFSIZ 1") << QStringLiteral("1") << QStringLiteral("read_length_prefixed")
                                                        << QStringLiteral("length") << messages
                                                        << QStringList{QStringLiteral("recvfrom -> b'\\x00'"), QStringLiteral("recvfrom -> b'\\x00'"),
                                                                       QStringLiteral("recvfrom -> b'\\x00'")};
        QTest::newRow("read_length_prefixed, BUFSIZ 1024") << QStringLiteral("1024") << QStringLiteral("read_length_prefixed")
                                                           << QStringLiteral("length") << messages << prefixedDatagrams;
    }

    void readersUnderASmallBufsize()
    {
        QFETCH(QString, bufsize);
        QFETCH(QString, reader);
        QFETCH(QString, framing);
        QFETCH(QStringList, stream);
        QFETCH(QStringList, datagrams);
        LabSession session(*m_catalog.find(QStringLiteral("stream-vs-datagram")));
        const QStringList printed = runHeld(session, bufsize, reader, framing);
        QCOMPARE(printed.mid(0, qsizetype(stream.size())), stream);
        QCOMPARE(printed.mid(qsizetype(stream.size())), datagrams);
        session.stopAll();
    }

    void piecesFromTheSenderBreakTheNaiveReaderWhateverBufsize_data()
    {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<bool>("whole");
        QTest::newRow("read_lines_naive") << QStringLiteral("read_lines_naive") << false;
        QTest::newRow("read_lines") << QStringLiteral("read_lines") << true;
    }

    void piecesFromTheSenderBreakTheNaiveReaderWhateverBufsize()
    {
        // The receiver reads while the sender's bytes arrive 4 at a time (FaultPlan's
        // sendPiece, as a slow network would deliver them): BUFSIZ 4096 does not help the naive
        // reader; the buffering reader is not disturbed.
        QFETCH(QString, reader);
        QFETCH(bool, whole);
        LabSession session(*m_catalog.find(QStringLiteral("stream-vs-datagram")));
        PaneRunner *sender = session.pane(QStringLiteral("sender"));
        PaneRunner *receiver = session.pane(QStringLiteral("receiver"));
        QCOMPARE(receiver->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QCOMPARE(receiver->setParam(QStringLiteral("bufsize"), QStringLiteral("4096")), QString());
        QCOMPARE(receiver->setParam(QStringLiteral("reader"), reader), QString());
        FaultSettings pieces;
        pieces.sendPiece = 4;
        sender->faults().set(pieces);
        QSignalSpy receiverOutput(receiver, &PaneRunner::output);
        QSignalSpy receiverFinished(receiver, &PaneRunner::finished);
        receiver->start();
        QTRY_VERIFY_WITH_TIMEOUT(heldAt(receiver, QStringLiteral("accept")), kWaitMs);
        receiver->run();  // into accept() and on: it reads as the pieces come
        QTRY_COMPARE_WITH_TIMEOUT(receiver->blockedIn(), TraceCall::Accept, kWaitMs);
        sender->start();  // its port follows the receiver's
        QVERIFY(receiverFinished.wait(kWaitMs));
        QCOMPARE(receiver->state(), State::Finished);
        const QStringList lines = startingWith(receiverOutput, QStringLiteral("line: "));
        if (whole) {
            QCOMPARE(lines, prefixed(QStringLiteral("line: "), kMessages));
        } else {
            QVERIFY2(lines.size() > kMessages.size(), qPrintable(lines.join(QLatin1Char('|'))));
            QVERIFY(!prefixed(QStringLiteral("line: "), kMessages).contains(lines.first()));  // 'first' is not a line that was sent
        }
        // The datagrams were sent whole (sendPiece cuts streams only) and arrive whole.
        QCOMPARE(startingWith(receiverOutput, QStringLiteral("recvfrom -> ")).size(), 3);
        session.stopAll();
    }

    void stepsReachTheHeldAcceptAfterTheSenderIsDone()
    {
        // Stepping the lab as the window's Step does: the sender (first pane) moves whenever it
        // can, so it has sent everything before the receiver passes accept().
        LabSession session(*m_catalog.find(QStringLiteral("stream-vs-datagram")));
        PaneRunner *sender = session.pane(QStringLiteral("sender"));
        PaneRunner *receiver = session.pane(QStringLiteral("receiver"));
        QCOMPARE(receiver->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy receiverOutput(receiver, &PaneRunner::output);
        QVERIFY(stepLabUntil(session, [&] { return !receiverOutput.isEmpty(); }, 120));
        QTRY_VERIFY_WITH_TIMEOUT(!receiverOutput.isEmpty(), kWaitMs);
        QCOMPARE(sender->state(), State::Finished);
        QCOMPARE(texts(receiverOutput).first(), QStringLiteral("recv -> b'first message\\nsecond\\nand the third one\\n'"));
        session.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestStreamVsDatagramLab)
#include "tst_streamvsdatagramlab.moc"
