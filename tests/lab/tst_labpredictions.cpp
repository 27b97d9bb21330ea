// tst_labpredictions: every prediction of the built-in labs is reached when the lab runs as a
// learner runs it (Run all, a couple of lines typed into each pane that asks), stops its
// pane until it is answered, and is revealed from the run: an observed question gets the
// value the run showed (the bytes, the state, the exception ...), and "right" says whether
// the answer given is that value; a fixed question is right only with its stored answer.
#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <PredictionTracker.h>

#include <QTimer>
#include <QtTest>

#include <algorithm>

namespace {

constexpr int kWaitMs = 20000;
constexpr int kLinesPerPane = 2;  // the second line makes the clients that reconnect per line reconnect

// What the run must show where it does not depend on timing, with the line "hello" typed:
// the bytes on the wire, the state after connect(), a connection per line, no exception.
const QHash<QString, QString> &knownObservations()
{
    static const QHash<QString, QString> known = {
        {QStringLiteral("send-bytes"), QStringLiteral("5")},          // b'hello'
        {QStringLiteral("recv-with-newline"), QStringLiteral("6")},   // b'hello\n'
        {QStringLiteral("reply-bytes"), QStringLiteral("5")},         // b'HELLO', the line end stripped
        {QStringLiteral("connection-per-line"), QStringLiteral("2")}, // the second line's connection
        {QStringLiteral("connect-state"), QStringLiteral("ESTABLISHED")},
        {QStringLiteral("sendto-no-check"), QStringLiteral("nothing")},
        {QStringLiteral("refused-connects"), QStringLiteral("nothing")},
        {QStringLiteral("listen-raises"), QStringLiteral("nothing")},      // a TCP socket may listen unbound
        {QStringLiteral("accept-waits"), QStringLiteral("yes")},           // listening, nobody connecting
    };
    return known;
}

// What the learner types into a pane, line after line: "hello", or in the socket playground
// the calls its panel sends (one JSON line each) that reach its questions: a TCP socket,
// listen(), accept().
QStringList linesFor(const PaneRunner &pane)
{
    if (pane.definition().program == QLatin1String("socket-playground"))
        return {QStringLiteral(R"({"call":"socket","socket":"s1","args":["AF_INET","SOCK_STREAM"]})"),
                QStringLiteral(R"({"call":"listen","socket":"s1","args":["5"]})"),
                QStringLiteral(R"({"call":"accept","socket":"s1","result":"conn1","args":[]})")};
    return QStringList(kLinesPerPane, QStringLiteral("hello"));
}

// The answer the test gives: the last choice, or the number 1, so that right and wrong both occur.
int answerFor(const PredictionDefinition &p)
{
    return p.choices.isEmpty() ? 1 : int(p.choices.size()) - 1;
}

// Whether every pane but paneId waits for something outside it: a question's answer, a line
// of input, a socket (blocked in a call), or has not started or has ended.
bool othersAtRest(const LabSession &session, const QString &paneId)
{
    return std::all_of(session.panes().begin(), session.panes().end(), [&](const PaneRunner *pane) {
        return pane->paneId() == paneId || !pane->isActive() || pane->isAwaitingAnswer()
            || pane->state() == PaneRunner::State::WaitingForInput || pane->blockedIn() != socketlab::TraceCall::None;
    });
}

} // namespace

class TestLabPredictions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { m_catalog.loadFrom(LabCatalog::builtInRoot()); }

    void everyPredictionIsAskedAndRevealed_data()
    {
        QTest::addColumn<QString>("labId");
        for (const LabDefinition &lab : m_catalog.labs()) {
            if (!lab.predictions.isEmpty())
                QTest::newRow(qPrintable(lab.id)) << lab.id;
        }
    }

    void everyPredictionIsAskedAndRevealed()
    {
        QFETCH(QString, labId);
        const LabDefinition &lab = *m_catalog.find(labId);
        QVERIFY(!lab.predictions.isEmpty());
        LabSession session(lab);
        session.setDelayMs(0);
        if (PaneRunner *server = session.pane(QStringLiteral("server")))
            QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        PredictionTracker tracker(session);
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, [&] { session.feed().tick(); });
        ticker.start(10);

        // The learner: types a line into every pane that asks, a few times.
        QHash<QString, int> typed;
        for (PaneRunner *pane : session.panes()) {
            QObject::connect(pane, &PaneRunner::inputRequested, pane, [pane, &typed, lines = linesFor(*pane)] {
                const int next = typed[pane->paneId()]++;
                if (next < lines.size())
                    pane->sendInput(lines.at(next));
            });
        }
        // ... and answers the questions one at a time, in the order asked, each once the other
        // panes have come to rest, as a learner reading it sees them: the server blocked in
        // accept() before the client's question is answered and it connects. (Answered at
        // once, the client's connect() overtook the server's accept() on a loaded machine.)
        QList<PredictionDefinition> unanswered;
        QTimer answering;
        QObject::connect(&answering, &QTimer::timeout, &tracker, [&] {
            if (!unanswered.isEmpty() && othersAtRest(session, unanswered.first().pane)) {
                const PredictionDefinition p = unanswered.takeFirst();
                tracker.answer(answerFor(p), p.id);
            }
        });
        answering.start(5);
        QStringList asked;
        QHash<QString, PredictionOutcome> revealed;
        QObject::connect(&tracker, &PredictionTracker::asked, &tracker, [&](const PredictionDefinition &p) {
            asked << p.id;
            PaneRunner *pane = session.pane(p.pane);
            QVERIFY2(pane && pane->isAwaitingAnswer(), qPrintable(p.id));
            unanswered << p;
        });
        QObject::connect(&tracker, &PredictionTracker::revealed, &tracker,
                         [&](const PredictionDefinition &p, const PredictionOutcome &o) { revealed.insert(p.id, o); });

        session.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(revealed.size() == lab.predictions.size(), kWaitMs);

        for (const PredictionDefinition &p : lab.predictions) {
            QVERIFY2(asked.count(p.id) == 1, qPrintable(p.id));
            const PredictionOutcome o = revealed.value(p.id);
            QVERIFY(!o.skipped);
            QCOMPARE(o.answer, answerFor(p));
            if (p.observe == PredictionDefinition::Observe::Nothing) {
                QCOMPARE(o.right, o.answer == p.fixedAnswer);
                continue;
            }
            // What the run showed, and "right" exactly when the answer stands for it.
            QVERIFY2(!o.observed.isEmpty(), qPrintable(p.id));
            const QString given = p.choices.isEmpty() ? QString::number(o.answer) : p.choices.at(o.answer).value;
            QVERIFY2(o.right == (given == o.observed), qPrintable(QStringLiteral("%1: %2 vs %3").arg(p.id, given, o.observed)));
            if (knownObservations().contains(p.id))
                QCOMPARE(o.observed, knownObservations().value(p.id));
        }
        session.stopAll();
    }

private:
    LabCatalog m_catalog;
};

QTEST_GUILESS_MAIN(TestLabPredictions)
#include "tst_labpredictions.moc"
