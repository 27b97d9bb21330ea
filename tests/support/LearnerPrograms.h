// For tests of learners' own programs: the program written to a file of the test, and what
// /proc says of a process it ran (running, a zombie, or gone).
#pragma once

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace testsupport {

inline QString writeProgram(const QTemporaryDir &dir, const char *name, const QByteArray &source)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(source) != source.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The state letter of /proc/PID/stat ("S", "R", "Z" for a zombie); "" once the process is gone.
inline QString processState(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    return QString::fromLatin1(stat.mid(stat.lastIndexOf(')') + 2, 1));
}

} // namespace testsupport
