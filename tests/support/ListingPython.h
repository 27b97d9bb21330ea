// A pane's listing, with its parameters in place, run by python3 as a learner would run the
// file: what it prints, line by line, to compare with what the pane printed. The prompts of
// input() are taken out (a pane shows them in its input box, not among its lines).
#pragma once

#include "PythonProcess.h"

#include <QStringList>

namespace testsupport {

struct ListingRun {
    bool ok = false;
    QStringList lines;   // stdout, prompts removed
    QString diagnostics; // when not ok: why
};

inline ListingRun runListingInPython(const QStringList &listing, const QStringList &typedLines = {},
                                     const QStringList &prompts = {})
{
    ListingRun run;
    const QByteArray script = listing.join(QLatin1Char('\n')).toUtf8();
    PythonProcess python(script.constData());
    if (!python.started()) {
        run.diagnostics = QStringLiteral("python3 did not start");
        return run;
    }
    for (const QString &line : typedLines)
        python.process().write(line.toUtf8() + '\n');
    python.process().closeWriteChannel();
    if (!python.finish()) {
        run.diagnostics = python.diagnostics();
        return run;
    }
    QString out = QString::fromUtf8(python.out());
    for (const QString &prompt : prompts)
        out.remove(prompt);
    run.lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    run.ok = true;
    return run;
}

} // namespace testsupport
