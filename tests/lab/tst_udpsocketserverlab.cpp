// tst_udpsocketserverlab: the udp-socketserver lab (UDPServer + DatagramRequestHandler) and the
// socketserver-echo lab (TCPServer + BaseRequestHandler) on real loopback sockets: each line
// typed in the client pane comes back timestamped / upper-cased byte for byte, the server pane
// prints what the Python listing prints, and the handler's own lines are stepped.
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::stampedReply;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;

QStringList stepIds(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << QStringLiteral("%1@%2").arg(args.at(0).toString()).arg(args.at(1).toInt());
    return out;
}

} // namespace

class TestUdpSocketServerLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("udp-socketserver")));
        QVERIFY(m_catalog.find(QStringLiteral("socketserver-echo")));
    }

    void eachDatagramIsOneRequest()
    {
        LabSession session(*m_catalog.find(QStringLiteral("udp-socketserver")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy serverSteps(server, &PaneRunner::stepReached);
        QSignalSpy clientOutput(client, &PaneRunner::output);
        QSignalSpy clientFinished(client, &PaneRunner::finished);
        const QStringList lines{QStringLiteral("hello"), QStringLiteral("héllo 世界"), QStringLiteral("no line end needed")};
        for (const QString &line : lines)
            client->sendInput(line);
        client->sendInput(QString());
        session.runAll();
        QVERIFY(clientFinished.wait(kWaitMs));
        QVERIFY2(client->state() == State::Finished, qPrintable(client->lastError()));

        QStringList answers;
        for (const QString &text : texts(clientOutput)) {
            if (const QRegularExpressionMatch m = stampedReply().match(text); m.hasMatch())
                answers << m.captured(1);
        }
        QCOMPARE(answers, lines);  // readline() on a datagram: the whole datagram, no "\n" needed
        // One request per datagram, all from the client's one socket. The server's lines reach
        // the GUI through its own queue: the client may have finished before they are delivered.
        auto receivedLines = [&] { return texts(serverOutput).filter(QStringLiteral("...received from: ('127.0.0.1', ")).size(); };
        QTRY_COMPARE_WITH_TIMEOUT(receivedLines(), lines.size(), kWaitMs);
        const QStringList received = texts(serverOutput).filter(QStringLiteral("...received from: ('127.0.0.1', "));
        QCOMPARE(received.size(), lines.size());
        QCOMPARE(QSet<QString>(received.begin(), received.end()).size(), 1);
        const QStringList handler = stepIds(serverSteps).filter(QStringLiteral("handle-"));
        QCOMPARE(handler.mid(0, 2), (QStringList{QStringLiteral("handle-print@12"), QStringLiteral("handle-reply@13")}));
        QVERIFY(server->isActive());
        // No connection, no new socket per request: the server's one socket and the client's.
        int serverSockets = 0;
        for (const auto &record : session.registry()->snapshot())
            serverSockets += record->owner == "server" ? 1 : 0;
        QCOMPARE(serverSockets, 1);
        session.stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(session.registry()->openCount(), std::size_t(0), 10000);  // a stopped program may take a moment to wind down
    }

    void echoServerUpperCasesEachLine()
    {
        LabSession session(*m_catalog.find(QStringLiteral("socketserver-echo")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy serverSteps(server, &PaneRunner::stepReached);
        QSignalSpy clientOutput(client, &PaneRunner::output);
        QSignalSpy clientFinished(client, &PaneRunner::finished);
        client->sendInput(QStringLiteral("hello world"));
        client->sendInput(QStringLiteral("héllo 世界"));
        client->sendInput(QString());
        session.runAll();
        QVERIFY(clientFinished.wait(kWaitMs));
        QVERIFY2(client->state() == State::Finished, qPrintable(client->lastError()));

        QCOMPARE(texts(clientOutput).filter(QStringLiteral("Received: ")),
                 (QStringList{QStringLiteral("Received: HELLO WORLD"), QStringLiteral("Received: HéLLO 世界")}));
        QCOMPARE(texts(clientOutput).filter(QStringLiteral("Sent: ")),
                 (QStringList{QStringLiteral("Sent:     hello world"), QStringLiteral("Sent:     héllo 世界")}));
        // What Python prints: the host, then the stripped bytes' repr.
        QTRY_COMPARE_WITH_TIMEOUT(texts(serverOutput).filter(QStringLiteral("b'")),
                                  (QStringList{QStringLiteral("b'hello world'"),
                                               QStringLiteral("b'h\\xc3\\xa9llo \\xe4\\xb8\\x96\\xe7\\x95\\x8c'")}),
                                  kWaitMs);
        QCOMPARE(texts(serverOutput).filter(QStringLiteral("127.0.0.1 wrote:")).size(), 2);
        QCOMPARE(stepIds(serverSteps).filter(QStringLiteral("handle-")).mid(0, 3),
                 (QStringList{QStringLiteral("handle-recv@10"), QStringLiteral("handle-print@11"),
                              QStringLiteral("handle-sendall@13")}));
        session.stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(session.registry()->openCount(), std::size_t(0), 10000);  // a stopped program may take a moment to wind down
    }
};

QTEST_GUILESS_MAIN(TestUdpSocketServerLab)
#include "tst_udpsocketserverlab.moc"
