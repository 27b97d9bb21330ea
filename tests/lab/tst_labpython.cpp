// tst_labpython: the lab's panes against the tutorial's own programs in Python 3, over TCP
// and UDP. A python3 tsTclnt / tsUclnt typing lines at the lab's server pane gets back each
// line after "[ctime] "; the lab's client pane talking to a python3 tsTserv / tsUserv shows
// that server's replies byte for byte. Skipped when python3 is not installed.
#include "LabTestSupport.h"

#include "PythonProcess.h"

#include <LabLoader.h>
#include <PaneRunner.h>

#include <QDateTime>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::texts;
using State = PaneRunner::State;


namespace {

constexpr int kProcessTimeoutMs = testsupport::PythonProcess::kTimeoutMs;

// The tutorial's tsTclnt.py in Python 3, reading lines as the learner types them. Its own
// port goes to stderr so the server's "connected from" line can be checked against it.
const char *const kTsTclnt = R"py(
import sys
from socket import *

HOST = '127.0.0.1'
PORT = int(sys.argv[1])
BUFSIZ = 1024
ADDR = (HOST, PORT)

tcpCliSock = socket(AF_INET, SOCK_STREAM)
tcpCliSock.settimeout(20)  # a broken server fails the test instead of hanging it
tcpCliSock.connect(ADDR)
print(tcpCliSock.getsockname()[1], file=sys.stderr, flush=True)

while True:
    data = input('> ')
    if not data:
        break
    tcpCliSock.send(bytes(data, 'utf-8'))
    data = tcpCliSock.recv(BUFSIZ)
    if not data:
        break
    print(data.decode('utf-8'))

tcpCliSock.close()
)py";

// tsUclnt.py in Python 3, likewise; its port goes to stderr once its first sendto() bound it.
const char *const kTsUclnt = R"py(
import sys
from socket import *

HOST = '127.0.0.1'
PORT = int(sys.argv[1])
BUFSIZ = 1024
ADDR = (HOST, PORT)

udpCliSock = socket(AF_INET, SOCK_DGRAM)
udpCliSock.settimeout(20)

while True:
    data = input('> ')
    if not data:
        break
    udpCliSock.sendto(bytes(data, 'utf-8'), ADDR)
    data, ADDR = udpCliSock.recvfrom(BUFSIZ)
    if not data:
        break
    print(data.decode('utf-8'))
print(udpCliSock.getsockname()[1], file=sys.stderr, flush=True)  # the port the first sendto() bound
udpCliSock.close()
)py";

// tsTserv.py in Python 3 on a free port, printed first. Each reply also goes to stderr in
// hex, before it is sent, so the test knows exactly which bytes left.
const char *const kTsTserv = R"py(
import sys
from socket import *
from time import ctime

HOST = '127.0.0.1'
PORT = 0
BUFSIZ = 1024
ADDR = (HOST, PORT)

tcpSerSock = socket(AF_INET, SOCK_STREAM)
tcpSerSock.bind(ADDR)
tcpSerSock.listen(5)
print(tcpSerSock.getsockname()[1], flush=True)

while True:
    print('waiting for connection...', flush=True)
    tcpCliSock, addr = tcpSerSock.accept()
    print('...connected from:', addr, flush=True)

    while True:
        data = tcpCliSock.recv(BUFSIZ)
        if not data:
            break
        reply = b'[%s] %s' % (bytes(ctime(), 'utf-8'), data)
        print(reply.hex(), file=sys.stderr, flush=True)
        tcpCliSock.send(reply)
    tcpCliSock.close()
tcpSerSock.close()
)py";

// tsUserv.py in Python 3, likewise.
const char *const kTsUserv = R"py(
import sys
from socket import *
from time import ctime

HOST = '127.0.0.1'
PORT = 0
BUFSIZ = 1024
ADDR = (HOST, PORT)

udpSerSock = socket(AF_INET, SOCK_DGRAM)
udpSerSock.bind(ADDR)
print(udpSerSock.getsockname()[1], flush=True)

while True:
    print('waiting for message...', flush=True)
    data, addr = udpSerSock.recvfrom(BUFSIZ)
    reply = b'[%s] %s' % (bytes(ctime(), 'utf-8'), data)
    print(reply.hex(), file=sys.stderr, flush=True)
    udpSerSock.sendto(reply, addr)
    print('...received from and returned to:', addr, flush=True)
udpSerSock.close()
)py";

using Python = testsupport::PythonProcess;

// Splits "[ctime] data" into the stamp and the data; the stamp must be Python's ctime() of
// a second in [from, to].
bool splitStamped(const QByteArray &reply, QByteArray *data, const QDateTime &from, const QDateTime &to)
{
    const testsupport::Stamp stamp = testsupport::stampOf(QString::fromLatin1(reply.left(64)));
    if (!stamp.within(from, to))
        return false;
    *data = reply.mid(stamp.length);
    return true;
}

} // namespace

class TestLabPython : public QObject {
    Q_OBJECT

private:
    PaneDefinition paneOf(const QString &lab, const QString &pane) const { return *m_catalog.find(lab)->pane(pane); }
    LabCatalog m_catalog;
    const QStringList m_lines = {QStringLiteral("hello"), QStringLiteral("héllo 世界"), QStringLiteral("three words here")};

private slots:
    void initTestCase();
    void pythonClientAgainstLabServer_data();
    void pythonClientAgainstLabServer();
    void labClientAgainstPythonServer_data();
    void labClientAgainstPythonServer();
};

void TestLabPython::initTestCase()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(),
                    "python3 is not installed: the cross-checks with the tutorial's Python programs need it");
    m_catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(m_catalog.errors().isEmpty());
    QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")) && m_catalog.find(QStringLiteral("udp-timestamp")));
}

void TestLabPython::pythonClientAgainstLabServer_data()
{
    QTest::addColumn<QString>("labId");
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("servedLine");  // what the lab server prints per client, with %1 the port
    QTest::newRow("tsTclnt vs lab tsTserv") << QStringLiteral("tcp-timestamp") << QByteArray(kTsTclnt)
                                            << QStringLiteral("...connected from: ('127.0.0.1', %1)");
    QTest::newRow("tsUclnt vs lab tsUserv") << QStringLiteral("udp-timestamp") << QByteArray(kTsUclnt)
                                            << QStringLiteral("...received from and returned to: ('127.0.0.1', %1)");
}

void TestLabPython::pythonClientAgainstLabServer()
{
    QFETCH(QString, labId);
    QFETCH(QByteArray, script);
    QFETCH(QString, servedLine);
    PaneRunner server(paneOf(labId, QStringLiteral("server")), std::make_shared<TraceStream>(), std::make_shared<SocketRegistry>());
    QCOMPARE(server.setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QSignalSpy published(&server, &PaneRunner::published);
    QSignalSpy serverOutput(&server, &PaneRunner::output);
    server.start();
    QVERIFY(published.wait(kProcessTimeoutMs));
    // As a learner would: the client goes once the server waits in accept() / recvfrom().
    QTRY_VERIFY_WITH_TIMEOUT(server.blockedIn() != TraceCall::None, kProcessTimeoutMs);

    const QDateTime from = QDateTime::currentDateTime();
    Python client(script.constData(), {published.first().at(1).toString()});
    QVERIFY2(client.started(), "python3 did not start");
    for (const QString &line : m_lines)
        client.process().write(line.toUtf8() + '\n');
    client.process().write("\n");  // the empty line that ends tsTclnt / tsUclnt
    client.process().closeWriteChannel();
    QVERIFY2(client.finish(), qPrintable(client.diagnostics()));
    const QDateTime to = QDateTime::currentDateTime();

    // stdout: "> " before every input(), then each reply as print() shows it.
    const QByteArray out = client.out();
    QList<QByteArray> shown = out.split('\n');
    QCOMPARE(shown.size(), m_lines.size() + 1);
    QCOMPARE(shown.takeLast(), QByteArray("> "));
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        QVERIFY2(shown.at(i).startsWith("> "), shown.at(i).constData());
        QByteArray data;
        QVERIFY2(splitStamped(shown.at(i).mid(2), &data, from, to), shown.at(i).constData());
        QCOMPARE(data, m_lines.at(i).toUtf8());
    }

    // The lab server saw the python client's own address.
    const QList<QByteArray> err = client.errorLines(1);
    QVERIFY2(!err.isEmpty(), qPrintable(client.diagnostics()));
    const QString served = servedLine.arg(QString::fromLatin1(err.first().trimmed()));
    QTRY_VERIFY_WITH_TIMEOUT(texts(serverOutput).contains(served), kProcessTimeoutMs);
    QCOMPARE(server.state(), State::Running);  // and goes on serving
    QVERIFY(server.lastError().isEmpty());
    server.stop();
}

void TestLabPython::labClientAgainstPythonServer_data()
{
    QTest::addColumn<QString>("labId");
    QTest::addColumn<QByteArray>("script");
    QTest::newRow("lab tsTclnt vs tsTserv") << QStringLiteral("tcp-timestamp") << QByteArray(kTsTserv);
    QTest::newRow("lab tsUclnt vs tsUserv") << QStringLiteral("udp-timestamp") << QByteArray(kTsUserv);
}

void TestLabPython::labClientAgainstPythonServer()
{
    QFETCH(QString, labId);
    QFETCH(QByteArray, script);
    Python server(script.constData());
    QVERIFY2(server.started(), "python3 did not start");
    const QByteArray port = server.readLine();
    QVERIFY2(!port.isEmpty() && port.toUShort() != 0, qPrintable(server.diagnostics()));

    PaneRunner client(paneOf(labId, QStringLiteral("client")), std::make_shared<TraceStream>(), std::make_shared<SocketRegistry>());
    QCOMPARE(client.setParam(QStringLiteral("port"), QString::fromLatin1(port)), QString());
    QSignalSpy output(&client, &PaneRunner::output);
    QSignalSpy finished(&client, &PaneRunner::finished);
    for (const QString &line : m_lines)
        client.sendInput(line);
    client.sendInput(QString());
    const QDateTime from = QDateTime::currentDateTime();
    client.start();
    QVERIFY2(finished.wait(kProcessTimeoutMs), qPrintable(server.diagnostics()));
    const QDateTime to = QDateTime::currentDateTime();
    QVERIFY2(client.state() == State::Finished, qPrintable(client.lastError()));
    QCOMPARE(client.exitCode(), 0);

    // The python server's replies, byte for byte, as it logged them before sending.
    const QList<QByteArray> sent = server.errorLines(m_lines.size());
    QVERIFY2(sent.size() == m_lines.size(), qPrintable(server.diagnostics()));
    const QStringList console = texts(output);
    QCOMPARE(console.size(), 2 * m_lines.size() + 1);
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        QCOMPARE(console.at(2 * i), QStringLiteral("> ") + m_lines.at(i));
        const QByteArray reply = QByteArray::fromHex(sent.at(i));
        QCOMPARE(console.at(2 * i + 1).toUtf8(), reply);
        QByteArray data;
        QVERIFY2(splitStamped(reply, &data, from, to), reply.constData());
        QCOMPARE(data, m_lines.at(i).toUtf8());
    }
    QCOMPARE(console.last(), QStringLiteral("> "));
    QVERIFY(server.process().state() == QProcess::Running);  // the tutorial's server serves on
}

QTEST_GUILESS_MAIN(TestLabPython)
#include "tst_labpython.moc"
