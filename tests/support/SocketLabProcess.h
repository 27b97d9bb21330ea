// The built socketlab binary run as a user or a script would run it, in a home of its own
// (HOME and the XDG config, data, cache and runtime folders in a temporary folder, so the
// machine's settings and labs are neither read nor changed), offscreen, in English unless
// a test says otherwise. The binary's path comes from CMake (SOCKETLAB_BINARY).
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace testsupport {

struct SocketLabResult {
    bool finished = false;  // false: killed at the timeout
    int exitCode = -1;
    QString out;
    QString err;
};

class SocketLabProcess {
public:
    static constexpr int kTimeoutMs = 90000;  // the scripted runs give up after 20 s themselves

    SocketLabProcess() : m_env(QProcessEnvironment::systemEnvironment())
    {
        for (const char *dir : {"config", "data", "cache", "runtime"})
            QDir(m_home.path()).mkpath(QString::fromLatin1(dir));
        QFile::setPermissions(path(QStringLiteral("runtime")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        m_env.insert(QStringLiteral("HOME"), m_home.path());
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir());
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        m_env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("runtime")));
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        setLocale(QStringLiteral("C.UTF-8"));
    }

    QString path(const QString &name) const { return m_home.filePath(name); }
    QString configDir() const { return path(QStringLiteral("config")); }
    QString settingsFile() const { return configDir() + QStringLiteral("/SocketLab/SocketLab.conf"); }
    QProcessEnvironment &environment() { return m_env; }
    // The system language the program sees (its default when no language is saved).
    void setLocale(const QString &locale)
    {
        m_env.remove(QStringLiteral("LANGUAGE"));
        m_env.insert(QStringLiteral("LANG"), locale);
        m_env.insert(QStringLiteral("LC_ALL"), locale);
    }

    SocketLabResult run(const QStringList &arguments, int timeoutMs = kTimeoutMs)
    {
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.setWorkingDirectory(m_home.path());
        process.start(QStringLiteral(SOCKETLAB_BINARY), arguments);
        process.closeWriteChannel();  // stdin at its end: nothing is typed
        SocketLabResult result;
        result.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(timeoutMs);
        }
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

} // namespace testsupport
