// What a process holds and spends, read from /proc, for tests that must show a server does
// not spin or leave threads behind: CPU time over a window, thread count.
#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include <unistd.h>

namespace testsupport {

// Threads of this process (/proc/self/task).
inline int threadCount()
{
    return static_cast<int>(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

// User + system CPU seconds a process has used so far (/proc/PID/stat, what getrusage
// reports); -1 if it is gone.
inline double processCpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(::sysconf(_SC_CLK_TCK));
}

// The share of one CPU a process uses over the next windowMs (1.0: a core spinning flat out).
// The window is a measurement, not a wait for a socket: nothing is expected to happen in it.
inline double busyFraction(qint64 pid, int windowMs = 1000)
{
    const double before = processCpuSeconds(pid);
    QElapsedTimer window;
    window.start();
    QTest::qWait(windowMs);
    return (processCpuSeconds(pid) - before) / (double(window.elapsed()) / 1000.0);
}

} // namespace testsupport
