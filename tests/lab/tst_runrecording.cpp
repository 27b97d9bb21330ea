// tst_runrecording: a lab run recorded as it runs replays to the same ticks at any earlier
// moment (what a view fed from the recording shows then is what it showed live); a saved run
// opens again with every call, socket and pane report intact; a truncated, edited, foreign or
// newer file is refused with a message and no crash; a long run's recording stays within its
// memory budget and says from when history is whole.
#include "LabTestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <RunFile.h>
#include <RunRecorder.h>

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace {

constexpr int kWaitMs = 10000;

// What a view fed tick by tick has taken in: the calls by name and phase, and the sockets of
// the last tick with their state, owner, bytes, queues. Two views that agree on this show the same.
struct Digest {
    QStringList calls;
    QStringList sockets;
    int ticks = 0;

    void take(const RunTick &tick)
    {
        ++ticks;
        for (const socketlab::TraceEvent &e : tick.events)
            calls << QStringLiteral("%1:%2:%3:%4").arg(QLatin1String(socketlab::traceCallName(e.call))).arg(int(e.phase)).arg(e.result).arg(e.socketId);
        sockets.clear();
        for (const socketlab::SocketSample &s : tick.sockets.sockets())
            sockets << QStringLiteral("%1 %2 %3 %4/%5 %6 %7 %8 %9")
                           .arg(s.id)
                           .arg(QString::fromStdString(s.record->owner))
                           .arg(int(s.state))
                           .arg(s.counters.bytesSent)
                           .arg(s.counters.bytesReceived)
                           .arg(s.kernel.tcpState)
                           .arg(s.kernel.acceptQueueLength)
                           .arg(QString::fromStdString(s.local.toString()))
                           .arg(s.peerId);
    }
    QString text() const { return calls.join(QLatin1Char(',')) + QLatin1Char('|') + sockets.join(QLatin1Char(',')); }
};

class LiveDigest : public RunListener {
public:
    Digest digest;
    void runTicked(const RunTick &tick) override { digest.take(tick); }
};

const LabDefinition &tcpTimestamp()
{
    static LabCatalog catalog = [] {
        LabCatalog c;
        c.loadFrom(LabCatalog::builtInRoot());
        return c;
    }();
    return *catalog.find(QStringLiteral("tcp-timestamp"));
}

} // namespace

class TestRunRecording : public QObject {
    Q_OBJECT

private slots:
    void replayMatchesWhatWasSeenLive();
    void savedRunOpensAgain();
    void damagedFilesAreRefused_data();
    void damagedFilesAreRefused();
    void longRunStaysWithinBudget();

private:
    // A tcp-timestamp run with two lines answered, recorded; the live digest at each moment a
    // reply was printed, and the time of that moment.
    void recordRun(RunRecording &out, QList<QPair<std::int64_t, QString>> &moments);
};

void TestRunRecording::recordRun(RunRecording &out, QList<QPair<std::int64_t, QString>> &moments)
{
    LabSession session(tcpTimestamp());
    session.pane(QStringLiteral("server"))->setParam(QStringLiteral("port"), QStringLiteral("0"));
    RunRecorder recorder(session);
    LiveDigest live;
    session.feed().follow(&live);
    PaneRunner *client = session.pane(QStringLiteral("client"));
    client->setEchoInput(false);  // only the replies reach the console
    QSignalSpy printed(client, &PaneRunner::output);
    client->sendInput(QStringLiteral("one"));
    session.runAll();
    // The window's tick, by hand: after each printed reply, one tick, and the moment noted.
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { session.feed().tick(); });
    ticker.start(10);
    int seen = 0;
    while (seen < 2) {
        QVERIFY(printed.count() > seen || printed.wait(kWaitMs));
        ++seen;
        session.feed().tick();
        moments << qMakePair(recorder.recording().frames().back().timeNs, live.digest.text());
        if (seen == 1)  // the second line only now, so the two moments cannot show the same calls
            client->sendInput(QStringLiteral("two"));
    }
    ticker.stop();
    session.feed().unfollow(&live);
    session.stopAll();
    session.feed().tick();
    out = recorder.recording();
    QVERIFY(out.frames().size() >= 3);
    QCOMPARE(moments.size(), 2);
}

void TestRunRecording::replayMatchesWhatWasSeenLive()
{
    RunRecording recording;
    QList<QPair<std::int64_t, QString>> moments;
    recordRun(recording, moments);
    if (QTest::currentTestFailed())
        return;
    for (const auto &[time, seenLive] : moments) {
        Digest replayed;
        recording.feedUntil(time, [&](const RunTick &tick) { replayed.take(tick); });
        QCOMPARE(replayed.text(), seenLive);
    }
    QVERIFY(moments[0].second != moments[1].second);  // the two moments differ: the check could fail
    // The pane reports are there too, in time order: the client's two replies among them.
    QStringList printed;
    for (const PaneReport *r : recording.reportsUntil(recording.endNs())) {
        if (r->pane == QLatin1String("client") && r->kind == PaneReport::Kind::Output)
            printed << r->text;
    }
    QCOMPARE(printed.size(), 2);
    QVERIFY(printed[0].endsWith(QStringLiteral("] one")));
}

void TestRunRecording::savedRunOpensAgain()
{
    RunRecording recording;
    QList<QPair<std::int64_t, QString>> moments;
    recordRun(recording, moments);
    if (QTest::currentTestFailed())
        return;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.socketlab-run"));
    QString error;
    QVERIFY2(RunFile::save(recording, path, &error), qPrintable(error));
    const std::optional<RunRecording> opened = RunFile::load(path, &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->lab().id, QStringLiteral("tcp-timestamp"));
    QCOMPARE(opened->lab().panes.size(), tcpTimestamp().panes.size());
    QCOMPARE(opened->lab().pane(QStringLiteral("server"))->listing, tcpTimestamp().pane(QStringLiteral("server"))->listing);
    QCOMPARE(opened->frames().size(), recording.frames().size());
    QCOMPARE(opened->reports().size(), recording.reports().size());
    // Replayed from the file, each moment digests as it did live (times shifted by the same amount).
    const std::int64_t shift = opened->startNs() - recording.startNs();
    for (const auto &[time, seenLive] : moments) {
        Digest replayed;
        opened->feedUntil(time + shift, [&](const RunTick &tick) { replayed.take(tick); });
        QCOMPARE(replayed.text(), seenLive);
    }
    for (std::size_t i = 0; i < recording.reports().size(); ++i) {
        const PaneReport &a = recording.reports()[i];
        const PaneReport &b = opened->reports()[i];
        QCOMPARE(b.timeNs - shift, a.timeNs);
        QCOMPARE(b.pane, a.pane);
        QCOMPARE(int(b.kind), int(a.kind));
        QCOMPARE(b.text, a.text);
        QCOMPARE(b.number, a.number);
    }
    // Saving what was opened writes the same file again, but for the app's own version line.
    QCOMPARE(RunFile::encode(*opened).size(), RunFile::encode(recording).size());
}

void TestRunRecording::damagedFilesAreRefused_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("cut short") << QStringLiteral("truncate") << QStringLiteral("checksum");
    QTest::newRow("one byte changed") << QStringLiteral("flip") << QStringLiteral("checksum");
    QTest::newRow("not a run") << QStringLiteral("foreign") << QStringLiteral("not a SocketLab run");
    QTest::newRow("newer format") << QStringLiteral("newer") << QStringLiteral("newer SocketLab");
    QTest::newRow("a huge claimed size") << QStringLiteral("huge") << QStringLiteral("claims");
    QTest::newRow("edited, checksum redone") << QStringLiteral("edited") << QStringLiteral("damaged");
    QTest::newRow("empty") << QStringLiteral("empty") << QStringLiteral("not a SocketLab run");
}

void TestRunRecording::damagedFilesAreRefused()
{
    QFETCH(QString, damage);
    QFETCH(QString, message);
    RunRecording recording;
    QList<QPair<std::int64_t, QString>> moments;
    recordRun(recording, moments);
    if (QTest::currentTestFailed())
        return;
    QByteArray bytes = RunFile::encode(recording);
    const qsizetype contentStart = bytes.indexOf('\n', bytes.indexOf('\n') + 1) + 1;
    auto withChecksum = [&](const QByteArray &content) {
        return bytes.left(bytes.indexOf('\n') + 1) + "sha256 " + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()
               + "\n" + content;
    };
    if (damage == QLatin1String("truncate"))
        bytes.chop(bytes.size() / 3);
    else if (damage == QLatin1String("flip"))
        bytes[bytes.size() - 10] = char(bytes[bytes.size() - 10] ^ 0x40);
    else if (damage == QLatin1String("foreign"))
        bytes = "PK\x03\x04 a zip file, say";
    else if (damage == QLatin1String("newer"))
        bytes.replace(0, bytes.indexOf('\n'), "SocketLab run 99");
    else if (damage == QLatin1String("huge"))
        bytes = withChecksum(QByteArray("\x7f\xff\xff\xff", 4) + bytes.mid(contentStart + 4));
    else if (damage == QLatin1String("edited")) {
        // Valid JSON whose frames are not frames: a careful hand, a wrong edit.
        QByteArray json = qUncompress(bytes.mid(contentStart));
        json.replace("\"frames\":[", "\"frames\":[17,");
        bytes = withChecksum(qCompress(json));
    } else if (damage == QLatin1String("empty"))
        bytes.clear();
    QString error;
    const std::optional<RunRecording> opened = RunFile::decode(bytes, &error);
    QVERIFY(!opened);
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestRunRecording::longRunStaysWithinBudget()
{
    // A chatty run recorded with a small budget: the oldest history goes, the rest is kept.
    constexpr std::size_t kBudget = 256 * 1024;
    LabSession session(tcpTimestamp());
    session.pane(QStringLiteral("server"))->setParam(QStringLiteral("port"), QStringLiteral("0"));
    RunRecorder recorder(session, kBudget);
    PaneRunner *client = session.pane(QStringLiteral("client"));
    client->setEchoInput(false);  // only the replies reach the console
    QSignalSpy printed(client, &PaneRunner::output);
    constexpr int kLines = 400;
    for (int i = 0; i < kLines; ++i)
        client->sendInput(QStringLiteral("line %1").arg(i));
    // A tick after every reply: hundreds of frames, as a long run at the window's 20 Hz makes.
    QObject::connect(client, &PaneRunner::output, &session, [&] { session.feed().tick(); });
    session.runAll();
    QTRY_COMPARE_WITH_TIMEOUT(printed.count(), kLines, 60000);
    session.feed().tick();
    const RunRecording &r = recorder.recording();
    QVERIFY2(r.approximateBytes() <= kBudget, qPrintable(QString::number(r.approximateBytes())));
    QVERIFY(r.droppedBeforeNs() > 0);                      // some history went ...
    QCOMPARE(r.frames().front().timeNs, r.droppedBeforeNs());  // ... and it says from when the rest is whole
    QVERIFY(r.frames().size() > 5);
    QVERIFY(r.reports().front().timeNs >= r.droppedBeforeNs());
    session.stopAll();
}

QTEST_GUILESS_MAIN(TestRunRecording)
#include "tst_runrecording.moc"
