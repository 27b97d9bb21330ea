#include "EditedListing.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace {
// A lab or pane id as a file name: a teacher's lab may name itself with anything.
QString safeName(const QString &id)
{
    QString out;
    for (const QChar c : id)
        out += c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ? c : QLatin1Char('_');
    return out.isEmpty() ? QStringLiteral("_") : out;
}

QString openedKey(const QString &labId, const QString &paneId)
{
    return QStringLiteral("openedPrograms/") + safeName(labId) + QLatin1Char('/') + safeName(paneId);
}
} // namespace

namespace EditedListing {

QString file(const QString &labId, const QString &paneId)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/edited/")
         + safeName(labId) + QLatin1Char('/') + safeName(paneId) + QStringLiteral(".py");
}

bool isKept(const QString &labId, const QString &paneId)
{
    return QFileInfo(file(labId, paneId)).isFile();
}

QString save(const QString &labId, const QString &paneId, const QString &text)
{
    const QString path = file(labId, paneId);
    if (!QDir().mkpath(QFileInfo(path).path()))
        return QCoreApplication::translate("EditedListing", "cannot make the folder %1").arg(QFileInfo(path).path());
    QSaveFile out(path);  // all or nothing: a full disk never leaves half an edit
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return QCoreApplication::translate("EditedListing", "cannot save your edit to %1: %2").arg(path, out.errorString());
    return {};
}

void discard(const QString &labId, const QString &paneId)
{
    QFile::remove(file(labId, paneId));
}

QString openedFile(const QString &labId, const QString &paneId)
{
    return QSettings().value(openedKey(labId, paneId)).toString();
}

void rememberOpened(const QString &labId, const QString &paneId, const QString &path)
{
    QSettings().setValue(openedKey(labId, paneId), QFileInfo(path).absoluteFilePath());
}

void forgetOpened(const QString &labId, const QString &paneId)
{
    QSettings().remove(openedKey(labId, paneId));
}

} // namespace EditedListing
