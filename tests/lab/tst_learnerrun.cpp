// tst_learnerrun: a learner's own Python program run under the tracer, on real loopback
// sockets. Stepped line by line, each thread's lines are the ones the file runs and its
// socket calls carry the bytes that moved (and the pane's socket records count them); a
// SyntaxError and an uncaught exception end the pane with their line marked; Stop while the
// program is blocked in accept() leaves no process behind (read in /proc), within a second;
// output that is not UTF-8, or huge, reaches the console whole; a missing python3 is said
// plainly. Its sockets' rows carry the kernel's state and queues for their inodes (as
// /proc/net/tcp lists them), and a socket it drops without close() leaves the table.
#include "LearnerPrograms.h"
#include "Witness.h"

#include <LearnerRun.h>
#include <SocketSnapshot.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace socketlab;
using State = PaneRunner::State;
using testsupport::processState;

namespace {

constexpr int kWaitMs = 20000;     // python3 starts in well under a second; sanitizers are slow
constexpr int kPromptlyMs = 1000;  // Stop ends everything within a second

struct Seen {
    QList<QPair<QString, int>> lines;     // (thread, line) in the order they were reached
    QList<LearnerReport> calls;           // finished socket calls
    QStringList out, err;
    QList<QPair<int, QString>> errors;    // programError
    bool finished = false;
    int exitCode = 0;
};

void watch(LearnerRun &run, Seen &seen)
{
    QObject::connect(&run, &LearnerRun::lineReached, [&seen](const QString &t, int l) { seen.lines.append({t, l}); });
    QObject::connect(&run, &LearnerRun::callEnded, [&seen](const LearnerReport &r) { seen.calls.append(r); });
    QObject::connect(&run, &LearnerRun::output, [&seen](const QString &l) { seen.out << l; });
    QObject::connect(&run, &LearnerRun::errorOutput, [&seen](const QString &l) { seen.err << l; });
    QObject::connect(&run, &LearnerRun::programError, [&seen](int l, const QString &m) { seen.errors.append({l, m}); });
    QObject::connect(&run, &LearnerRun::finished, [&seen](int code) {
        seen.finished = true;
        seen.exitCode = code;
    });
}

QList<int> linesOf(const Seen &seen, const QString &thread)
{
    QList<int> lines;
    for (const auto &l : seen.lines) {
        if (l.first == thread)
            lines << l.second;
    }
    return lines;
}

// A run of a learner's program with everything it reports gathered.
struct WatchedRun {
    explicit WatchedRun(const char *pane) : run(QLatin1String(pane), nullptr, nullptr) { watch(run, seen); }
    LearnerRun run;
    Seen seen;
};

} // namespace

class TestLearnerRun : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString program(const char *name, const QByteArray &source) { return testsupport::writeProgram(m_dir, name, source); }

private slots:
    void initTestCase()
    {
        REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the learner's program");
        QVERIFY(m_dir.isValid());
    }

    void steppedLineByLine()
    {
        const QString file = program("echo_once.py",
                                     "import socket, threading\n"                              // 1
                                     "srv = socket.socket()\n"                                  // 2
                                     "srv.bind(('127.0.0.1', 0))\n"                             // 3
                                     "srv.listen(1)\n"                                          // 4
                                     "port = srv.getsockname()[1]\n"                            // 5
                                     "def client():\n"                                          // 6
                                     "    c = socket.create_connection(('127.0.0.1', port))\n"  // 7
                                     "    c.sendall(b'hello world\\n')\n"                       // 8
                                     "    c.close()\n"                                          // 9
                                     "threading.Thread(target=client, name='client').start()\n" // 10
                                     "conn, addr = srv.accept()\n"                              // 11
                                     "data = conn.recv(1024, socket.MSG_WAITALL)\n"             // 12
                                     "print(len(data))\n");                                     // 13
        auto registry = std::make_shared<SocketRegistry>();
        auto trace = std::make_shared<TraceStream>();
        LearnerRun run(QStringLiteral("server"), trace, registry);
        Seen seen;
        watch(run, seen);
        int steps = 0;
        QObject::connect(&run, &LearnerRun::stateChanged, [&](State s) {
            if (s == State::Paused) {  // waiting at a line: the learner presses Step
                ++steps;
                QMetaObject::invokeMethod(&run, [&run] { run.step(); }, Qt::QueuedConnection);
            }
        });
        run.setMode(StepGate::Mode::Step);
        QVERIFY(run.start(file));
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, kWaitMs);
        QCOMPARE(seen.exitCode, 0);
        QCOMPARE(linesOf(seen, QStringLiteral("MainThread")), (QList<int>{1, 2, 3, 4, 5, 6, 10, 11, 12, 13}));
        QCOMPARE(linesOf(seen, QStringLiteral("client")), (QList<int>{7, 8, 9}));
        QVERIFY2(steps >= 13, qPrintable(QString::number(steps)));  // every line waited for its Step
        QCOMPARE(seen.out, QStringList{QStringLiteral("12")});

        QHash<QString, LearnerReport> byCall;
        for (const LearnerReport &r : seen.calls)
            byCall.insert(r.call, r);
        QCOMPARE(byCall.value(QStringLiteral("sendall")).bytes, 12);
        QCOMPARE(byCall.value(QStringLiteral("sendall")).line, 8);
        QCOMPARE(byCall.value(QStringLiteral("sendall")).thread, QStringLiteral("client"));
        QCOMPARE(byCall.value(QStringLiteral("recv")).bytes, 12);
        QCOMPARE(byCall.value(QStringLiteral("recv")).line, 12);
        QCOMPARE(byCall.value(QStringLiteral("accept")).line, 11);
        QCOMPARE(byCall.value(QStringLiteral("connect")).line, 7);  // inside create_connection, marked where the learner called it
        QVERIFY(byCall.value(QStringLiteral("accept")).newPeer.isValid());

        // The pane's socket records: the listener, the accepted connection and the client.
        quint64 sent = 0, received = 0;
        int records = 0;
        for (const auto &r : registry->snapshot()) {
            QCOMPARE(r->owner, std::string("server"));
            QCOMPARE(r->state.load(), SocketState::Closed);  // the process ended: none left open
            sent += r->bytesSent;
            received += r->bytesReceived;
            ++records;
        }
        QCOMPARE(records, 3);
        QCOMPARE(sent, quint64(12));
        QCOMPARE(received, quint64(12));
        std::vector<TraceEvent> events;
        trace->drain(events);
        const auto recvEnd = std::find_if(events.begin(), events.end(), [](const TraceEvent &e) {
            return e.call == TraceCall::Recv && e.phase == TracePhase::Returned;
        });
        QVERIFY(recvEnd != events.end());
        QCOMPARE(recvEnd->result, 12);
        QCOMPARE(recvEnd->arg, 1024);
    }

    void syntaxErrorMarked()
    {
        WatchedRun watched("server");
        LearnerRun &run = watched.run;
        Seen &seen = watched.seen;
        QVERIFY(run.start(program("syntax.py", "import socket\nx = 1\nprint('a'\n")));
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, kWaitMs);
        QCOMPARE(seen.exitCode, 1);
        QCOMPARE(run.state(), State::Failed);
        QCOMPARE(seen.errors.size(), 1);
        QCOMPARE(seen.errors.first().first, 3);
        QVERIFY2(seen.errors.first().second.contains(QLatin1String("SyntaxError")), qPrintable(seen.errors.first().second));
        QVERIFY(seen.err.join(QLatin1Char('\n')).contains(QLatin1String("SyntaxError: '(' was never closed")));
        QVERIFY(seen.lines.isEmpty());  // nothing ran
    }

    void uncaughtExceptionMarked()
    {
        WatchedRun watched("client");
        LearnerRun &run = watched.run;
        Seen &seen = watched.seen;
        QVERIFY(run.start(program("refused.py",
                                  "import socket\n"
                                  "quiet = socket.socket()\n"
                                  "quiet.bind(('127.0.0.1', 0))\n"  // bound, never listening: connect is refused
                                  "def call():\n"
                                  "    socket.socket().connect(quiet.getsockname())\n"
                                  "call()\n")));
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, kWaitMs);
        QCOMPARE(seen.exitCode, 1);
        QCOMPARE(seen.errors.size(), 1);
        QCOMPARE(seen.errors.first().first, 5);
        QCOMPARE(seen.errors.first().second, QStringLiteral("ConnectionRefusedError: [Errno 111] Connection refused"));
        const QString traceback = seen.err.join(QLatin1Char('\n'));
        QVERIFY2(traceback.startsWith(QLatin1String("Traceback (most recent call last):")), qPrintable(traceback));
        QVERIFY2(!traceback.contains(QLatin1String("socketlab_tracer")), qPrintable(traceback));  // the learner's frames only
        QVERIFY(traceback.contains(QLatin1String("line 5, in call")));
        const auto connect = std::find_if(seen.calls.begin(), seen.calls.end(), [](const LearnerReport &r) { return r.call == QLatin1String("connect"); });
        QVERIFY(connect != seen.calls.end());
        QCOMPARE(connect->error, QStringLiteral("ConnectionRefusedError: [Errno 111] Connection refused"));
    }

    void stopWhileBlockedInAccept()
    {
        WatchedRun watched("server");
        LearnerRun &run = watched.run;
        Seen &seen = watched.seen;
        QString blockedIn;
        QObject::connect(&run, &LearnerRun::callBegan, [&](const LearnerReport &r) { blockedIn = r.call; });
        QVERIFY(run.start(program("forever.py",
                                  "import socket, subprocess, sys\n"
                                  "helper = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\n"
                                  "print(helper.pid, flush=True)\n"
                                  "srv = socket.socket()\n"
                                  "srv.bind(('127.0.0.1', 0))\n"
                                  "srv.listen(1)\n"
                                  "srv.accept()\n")));
        QTRY_VERIFY_WITH_TIMEOUT(blockedIn == QLatin1String("accept") && !seen.out.isEmpty(), kWaitMs);
        const qint64 pid = run.pid();
        const qint64 helper = seen.out.first().toLongLong();
        QVERIFY(pid > 0 && helper > 0);
        QCOMPARE(run.blockedIn(), QStringLiteral("accept"));
        QVERIFY(!processState(pid).isEmpty());
        QVERIFY(!processState(helper).isEmpty());

        QElapsedTimer stopping;
        stopping.start();
        run.stop();
        QVERIFY2(stopping.elapsed() < kPromptlyMs, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(run.state(), State::Stopped);
        QVERIFY(seen.finished);
        QCOMPARE(processState(pid), QString());  // killed and reaped: not even a zombie
        // What it started was killed with its group; its parent being gone, init reaps it.
        QTRY_VERIFY_WITH_TIMEOUT(processState(helper).isEmpty() || processState(helper) == QLatin1String("Z"), kPromptlyMs);
    }

    void stopWhileBusyInALoop()
    {
        WatchedRun watched("server");
        LearnerRun &run = watched.run;
        Seen &seen = watched.seen;
        QVERIFY(run.start(program("spin.py", "n = 0\nwhile True:\n    n += 1\n")));
        QTRY_VERIFY_WITH_TIMEOUT(linesOf(seen, QStringLiteral("MainThread")).contains(3), kWaitMs);
        const qint64 pid = run.pid();
        QElapsedTimer stopping;
        stopping.start();
        run.stop();
        QVERIFY(stopping.elapsed() < kPromptlyMs);
        QCOMPARE(processState(pid), QString());
    }

    void oddAndHugeOutput()
    {
        WatchedRun watched("server");
        LearnerRun &run = watched.run;
        Seen &seen = watched.seen;
        QVERIFY(run.start(program("noisy.py",
                                  "import sys\n"
                                  "sys.stdout.buffer.write(b'caf\\xe9 ok\\n')\n"
                                  "sys.stdout.flush()\n"
                                  "for i in range(50000):\n"
                                  "    print(i)\n"
                                  "sys.stdout.write('x' * 1000000)\n"
                                  "sys.stderr.buffer.write(b'\\xff\\xfe err\\n')\n")));
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, 60000);
        QCOMPARE(seen.exitCode, 0);
        QCOMPARE(seen.out.first(), QStringLiteral("caf\uFFFD ok"));
        QCOMPARE(seen.out.at(1), QStringLiteral("0"));
        QCOMPARE(seen.out.at(50000), QStringLiteral("49999"));
        qsizetype xs = 0;
        for (qsizetype i = 50001; i < seen.out.size(); ++i) {
            QVERIFY(seen.out.at(i).size() <= 64 * 1024);  // in pieces, not one megabyte line
            xs += seen.out.at(i).count(QLatin1Char('x'));
        }
        QCOMPARE(xs, qsizetype(1000000));
        QCOMPARE(seen.err, QStringList{QStringLiteral("\uFFFD\uFFFD err")});
    }

    void inputFromThePane()
    {
        WatchedRun watched("client");
        LearnerRun &run = watched.run;
        Seen &seen = watched.seen;
        QString prompt;
        QObject::connect(&run, &LearnerRun::inputRequested, [&](const QString &p) {
            prompt = p;
            run.sendInput("hello");
        });
        QVERIFY(run.start(program("ask.py", "line = input('> ')\nprint(line.upper())\n")));
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, kWaitMs);
        QCOMPARE(prompt, QStringLiteral("> "));
        QCOMPARE(seen.out, QStringList{QStringLiteral("HELLO")});
    }

    void kernelStateOfItsSocketsIsTheKernels()
    {
        // A server listening, a client connected to it with 5 bytes unread, and a socket
        // closed with os.close() where the tracer sees no close(); then input() holds them.
        const QString file = program("held.py",
                                     "import os, socket\n"
                                     "srv = socket.socket()\n"
                                     "srv.bind(('127.0.0.1', 0))\n"
                                     "srv.listen(5)\n"
                                     "c = socket.create_connection(srv.getsockname())\n"
                                     "conn, addr = srv.accept()\n"
                                     "c.sendall(b'12345')\n"
                                     "dropped = socket.socket()\n"
                                     "dropped.bind(('127.0.0.1', 0))\n"
                                     "os.close(dropped.detach())\n"
                                     "input()\n");
        auto registry = std::make_shared<SocketRegistry>();
        LearnerRun run(QStringLiteral("server"), std::make_shared<TraceStream>(), registry);
        run.setMode(StepGate::Mode::Run);
        QVERIFY(run.start(file));
        QTRY_VERIFY_WITH_TIMEOUT(run.state() == State::WaitingForInput, kWaitMs);

        // The kernel's own table, read without SocketLab: inode -> (state, unread bytes).
        const auto procNetTcp = [] {
            QHash<quint64, QPair<int, qint64>> rows;
            QFile f(QStringLiteral("/proc/net/tcp"));
            if (!f.open(QIODevice::ReadOnly))
                return rows;
            f.readLine();  // the header
            for (QByteArray line; !(line = f.readLine()).isEmpty();) {
                const QList<QByteArray> cols = line.simplified().split(' ');
                if (cols.size() > 9)
                    rows.insert(cols[9].toULongLong(), {cols[3].toInt(nullptr, 16), cols[4].split(':').value(1).toLongLong(nullptr, 16)});
            }
            return rows;
        };
        const auto openSamples = [&] {
            std::vector<SocketSample> open;
            const SocketSnapshot snapshot = SocketSnapshot::take(*registry);
            for (const SocketSample &s : snapshot.sockets()) {
                if (s.isOpen())
                    open.push_back(s);
            }
            return open;
        };
        // The dropped socket is closed once its descriptor is gone; three remain, each with
        // the kernel's state for its inode.
        QTRY_COMPARE_WITH_TIMEOUT(openSamples().size(), std::size_t(3), kWaitMs);
        const QHash<quint64, QPair<int, qint64>> kernel = procNetTcp();
        QMap<QString, int> states;
        const std::vector<SocketSample> open = openSamples();
        for (const SocketSample &s : open) {
            QVERIFY2(s.kernel.available, qPrintable(QString::number(s.inode)));
            QVERIFY2(kernel.contains(s.inode), qPrintable(QString::number(s.inode)));
            QCOMPARE(s.kernel.tcpState, kernel.value(s.inode).first);
            ++states[QLatin1String(tcpStateName(s.kernel.tcpState))];
            if (!s.kernel.listening)
                QCOMPARE(s.kernel.receiveQueue, kernel.value(s.inode).second);
        }
        QCOMPARE(states, (QMap<QString, int>{{QStringLiteral("LISTEN"), 1}, {QStringLiteral("ESTABLISHED"), 2}}));
        const auto unread = std::count_if(open.begin(), open.end(), [](const SocketSample &s) { return s.kernel.receiveQueue == 5; });
        QCOMPARE(unread, 1);  // conn holds the 5 bytes c sent
        run.closeInput();
        QTRY_VERIFY_WITH_TIMEOUT(!run.isActive(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(openSamples().empty(), kWaitMs);
    }

    void pythonMissing()
    {
        WatchedRun watched("server");
        LearnerRun &run = watched.run;
        Seen &seen = watched.seen;
        run.setPython(QStringLiteral("socketlab-no-such-python3"));
        QVERIFY(!run.start(program("any.py", "print(1)\n")));
        QCOMPARE(run.state(), State::Failed);
        QCOMPARE(seen.err.size(), 1);
        QVERIFY2(seen.err.first().contains(QLatin1String("sudo apt install python3")), qPrintable(seen.err.first()));
        QVERIFY(!run.isActive());
    }
};

QTEST_GUILESS_MAIN(TestLearnerRun)
#include "tst_learnerrun.moc"
