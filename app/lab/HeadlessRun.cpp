#include "HeadlessRun.h"

#include "LearnerRun.h"
#include "PaneRunner.h"
#include "StdinLines.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(HeadlessRun)
};

void writeOut(FILE *stream, const QString &text, bool newline = true)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    if (newline)
        std::fputc('\n', stream);
    std::fflush(stream);
}

// The pane a --run names; null, with the lab's panes listed on stderr, when it has none such.
const PaneDefinition *paneOrSayWhy(const LabDefinition &lab, const QString &paneId)
{
    const PaneDefinition *pane = lab.pane(paneId);
    if (!pane) {
        QStringList ids;
        for (const PaneDefinition &p : lab.panes)
            ids << p.id;
        writeOut(stderr, Tr::tr("socketlab: lab %1 has no pane \"%2\" (it has: %3)").arg(lab.id, paneId, ids.join(QStringLiteral(", "))));
    }
    return pane;
}

} // namespace

int runPaneHeadless(const LabDefinition &lab, const QString &paneId, const QStringList &assignments)
{
    const PaneDefinition *pane = paneOrSayWhy(lab, paneId);
    if (!pane)
        return 2;
    PaneRunner runner(*pane, nullptr, std::make_shared<socketlab::SocketRegistry>());
    for (const QString &assignment : assignments) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        const QString problem = eq <= 0 ? Tr::tr("write NAME=VALUE, not \"%1\"").arg(assignment)
                                        : runner.setParam(assignment.left(eq), assignment.mid(eq + 1));
        if (!problem.isEmpty()) {
            writeOut(stderr, QStringLiteral("socketlab: --set: ") + problem);
            return 2;
        }
    }
    runner.setEchoInput(false);  // the terminal shows what is typed
    QObject::connect(&runner, &PaneRunner::output, [](const QString &line) { writeOut(stdout, line); });
    QObject::connect(&runner, &PaneRunner::errorOutput, [](const QString &line) { writeOut(stderr, line); });
    QObject::connect(&runner, &PaneRunner::inputRequested, [](const QString &prompt) { writeOut(stdout, prompt, false); });
    QObject::connect(&runner, &PaneRunner::published, [&](const QString &name, const QString &value) {
        writeOut(stderr, QStringLiteral("socketlab: %1 %2 = %3").arg(paneId, name, value));
    });
    QObject::connect(&runner, &PaneRunner::finished, qApp, [](int code) { QCoreApplication::exit(code < 0 ? 1 : code); });

    // Bytes as they came: input() decodes them and raises, as Python's does, if they are not UTF-8.
    StdinLines input([&](const QByteArray &line) { runner.sendInputBytes(line); }, [&] { runner.closeInput(); });

    runner.start();
    return QCoreApplication::exec();
}

int runLearnerProgramHeadless(const LabDefinition &lab, const QString &paneId, const QString &programFile,
                              const QString &traceOut)
{
    if (!paneOrSayWhy(lab, paneId))
        return 2;
    QFile trace(traceOut);
    if (!traceOut.isEmpty() && !trace.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        writeOut(stderr, Tr::tr("socketlab: --trace-out: cannot write %1: %2").arg(traceOut, trace.errorString()));
        return 2;
    }
    LearnerRun run(paneId, nullptr, nullptr);
    run.setMode(StepGate::Mode::Run);
    QObject::connect(&run, &LearnerRun::output, [](const QString &line) { writeOut(stdout, line); });
    QObject::connect(&run, &LearnerRun::errorOutput, [](const QString &line) { writeOut(stderr, line); });
    QObject::connect(&run, &LearnerRun::inputRequested, [](const QString &prompt) { writeOut(stdout, prompt, false); });
    QObject::connect(&run, &LearnerRun::callEnded, [&](const LearnerReport &call) {
        if (trace.isOpen()) {
            trace.write(QJsonDocument(call.traceLine(paneId)).toJson(QJsonDocument::Compact) + '\n');
            trace.flush();  // a run stopped by Ctrl-C keeps every call traced so far
        }
    });
    QObject::connect(&run, &LearnerRun::finished, qApp, [](int code) { QCoreApplication::exit(code < 0 ? 1 : code); });
    StdinLines input([&](const QByteArray &line) { run.sendInput(line); }, [&] { run.closeInput(); });
    if (!run.start(programFile))
        return 1;
    return QCoreApplication::exec();
}
