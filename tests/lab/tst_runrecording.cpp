// tst_runrecording: a lab run recorded as it runs replays to the same ticks at any earlier
// moment (what a view fed from the recording shows then is what it showed live); a saved run
// opens again with every call, socket and pane report intact; a truncated, edited, foreign or
// newer file is refused with a message and no crash; a long run's recording stays within its
// memory budget and says from when history is whole. The kernel-only rows (connections queued
// for accept(), TIME_WAIT) replay as they were given live, also from a file, and a TIME_WAIT
// counting down is stored once; a format 1 file (no kernel-only rows) still opens.
#include "LabTestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <RunFile.h>
#include <RunRecorder.h>

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <set>

namespace {

constexpr int kWaitMs = 10000;

// What a view fed tick by tick has taken in: the calls by name and phase, and the sockets of
// the last tick with their state, owner, bytes, queues. Two views that agree on this show the same.
struct Digest {
    QStringList calls;
    QStringList sockets;
    QStringList kernel;  // the last tick's kernel-only rows
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
        kernel.clear();
        for (const socketlab::KernelOnlySocket &k : tick.kernelOnly)
            kernel << kernelRowText(k);
    }
    static QString kernelRowText(const socketlab::KernelOnlySocket &k)
    {
        return QStringLiteral("%1 %2 %3>%4 q%5 t%6 l%7 p%8")
            .arg(int(k.kind))
            .arg(k.socket.tcpState)
            .arg(QString::fromStdString(k.socket.local.toString()), QString::fromStdString(k.socket.peer.toString()))
            .arg(k.socket.receiveQueue)
            .arg(k.socket.timerMs)
            .arg(k.listenerId)
            .arg(k.peerId);
    }
    int notAccepted() const { return int(kernel.filter(QStringLiteral("%1 ").arg(int(socketlab::KernelOnlySocket::Kind::NotAccepted))).size()); }
    QString text() const
    {
        return calls.join(QLatin1Char(',')) + QLatin1Char('|') + sockets.join(QLatin1Char(',')) + QLatin1Char('|') + kernel.join(QLatin1Char(','));
    }
};

class LiveDigest : public RunListener {
public:
    Digest digest;
    void runTicked(const RunTick &tick) override { digest.take(tick); }
};

const LabDefinition &builtInLab(const QString &id)
{
    static LabCatalog catalog = [] {
        LabCatalog c;
        c.loadFrom(LabCatalog::builtInRoot());
        return c;
    }();
    return *catalog.find(id);
}

const LabDefinition &tcpTimestamp()
{
    return builtInLab(QStringLiteral("tcp-timestamp"));
}

// The saved content's JSON, and bytes with it put back under a header of that version.
QByteArray contentOf(const QByteArray &file)
{
    return qUncompress(file.mid(file.indexOf('\n', file.indexOf('\n') + 1) + 1));
}
QByteArray fileOf(const QByteArray &json, int version)
{
    const QByteArray content = qCompress(json);
    return "SocketLab run " + QByteArray::number(version) + "\nsha256 "
           + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n" + content;
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
    void queuedConnectionsReplayAsSeenLive();
    void countingDownRowsAreStoredOnce();
    void formatOneFileStillOpens();
    void lateReportsTakeTheirPlaceInTime();

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
    QTest::newRow("a time beyond any integer") << QStringLiteral("beyond") << QStringLiteral("a number was expected");
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
        bytes.replace(0, bytes.indexOf('\n'), "SocketLab run " + QByteArray::number(RunFile::kFormatVersion + 1));
    else if (damage == QLatin1String("huge"))
        bytes = withChecksum(QByteArray("\x7f\xff\xff\xff", 4) + bytes.mid(contentStart + 4));
    else if (damage == QLatin1String("edited")) {
        // Valid JSON whose frames are not frames: a careful hand, a wrong edit.
        QByteArray json = qUncompress(bytes.mid(contentStart));
        json.replace("\"frames\":[", "\"frames\":[17,");
        bytes = withChecksum(qCompress(json));
    } else if (damage == QLatin1String("beyond")) {
        // A frame's time as a double no integer can hold: converting it was undefined behaviour.
        QString json = QString::fromUtf8(qUncompress(bytes.mid(contentStart)));
        const qsizetype replaced = json.size();
        json.replace(QRegularExpression(QStringLiteral("\"t\":\"[0-9]+\"")), QStringLiteral("\"t\":6.2e20"));
        QVERIFY(json.size() != replaced);
        bytes = withChecksum(qCompress(json.toUtf8()));
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

void TestRunRecording::queuedConnectionsReplayAsSeenLive()
{
    // The backlog lab's server is held before accept(): its clients' connections wait in the
    // accept queue, rows only the kernel has. A moment with them queued, replayed from the
    // recording and from its file, gives the same rows.
    LabSession session(builtInLab(QStringLiteral("backlog")));
    PaneRunner *server = session.pane(QStringLiteral("server"));
    QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
    QCOMPARE(server->setParam(QStringLiteral("backlog"), QStringLiteral("1")), QString());
    QCOMPARE(session.pane(QStringLiteral("clients"))->setParam(QStringLiteral("clients"), QStringLiteral("4")), QString());
    RunRecorder recorder(session);
    LiveDigest live;
    session.feed().follow(&live);
    session.runAll();
    QTRY_VERIFY_WITH_TIMEOUT((session.feed().tick(), live.digest.notAccepted() >= 2), kWaitMs);  // backlog + 1 queued
    const std::int64_t moment = recorder.recording().frames().back().timeNs;
    const QString seenLive = live.digest.text();
    // The run goes on: the clients give up, their rows change and go.
    session.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT((session.feed().tick(), live.digest.text() != seenLive), kWaitMs);
    session.feed().unfollow(&live);
    const RunRecording &recording = recorder.recording();

    Digest replayed;
    recording.feedUntil(moment, [&](const RunTick &tick) { replayed.take(tick); });
    QCOMPARE(replayed.text(), seenLive);
    QVERIFY(replayed.notAccepted() >= 2);

    QString error;
    const std::optional<RunRecording> opened = RunFile::decode(RunFile::encode(recording), &error);
    QVERIFY2(opened, qPrintable(error));
    Digest fromFile;
    opened->feedUntil(moment + opened->startNs() - recording.startNs(), [&](const RunTick &tick) { fromFile.take(tick); });
    QCOMPARE(fromFile.text(), seenLive);
    // Rows are stored when they change, not every tick.
    std::set<const void *> stored;
    int framesWithRows = 0;
    for (const RecordedFrame &f : recording.frames()) {
        framesWithRows += f.kernelOnly ? 1 : 0;
        if (f.kernelOnly)
            stored.insert(f.kernelOnly.get());
    }
    QVERIFY2(int(stored.size()) < framesWithRows, qPrintable(QStringLiteral("%1 lists for %2 frames").arg(stored.size()).arg(framesWithRows)));
}

void TestRunRecording::countingDownRowsAreStoredOnce()
{
    // A TIME_WAIT and an orphan counting down, as KernelOnlySockets counts them between the
    // kernel's answers: one stored list, each frame its age; a new answer is a new list.
    using socketlab::KernelOnlySocket;
    auto row = [](KernelOnlySocket::Kind kind, std::int64_t timerMs, std::uint16_t port) {
        KernelOnlySocket k;
        k.kind = kind;
        k.socket.timerMs = timerMs;
        k.socket.timer = socketlab::KernelTimer::TimeWait;
        k.socket.local = *socketlab::SocketAddress::ipv4("127.0.0.1", port);
        return k;
    };
    const std::vector<KernelOnlySocket> first{row(KernelOnlySocket::Kind::TimeWait, 60000, 1), row(KernelOnlySocket::Kind::Orphan, 300, 2)};
    RunRecording recording;
    const socketlab::SocketSnapshot none;
    std::vector<std::vector<KernelOnlySocket>> given;
    for (std::int64_t ms : {0, 50, 100, 350, 400}) {  // the orphan's timer reaches 0 and stays there
        given.push_back(countedDown(first, ms));
        recording.addFrame(1'000'000'000 + ms * 1'000'000, {}, none, given.back());
    }
    std::vector<KernelOnlySocket> answered = given.back();
    answered.pop_back();  // the kernel's next answer: the orphan is gone
    given.push_back(answered);
    recording.addFrame(1'500'000'000, {}, none, given.back());
    given.push_back({});
    recording.addFrame(1'600'000'000, {}, none, given.back());

    QCOMPARE(recording.frames().size(), given.size());
    QCOMPARE(recording.frames()[4].kernelOnly, recording.frames()[0].kernelOnly);  // one list for the five
    QCOMPARE(recording.frames()[4].kernelAgeMs, std::int64_t(400));
    QVERIFY(recording.frames()[5].kernelOnly != recording.frames()[4].kernelOnly);
    QVERIFY(!recording.frames()[6].kernelOnly);
    const std::optional<RunRecording> opened = [&] {
        QString error;
        return RunFile::decode(RunFile::encode(recording), &error);
    }();
    QVERIFY(opened);
    for (const RunRecording *r : {static_cast<const RunRecording *>(&recording), &*opened}) {
        std::size_t i = 0;
        r->feedUntil(r->endNs(), [&](const RunTick &tick) {
            QStringList want, got;
            for (const KernelOnlySocket &k : given[i])
                want << Digest::kernelRowText(k);
            for (const KernelOnlySocket &k : tick.kernelOnly)
                got << Digest::kernelRowText(k);
            QCOMPARE(got, want);
            ++i;
        });
        QCOMPARE(i, given.size());
    }
    // The file holds the two answers, not one list a frame.
    QCOMPARE(contentOf(RunFile::encode(recording)).count("\"kernelOnly\""), 3);  // two lists, then none
}

void TestRunRecording::formatOneFileStillOpens()
{
    // A run saved by the SocketLab before kernel-only rows were saved: version 1, no such records.
    RunRecording recording;
    QList<QPair<std::int64_t, QString>> moments;
    recordRun(recording, moments);
    if (QTest::currentTestFailed())
        return;
    QJsonObject root = QJsonDocument::fromJson(contentOf(RunFile::encode(recording))).object();
    root.insert(QStringLiteral("version"), 1);
    QJsonArray frames = root.value(QStringLiteral("frames")).toArray();
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QJsonObject f = frames.at(i).toObject();
        f.remove(QStringLiteral("kernelOnly"));
        f.remove(QStringLiteral("kernelAge"));
        frames.replace(i, f);
    }
    root.insert(QStringLiteral("frames"), frames);
    QString error;
    const std::optional<RunRecording> opened = RunFile::decode(fileOf(QJsonDocument(root).toJson(), 1), &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->frames().size(), recording.frames().size());
    for (const RecordedFrame &f : opened->frames())
        QVERIFY(!f.kernelOnly);
    // The calls and sockets of each moment are all there.
    const std::int64_t shift = opened->startNs() - recording.startNs();
    for (const auto &[time, seenLive] : moments) {
        Digest replayed;
        opened->feedUntil(time + shift, [&](const RunTick &tick) { replayed.take(tick); });
        QCOMPARE(replayed.text().section(QLatin1Char('|'), 0, 1), seenLive.section(QLatin1Char('|'), 0, 1));
    }
}

// Panes deliver their reports a batch each: one may be older than another pane's delivered
// before it. It goes after the stored reports of its time, before the newer ones, and reports
// of one time keep the order they came in, whether the recording is read between them or not.
void TestRunRecording::lateReportsTakeTheirPlaceInTime()
{
    const auto report = [](std::int64_t timeNs, const char *text) {
        PaneReport r;
        r.timeNs = timeNs;
        r.text = QString::fromLatin1(text);
        return r;
    };
    const auto texts = [](const RunRecording &r) {
        QStringList out;
        for (const PaneReport &p : r.reports())
            out << p.text;
        return out;
    };
    for (const bool readBetween : {false, true}) {
        RunRecording recording;
        recording.addReport(report(10, "a10"));
        recording.addReport(report(30, "b30"));
        recording.addReport(report(20, "c20"));
        if (readBetween)
            QCOMPARE(texts(recording), (QStringList{"a10", "c20", "b30"}));
        recording.addReport(report(20, "d20"));
        recording.addReport(report(10, "e10"));
        recording.addReport(report(30, "f30"));
        recording.addReport(report(5, "g5"));
        QCOMPARE(recording.startNs(), std::int64_t(5));
        QCOMPARE(recording.endNs(), std::int64_t(30));
        QCOMPARE(texts(recording), (QStringList{"g5", "a10", "e10", "c20", "d20", "b30", "f30"}));
        QCOMPARE(int(recording.reportsUntil(10).size()), 3);
    }
}

QTEST_GUILESS_MAIN(TestRunRecording)
#include "tst_runrecording.moc"
