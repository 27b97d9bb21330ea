// tst_headlessinput: what input() does with bytes that are not UTF-8. Python's input() raises
// UnicodeDecodeError and the program ends; SocketLab must do the same, visibly, and never send
// the line altered (U+FFFD in place of the bytes). Checked end to end on the real binary
// (`socketlab --lab tcp-timestamp --run client` with bytes on stdin, against a listener of
// this test), on a pane, and for the error's text against python3's own decoder.
#include "LabTestSupport.h"
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

} // namespace

class TestHeadlessInput : public QObject {
    Q_OBJECT
private slots:
    void headlessClientRaisesOnBytesThatAreNotUtf8();
    void paneRaisesAndSendsNothing();
    void validLinesStillGoOutUnchanged();
    void decodeErrorsReadAsPythonWritesThem();
};

// The issue's case: `printf 'hello\nA\xff\xfeB\n' | socketlab --lab tcp-timestamp --run client`.
void TestHeadlessInput::headlessClientRaisesOnBytesThatAreNotUtf8()
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

void TestHeadlessInput::paneRaisesAndSendsNothing()
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
void TestHeadlessInput::validLinesStillGoOutUnchanged()
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
void TestHeadlessInput::decodeErrorsReadAsPythonWritesThem()
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

QTEST_GUILESS_MAIN(TestHeadlessInput)
#include "tst_headlessinput.moc"
