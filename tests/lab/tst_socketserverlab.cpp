// tst_socketserverlab: the socketserver lab's programs (tsTservSS / tsTclntSS) on real
// loopback sockets. The handler's own listing lines are stepped while serve_forever runs
// it; every line typed is one connection and one timestamped answer; Stop wakes a server
// blocked in serve_forever or in the handler's readline() within a second, leaving nothing
// open; the tutorial's own Python 3 client gets the same bytes.
#include "LabTestSupport.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::stampedReply;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;     // generous for sanitizer builds; a pass takes milliseconds
constexpr int kPromptlyMs = 1000;  // "back to a clean state within one second"

// The tutorial's tsTclntSS.py in Python 3, reading lines from stdin.
const char *const kPythonClient = R"(
import sys
from socket import *
ADDR = ('127.0.0.1', int(sys.argv[1]))
while True:
    tcpCliSock = socket(AF_INET, SOCK_STREAM)
    tcpCliSock.connect(ADDR)
    data = input('> ')
    if not data:
        break
    tcpCliSock.send(bytes('%s\r\n' % data, 'utf-8'))
    data = tcpCliSock.recv(1024)
    if not data:
        break
    print(data.decode('utf-8').strip())
    tcpCliSock.close()
)";

} // namespace

class TestSocketServerLab : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("socketserver")));
    }

    void eachLineIsOneConnectionAndOneAnswer()
    {
        LabSession session(*m_catalog.find(QStringLiteral("socketserver")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy clientOutput(client, &PaneRunner::output);
        QSignalSpy serverSteps(server, &PaneRunner::stepReached);
        QSignalSpy clientFinished(client, &PaneRunner::finished);
        const QStringList lines{QStringLiteral("hello"), QStringLiteral("héllo 世界"), QStringLiteral("third")};
        for (const QString &line : lines)
            client->sendInput(line);
        client->sendInput(QString());
        session.runAll();
        QVERIFY(clientFinished.wait(kWaitMs));
        QVERIFY2(client->state() == State::Finished, qPrintable(client->lastError()));

        // The answers, stripped as the client prints them, in order.
        QStringList answers;
        for (const QString &text : texts(clientOutput)) {
            const QRegularExpressionMatch m = stampedReply().match(text);
            if (m.hasMatch())
                answers << m.captured(1);
        }
        QCOMPARE(answers, lines);
        // One connection per line: the handler ran for each (and once more for the
        // connection the client opens before reading the empty line, as the tutorial's does).
        QTRY_COMPARE_WITH_TIMEOUT(texts(serverOutput).filter(QStringLiteral("...connected from: ('127.0.0.1', ")).size(),
                                  lines.size() + 1, kWaitMs);
        // The handler's own lines were stepped: 12 (print) and 13 (wfile.write(... readline())).
        QStringList handlerSteps;
        for (const QList<QVariant> &args : serverSteps) {
            if (args.at(0).toString().startsWith(QLatin1String("handle-")))
                handlerSteps << QStringLiteral("%1@%2").arg(args.at(0).toString()).arg(args.at(1).toInt());
        }
        QCOMPARE(handlerSteps.mid(0, 2), (QStringList{QStringLiteral("handle-print@12"), QStringLiteral("handle-reply@13")}));
        QVERIFY(server->isActive());  // serve_forever goes on
        int clientSockets = 0;
        for (const auto &record : session.registry()->snapshot())
            clientSockets += record->owner == "client" ? 1 : 0;
        QVERIFY(clientSockets >= lines.size() + 1);  // a new socket every time round the loop
    }

    void stopWakesServeForeverAndReadline_data()
    {
        QTest::addColumn<bool>("inReadline");
        QTest::newRow("in serve_forever") << false;
        QTest::newRow("in the handler's readline") << true;
    }

    void stopWakesServeForeverAndReadline()
    {
        QFETCH(bool, inReadline);
        const int before = testsupport::openDescriptorCount();
        {
            LabSession session(*m_catalog.find(QStringLiteral("socketserver")));
            PaneRunner *server = session.pane(QStringLiteral("server"));
            QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
            QSignalSpy published(server, &PaneRunner::published);
            QSignalSpy errors(server, &PaneRunner::errorOutput);
            QSignalSpy output(server, &PaneRunner::output);
            server->start();
            QVERIFY(published.wait(kWaitMs));
            const auto port = static_cast<std::uint16_t>(published.last().at(1).toString().toUInt());

            Socket silent;  // connects and sends no line end: the handler's readline() waits
            if (inReadline) {
                auto created = Socket::create(AF_INET, SOCK_STREAM);
                QVERIFY(created);
                silent = std::move(created).value();
                QVERIFY(silent.connect(SocketAddress::loopback(AF_INET, port)));
                QVERIFY(silent.send("no line end yet"));
                QTRY_VERIFY_WITH_TIMEOUT(server->blockedIn() == TraceCall::RecvInto, kWaitMs);
            } else {
                QTRY_VERIFY_WITH_TIMEOUT(server->blockedIn() == TraceCall::ServeForever, kWaitMs);
            }
            QElapsedTimer clock;
            clock.start();
            session.stopAll();
            QCOMPARE(server->state(), State::Stopped);
            QVERIFY2(clock.elapsed() < kPromptlyMs, qPrintable(QString::number(clock.elapsed())));
            QVERIFY(errors.isEmpty());  // a stop is not the learner's error
            QVERIFY(texts(output).filter(QStringLiteral("cancel")).isEmpty());  // nor a handle_error report
            QCOMPARE(session.registry()->openCount(), std::size_t(0));
        }
        QCOMPARE(testsupport::openDescriptorCount(), before);
    }

    void pythonClientGetsTheAnswers()
    {
        const QString python = testsupport::python3();
        REQUIRE_WITNESS(!python.isEmpty(), "python3 is not installed: the tutorial's own client cannot be run");
        LabSession session(*m_catalog.find(QStringLiteral("socketserver")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QSignalSpy published(server, &PaneRunner::published);
        server->start();
        QVERIFY(published.wait(kWaitMs));

        QProcess client;
        client.start(python, {QStringLiteral("-c"), QString::fromLatin1(kPythonClient), published.last().at(1).toString()});
        QVERIFY2(client.waitForStarted(kWaitMs), qPrintable(client.errorString()));
        client.write("one\nzwei drei\n\n");
        client.closeWriteChannel();
        // The server runs on this thread's event loop's behalf: keep it turning while waiting.
        QTRY_VERIFY_WITH_TIMEOUT(client.state() == QProcess::NotRunning, kWaitMs);
        QCOMPARE(client.exitCode(), 0);
        const QStringList printed = QString::fromUtf8(client.readAllStandardOutput()).split(QStringLiteral("> "), Qt::SkipEmptyParts);
        QStringList answers;
        for (const QString &chunk : printed) {
            const QRegularExpressionMatch m = stampedReply().match(chunk.trimmed());
            if (m.hasMatch())
                answers << m.captured(1);
        }
        QCOMPARE(answers, (QStringList{QStringLiteral("one"), QStringLiteral("zwei drei")}));
        session.stopAll();
    }

private:
    LabCatalog m_catalog;
};

QTEST_GUILESS_MAIN(TestSocketServerLab)
#include "tst_socketserverlab.moc"
