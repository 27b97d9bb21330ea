#include "HeadlessRun.h"

#include "PaneRunner.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

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

} // namespace

int runPaneHeadless(const LabDefinition &lab, const QString &paneId, const QStringList &assignments)
{
    const PaneDefinition *pane = lab.pane(paneId);
    if (!pane) {
        QStringList ids;
        for (const PaneDefinition &p : lab.panes)
            ids << p.id;
        writeOut(stderr, Tr::tr("socketlab: lab %1 has no pane \"%2\" (it has: %3)").arg(lab.id, paneId, ids.join(QStringLiteral(", "))));
        return 2;
    }
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

    // stdin is read as it becomes readable, so output keeps flowing while nothing is typed.
    QByteArray pending;
    QSocketNotifier notifier(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n <= 0) {  // end of input: like Ctrl-D at Python's input()
            notifier.setEnabled(false);
            if (!pending.isEmpty())
                runner.sendInputBytes(pending);
            runner.closeInput();
            return;
        }
        pending.append(buffer, n);
        // Bytes as they came: input() decodes them and raises, as Python's does, if they are not UTF-8.
        for (qsizetype nl; (nl = pending.indexOf('\n')) >= 0;) {
            runner.sendInputBytes(pending.left(nl + 1));
            pending.remove(0, nl + 1);
        }
    });

    runner.start();
    return QCoreApplication::exec();
}
