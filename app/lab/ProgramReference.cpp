#include "ProgramReference.h"

#include "Program.h"

namespace {

QString code(const char *text)
{
    // Markdown code span; a backtick inside would end it, and no call text has one.
    return QLatin1Char('`') + QString::fromUtf8(text) + QLatin1Char('`');
}

QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QLatin1String("\\|"));
}

} // namespace

QString programReferenceMarkdown()
{
    QString out;
    for (const ProgramInfo &program : builtInPrograms()) {
        out += QStringLiteral("### `%1`\n\n%2\n\n").arg(QString::fromStdString(program.name), QString::fromStdString(program.summary));
        out += QStringLiteral("| parameter | what the program does with it |\n|---|---|\n");
        for (const ProgramParam &param : program.params)
            out += QStringLiteral("| %1 | %2 |\n").arg(code(param.name), cell(QString::fromUtf8(param.meaning)));
        out += QStringLiteral("\n| step | its line makes the call |\n|---|---|\n");
        for (const ProgramStep &step : program.steps.steps())
            out += QStringLiteral("| %1 | %2 |\n").arg(code(step.id), cell(code(step.call)));
        out += QLatin1Char('\n');
    }
    return out;
}
