// tst_chatcapstonelab: the chat-capstone lab on real loopback sockets. Three clients see each
// other's lines; a client that vanishes mid-line with a reset (SO_LINGER 0) ends its own
// server thread only, its half line is never delivered, and the others chat on; a client
// that leaves politely gets its own "left" notice read by its reader thread; the classroom
// pane's scripted clients join, speak and leave, every server connection closed after; Stop
// ends every thread and leaves no socket or descriptor behind. chatclient.py itself, run by
// python3, chats in the lab's room and vanishes the same way.
#include "LabTestSupport.h"
#include "PythonProcess.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <SocketSnapshot.h>

#include <QHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace socketlab;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 15000;  // generous for sanitizer builds; a pass takes milliseconds
constexpr int kPromptlyMs = 2000;

std::size_t openSocketsOf(const LabSession &session, const std::string &owner)
{
    std::size_t open = 0;
    for (const auto &r : session.registry()->snapshot())
        open += (r->owner == owner && r->state.load() != SocketState::Closed) ? 1 : 0;
    return open;
}

// A chat client pane with its console, joined under a nickname.
struct Chatter {
    PaneRunner *pane;
    std::unique_ptr<QSignalSpy> output;
    std::unique_ptr<QSignalSpy> errors;

    bool printed(const QString &line) const { return texts(*output).contains(line); }
};

} // namespace

class TestChatCapstoneLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

    static bool startServer(LabSession &session)
    {
        return testsupport::startOnFreePort(session.pane(QStringLiteral("server"))) != 0;
    }

    static Chatter join(LabSession &session, const QString &paneId, const QString &nick)
    {
        Chatter c{session.pane(paneId), nullptr, nullptr};
        c.output = std::make_unique<QSignalSpy>(c.pane, &PaneRunner::output);
        c.errors = std::make_unique<QSignalSpy>(c.pane, &PaneRunner::errorOutput);
        c.pane->sendInput(nick);
        c.pane->start();
        return c;
    }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("chat-capstone")));
    }

    // The point of the lesson: everyone hears everyone, and a vanished client hurts nobody.
    void threeClientsChatAndAResetHurtsNobody()
    {
        LabSession session(*m_catalog.find(QStringLiteral("chat-capstone")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy serverErrors(server, &PaneRunner::errorOutput);
        QVERIFY(startServer(session));

        Chatter alice = join(session, QStringLiteral("client"), QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** alice joined")), kWaitMs);
        PaneRunner *second = session.addCopy(QStringLiteral("client"));  // Add client
        QVERIFY(second);
        const std::string bobsPane = second->paneId().toStdString();
        Chatter bob = join(session, second->paneId(), QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** bob joined")), kWaitMs);
        PaneRunner *third = session.addCopy(QStringLiteral("client"));
        QVERIFY(third);
        const std::string carolsPane = third->paneId().toStdString();
        Chatter carol = join(session, third->paneId(), QStringLiteral("carol"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** carol joined")), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(bob.printed(QStringLiteral("*** carol joined")), kWaitMs);

        // Each one's line reaches all three, the sender too: the reader thread prints while
        // the main thread waits in input().
        alice.pane->sendInput(QStringLiteral("hello from alice"));
        bob.pane->sendInput(QStringLiteral("héllo from bob"));
        carol.pane->sendInput(QStringLiteral("carol here"));
        for (const Chatter *c : {&alice, &bob, &carol}) {
            QTRY_VERIFY_WITH_TIMEOUT(c->printed(QStringLiteral("[alice] hello from alice")), kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(c->printed(QStringLiteral("[bob] héllo from bob")), kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(c->printed(QStringLiteral("[carol] carol here")), kWaitMs);
        }
        QCOMPARE(openSocketsOf(session, "server"), std::size_t(4));  // the listener and three connections

        // Carol vanishes mid-line: half a line, then an RST. Her server thread reads the reset.
        carol.pane->sendInput(QStringLiteral("/vanish"));
        QTRY_COMPARE_WITH_TIMEOUT(carol.pane->state(), State::Finished, kWaitMs);
        QVERIFY2(carol.errors->isEmpty(), qPrintable(texts(*carol.errors).join('\n')));
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** carol left")), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(bob.printed(QStringLiteral("*** carol left")), kWaitMs);
        QVERIFY2(!texts(serverOutput).filter(QStringLiteral("[Errno 104] Connection reset by peer")).isEmpty(),
                 qPrintable(texts(serverOutput).join('\n')));
        QTRY_COMPARE_WITH_TIMEOUT(openSocketsOf(session, "server"), std::size_t(3), kWaitMs);

        // The others chat on, and nobody ever got carol's half line.
        alice.pane->sendInput(QStringLiteral("still here"));
        QTRY_VERIFY_WITH_TIMEOUT(bob.printed(QStringLiteral("[alice] still here")), kWaitMs);
        for (const Chatter *c : {&alice, &bob})
            QVERIFY(texts(*c->output).filter(QStringLiteral("half a mess")).isEmpty());
        QVERIFY(server->isActive());
        QVERIFY(serverErrors.isEmpty());

        // Bob leaves politely: FIN, the server closes, his reader reads b'' and he ends.
        bob.pane->sendInput(QString());
        QTRY_COMPARE_WITH_TIMEOUT(bob.pane->state(), State::Finished, kWaitMs);
        QVERIFY(bob.errors->isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** bob left")), kWaitMs);
        QCOMPARE(openSocketsOf(session, bobsPane), std::size_t(0));
        QCOMPARE(openSocketsOf(session, carolsPane), std::size_t(0));
        session.stopAll();
    }

    // A classroom: scripted clients join, speak in turn, read the room, and leave; the server
    // closes every connection they had.
    void classroomJoinsSpeaksAndLeaves()
    {
        LabSession session(*m_catalog.find(QStringLiteral("chat-capstone")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *load = session.pane(QStringLiteral("load"));
        QVERIFY(startServer(session));
        Chatter alice = join(session, QStringLiteral("client"), QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** alice joined")), kWaitMs);

        constexpr int kBots = 40;
        constexpr int kLines = 80;
        QCOMPARE(load->setParam(QStringLiteral("clients"), QString::number(kBots)), QString());
        QCOMPARE(load->setParam(QStringLiteral("rate"), QStringLiteral("100")), QString());
        QCOMPARE(load->setParam(QStringLiteral("count"), QString::number(kLines)), QString());
        QSignalSpy loadOutput(load, &PaneRunner::output);
        QSignalSpy loadErrors(load, &PaneRunner::errorOutput);
        load->start();  // held until the learner lets the classroom in
        QTRY_COMPARE_WITH_TIMEOUT(load->state(), State::Paused, kWaitMs);
        QCOMPARE(load->currentStep(), QStringLiteral("bots"));
        QCOMPARE(openSocketsOf(session, "load"), std::size_t(0));
        load->run();
        QTRY_COMPARE_WITH_TIMEOUT(load->state(), State::Finished, 60000);
        QVERIFY2(loadErrors.isEmpty(), qPrintable(texts(loadErrors).join('\n')));
        QVERIFY(texts(loadOutput).contains(QStringLiteral("%1 lines said").arg(kLines)));

        // Alice heard every bot join and every line once, each bot's lines in the order it said
        // them. Lines of different bots come through different server threads: 10 ms apart,
        // their order at alice is the threads' race, not the order said.
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** bot%1 left").arg(kBots)), kWaitMs);
        const QRegularExpression said(QStringLiteral(R"(^\[bot(\d+)\] line (\d+)$)"));
        QStringList heard = texts(*alice.output).filter(said);
        QHash<int, int> lastLineOf;  // bot -> the last line number alice heard from it
        for (const QString &line : heard) {
            const QRegularExpressionMatch m = said.match(line);
            const int bot = m.captured(1).toInt(), number = m.captured(2).toInt();
            QCOMPARE((number - 1) % kBots + 1, bot);  // the line said by that bot
            QVERIFY2(number > lastLineOf.value(bot, 0), qPrintable(line));
            lastLineOf[bot] = number;
        }
        QStringList expected;
        for (int n = 1; n <= kLines; ++n)
            expected << QStringLiteral("[bot%1] line %2").arg((n - 1) % kBots + 1).arg(n);
        heard.sort();
        expected.sort();
        QCOMPARE(heard, expected);
        QCOMPARE(texts(*alice.output).filter(QRegularExpression(QStringLiteral(R"(^\*\*\* bot\d+ joined$)"))).size(), kBots);

        // Every bot's server thread ended and closed its connection: the listener and alice's remain.
        QTRY_COMPARE_WITH_TIMEOUT(openSocketsOf(session, "server"), std::size_t(2), kWaitMs);
        QCOMPARE(openSocketsOf(session, "load"), std::size_t(0));
        QVERIFY(server->isActive());
        session.stopAll();
    }

    // chatclient.py as the learner runs it: python3 joins the lab's room, hears the lab's
    // client, is heard, and its /vanish (SO_LINGER 0, shutdown(SHUT_RD) to wake its reader)
    // resets the connection and ends the script.
    void pythonListingChatsInTheLabsRoom()
    {
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed");
        LabSession session(*m_catalog.find(QStringLiteral("chat-capstone")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        QSignalSpy serverOutput(server, &PaneRunner::output);
        const std::uint16_t port = testsupport::startOnFreePort(server);
        QVERIFY(port != 0);
        Chatter alice = join(session, QStringLiteral("client"), QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** alice joined")), kWaitMs);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = dir.filePath(QStringLiteral("chatclient.py"));
        QVERIFY(testsupport::writeListing(QStringLiteral("chat-capstone"), QStringLiteral("chatclient.py"),
                                          {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                           {QStringLiteral("port"), QString::number(port)},
                                           {QStringLiteral("bufsize"), QStringLiteral("1024")}},
                                          script));
        testsupport::PythonProcess dave("import runpy, sys; runpy.run_path(sys.argv[1], run_name='__main__')", {script});
        QVERIFY(dave.started());
        QProcess &p = dave.process();
        QByteArray heard;
        const auto hears = [&](const QByteArray &text) {
            return QTest::qWaitFor([&] {
                heard += p.readAllStandardOutput();
                return heard.contains(text);
            }, kWaitMs);
        };
        p.write("dave\n");
        QVERIFY2(hears("*** dave joined"), heard.constData());
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** dave joined")), kWaitMs);
        alice.pane->sendInput(QStringLiteral("hi dave"));
        QVERIFY2(hears("[alice] hi dave"), heard.constData());
        p.write("hi alice\n");
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("[dave] hi alice")), kWaitMs);

        p.write("/vanish\n");
        QVERIFY(p.waitForFinished(testsupport::PythonProcess::kTimeoutMs));
        QCOMPARE(p.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** dave left")), kWaitMs);
        QVERIFY(!texts(serverOutput).filter(QStringLiteral("[Errno 104] Connection reset by peer")).isEmpty());
        QVERIFY(texts(*alice.output).filter(QStringLiteral("half a mess")).isEmpty());
        session.stopAll();
    }

    // Stop with threads blocked in recv() on both sides: everything ends at once, nothing leaks.
    void stopEndsEveryThread()
    {
        const int before = testsupport::openDescriptorCount();
        {
            LabSession session(*m_catalog.find(QStringLiteral("chat-capstone")));
            PaneRunner *server = session.pane(QStringLiteral("server"));
            QSignalSpy serverErrors(server, &PaneRunner::errorOutput);
            QVERIFY(startServer(session));
            Chatter alice = join(session, QStringLiteral("client"), QStringLiteral("alice"));
            QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** alice joined")), kWaitMs);
            PaneRunner *second = session.addCopy(QStringLiteral("client"));
            QVERIFY(second);
            Chatter bob = join(session, second->paneId(), QStringLiteral("bob"));
            QTRY_VERIFY_WITH_TIMEOUT(alice.printed(QStringLiteral("*** bob joined")), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(alice.pane->state(), State::WaitingForInput, kWaitMs);
            QElapsedTimer clock;
            clock.start();
            session.stopAll();
            QVERIFY2(clock.elapsed() < kPromptlyMs, qPrintable(QString::number(clock.elapsed())));
            for (const PaneRunner *pane : {session.pane(QStringLiteral("server")), alice.pane, bob.pane})
                QCOMPARE(pane->state(), State::Stopped);
            QVERIFY(serverErrors.isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(session.registry()->openCount(), std::size_t(0), kWaitMs);
        }
        QCOMPARE(testsupport::openDescriptorCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestChatCapstoneLab)
#include "tst_chatcapstonelab.moc"
