// A python3 -c script run beside a test (the tutorials' own programs, Python's own
// socketserver), killed if the test ends early; its output is waited for, never slept on.
#pragma once

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

namespace testsupport {

class PythonProcess {
public:
    static constexpr int kTimeoutMs = 20000;  // python3 via a pyenv shim can take seconds to start

    explicit PythonProcess(const char *script, const QStringList &args = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
        env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        m_process.setProcessEnvironment(env);
        m_process.start(python3(), QStringList{QStringLiteral("-c"), QString::fromUtf8(script)} + args);
        m_started = m_process.waitForStarted(kTimeoutMs);
    }
    ~PythonProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(kTimeoutMs);
        }
    }
    PythonProcess(const PythonProcess &) = delete;
    PythonProcess &operator=(const PythonProcess &) = delete;

    bool started() const { return m_started; }
    QProcess &process() { return m_process; }

    // The next line on stdout (a server's port), trimmed; empty on timeout.
    QByteArray readLine()
    {
        QDeadlineTimer deadline(kTimeoutMs);
        while (!m_process.canReadLine()) {
            if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime())))
                return {};
        }
        return m_process.readLine().trimmed();
    }

    // Waits until stderr holds at least n lines; returns them all (fewer on timeout).
    QList<QByteArray> errorLines(qsizetype n)
    {
        (void)QTest::qWaitFor([&] {
            m_err += m_process.readAllStandardError();
            return m_err.count('\n') >= n;
        }, kTimeoutMs);
        QList<QByteArray> lines = m_err.split('\n');
        lines.removeAll(QByteArray());
        return lines;
    }

    // Waits for a clean exit (status 0); stdout and stderr stay readable afterwards.
    bool finish()
    {
        if (!m_process.waitForFinished(kTimeoutMs))
            return false;
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    const QByteArray &out() const { return m_out; }
    const QByteArray &err() const { return m_err; }
    QString diagnostics()
    {
        m_err += m_process.readAllStandardError();
        return QStringLiteral("python3 exit %1, stderr: %2").arg(m_process.exitCode()).arg(QString::fromUtf8(m_err));
    }

private:
    QProcess m_process;
    bool m_started = false;
    QByteArray m_out;
    QByteArray m_err;
};

// The line Python's traceback ends with when code raises: "ConnectionRefusedError: [Errno
// 111] Connection refused". Empty if python3 could not run it or it raised nothing.
inline QString pythonErrorOf(const QString &code, const QStringList &args = {})
{
    static const char kShowError[] = R"py(
import sys, traceback
try:
    exec(sys.argv[1])
except Exception as e:
    print(traceback.format_exception_only(type(e), e)[-1], end='')
)py";
    PythonProcess python(kShowError, QStringList{code} + args);
    if (!python.started() || !python.finish())
        return {};
    return QString::fromUtf8(python.out()).trimmed();
}

} // namespace testsupport
