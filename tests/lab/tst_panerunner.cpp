// tst_panerunner: pane programs running on real loopback sockets behind their StepGate.
// Step by step, each (step, listing line, state) is the one the listing says; free running,
// the client shows the timestamped echo and the bytes counted equal the bytes moved; Stop
// and Reset come back within a second with nothing left open; slow motion, pause, type-ahead,
// end of input, refused connections, ports in use and parameter checks behave as the
// tutorials' Python programs would.
#include "LabTestSupport.h"
#include "PythonProcess.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <Program.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

#include <cerrno>
#include <cstring>

using namespace socketlab;
using testsupport::texts;
using State = PaneRunner::State;


namespace {

constexpr int kWaitMs = 10000;    // generous for sanitizer builds; a pass takes milliseconds
constexpr int kPromptlyMs = 1000;  // "back to a clean state within one second"

struct StepSeen { QString id; int line; State state; };

// "[Sun Nov  1 10:00:00 2026] data": Python's ctime() of a second in [from, to], then data.
bool isStampedEcho(const QString &reply, const QString &data, const QDateTime &from, const QDateTime &to)
{
    const testsupport::Stamp stamp = testsupport::stampOf(reply);
    return stamp.within(from, to) && reply.mid(stamp.length) == data;
}

struct Counted { quint64 sent = 0, received = 0; };

Counted bytesOf(const SocketRegistry &registry, const QString &owner)
{
    Counted c;
    for (const auto &record : registry.snapshot()) {
        if (record->owner == owner.toStdString()) {
            c.sent += record->bytesSent.load();
            c.received += record->bytesReceived.load();
        }
    }
    return c;
}

// A port nothing listens on: bound, read, closed.
std::uint16_t freePort(int type)
{
    auto s = Socket::create(AF_INET, type, 0);
    if (!s || !s->bind(SocketAddress::loopback(AF_INET, 0)))
        return 0;
    return testsupport::portOf(*s);
}

} // namespace

class TestPaneRunner : public QObject {
    Q_OBJECT

private:
    PaneDefinition paneOf(const QString &lab, const QString &pane) const { return *m_catalog.find(lab)->pane(pane); }
    const LabDefinition &lab(const QString &id) const { return *m_catalog.find(id); }
    // Presses Step and waits until the program stands, paused, at its next step.
    static bool stepTo(PaneRunner &runner, QSignalSpy &steps);
    static QString callOf(const PaneRunner &runner, const QString &stepId);

    LabCatalog m_catalog;

private slots:
    void initTestCase();
    void stepByStepServer();
    void publishedPortAcceptsConnections();
    void stepByStepClient();
    void freeRun_data();
    void freeRun();
    void stopAndReset_data();
    void stopAndReset();
    void slowMotionDelayChangeApplies();
    void pauseThenStepAdvancesOneStep();
    void typeAheadThenEndOfInput_data();
    void typeAheadThenEndOfInput();
    void connectionRefused();
    void addressInUse_data();
    void addressInUse();
    void setParamChecksValues_data();
    void setParamChecksValues();
};

void TestPaneRunner::initTestCase()
{
    m_catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(m_catalog.errors().isEmpty());
    QVERIFY(m_catalog.find(QStringLiteral("tcp-timestamp")) && m_catalog.find(QStringLiteral("udp-timestamp")));
}

bool TestPaneRunner::stepTo(PaneRunner &runner, QSignalSpy &steps)
{
    const qsizetype before = steps.count();
    runner.step();
    // stepReached is queued after the Running of the step just left and before the Paused
    // of the next, so this cannot see the old Paused.
    return QTest::qWaitFor([&] { return steps.count() == before + 1 && runner.state() == State::Paused; }, kWaitMs);
}

QString TestPaneRunner::callOf(const PaneRunner &runner, const QString &stepId)
{
    const ProgramInfo *program = findProgram(runner.definition().program.toStdString());
    const ProgramStep *step = program ? program->findStep(stepId.toStdString()) : nullptr;
    return step ? QString::fromStdString(step->call) : QString();
}

void TestPaneRunner::stepByStepServer()
{
    auto registry = std::make_shared<SocketRegistry>();
    PaneRunner server(paneOf(QStringLiteral("tcp-timestamp"), QStringLiteral("server")), std::make_shared<TraceStream>(), registry);
    QCOMPARE(server.setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QSignalSpy steps(&server, &PaneRunner::stepReached);
    QSignalSpy output(&server, &PaneRunner::output);
    QSignalSpy published(&server, &PaneRunner::published);
    QSignalSpy states(&server, &PaneRunner::stateChanged);

    const QList<QPair<QString, int>> expected = {{QStringLiteral("socket"), 11}, {QStringLiteral("setsockopt"), 12},
        {QStringLiteral("bind"), 13}, {QStringLiteral("listen"), 14}, {QStringLiteral("print-waiting"), 17},
        {QStringLiteral("accept"), 18}};
    for (const auto &[id, line] : expected) {
        QVERIFY2(stepTo(server, steps), qPrintable(QStringLiteral("no pause at ") + id));
        const StepSeen seen{steps.last().at(0).toString(), steps.last().at(1).toInt(), server.state()};
        QCOMPARE(seen.id, id);
        QCOMPARE(seen.line, line);
        QCOMPARE(seen.state, State::Paused);
        QCOMPARE(server.currentStep(), id);
        QCOMPARE(server.currentLine(), line);
        const QString text = server.listing().at(line - 1);
        QVERIFY2(!callOf(server, id).isEmpty() && text.contains(callOf(server, id)), qPrintable(text));
        QVERIFY(server.blockedIn() == TraceCall::None);  // paused before the call, not in it
        // No port before bind has run; it is known once the server listens.
        if (id != QLatin1String("listen"))
            QCOMPARE(published.isEmpty(),
                     id == QLatin1String("socket") || id == QLatin1String("setsockopt") || id == QLatin1String("bind"));
    }
    QCOMPARE(texts(output), QStringList{QStringLiteral("waiting for connection...")});
    QCOMPARE(published.first().at(0).toString(), QStringLiteral("port"));
    const quint16 port = quint16(published.first().at(1).toString().toUShort());
    QVERIFY(port != 0);

    // One more Step runs accept(), which blocks: Running, not Paused, and marked as in accept.
    server.step();
    QTRY_VERIFY_WITH_TIMEOUT(server.blockedIn() == TraceCall::Accept && server.state() == State::Running, kWaitMs);
    QCOMPARE(steps.count(), expected.size());

    // A client connecting ends the wait; the program stops at the next line.
    auto client = Socket::create(AF_INET, SOCK_STREAM, 0);
    QVERIFY(client && client->connect(SocketAddress::loopback(AF_INET, port)));
    QTRY_VERIFY_WITH_TIMEOUT(steps.count() == expected.size() + 1 && server.state() == State::Paused, kWaitMs);
    QCOMPARE(steps.last().at(0).toString(), QStringLiteral("print-connected"));
    QVERIFY(server.listing().at(steps.last().at(1).toInt() - 1).contains(callOf(server, QStringLiteral("print-connected"))));
    QVERIFY(server.blockedIn() == TraceCall::None);
    QCOMPARE(registry->openCount(), std::size_t(2));  // the listening socket and the accepted one
    // Started Running; then Paused at each step and Running between: twelve changes, alternating.
    QCOMPARE(states.count(), 2 * (expected.size() + 1));
    for (qsizetype i = 0; i < states.count(); ++i)
        QCOMPARE(states.at(i).at(0).value<State>(), i % 2 ? State::Paused : State::Running);
    server.stop();
    QCOMPARE(server.state(), State::Stopped);
    QCOMPARE(registry->openCount(), std::size_t(0));
}

void TestPaneRunner::publishedPortAcceptsConnections()
{
    // "Run all" starts the client the moment the server publishes its port, so by then the
    // port must take connections: published before listen(), the client is refused.
    PaneRunner server(paneOf(QStringLiteral("tcp-timestamp"), QStringLiteral("server")), nullptr, std::make_shared<SocketRegistry>());
    QCOMPARE(server.setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QSignalSpy steps(&server, &PaneRunner::stepReached);
    QSignalSpy published(&server, &PaneRunner::published);
    while (published.isEmpty() && steps.count() < 10)
        QVERIFY(stepTo(server, steps));
    QCOMPARE(published.count(), 1);
    auto client = Socket::create(AF_INET, SOCK_STREAM, 0);
    QVERIFY(client);
    const Status connected = client->connect(SocketAddress::loopback(AF_INET, quint16(published.first().at(1).toString().toUShort())));
    QVERIFY2(connected, qPrintable(QStringLiteral("published while paused at \"%1\", connect: %2")
                                       .arg(server.currentStep(), QString::fromStdString(connected.error().pythonString()))));
    server.stop();
}

void TestPaneRunner::stepByStepClient()
{
    auto registry = std::make_shared<SocketRegistry>();
    PaneRunner server(paneOf(QStringLiteral("tcp-timestamp"), QStringLiteral("server")), nullptr, registry);
    PaneRunner client(paneOf(QStringLiteral("tcp-timestamp"), QStringLiteral("client")), nullptr, registry);
    QCOMPARE(server.setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QSignalSpy published(&server, &PaneRunner::published);
    QSignalSpy serverOutput(&server, &PaneRunner::output);
    server.start();
    QVERIFY(published.wait(kWaitMs));
    QCOMPARE(client.setParam(QStringLiteral("port"), published.first().at(1).toString()), QString());

    QSignalSpy steps(&client, &PaneRunner::stepReached);
    QSignalSpy output(&client, &PaneRunner::output);
    QSignalSpy prompts(&client, &PaneRunner::inputRequested);
    const QList<QPair<QString, int>> expected = {{QStringLiteral("socket"), 10}, {QStringLiteral("connect"), 11},
        {QStringLiteral("input"), 14}, {QStringLiteral("check-input"), 15}, {QStringLiteral("send"), 17},
        {QStringLiteral("recv"), 18}, {QStringLiteral("check-reply"), 19}, {QStringLiteral("print"), 21},
        {QStringLiteral("input"), 14}};
    const QDateTime from = QDateTime::currentDateTime();
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const auto &[id, line] = expected.at(i);
        if (i > 0 && expected.at(i - 1).first == QLatin1String("input")) {
            // Stepping over input() leaves the program waiting for a typed line.
            client.step();
            QTRY_COMPARE_WITH_TIMEOUT(client.state(), State::WaitingForInput, kWaitMs);
            QCOMPARE(texts(prompts), QStringList{QStringLiteral("> ")});
            QCOMPARE(steps.count(), i);
            client.sendInput(QStringLiteral("hello"));
            QTRY_VERIFY_WITH_TIMEOUT(steps.count() == i + 1 && client.state() == State::Paused, kWaitMs);
        } else {
            QVERIFY2(stepTo(client, steps), qPrintable(QStringLiteral("no pause at ") + id));
        }
        const StepSeen seen{steps.last().at(0).toString(), steps.last().at(1).toInt(), client.state()};
        QCOMPARE(seen.id, id);
        QCOMPARE(seen.line, line);
        QCOMPARE(seen.state, State::Paused);
        QVERIFY2(client.listing().at(line - 1).contains(callOf(client, id)), qPrintable(client.listing().at(line - 1)));
    }
    const QDateTime to = QDateTime::currentDateTime();
    const QStringList console = texts(output);
    QCOMPARE(console.size(), 2);
    QCOMPARE(console.at(0), QStringLiteral("> hello"));
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^\[\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\] hello$)")).match(console.at(1)).hasMatch(),
             qPrintable(console.at(1)));
    QVERIFY2(isStampedEcho(console.at(1), QStringLiteral("hello"), from, to), qPrintable(console.at(1)));
    QVERIFY(texts(serverOutput).filter(QRegularExpression(QStringLiteral(R"(^\.\.\.connected from: \('127\.0\.0\.1', \d+\)$)"))).size() == 1);
    client.stop();
    server.stop();
    QCOMPARE(registry->openCount(), std::size_t(0));
}

void TestPaneRunner::freeRun_data()
{
    QTest::addColumn<QString>("labId");
    QTest::newRow("tcp") << QStringLiteral("tcp-timestamp");
    QTest::newRow("udp") << QStringLiteral("udp-timestamp");
}

void TestPaneRunner::freeRun()
{
    QFETCH(QString, labId);
    LabSession session(lab(labId));
    PaneRunner *server = session.pane(QStringLiteral("server"));
    PaneRunner *client = session.pane(QStringLiteral("client"));
    QVERIFY(server && client);
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    // The 1000-byte line's reply (plus its 27-byte stamp) must fit one recv.
    QCOMPARE(client->setParam(QStringLiteral("bufsize"), QStringLiteral("4096")), QString());

    QString big;
    for (int i = 0; i < 1000; ++i)
        big += QChar(u'a' + i % 26);
    const QStringList lines = {QStringLiteral("hello"), QStringLiteral("héllo 世界"), big, QStringLiteral("bye now")};
    QCOMPARE(big.toUtf8().size(), 1000);
    qsizetype next = 0;
    connect(client, &PaneRunner::inputRequested, this,
            [&] { client->sendInput(next < lines.size() ? lines.at(next++) : QString()); });
    QSignalSpy published(server, &PaneRunner::published);
    QSignalSpy output(client, &PaneRunner::output);
    QSignalSpy finished(client, &PaneRunner::finished);

    const QDateTime from = QDateTime::currentDateTime();
    session.runAll();
    QVERIFY(finished.wait(kWaitMs));
    const QDateTime to = QDateTime::currentDateTime();
    QCOMPARE(finished.first().at(0).toInt(), 0);
    QCOMPARE(client->state(), State::Finished);
    QCOMPARE(client->exitCode(), 0);
    QVERIFY2(client->lastError().isEmpty(), qPrintable(client->lastError()));
    QCOMPARE(client->paramValues().value(QStringLiteral("port")), published.first().at(1).toString());  // it followed

    const QStringList console = texts(output);
    QCOMPARE(console.size(), 2 * lines.size() + 1);
    qint64 typed = 0;
    qint64 replied = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(console.at(2 * i), QStringLiteral("> ") + lines.at(i));
        QVERIFY2(isStampedEcho(console.at(2 * i + 1), lines.at(i), from, to), qPrintable(console.at(2 * i + 1).left(80)));
        typed += lines.at(i).toUtf8().size();
        replied += console.at(2 * i + 1).toUtf8().size();
    }
    QCOMPARE(console.last(), QStringLiteral("> "));  // the empty line that ended it

    // Bytes counted equal bytes moved, on both sides.
    const SocketRegistry &registry = *session.registry();
    QCOMPARE(bytesOf(registry, QStringLiteral("client")).sent, quint64(typed));
    QCOMPARE(bytesOf(registry, QStringLiteral("client")).received, quint64(replied));
    QTRY_COMPARE_WITH_TIMEOUT(bytesOf(registry, QStringLiteral("server")).received, quint64(typed), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(bytesOf(registry, QStringLiteral("server")).sent, quint64(replied), kWaitMs);

    // The server serves on: back in accept() (TCP) or recvfrom() (UDP).
    const TraceCall waiting = labId == QLatin1String("tcp-timestamp") ? TraceCall::Accept : TraceCall::RecvFrom;
    QTRY_VERIFY_WITH_TIMEOUT(server->blockedIn() == waiting && server->state() == State::Running, kWaitMs);
    session.stopAll();
    QCOMPARE(server->state(), State::Stopped);
}

void TestPaneRunner::stopAndReset_data()
{
    QTest::addColumn<bool>("reset");
    QTest::addColumn<bool>("inRecv");
    QTest::newRow("Stop in accept") << false << false;
    QTest::newRow("Reset in accept") << true << false;
    QTest::newRow("Stop in recv") << false << true;
    QTest::newRow("Reset in recv") << true << true;
}

void TestPaneRunner::stopAndReset()
{
    QFETCH(bool, reset);
    QFETCH(bool, inRecv);
    const int before = testsupport::openDescriptorCount();
    auto session = std::make_unique<LabSession>(lab(QStringLiteral("tcp-timestamp")));
    const int withSession = testsupport::openDescriptorCount();  // each pane owns an eventfd
    PaneRunner *server = session->pane(QStringLiteral("server"));
    PaneRunner *client = session->pane(QStringLiteral("client"));
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QSignalSpy serverErrors(server, &PaneRunner::errorOutput);
    QSignalSpy serverFinished(server, &PaneRunner::finished);
    QSignalSpy resetDone(session.get(), &LabSession::resetDone);

    if (inRecv) {
        session->runAll();  // the client starts once the port is known, connects, waits at input()
        QTRY_VERIFY_WITH_TIMEOUT(server->blockedIn() == TraceCall::Recv && client->state() == State::WaitingForInput, kWaitMs);
        QCOMPARE(session->registry()->openCount(), std::size_t(3));
    } else {
        server->start();
        if (reset)
            client->sendInput(QStringLiteral("typed before the reset"));  // and forgotten by it
        QTRY_VERIFY_WITH_TIMEOUT(server->blockedIn() == TraceCall::Accept, kWaitMs);
        QCOMPARE(session->registry()->openCount(), std::size_t(1));
    }
    QVERIFY(testsupport::openDescriptorCount() > withSession);

    QElapsedTimer clock;
    clock.start();
    if (reset)
        session->reset();
    else
        session->stopAll();
    const State after = reset ? State::Idle : State::Stopped;  // Reset: "not started", as freshly opened
    QTRY_VERIFY_WITH_TIMEOUT(server->state() == after && (!inRecv || client->state() == after), kPromptlyMs);
    QVERIFY2(clock.elapsed() < kPromptlyMs, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!server->isActive() && !client->isActive());
    QCOMPARE(session->registry()->openCount(), std::size_t(0));
    QCOMPARE(testsupport::openDescriptorCount(), withSession);
    QVERIFY(serverErrors.isEmpty() && server->lastError().isEmpty());  // a stop is not the learner's error
    QCOMPARE(serverFinished.count(), 1);
    QCOMPARE(resetDone.count(), reset ? 1 : 0);
    QVERIFY(!reset || session->registry()->snapshot().empty());

    // Clean enough to run again at once: a fresh server on a fresh port answers the client.
    QSignalSpy output(client, &PaneRunner::output);
    QSignalSpy clientFinished(client, &PaneRunner::finished);
    client->sendInput(QStringLiteral("again"));
    client->sendInput(QString());
    session->runAll();
    QVERIFY(clientFinished.wait(kWaitMs));
    QVERIFY2(client->state() == State::Finished, qPrintable(client->lastError()));
    QCOMPARE(texts(output).value(0), QStringLiteral("> again"));  // as freshly opened: nothing typed before
    QVERIFY(texts(output).filter(QRegularExpression(QStringLiteral(R"(^\[.*\] again$)"))).size() == 1);
    session.reset();  // the unique_ptr's: the session and its panes are gone
    QCOMPARE(testsupport::openDescriptorCount(), before);
}

void TestPaneRunner::slowMotionDelayChangeApplies()
{
    PaneRunner server(paneOf(QStringLiteral("tcp-timestamp"), QStringLiteral("server")), nullptr, std::make_shared<SocketRegistry>());
    QCOMPARE(server.setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QSignalSpy steps(&server, &PaneRunner::stepReached);
    server.gate().setMode(StepGate::Mode::Slow);
    server.gate().setDelayMs(5000);
    QElapsedTimer clock;
    clock.start();
    server.start();
    QVERIFY(steps.wait(kWaitMs));
    QCOMPARE(steps.last().at(0).toString(), QStringLiteral("socket"));
    QVERIFY(!steps.wait(300));  // the 5 s pause holds the first step
    QCOMPARE(server.state(), State::Running);  // slow motion is not a pause

    QElapsedTimer sinceChange;
    sinceChange.start();
    server.gate().setDelayMs(0);  // applies to the step already waiting
    QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 2, kWaitMs);
    QVERIFY2(sinceChange.elapsed() < 2000, qPrintable(QString::number(sinceChange.elapsed())));
    QCOMPARE(steps.at(1).at(0).toString(), QStringLiteral("setsockopt"));
    QTRY_VERIFY_WITH_TIMEOUT(server.blockedIn() == TraceCall::Accept, kWaitMs);
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.gate().mode(), StepGate::Mode::Slow);
    server.stop();
}

void TestPaneRunner::pauseThenStepAdvancesOneStep()
{
    PaneRunner server(paneOf(QStringLiteral("tcp-timestamp"), QStringLiteral("server")), nullptr, std::make_shared<SocketRegistry>());
    QCOMPARE(server.setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QSignalSpy steps(&server, &PaneRunner::stepReached);
    server.gate().setMode(StepGate::Mode::Slow);
    server.gate().setDelayMs(5000);
    server.start();
    QVERIFY(steps.wait(kWaitMs));
    server.pause();
    QTRY_COMPARE_WITH_TIMEOUT(server.state(), State::Paused, kWaitMs);
    QCOMPARE(steps.count(), 1);
    QCOMPARE(server.currentStep(), QStringLiteral("socket"));

    QVERIFY(stepTo(server, steps));
    QCOMPARE(steps.count(), 2);
    QCOMPARE(server.currentStep(), QStringLiteral("setsockopt"));
    QVERIFY(!steps.wait(300));  // exactly one step: nothing more comes by itself
    QCOMPARE(server.state(), State::Paused);
    QCOMPARE(steps.count(), 2);

    server.run();  // and on from there, freely, into accept()
    QTRY_VERIFY_WITH_TIMEOUT(server.blockedIn() == TraceCall::Accept && server.state() == State::Running, kWaitMs);
    server.stop();
}

void TestPaneRunner::typeAheadThenEndOfInput_data()
{
    freeRun_data();
}

void TestPaneRunner::typeAheadThenEndOfInput()
{
    QFETCH(QString, labId);
    LabSession session(lab(labId));
    PaneRunner *server = session.pane(QStringLiteral("server"));
    PaneRunner *client = session.pane(QStringLiteral("client"));
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    const QStringList lines = {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")};
    for (const QString &line : lines)
        client->sendInput(line);  // typed before the client runs
    QSignalSpy output(client, &PaneRunner::output);
    QSignalSpy prompts(client, &PaneRunner::inputRequested);
    QSignalSpy finished(client, &PaneRunner::finished);
    const QDateTime from = QDateTime::currentDateTime();
    session.runAll();
    QTRY_VERIFY_WITH_TIMEOUT(client->isActive(), kWaitMs);
    client->closeInput();  // EOF after the typed lines, as Ctrl-D at Python's input()
    QVERIFY(finished.wait(kWaitMs));
    const QDateTime to = QDateTime::currentDateTime();
    QCOMPARE(finished.first().at(0).toInt(), 0);
    QCOMPARE(client->state(), State::Finished);

    const QStringList console = texts(output);
    QCOMPARE(console.size(), 2 * lines.size());  // no echo for the end of input
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(console.at(2 * i), QStringLiteral("> ") + lines.at(i));
        QVERIFY2(isStampedEcho(console.at(2 * i + 1), lines.at(i), from, to), qPrintable(console.at(2 * i + 1)));
    }
    QCOMPARE(prompts.count(), lines.size() + 1);
    session.stopAll();
}

void TestPaneRunner::connectionRefused()
{
    const std::uint16_t port = freePort(SOCK_STREAM);
    QVERIFY(port != 0);
    auto registry = std::make_shared<SocketRegistry>();
    PaneRunner client(paneOf(QStringLiteral("tcp-timestamp"), QStringLiteral("client")), nullptr, registry);
    QCOMPARE(client.setParam(QStringLiteral("port"), QString::number(port)), QString());
    QSignalSpy errors(&client, &PaneRunner::errorOutput);
    QSignalSpy finished(&client, &PaneRunner::finished);
    client.start();
    QVERIFY(finished.wait(kWaitMs));
    // What Python prints for the same connect, asked of python3 itself; without python3 (never
    // in CI), the C library's text for ECONNREFUSED under Python's exception name.
    QString refused;
    if (!testsupport::python3().isEmpty()) {
        refused = testsupport::pythonErrorOf(QStringLiteral("import socket; socket.create_connection(('127.0.0.1', int(sys.argv[2])))"),
                                             {QString::number(port)});
    } else {
        if (testsupport::witnessesRequired())
            QFAIL("python3 is not installed: Python's own text for a refused connect is not known");
        refused = QStringLiteral("ConnectionRefusedError: [Errno %1] %2").arg(ECONNREFUSED).arg(QString::fromLocal8Bit(::strerror(ECONNREFUSED)));
    }
    QVERIFY2(refused.startsWith(QLatin1String("ConnectionRefusedError: ")), qPrintable(refused));
    QCOMPARE(client.state(), State::Failed);
    QCOMPARE(client.lastError(), refused);
    QCOMPARE(texts(errors), QStringList{refused});
    QCOMPARE(finished.first().at(0).toInt(), 1);
    QCOMPARE(client.currentStep(), QStringLiteral("connect"));
    QCOMPARE(registry->openCount(), std::size_t(0));
}

void TestPaneRunner::addressInUse_data()
{
    QTest::addColumn<QString>("labId");
    QTest::addColumn<int>("type");
    QTest::newRow("tcp") << QStringLiteral("tcp-timestamp") << int(SOCK_STREAM);
    QTest::newRow("udp") << QStringLiteral("udp-timestamp") << int(SOCK_DGRAM);
}

void TestPaneRunner::addressInUse()
{
    QFETCH(QString, labId);
    QFETCH(int, type);
    Socket holder = testsupport::boundLoopback(type);
    QVERIFY(holder.isOpen());
    auto registry = std::make_shared<SocketRegistry>();
    PaneRunner server(paneOf(labId, QStringLiteral("server")), nullptr, registry);
    QCOMPARE(server.setParam(QStringLiteral("port"), QString::number(testsupport::portOf(holder))), QString());
    QSignalSpy published(&server, &PaneRunner::published);
    QSignalSpy finished(&server, &PaneRunner::finished);
    server.start();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(server.state(), State::Failed);
    QCOMPARE(server.lastError(), QStringLiteral("OSError: [Errno 98] Address already in use"));
    QCOMPARE(server.exitCode(), 1);
    QCOMPARE(server.currentStep(), QStringLiteral("bind"));
    QVERIFY(published.isEmpty());
    QCOMPARE(registry->openCount(), std::size_t(0));
}

void TestPaneRunner::setParamChecksValues_data()
{
    QTest::addColumn<QString>("pane");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("server port 0") << "server" << "port" << "0" << true;
    QTest::newRow("server port 65535") << "server" << "port" << "65535" << true;
    QTest::newRow("server port padded") << "server" << "port" << " 8080 " << true;
    QTest::newRow("server port 65536") << "server" << "port" << "65536" << false;
    QTest::newRow("server port -1") << "server" << "port" << "-1" << false;
    QTest::newRow("server port text") << "server" << "port" << "http" << false;
    QTest::newRow("server port empty") << "server" << "port" << "" << false;
    QTest::newRow("server port fraction") << "server" << "port" << "80.5" << false;
    QTest::newRow("client port 0") << "client" << "port" << "0" << false;
    QTest::newRow("client port 1") << "client" << "port" << "1" << true;
    QTest::newRow("server bufsize 0") << "server" << "bufsize" << "0" << false;
    QTest::newRow("server host") << "server" << "host" << "localhost" << true;
    QTest::newRow("unknown parameter") << "server" << "colour" << "1" << false;
}

void TestPaneRunner::setParamChecksValues()
{
    QFETCH(QString, pane);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    PaneRunner runner(paneOf(QStringLiteral("tcp-timestamp"), pane), nullptr, std::make_shared<SocketRegistry>());
    const QHash<QString, QString> before = runner.paramValues();
    const QString problem = runner.setParam(name, value);
    QCOMPARE(problem.isEmpty(), accepted);
    if (!accepted) {
        QVERIFY2(problem.contains(name), qPrintable(problem));  // the message says which
        if (const ParamDefinition *p = runner.definition().param(name)) {
            bool number = false;
            value.trimmed().toLongLong(&number);
            // Out of range: the range; not a number: the value refused.
            QVERIFY2(number ? problem.contains(QString::number(p->minimum)) && problem.contains(QString::number(p->maximum))
                            : problem.contains(QStringLiteral("\"%1\"").arg(value)),
                     qPrintable(problem));
        }
        QCOMPARE(runner.paramValues(), before);
        return;
    }
    QCOMPARE(runner.paramValues().value(name), value.trimmed());
    const QStringList listing = runner.listing();
    QVERIFY(!listing.filter(value.trimmed()).isEmpty() || value.trimmed() == before.value(name));
}

QTEST_GUILESS_MAIN(TestPaneRunner)
#include "tst_panerunner.moc"
