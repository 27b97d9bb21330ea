// tst_headlessrun: the app in a terminal (`socketlab --lab ID --run PANE`) when things go wrong.
// - Bytes on stdin that are not UTF-8: Python's input() raises UnicodeDecodeError and the
//   program ends; SocketLab does the same, visibly, and never sends the line altered (U+FFFD
//   in place of the bytes). Checked on the real binary against a listener of this test, on a
//   pane, and for the error's text against python3's own decoder.
// - A socketserver pane at the descriptor limit (its RLIMIT_NOFILE lowered from outside, as
//   `prlimit --nofile` does): it says "OSError: [Errno 24] Too many open files" once with what
//   it means, does not spin, and answers the clients that waited once the limit is raised.
#include "LabTestSupport.h"
#include "ProcessProbes.h"
#include "PythonProcess.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LineInput.h>
#include <PaneRunner.h>
#include <PythonUtf8.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

#include <sys/resource.h>
#include <unistd.h>

using namespace socketlab;
using testsupport::texts;

namespace {

constexpr int kWaitMs = 20000;
const QByteArray kNotUtf8("A\xff\xfe" "B", 4);
const char *const kPythonError = "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte";

// Reads from an accepted connection until the peer closes it (or the deadline): all it sent.
QByteArray readUntilClosed(Socket &connection)
{
    QByteArray all;
    for (;;) {
        auto chunk = connection.recv(4096);
        if (!chunk || chunk->empty())
            return all;
        all += QByteArray::fromStdString(*chunk);
    }
}

// A server pane run by the binary: `socketlab --lab ID --run server --set port=0 ...`.
class HeadlessServer {
public:
    HeadlessServer(const QString &lab, const QStringList &options)
    {
        m_process.start(QStringLiteral(SOCKETLAB_BINARY), QStringList{QStringLiteral("--lab"), lab, QStringLiteral("--run"),
                                                                      QStringLiteral("server"), QStringLiteral("--set"),
                                                                      QStringLiteral("port=0")} + options);
    }
    ~HeadlessServer()
    {
        m_process.kill();
        m_process.waitForFinished(kWaitMs);
    }
    QProcess &process() { return m_process; }
    // The port it bound, once it says so on stderr ("socketlab: server port = 40123").
    std::uint16_t port()
    {
        static const QRegularExpression said(QStringLiteral("server port = (\\d+)"));
        QRegularExpressionMatch m;
        (void)QTest::qWaitFor([&] { return (m = said.match(QString::fromUtf8(m_err += m_process.readAllStandardError()))).hasMatch(); },
                              kWaitMs);
        return static_cast<std::uint16_t>(m.captured(1).toUInt());
    }
    // Everything on stdout so far (the pane's console).
    const QByteArray &console() { return m_out += m_process.readAllStandardOutput(); }

private:
    QProcess m_process;
    QByteArray m_out, m_err;
};

// The lowest descriptor number a process does not use: with RLIMIT_NOFILE there, its next
// accept() fails with EMFILE.
rlim_t lowestFreeDescriptor(qint64 pid)
{
    QList<int> used;
    for (const QString &name : QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries))
        used << name.toInt();
    rlim_t n = 0;
    while (used.contains(int(n)))
        ++n;
    return n;
}

} // namespace

class TestHeadlessRun : public QObject {
    Q_OBJECT
private slots:
    void headlessClientRaisesOnBytesThatAreNotUtf8();
    void paneRaisesAndSendsNothing();
    void validLinesStillGoOutUnchanged();
    void decodeErrorsReadAsPythonWritesThem();
    void serverPaneAtTheDescriptorLimit_data();
    void serverPaneAtTheDescriptorLimit();
};

// The issue's case: `printf 'hello\nA\xff\xfeB\n' | socketlab --lab tcp-timestamp --run client`.
void TestHeadlessRun::headlessClientRaisesOnBytesThatAreNotUtf8()
{
    Socket listener = testsupport::boundLoopback();
    QVERIFY(listener.isOpen());
    QVERIFY(listener.setTimeout(kWaitMs / 1000.0));
    QProcess client;
    client.start(QStringLiteral(SOCKETLAB_BINARY),
                 {QStringLiteral("--lab"), QStringLiteral("tcp-timestamp"), QStringLiteral("--run"), QStringLiteral("client"),
                  QStringLiteral("--set"), QStringLiteral("port=%1").arg(testsupport::portOf(listener))});
    QVERIFY(client.waitForStarted(kWaitMs));
    client.write("hello\n" + kNotUtf8 + "\nnever sent\n");
    QVERIFY(client.waitForBytesWritten(kWaitMs));  // the socket calls below block this thread's event loop
    client.closeWriteChannel();

    auto accepted = listener.accept();
    QVERIFY2(accepted, accepted ? "" : accepted.error().pythonString().c_str());
    Socket &connection = accepted->socket;
    QVERIFY(connection.setTimeout(kWaitMs / 1000.0));
    auto first = connection.recv(4096);
    QVERIFY(first);
    QCOMPARE(QByteArray::fromStdString(*first), QByteArray("hello"));
    QVERIFY(connection.send("[a stamp] hello"));
    // After the raise the client ends: its socket closes, and nothing else ever arrives.
    QCOMPARE(readUntilClosed(connection), QByteArray());

    QVERIFY(client.waitForFinished(kWaitMs));
    const QByteArray err = client.readAllStandardError();
    QCOMPARE(client.exitStatus(), QProcess::NormalExit);
    QCOMPARE(client.exitCode(), 1);  // as python3 ends on an uncaught exception
    QVERIFY2(err.contains(kPythonError), err.constData());
    QVERIFY2(client.readAllStandardOutput().contains("[a stamp] hello"), "the line before was answered");
}

void TestHeadlessRun::paneRaisesAndSendsNothing()
{
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    Socket listener = testsupport::boundLoopback();
    QVERIFY(listener.setTimeout(kWaitMs / 1000.0));
    PaneRunner runner(*catalog.find(QStringLiteral("tcp-timestamp"))->pane(QStringLiteral("client")), nullptr,
                      std::make_shared<SocketRegistry>());
    QCOMPARE(runner.setParam(QStringLiteral("port"), QString::number(testsupport::portOf(listener))), QString());
    QSignalSpy errors(&runner, &PaneRunner::errorOutput);
    QSignalSpy finished(&runner, &PaneRunner::finished);
    runner.sendInputBytes(kNotUtf8 + '\n');
    runner.start();
    auto accepted = listener.accept();
    QVERIFY(accepted);
    QVERIFY(accepted->socket.setTimeout(kWaitMs / 1000.0));
    QCOMPARE(readUntilClosed(accepted->socket), QByteArray());
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.first().at(0).toInt(), 1);
    QCOMPARE(runner.state(), PaneRunner::State::Failed);
    QCOMPARE(texts(errors), QStringList{QString::fromLatin1(kPythonError)});
    QCOMPARE(runner.lastError(), QString::fromLatin1(kPythonError));
}

// Bytes that are UTF-8 (Chinese, an emoji) pass through input() unchanged, without their
// newline; "\r\n" ends a line as "\n" does.
void TestHeadlessRun::validLinesStillGoOutUnchanged()
{
    LineInput input(CancelToken::create());
    const std::string chinese = "\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x98\x80";
    input.push(chinese + "\n");
    input.push("plain\r\n");
    input.push("typed in the window");
    input.stop();
    QCOMPARE(input.next().value_or("<none>"), chinese);
    QCOMPARE(input.next().value_or("<none>"), std::string("plain"));
    QCOMPARE(input.next().value_or("<none>"), std::string("typed in the window"));
    QVERIFY(!input.next());
}

// python3 is the oracle: for each byte string, b.decode('utf-8') raises the same text, or
// decodes when we find nothing wrong. Hand-picked edge cases plus random short strings.
void TestHeadlessRun::decodeErrorsReadAsPythonWritesThem()
{
    if (testsupport::python3().isEmpty())
        QSKIP("python3 is not installed: the decoder's texts cannot be compared with Python's");
    QList<QByteArray> cases = {
        kNotUtf8, QByteArray("\xe2" "A"), QByteArray("\xe2\x82"), QByteArray("A\xe2\x82\n"),
        QByteArray("\xf0\x82\x82\x82"), QByteArray("\xed\xa0\x80"), QByteArray("\xc0\x80"), QByteArray("\xf4\x90\x80\x80"),
        QByteArray("\xe0\x80\x80"), QByteArray("abc\xf0\x9f\x98"), QByteArray("\xf0\x90" "A"), QByteArray("\xf0\x90\x80"),
        QByteArray("\xf5"), QByteArray("\x80"), QByteArray("ok \xe4\xbd\xa0"), QByteArray("\xc2"),
        QByteArray("\xed\x9f\xbf"), QByteArray("\xf4\x8f\xbf\xbf"), QByteArray("\xef\xbf\xbd"), QByteArray("x\0y", 3)};
    QRandomGenerator random(20);  // fixed seed: the same strings every run
    for (int i = 0; i < 300; ++i) {
        QByteArray b;
        for (int n = int(random.bounded(1, 6)); n > 0; --n)  // bytes from the interesting ranges
            b += char(QList<int>{0x41, 0x80, 0x9f, 0xa0, 0xbf, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
                          .at(int(random.bounded(14))));
        cases << b;
    }
    QStringList hex;
    for (const QByteArray &b : cases)
        hex << QString::fromLatin1(b.toHex());
    testsupport::PythonProcess python(R"(
import sys
for h in sys.argv[1:]:
    try:
        bytes.fromhex(h).decode('utf-8')
        print('ok')
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError: ' + str(e))
)", hex);
    QVERIFY(python.started());
    for (const QByteArray &b : cases) {
        const QByteArray expected = python.readLine();
        const std::optional<std::string> ours = pythonUtf8DecodeError(b.toStdString());
        QCOMPARE(ours ? QByteArray::fromStdString(*ours) : QByteArray("ok"), expected);
    }
}

void TestHeadlessRun::serverPaneAtTheDescriptorLimit_data()
{
    QTest::addColumn<QString>("lab");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("explained");  // the start of the explanation, in the run's language
    const QString english = QStringLiteral("This process has used every file descriptor");
    QTest::newRow("TCPServer") << "socketserver" << QStringList{QStringLiteral("--lang"), QStringLiteral("en")} << english;
    QTest::newRow("echo server") << "socketserver-echo" << QStringList{QStringLiteral("--lang"), QStringLiteral("en")} << english;
    QTest::newRow("ThreadingTCPServer, in Chinese")
        << "socketserver-concurrency"
        << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--set"), QStringLiteral("server=ThreadingTCPServer")}
        << QStringLiteral("这个进程已经用完");
}

void TestHeadlessRun::serverPaneAtTheDescriptorLimit()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // The sanitizers' runtime needs descriptors of its own: UBSan checks an object's type by
    // copying its memory through a pipe, which a program at its descriptor limit cannot make,
    // and then reports the exception being thrown as of the wrong type. The default build
    // runs this test; here it would test the sanitizer.
    QSKIP("at the descriptor limit the sanitizer runtime cannot make its own pipe");
#endif
    QFETCH(QString, lab);
    QFETCH(QStringList, options);
    QFETCH(QString, explained);
    HeadlessServer server(lab, options);
    const std::uint16_t port = server.port();
    QVERIFY(port != 0);
    QVERIFY(QTest::qWaitFor([&] { return server.console().contains("waiting for connection"); }, kWaitMs));
    const qint64 pid = server.process().processId();
    const rlimit atTheLimit{lowestFreeDescriptor(pid), 4096};
    QCOMPARE(::prlimit(pid_t(pid), RLIMIT_NOFILE, &atTheLimit, nullptr), 0);

    std::vector<Socket> clients;
    for (int i = 0; i < 2; ++i) {
        auto c = Socket::create(AF_INET, SOCK_STREAM);
        QVERIFY(c && c->setTimeout(kWaitMs / 1000.0));
        QVERIFY(c->connect(SocketAddress::loopback(AF_INET, port)));
        QVERIFY(c->sendAll("hello\r\n"));
        clients.push_back(std::move(c).value());
    }
    QVERIFY2(QTest::qWaitFor([&] { return server.console().contains("[Errno 24]"); }, kWaitMs), server.console().constData());
    const double busy = testsupport::busyFraction(pid);  // the pane stays at the limit throughout
    QVERIFY2(busy < 0.15, qPrintable(QStringLiteral("%1 % of a CPU at the descriptor limit").arg(busy * 100, 0, 'f', 0)));

    const rlimit roomy{4096, 4096};
    QCOMPARE(::prlimit(pid_t(pid), RLIMIT_NOFILE, &roomy, nullptr), 0);
    for (Socket &c : clients) {
        QByteArray reply;
        for (auto chunk = c.recv(4096); chunk && !chunk->empty(); chunk = c.recv(4096))
            reply += QByteArray::fromStdString(*chunk);
        QVERIFY2(reply.toLower().contains("hello"), reply.constData());
    }
    const QString console = QString::fromUtf8(server.console());
    QCOMPARE(console.count(QStringLiteral("OSError: [Errno 24] Too many open files")), 1);
    QVERIFY2(console.contains(QStringLiteral("\u2192 ") + explained), qPrintable(console));
    QVERIFY2(!console.contains(QStringLiteral("socketlab::")), "no C++ names in what the learner reads");
}

QTEST_GUILESS_MAIN(TestHeadlessRun)
#include "tst_headlessrun.moc"
