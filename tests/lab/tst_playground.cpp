// tst_playground: the socket-object lab's playground on real loopback sockets. A history of
// calls meets each error the lesson names (accept before listen, send unconnected, bind
// twice, listen on UDP, recv with nothing queued on a non-blocking socket, use after close,
// connect_ex returning 111); its sockets are listed in the registry under the playground
// pane; the saved script, run by python3, prints the same lines and errors (only results
// that hold a descriptor, a kernel-chosen port or a folder's path may differ); Stop ends a
// blocked accept() within a second and the GUI thread never waits for it.
#include "PythonProcess.h"
#include "TestSupport.h"

#include <ExerciseCheck.h>
#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <SocketRegistry.h>
#include <playground/PlaygroundEngine.h>

#include <KernelOnlySockets.h>
#include <RunFeed.h>

#include <QElapsedTimer>
#include <QTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using Entry = PlaygroundEngine::Entry;

namespace {

constexpr int kWaitMs = 20000;

bool allDone(const PlaygroundEngine &engine)
{
    return !engine.isBusy();
}

} // namespace

class TestPlayground : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void errorsAsPythonRaisesThem();
    void scriptReproducesTheSession();
    void badArgumentsAreRefused();
    void stopEndsABlockedAccept();  // and Reset a blocked recv()
    void closeLeavesTimeWait();
    void callsSentByOthersAreListed();
    void exerciseNeedsATimeout_data();
    void exerciseNeedsATimeout();

private:
    // Makes the call and waits for its outcome; the entry it made.
    const Entry *run(PlaygroundEngine &engine, const QString &method, const QString &socket, const QStringList &args = {});
    LabCatalog m_catalog;
    QList<Entry> m_history;  // the first test's session, for the script test
    QString m_script;
};

void TestPlayground::initTestCase()
{
    m_catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
    QVERIFY(m_catalog.find(QStringLiteral("socket-object")));
}

const Entry *TestPlayground::run(PlaygroundEngine &engine, const QString &method, const QString &socket, const QStringList &args)
{
    const qsizetype before = engine.history().size();
    const QString refused = engine.call(method, socket, args);
    if (!refused.isEmpty()) {
        qWarning("refused: %s", qPrintable(refused));
        return nullptr;
    }
    if (engine.history().size() != before + 1 || !QTest::qWaitFor([&] { return allDone(engine); }, kWaitMs))
        return nullptr;
    return &engine.history().last();
}

void TestPlayground::errorsAsPythonRaisesThem()
{
    LabSession session(*m_catalog.find(QStringLiteral("socket-object")));
    PlaygroundEngine engine(&session);
    QVERIFY(engine.pane());
    // The peers listen before a call may name them.
    session.runAll();
    QTRY_VERIFY_WITH_TIMEOUT(engine.pane()->paramValues().value(QStringLiteral("tcppeer")).toInt() > 0, kWaitMs);

    struct Case { QString method, socket; QStringList args; QString expect; };
    const QList<Case> cases{
        {"socket", "", {"AF_INET", "SOCK_STREAM"}, ""},
        {"accept", "s1", {}, "OSError: [Errno 22] Invalid argument"},
        {"send", "s1", {"hi"}, "BrokenPipeError: [Errno 32] Broken pipe"},
        {"bind", "s1", {"('127.0.0.1', 0)"}, "None"},
        {"bind", "s1", {"('127.0.0.1', 0)"}, "OSError: [Errno 22] Invalid argument"},
        {"socket", "", {"AF_INET", "SOCK_DGRAM"}, ""},
        {"listen", "s2", {"5"}, "OSError: [Errno 95] Operation not supported"},
        {"socket", "", {"AF_INET", "SOCK_STREAM"}, ""},
        {"connect_ex", "s3", {"s1.getsockname()"}, "111"},  // s1 is bound, not listening: refused
        {"socket", "", {"AF_INET", "SOCK_STREAM"}, ""},  // a failed connect() leaves a socket unusable
        {"connect", "s4", {"peer_tcp"}, "None"},
        {"setblocking", "s4", {"False"}, "None"},
        {"recv", "s4", {"1024"}, "BlockingIOError: [Errno 11] Resource temporarily unavailable"},
        {"sendall", "s4", {"héllo"}, "None"},
        {"setblocking", "s4", {"True"}, "None"},
        {"recv", "s4", {"1024"}, "b'H\\xc3\\xa9LLO'"},
        {"recv", "s4", {"1024"}, "b''"},
        {"close", "s4", {}, "None"},
        {"recv", "s4", {"1024"}, "OSError: [Errno 9] Bad file descriptor"},
        {"fileno", "s4", {}, "-1"},
        {"gettimeout", "s4", {}, "None"},
        {"close", "s4", {}, "None"},
        {"connect_ex", "s4", {"('127.0.0.1', 1)"}, "9"},  // returned too: EBADF
        {"getsockopt", "s1", {"SOL_SOCKET, SO_TYPE"}, "1"},
        {"settimeout", "s1", {"2.5"}, "None"},
        {"gettimeout", "s1", {}, "2.5"},
        {"socket", "", {"AF_UNIX", "SOCK_STREAM"}, ""},
        {"bind", "s5", {"'a.sock'"}, "None"},
        {"listen", "s5", {"5"}, "None"},
        {"socket", "", {"AF_UNIX", "SOCK_STREAM"}, ""},
        {"connect", "s6", {"s5.getsockname()"}, "None"},
        {"accept", "s5", {}, "''"},
        {"send", "conn1", {"x"}, "1"},
        {"recv_into", "s6", {"16"}, "1"},
        {"socket", "", {"AF_INET6", "SOCK_DGRAM"}, ""},
        {"bind", "s7", {"('127.0.0.1', 0)"}, "socket.gaierror: [Errno -9] Address family for hostname not supported"},
        {"sendto", "s7", {"x", "peer_udp"}, "socket.gaierror: [Errno -9] Address family for hostname not supported"},
        {"makefile", "s7", {"rb"}, ""},
        // str is not bytes: 'héllo' is five characters, six bytes in UTF-8, five in Latin-1.
        {"socket", "", {"AF_INET", "SOCK_DGRAM"}, ""},
        {"bind", "s8", {"('127.0.0.1', 0)"}, "None"},
        {"sendto", "s8", {"'héllo'.encode()", "s8.getsockname()"}, "6"},
        {"sendto", "s8", {"'héllo'.encode('latin-1')", "s8.getsockname()"}, "5"},
        {"recv", "s8", {"1024"}, "b'h\\xc3\\xa9llo'"},
        {"recv", "s8", {"1024"}, "b'h\\xe9llo'"},
        // A cut UTF-8 sequence, then a byte UTF-8 never uses: what decode(errors='replace') makes of them.
        {"sendto", "s8", {QStringLiteral("'a\u00e2\u0082\u00ffz'.encode('latin-1')"), "s8.getsockname()"}, "5"},
        {"recv", "s8", {"1024"}, "b'a\\xe2\\x82\\xffz'"},
        // A non-blocking connect_ex() returns before the handshake's outcome: EINPROGRESS.
        {"socket", "", {"AF_INET", "SOCK_STREAM"}, ""},
        {"setblocking", "s9", {"False"}, "None"},
        {"connect_ex", "s9", {"s1.getsockname()"}, "115"},
    };
    QStringList closed;
    for (const Case &c : cases) {
        const Entry *e = run(engine, c.method, c.socket, c.args);
        QVERIFY2(e, qPrintable(c.method + QLatin1Char(' ') + c.socket));
        qInfo("%s -> %s", qPrintable(e->pythonLine), qPrintable(e->outcome.ok ? e->outcome.result : e->outcome.error));
        QCOMPARE(e->state, Entry::State::Done);
        const QString shown = e->outcome.ok ? e->outcome.result : e->outcome.error;
        if (!c.expect.isEmpty())
            QCOMPARE(shown, c.expect);
        if (c.method == QLatin1String("socket"))
            QVERIFY2(e->outcome.ok && shown.startsWith(QLatin1String("<socket.socket fd=")), qPrintable(shown));
        // Every call shows the system call beneath, but those Python answers itself: a close()
        // of a closed socket, the three that read what Python keeps, an address that failed
        // in getaddrinfo() before the call.
        const bool pythonOnly = QStringList{"gettimeout", "fileno", "makefile"}.contains(c.method)
                                || (c.method == QLatin1String("close") && closed.contains(c.socket))
                                || shown.startsWith(QLatin1String("socket.gaierror"));
        if (c.method == QLatin1String("close"))
            closed << c.socket;
        QVERIFY2(pythonOnly || !e->outcome.cCall.isEmpty(), qPrintable(e->pythonLine));
    }
    QCOMPARE(engine.history().at(1).pythonLine, QStringLiteral("s1.accept()").prepend(QStringLiteral("conn1, addr = ")));
    QCOMPARE(engine.history().at(1).outcome.errnoName, QStringLiteral("EINVAL"));
    QVERIFY2(engine.history().at(1).outcome.cCall.startsWith(QLatin1String("accept4(")), qPrintable(engine.history().at(1).outcome.cCall));
    QVERIFY(engine.history().at(1).outcome.cCall.endsWith(QLatin1String(" = -1 EINVAL")));

    // The playground's sockets are the lab's sockets: listed in the registry under its pane.
    int listed = 0;
    for (const auto &record : session.registry()->snapshot())
        listed += record->owner == "playground" ? 1 : 0;
    QVERIFY2(listed >= 6, qPrintable(QString::number(listed)));

    // The byte view: what crossed, in hex, and how many bytes.
    const Entry &utf8 = engine.history().at(engine.history().size() - 7);
    const Entry &latin1 = engine.history().at(engine.history().size() - 6);
    QCOMPARE(utf8.outcome.bytesHex, QStringLiteral("68 c3 a9 6c 6c 6f"));
    QCOMPARE(utf8.outcome.bytesLength, 6);
    QCOMPARE(latin1.outcome.bytesHex, QStringLiteral("68 e9 6c 6c 6f"));
    QCOMPARE(engine.history().at(engine.history().size() - 8).pythonLine,
             QStringLiteral("s8.sendto('héllo'.encode('latin-1'), s8.getsockname())"));

    m_history = engine.history();
    m_script = engine.pythonScript();
    QTemporaryDir dir;
    QString error;
    QVERIFY(engine.saveScript(dir.filePath(QStringLiteral("session.py")), &error));
    QVERIFY2(QFileInfo(dir.filePath(QStringLiteral("session.py"))).size() == m_script.toUtf8().size(), qPrintable(error));
    session.stopAll();
}

void TestPlayground::scriptReproducesTheSession()
{
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 is not installed: the saved script cannot be run");
    QVERIFY(!m_history.isEmpty());
    testsupport::PythonProcess python(m_script.toUtf8().constData());
    QVERIFY2(python.started() && python.finish(), qPrintable(python.diagnostics()));
    const QStringList lines = QString::fromUtf8(python.out()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), m_history.size() * 2);
    for (qsizetype i = 0; i < m_history.size(); ++i) {
        const Entry &e = m_history.at(i);
        QCOMPARE(lines.at(2 * i), QStringLiteral(">>> ") + e.pythonLine);
        const QString python3Shows = lines.at(2 * i + 1);
        if (!e.outcome.ok)
            QCOMPARE(python3Shows, e.outcome.error);  // every error exactly as python3 prints it
        else if (!e.outcome.varies)
            QCOMPARE(python3Shows, e.outcome.result);
        else  // a descriptor or a kernel-chosen port: python3 too returned, not raised
            QVERIFY2(!python3Shows.contains(QLatin1String("Error")), qPrintable(python3Shows));
    }

    // The byte view's decode() of what was received, beside python3's own.
    QStringList received;
    for (const Entry &e : m_history) {
        if (e.call.method == QLatin1String("recv") && e.outcome.ok && e.outcome.bytesLength > 0)
            received << e.outcome.result;
    }
    QVERIFY(received.size() >= 3);
    const QString script = QStringLiteral("for b in [%1]:\n"
                                          "    try:\n        print(repr(b.decode()))\n"
                                          "    except UnicodeDecodeError as e:\n        print(type(e).__name__ + ': ' + str(e))\n"
                                          "    print(repr(b.decode(errors='replace')))\n").arg(received.join(QLatin1String(", ")));
    testsupport::PythonProcess decoder(script.toUtf8().constData());
    QVERIFY2(decoder.started() && decoder.finish(), qPrintable(decoder.diagnostics()));
    const QStringList decoded = QString::fromUtf8(decoder.out()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(decoded.size(), received.size() * 2);
    int i = 0;
    for (const Entry &e : m_history) {
        if (e.call.method != QLatin1String("recv") || !e.outcome.ok || e.outcome.bytesLength <= 0)
            continue;
        QCOMPARE(e.outcome.decodeError.isEmpty() ? e.outcome.decoded : e.outcome.decodeError, decoded.at(2 * i));
        QCOMPARE(e.outcome.decoded, decoded.at(2 * i + 1));
        ++i;
    }
}

void TestPlayground::badArgumentsAreRefused()
{
    LabSession session(*m_catalog.find(QStringLiteral("socket-object")));
    PlaygroundEngine engine(&session);
    QVERIFY(!engine.call(QStringLiteral("bind"), QStringLiteral("s1"), {QStringLiteral("('127.0.0.1', 0)")}).isEmpty());
    QVERIFY(!engine.makeSocket(QStringLiteral("AF_IPX"), QStringLiteral("SOCK_STREAM")).isEmpty());
    QVERIFY(engine.history().isEmpty());
    QVERIFY(engine.makeSocket(QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM")).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(engine.sockets().size() == 1, kWaitMs);
    for (const QString &bad : {QStringLiteral("('127.0.0.1', 70000)"), QStringLiteral("'../etc/x'"), QStringLiteral("nowhere")})
        QVERIFY2(!engine.call(QStringLiteral("bind"), QStringLiteral("s1"), {bad}).isEmpty(), qPrintable(bad));
    QVERIFY(!engine.call(QStringLiteral("recv"), QStringLiteral("s1"), {QStringLiteral("-1")}).isEmpty());
    QVERIFY(!engine.call(QStringLiteral("settimeout"), QStringLiteral("s1"), {QStringLiteral("-2")}).isEmpty());
    // A str that Latin-1 cannot encode is refused with the error Python raises for it.
    const QString chinese = QStringLiteral("'\u4e2d'.encode('latin-1')");
    const QString refused = engine.call(QStringLiteral("send"), QStringLiteral("s1"), {chinese});
    QCOMPARE(engine.history().size(), 1);
    REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 is not installed: its encode error cannot be asked for");
    testsupport::PythonProcess python("try:\n    '\\u4e2d'.encode('latin-1')\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))\n");
    QVERIFY2(python.started() && python.finish(), qPrintable(python.diagnostics()));
    QCOMPARE(refused, QString::fromUtf8(python.out()).trimmed());
    session.stopAll();
}

void TestPlayground::stopEndsABlockedAccept()
{
    LabSession session(*m_catalog.find(QStringLiteral("socket-object")));
    PlaygroundEngine engine(&session);
    QVERIFY(run(engine, QStringLiteral("socket"), {}, {QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM")}));
    QVERIFY(run(engine, QStringLiteral("listen"), QStringLiteral("s1"), {QStringLiteral("1")}));
    QElapsedTimer guiThread;
    guiThread.start();
    QVERIFY(engine.call(QStringLiteral("accept"), QStringLiteral("s1"), {}).isEmpty());
    QVERIFY2(guiThread.elapsed() < 100, "call() waited for the socket");  // it only queues the line
    QTRY_COMPARE_WITH_TIMEOUT(engine.pane()->blockedIn(), socketlab::TraceCall::Accept, kWaitMs);
    QVERIFY(engine.isBusy());

    QElapsedTimer stopped;
    stopped.start();
    engine.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!engine.isBusy() && !engine.pane()->isActive(), 1000);
    qInfo("Stop ended the blocked accept() in %lld ms", qlonglong(stopped.elapsed()));
    QCOMPARE(engine.history().last().state, Entry::State::Stopped);
    QVERIFY(engine.sockets().isEmpty());  // they closed with the program
    // The next call starts the playground again, with fresh sockets.
    QVERIFY(run(engine, QStringLiteral("socket"), {}, {QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM")}));
    QCOMPARE(engine.sockets().size(), 1);
    QVERIFY(engine.pythonScript().contains(QLatin1String("# conn1, addr = s1.accept()   (stopped")));

    // Reset ends a blocked recv() as promptly, and forgets the history.
    QVERIFY(run(engine, QStringLiteral("socket"), {}, {QStringLiteral("AF_INET"), QStringLiteral("SOCK_DGRAM")}));
    QVERIFY(run(engine, QStringLiteral("bind"), QStringLiteral("s3"), {QStringLiteral("('127.0.0.1', 0)")}));
    QVERIFY(engine.call(QStringLiteral("recv"), QStringLiteral("s3"), {QStringLiteral("1024")}).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(engine.pane()->blockedIn(), socketlab::TraceCall::Recv, kWaitMs);
    session.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!engine.pane()->isActive() && engine.history().isEmpty() && engine.sockets().isEmpty(), 1000);
    session.stopAll();
}

// The lesson's "close() frees the port at once" is wrong: the side that closes first keeps the
// connection in TIME_WAIT, and the socket table's feed lists it after the socket is gone.
void TestPlayground::closeLeavesTimeWait()
{
    struct KernelRows : RunListener {
        std::vector<socketlab::KernelOnlySocket> rows;
        void runTicked(const RunTick &tick) override { rows = tick.kernelOnly; }
    } seen;
    LabSession session(*m_catalog.find(QStringLiteral("socket-object")));
    session.feed().follow(&seen);
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { session.feed().tick(); });
    ticker.start(10);
    PlaygroundEngine engine(&session);
    session.runAll();
    QTRY_VERIFY_WITH_TIMEOUT(engine.pane()->paramValues().value(QStringLiteral("tcppeer")).toInt() > 0, kWaitMs);
    QVERIFY(run(engine, QStringLiteral("socket"), {}, {QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM")}));
    QCOMPARE(run(engine, QStringLiteral("connect"), QStringLiteral("s1"), {QStringLiteral("peer_tcp")})->outcome.result, QStringLiteral("None"));
    const Entry *name = run(engine, QStringLiteral("getsockname"), QStringLiteral("s1"));
    QVERIFY(name && name->outcome.ok);
    const int port = QStringView(name->outcome.result).mid(name->outcome.result.lastIndexOf(QLatin1Char(' ')) + 1).chopped(1).toInt();
    QVERIFY2(port > 0, qPrintable(name->outcome.result));
    QCOMPARE(run(engine, QStringLiteral("close"), QStringLiteral("s1"))->outcome.result, QStringLiteral("None"));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.rows.begin(), seen.rows.end(), [&](const socketlab::KernelOnlySocket &k) {
        return k.kind == socketlab::KernelOnlySocket::Kind::TimeWait && k.socket.local.port() == port;
    }), kWaitMs);
    session.feed().unfollow(&seen);
    session.stopAll();
}

// A call that reaches the pane another way (typed into it, an exercise's script, --send) is
// listed too, and the panel's next socket gets the next name.
void TestPlayground::callsSentByOthersAreListed()
{
    LabSession session(*m_catalog.find(QStringLiteral("socket-object")));
    PlaygroundEngine engine(&session);
    engine.pane()->sendInput(QStringLiteral(R"({"call":"socket","socket":"s4","args":["AF_UNIX","SOCK_DGRAM"]})"));
    engine.pane()->sendInput(QStringLiteral("not a call"));
    session.runAll();
    QTRY_COMPARE_WITH_TIMEOUT(engine.sockets().size(), qsizetype(1), kWaitMs);
    QCOMPARE(engine.history().size(), qsizetype(1));
    QCOMPARE(engine.history().first().pythonLine, QStringLiteral("s4 = socket(AF_UNIX, SOCK_DGRAM)"));
    QVERIFY(run(engine, QStringLiteral("socket"), {}, {QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM")}));
    QCOMPARE(engine.sockets().last().name, QStringLiteral("s5"));
    session.stopAll();
}

void TestPlayground::exerciseNeedsATimeout_data()
{
    QTest::addColumn<QString>("timeout");
    QTest::addColumn<bool>("passes");
    QTest::newRow("None blocks") << "None" << false;
    QTest::newRow("0.5 times out") << "0.5" << true;
    QTest::newRow("0 never waits") << "0" << true;
}

// The exercise's answer is setdefaulttimeout(): its check runs the calls in the pane on
// real sockets, so only a value that makes recv() give up passes.
void TestPlayground::exerciseNeedsATimeout()
{
    QFETCH(QString, timeout);
    QFETCH(bool, passes);
    const LabDefinition *lab = m_catalog.find(QStringLiteral("socket-object"));
    QCOMPARE(lab->exercises.size(), qsizetype(1));
    ExerciseCheck check(*lab, lab->exercises.first(), {{QStringLiteral("playground.defaulttimeout"), timeout}});
    QSignalSpy finished(&check, &ExerciseCheck::finished);
    check.start();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY2(check.passed() == passes, qPrintable(check.report(QStringLiteral("en")).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestPlayground)
#include "tst_playground.moc"
