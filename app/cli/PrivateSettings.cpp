#include "PrivateSettings.h"

#include <QSettings>

PrivateSettings::PrivateSettings()
{
    if (!m_dir.isValid())
        return;
    // On Unix the native format is the INI format; both are redirected so neither can
    // reach the user's file. Settings the system scope provides are still read.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}
