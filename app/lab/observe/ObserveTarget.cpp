#include "ObserveTarget.h"

#include <ProcessSockets.h>

std::optional<ObserveTarget> ObserveTarget::parse(const QString &text, QString *problem)
{
    const QString t = text.trimmed();
    bool ok = false;
    if (t.startsWith(QLatin1String("pid:"), Qt::CaseInsensitive)) {
        const qint64 pid = t.mid(4).trimmed().toLongLong(&ok);
        if (!ok || pid <= 0) {
            *problem = tr("“%1” is not a process number: write pid: and the number, as in pid:1234.").arg(t);
            return std::nullopt;
        }
        if (!socketlab::processExists(long(pid))) {
            *problem = tr("No process %1 runs on this machine.").arg(pid);
            return std::nullopt;
        }
        return ofProcess(pid);
    }
    const int port = t.toInt(&ok);
    if (!ok || port < 1 || port > 65535) {
        *problem = tr("“%1” is not a port: give a number from 1 to 65535, or pid:NUMBER for a process.").arg(t);
        return std::nullopt;
    }
    return onPort(quint16(port));
}

QString ObserveTarget::describe() const
{
    if (kind == Kind::Port)
        return tr("port %1").arg(port);
    const QString name = QString::fromStdString(socketlab::processName(long(pid)));
    return name.isEmpty() ? tr("process %1").arg(pid) : tr("process %1 (%2)").arg(pid).arg(name);
}
