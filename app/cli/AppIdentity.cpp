#include "AppIdentity.h"

#include <QDir>
#include <QGuiApplication>

namespace AppIdentity {

void apply()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETLAB_VERSION));
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        QGuiApplication::setDesktopFileName(QStringLiteral(SOCKETLAB_APP_ID));  // the installed .desktop file, less ".desktop"
        QGuiApplication::setWindowIcon(icon());
    }
}

QIcon icon()
{
    // PNGs rather than the SVG: they need no SVG icon plugin, and the small sizes are
    // rendered for their size.
    QIcon icon;
    const QDir icons(QStringLiteral(":/icons"));
    for (const QString &file : icons.entryList({QStringLiteral("socketlab-*.png")}, QDir::Files))
        icon.addFile(icons.filePath(file));
    return icon;
}

} // namespace AppIdentity
