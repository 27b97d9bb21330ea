// tst_labstepping: advancing a whole lab one step at a time, as the window's Step and
// `--steps N` do. The server goes first until it blocks in accept(); then the client moves;
// when every pane is blocked, waiting for input or ended, nothing can step; typed input lets
// the lab go on; Reset makes the panes steppable from the start again.
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using State = PaneRunner::State;

namespace {
constexpr int kWaitMs = 10000;
}

class TestLabStepping : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void serverFirstThenClient_data();
    void serverFirstThenClient();
    void inputLetsTheLabGoOn();
    void resetStartsAgainFromTheFirstStep();
    void addedClientWaitsForTheOneAtATimeServer();

private:
    // Steps until nothing can move (or at most `limit` steps), recording "pane.step" for
    // every step reached, in order.
    QStringList stepUntilStuck(LabSession &session, int limit = 100);
    static QStringList stepsOf(const QStringList &reached, const QString &paneId);
    LabCatalog m_catalog;
};

void TestLabStepping::initTestCase()
{
    m_catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(m_catalog.errors().isEmpty());
}

QStringList TestLabStepping::stepUntilStuck(LabSession &session, int limit)
{
    QStringList reached;
    QList<QMetaObject::Connection> connections;
    for (PaneRunner *p : session.panes()) {
        connections << connect(p, &PaneRunner::stepReached, this,
                               [&reached, p](const QString &id) { reached << p->paneId() + QLatin1Char('.') + id; });
    }
    const auto settle = [&] {
        // qWaitFor, not QTRY: isSettled() may turn false again for a moment (a report posted
        // just after its call blocked), and QTRY's look after its wait took that for a timeout.
        [&] { QVERIFY2(QTest::qWaitFor([&] { return session.isSettled(); }, kWaitMs), "the lab never settled"); }();
        QCoreApplication::processEvents();  // its reports, posted before it settled
    };
    for (int i = 0; i < limit; ++i) {
        settle();
        if (QTest::currentTestFailed() || !session.stepNext())
            break;
    }
    settle();
    for (const auto &c : connections)
        disconnect(c);
    return reached;
}

void TestLabStepping::serverFirstThenClient_data()
{
    // Each pane's steps in its order. Across panes the order is fixed too, except where one
    // step moves two panes at once: the client's connect() also completes the server's
    // accept(), and both go on to their next line concurrently, as real programs do.
    QTest::addColumn<QString>("labId");
    QTest::addColumn<QStringList>("serverSteps");
    QTest::addColumn<QStringList>("clientSteps");
    QTest::addColumn<int>("serverStepsBeforeClient");
    QTest::newRow("tcp-timestamp") << QStringLiteral("tcp-timestamp")
        << QStringList{QStringLiteral("socket"), QStringLiteral("setsockopt"), QStringLiteral("bind"), QStringLiteral("listen"),
                       QStringLiteral("print-waiting"), QStringLiteral("accept"), QStringLiteral("print-connected"), QStringLiteral("recv")}
        << QStringList{QStringLiteral("socket"), QStringLiteral("connect"), QStringLiteral("input")}
        << 6;  // until it blocks in accept()
    QTest::newRow("udp-timestamp") << QStringLiteral("udp-timestamp")
        << QStringList{QStringLiteral("socket"), QStringLiteral("bind"), QStringLiteral("print-waiting"), QStringLiteral("recvfrom")}
        << QStringList{QStringLiteral("socket"), QStringLiteral("input")}
        << 4;  // until it blocks in recvfrom()
}

QStringList TestLabStepping::stepsOf(const QStringList &reached, const QString &paneId)
{
    QStringList steps;
    const QString prefix = paneId + QLatin1Char('.');
    for (const QString &r : reached) {
        if (r.startsWith(prefix))
            steps << r.mid(prefix.size());
    }
    return steps;
}

void TestLabStepping::serverFirstThenClient()
{
    QFETCH(QString, labId);
    QFETCH(QStringList, serverSteps);
    QFETCH(QStringList, clientSteps);
    QFETCH(int, serverStepsBeforeClient);
    LabSession session(*m_catalog.find(labId));
    PaneRunner *server = session.pane(QStringLiteral("server"));
    PaneRunner *client = session.pane(QStringLiteral("client"));
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QVERIFY(session.canStep(server));
    QVERIFY(!session.canStep(client));  // its port is not known before the server binds

    const QStringList reached = stepUntilStuck(session);
    QCOMPARE(stepsOf(reached, QStringLiteral("server")), serverSteps);
    QCOMPARE(stepsOf(reached, QStringLiteral("client")), clientSteps);
    QCOMPARE(stepsOf(reached.mid(0, serverStepsBeforeClient), QStringLiteral("server")).size(), serverStepsBeforeClient);
    // Stuck, truly: the server is blocked in a call and the client waits at its prompt.
    QVERIFY(server->blockedIn() != TraceCall::None);
    QCOMPARE(client->state(), State::WaitingForInput);
    QVERIFY(!session.canStep(server) && !session.canStep(client));
    QVERIFY(session.stepNext() == nullptr);
    session.stopAll();
}

void TestLabStepping::inputLetsTheLabGoOn()
{
    LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
    PaneRunner *server = session.pane(QStringLiteral("server"));
    PaneRunner *client = session.pane(QStringLiteral("client"));
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QCOMPARE(stepsOf(stepUntilStuck(session), QStringLiteral("client")).last(), QStringLiteral("input"));

    QSignalSpy output(client, &PaneRunner::output);
    client->sendInput(QStringLiteral("hello"));
    const QStringList reached = stepUntilStuck(session);
    // The client sends; the server, woken in recv(), answers and waits in recv() again;
    // the client prints the answer and asks for the next line.
    QCOMPARE(stepsOf(reached, QStringLiteral("client")),
             (QStringList{QStringLiteral("check-input"), QStringLiteral("send"), QStringLiteral("recv"),
                          QStringLiteral("check-reply"), QStringLiteral("print"), QStringLiteral("input")}));
    QCOMPARE(stepsOf(reached, QStringLiteral("server")),
             (QStringList{QStringLiteral("check-data"), QStringLiteral("send"), QStringLiteral("recv")}));
    QVERIFY(output.size() >= 2);
    QVERIFY(output.at(1).at(0).toString().endsWith(QStringLiteral("] hello")));
    QVERIFY(server->blockedIn() == TraceCall::Recv);
    session.stopAll();
}

void TestLabStepping::resetStartsAgainFromTheFirstStep()
{
    const int before = testsupport::openDescriptorCount();
    {
        LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
        PaneRunner *server = session.pane(QStringLiteral("server"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QCOMPARE(stepUntilStuck(session, 7).size(), 6);  // the seventh Step runs accept(), which blocks
        QVERIFY(server->blockedIn() == TraceCall::Accept);

        session.reset();
        QCOMPARE(server->state(), State::Idle);
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
        QCOMPARE(stepUntilStuck(session, 2), (QStringList{QStringLiteral("server.socket"), QStringLiteral("server.setsockopt")}));
        session.stopAll();
    }
    QCOMPARE(testsupport::openDescriptorCount(), before);
}

// "Add client" on the TCP lab: a second client of its own connects (the kernel completes the
// handshake) but is not served while tsTserv talks to the first; once the first quits, the
// server accepts it and answers the line it sent long before.
void TestLabStepping::addedClientWaitsForTheOneAtATimeServer()
{
    LabSession session(*m_catalog.find(QStringLiteral("tcp-timestamp")));
    PaneRunner *server = session.pane(QStringLiteral("server"));
    PaneRunner *first = session.pane(QStringLiteral("client"));
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QCOMPARE(session.copyablePane(), QStringLiteral("client"));
    QVERIFY(!session.canAddCopy(QStringLiteral("server")));
    session.runAll();  // the first client connects and is served: the server waits in its recv()
    QTRY_VERIFY_WITH_TIMEOUT(first->state() == State::WaitingForInput && server->blockedIn() == TraceCall::Recv, kWaitMs);

    QSignalSpy added(&session, &LabSession::paneAdded);
    PaneRunner *second = session.addCopy(QStringLiteral("client"));
    QVERIFY(second);
    QCOMPARE(added.count(), 1);
    QCOMPARE(second->paneId(), QStringLiteral("client-2"));
    QCOMPARE(second->definition().originalId(), QStringLiteral("client"));
    QCOMPARE(session.panes().size(), 3);
    // It follows the port the server published before it existed.
    QCOMPARE(second->paramValues().value(QStringLiteral("port")), first->paramValues().value(QStringLiteral("port")));

    QSignalSpy secondOutput(second, &PaneRunner::output);
    second->start();
    QTRY_VERIFY_WITH_TIMEOUT(second->state() == State::WaitingForInput, kWaitMs);

    second->sendInput(QStringLiteral("from the second"));
    QTRY_VERIFY_WITH_TIMEOUT(second->blockedIn() == TraceCall::Recv, kWaitMs);
    // Its socket is connected, yet the server sits in recv() on the first client's connection.
    QVERIFY(server->blockedIn() == TraceCall::Recv);
    std::size_t owned = 0;
    for (const auto &record : session.registry()->snapshot())
        owned += record->owner == "client-2" && record->state.load() == SocketState::Connected ? 1 : 0;
    QCOMPARE(owned, std::size_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(secondOutput.size(), 1, kWaitMs);  // only its echoed "> from the second", no answer
    QCOMPARE(secondOutput.at(0).at(0).toString(), QStringLiteral("> from the second"));

    first->sendInput(QString());  // the first client quits: the server goes back to accept()
    QTRY_VERIFY_WITH_TIMEOUT(secondOutput.size() >= 2, kWaitMs);
    QVERIFY(secondOutput.at(1).at(0).toString().endsWith(QStringLiteral("] from the second")));

    // Three clients at most, as the lab says.
    QVERIFY(session.addCopy(QStringLiteral("client")));
    QVERIFY(!session.addCopy(QStringLiteral("client")));
    QVERIFY(session.copyablePane().isEmpty());
    session.stopAll();
}

QTEST_GUILESS_MAIN(TestLabStepping)
#include "tst_labstepping.moc"
