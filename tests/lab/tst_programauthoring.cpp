// tst_programauthoring: the path a program author takes. Every built-in program's steps are
// mapped by every lab that runs it; a program stopped inside a call that nothing can wake
// never holds the GUI thread (Stop returns while it is still inside, a start waits for it to
// end, and a runner destroyed meanwhile leaves nothing dangling); a program that names a step
// that is not its own says so instead of marking a wrong line; a failed call ends the program
// with Python's error.
#include "LabTestSupport.h"

#include <LabLoader.h>
#include <PaneRunner.h>
#include <Program.h>
#include <ProgramReference.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace {

constexpr int kWaitMs = 10000;

// A call nothing can wake, like a name lookup inside libc: it returns only when the test
// opens the latch, whatever Stop does.
struct Latch {
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    std::atomic<int> entered{0};   // how many times a program reached the call
    std::atomic<int> returned{0};  // ...and came back from it

    void wait()
    {
        ++entered;
        std::unique_lock lock(mutex);
        changed.wait(lock, [this] { return open; });
        lock.unlock();
        ++returned;
    }
    void release()
    {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }
    void close()
    {
        std::lock_guard lock(mutex);
        open = false;
    }
};

Latch &latch()
{
    static Latch l;
    return l;
}

const struct : StepTable {
    ProgramStep lookup = add("lookup", "gethostbyname(");
    ProgramStep print = add("print", "print(");
} Unwakeable;

const struct : StepTable {
    ProgramStep mine = add("mine", "print(");
} Other;

const struct : StepTable {
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep print = add("print", "print(");
} Looping;

PaneDefinition paneFor(const char *program, const StepTable &steps)
{
    PaneDefinition pane;
    pane.id = QStringLiteral("pane");
    pane.program = QString::fromUtf8(program);
    int line = 0;
    for (const ProgramStep &step : steps.steps()) {
        pane.listing << QStringLiteral("x = %1)").arg(QString::fromUtf8(step.call));
        pane.steps.insert(QString::fromUtf8(step.id), StepDefinition{QString::fromUtf8(step.id), ++line, {}});
    }
    return pane;
}

} // namespace

class TestProgramAuthoring : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyLabMapsEveryStepOfItsPrograms();
    void stopNeverWaitsForAnUnwakeableCall();
    void runnerDestroyedWhileAProgramWindsDown();
    void aStepOfAnotherProgramIsReported();
    void aFailedCallEndsWithPythonsError();
    void aHeldStepWaitsEvenWhileRunning();
    void referenceInTheDocsIsCurrent();
    void workedExampleOfTheDocsLoads();
};

void TestProgramAuthoring::initTestCase()
{
    registerProgram({"test-unwakeable", "blocks where Stop cannot reach", Unwakeable, {},
                     [](ProgramContext &ctx) {
                         ctx.at(Unwakeable.lookup);
                         latch().wait();
                         ctx.at(Unwakeable.print);
                         ctx.print("after the call");
                     }});
    registerProgram({"test-foreign-step", "names a step of another program", Unwakeable, {},
                     [](ProgramContext &ctx) { ctx.at(Other.mine); }});
    // A port nothing listens on: bound, read, closed.
    auto bound = socketlab::Socket::create(AF_INET, SOCK_STREAM, 0);
    QVERIFY(bound && bound->bind(socketlab::SocketAddress::loopback(AF_INET, 0)));
    static const std::uint16_t closedPort = bound->getSockName()->port();
    QVERIFY(bound->close());
    registerProgram({"test-refused", "connects where nothing listens", Other, {},
                     [](ProgramContext &ctx) {
                         socketlab::Socket s = ctx.socket(AF_INET, SOCK_STREAM);
                         ctx.at(Other.mine);
                         socketlab::socketserver::orRaise(s.connect(socketlab::SocketAddress::loopback(AF_INET, closedPort)));
                         ctx.print("connected?");
                     }});
    registerProgram({"test-looping", "prints three times", Looping, {},
                     [](ProgramContext &ctx) {
                         for (int i = 1; i <= 3; ++i) {
                             ctx.at(Looping.accept);
                             ctx.at(Looping.print);
                             ctx.print(std::to_string(i));
                         }
                     }});
    QVERIFY_THROWS_EXCEPTION(std::logic_error, registerProgram({"test-refused", "", Other, {}, {}}));
}

void TestProgramAuthoring::everyLabMapsEveryStepOfItsPrograms()
{
    // The loader refuses a lab that leaves a step unmapped, so every loaded pane maps all of
    // its program's steps, each to a line holding the step's call; and every built-in
    // program is run by some lab or some exercise's check (a program nothing runs is dead
    // code to a learner).
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(catalog.errors().isEmpty());
    QSet<QString> used;
    for (const LabDefinition &lab : catalog.labs()) {
        QList<PaneDefinition> panes = lab.panes;
        for (const QList<PaneDefinition> &own : lab.exercisePanes)
            panes += own;
        for (const PaneDefinition &pane : panes) {
            const ProgramInfo *program = findProgram(pane.program.toStdString());
            QVERIFY(program);
            used << pane.program;
            QCOMPARE(pane.steps.size(), qsizetype(program->steps.steps().size()));
            for (const ProgramStep &step : program->steps.steps()) {
                const int line = pane.steps.value(QString::fromUtf8(step.id)).line;
                QVERIFY2(line >= 1 && pane.listing.at(line - 1).contains(QString::fromUtf8(step.call)),
                         qPrintable(lab.id + QLatin1Char('/') + pane.id + QLatin1Char(' ') + QString::fromUtf8(step.id)));
            }
        }
    }
    for (const ProgramInfo &program : builtInPrograms()) {
        QVERIFY2(used.contains(QString::fromStdString(program.name)), program.name.c_str());
        QVERIFY2(!program.summary.empty(), program.name.c_str());
        for (const ProgramParam &param : program.params)
            QVERIFY2(param.meaning && *param.meaning, param.name);
    }
}

void TestProgramAuthoring::stopNeverWaitsForAnUnwakeableCall()
{
    latch().close();
    latch().entered = 0;
    latch().returned = 0;
    PaneRunner runner(paneFor("test-unwakeable", Unwakeable), nullptr, std::make_shared<socketlab::SocketRegistry>());
    QSignalSpy output(&runner, &PaneRunner::output);
    QSignalSpy woundDown(&runner, &PaneRunner::woundDown);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(latch().entered.load(), 1, kWaitMs);

    runner.stop();  // returns though the program is still inside the call: nothing woke it
    QCOMPARE(latch().returned.load(), 0);
    QCOMPARE(runner.state(), PaneRunner::State::Stopped);
    QVERIFY(!runner.isActive());
    QVERIFY(runner.isWindingDown());

    runner.start();  // waits for the stopped run: its thread still holds the gate
    QCOMPARE(runner.state(), PaneRunner::State::Running);
    QCOMPARE(latch().entered.load(), 1);

    latch().release();  // the call returns; the stopped run ends at its next step
    QTRY_COMPARE_WITH_TIMEOUT(woundDown.count(), 1, kWaitMs);
    QVERIFY(!runner.isWindingDown());
    QTRY_COMPARE_WITH_TIMEOUT(latch().entered.load(), 2, kWaitMs);  // the start went ahead
    QTRY_COMPARE_WITH_TIMEOUT(runner.state(), PaneRunner::State::Finished, kWaitMs);
    // The stopped run printed nothing after its Stop; the new one ran to its end.
    QCOMPARE(testsupport::texts(output), QStringList{QStringLiteral("after the call")});
}

void TestProgramAuthoring::runnerDestroyedWhileAProgramWindsDown()
{
    latch().close();
    latch().entered = 0;
    latch().returned = 0;
    {
        PaneRunner runner(paneFor("test-unwakeable", Unwakeable), nullptr, std::make_shared<socketlab::SocketRegistry>());
        runner.start();
        QTRY_COMPARE_WITH_TIMEOUT(latch().entered.load(), 1, kWaitMs);
    }  // destroyed with its program inside the call
    latch().release();
    // The program comes back, finds its pane stopped and ends; its reports go nowhere.
    QTRY_COMPARE_WITH_TIMEOUT(latch().returned.load(), 1, kWaitMs);
    QCoreApplication::processEvents();
}

void TestProgramAuthoring::aStepOfAnotherProgramIsReported()
{
    PaneRunner runner(paneFor("test-foreign-step", Unwakeable), nullptr, std::make_shared<socketlab::SocketRegistry>());
    QSignalSpy output(&runner, &PaneRunner::output);
    QSignalSpy steps(&runner, &PaneRunner::stepReached);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state(), PaneRunner::State::Finished, kWaitMs);
    QCOMPARE(output.count(), 1);
    QVERIFY2(output.at(0).at(0).toString().contains(QStringLiteral("\"mine\" is not a step")), qPrintable(output.at(0).at(0).toString()));
    QCOMPARE(steps.count(), 1);
    QCOMPARE(steps.at(0).at(1).toInt(), 0);  // no line is marked for it
}

void TestProgramAuthoring::aFailedCallEndsWithPythonsError()
{
    PaneRunner runner(paneFor("test-refused", Other), nullptr, std::make_shared<socketlab::SocketRegistry>());
    QSignalSpy errors(&runner, &PaneRunner::errorOutput);
    QSignalSpy output(&runner, &PaneRunner::output);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(runner.state(), PaneRunner::State::Failed, kWaitMs);
    QCOMPARE(runner.exitCode(), 1);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("ConnectionRefusedError: [Errno 111] Connection refused"));
    QVERIFY(output.isEmpty());  // the line after the call never ran
}

void TestProgramAuthoring::aHeldStepWaitsEvenWhileRunning()
{
    PaneDefinition pane = paneFor("test-looping", Looping);
    pane.steps[QStringLiteral("accept")].hold = true;
    PaneRunner runner(pane, nullptr, std::make_shared<socketlab::SocketRegistry>());
    QSignalSpy output(&runner, &PaneRunner::output);
    runner.run();  // full speed
    runner.start();
    for (int round = 1; round <= 3; ++round) {
        QTRY_COMPARE_WITH_TIMEOUT(runner.state(), PaneRunner::State::Paused, kWaitMs);  // held at accept
        QCOMPARE(runner.currentStep(), QStringLiteral("accept"));
        QCOMPARE(output.count(), round - 1);
        runner.run();  // Run lets it on, to the next time it reaches the held step
        QTRY_COMPARE_WITH_TIMEOUT(output.count(), round, kWaitMs);
    }
    QTRY_COMPARE_WITH_TIMEOUT(runner.state(), PaneRunner::State::Finished, kWaitMs);
    QCOMPARE(testsupport::texts(output), QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
}

namespace {

const QString kDoc = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../docs/authoring-labs.md");

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

void TestProgramAuthoring::referenceInTheDocsIsCurrent()
{
    // docs/authoring-labs.md lists the programs between two markers; the list must be what
    // the programs say of themselves now. SOCKETLAB_UPDATE_DOCS=1 rewrites it.
    const QString doc = readText(kDoc);
    const QString begin = QStringLiteral("<!-- programs:begin");
    const QString end = QStringLiteral("<!-- programs:end -->");
    const qsizetype from = doc.indexOf(QLatin1Char('\n'), doc.indexOf(begin)) + 1;
    const qsizetype to = doc.indexOf(end);
    QVERIFY2(from > 0 && to >= from, "the markers are missing from docs/authoring-labs.md");
    const QString expected = programReferenceMarkdown();
    QVERIFY(expected.contains(QStringLiteral("### `tcp-timestamp-server`")));
    if (qEnvironmentVariableIsSet("SOCKETLAB_UPDATE_DOCS") && doc.mid(from, to - from) != expected) {
        QFile f(kDoc);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write((doc.left(from) + expected + doc.mid(to)).toUtf8());
        qInfo("docs/authoring-labs.md: the program reference was rewritten");
        return;
    }
    QVERIFY2(doc.mid(from, to - from) == expected,
             "docs/authoring-labs.md lists other programs than the engine has: run "
             "SOCKETLAB_UPDATE_DOCS=1 build/default/tests/tst_programauthoring");
}

void TestProgramAuthoring::workedExampleOfTheDocsLoads()
{
    // The lab.json of the docs' worked example, with the listings it names, is a lab.
    const QString doc = readText(kDoc);
    static const QRegularExpression block(QStringLiteral("```json\n(\\{\n  \"id\": \"small-recv\".*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = block.match(doc);
    QVERIFY2(m.hasMatch(), "the worked example's lab.json is missing from the docs");
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString dir = root.path() + QStringLiteral("/small-recv");
    QVERIFY(QDir().mkpath(dir));
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir + QLatin1Char('/') + name);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QVERIFY(write(QStringLiteral("lab.json"), m.captured(1).toUtf8()));
    QVERIFY(write(QStringLiteral("lesson.en.md"), "# recv(4)\n"));
    QVERIFY(write(QStringLiteral("lesson.zh_CN.md"), "# recv(4)\n"));
    for (const char *listing : {"tsTserv.py", "tsTclnt.py"}) {  // step 2: copied from the TCP timestamp lab
        QFile from(LabCatalog::builtInRoot() + QStringLiteral("/tcp-timestamp/") + QLatin1String(listing));
        QVERIFY(from.open(QIODevice::ReadOnly));
        QVERIFY(write(QLatin1String(listing), from.readAll()));
    }
    QList<LabError> errors;
    const std::optional<LabDefinition> lab = LabLoader::load(dir, errors);
    QVERIFY2(lab, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    QCOMPARE(lab->pane(QStringLiteral("client"))->param(QStringLiteral("bufsize"))->defaultValue, QStringLiteral("4"));
    QVERIFY(lab->untranslated.isEmpty());
}

QTEST_GUILESS_MAIN(TestProgramAuthoring)
#include "tst_programauthoring.moc"
