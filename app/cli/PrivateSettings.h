// Scripted runs (--screenshot, --run, --list-labs) must leave the user's saved settings as
// they were: a scripted `--lang zh_CN --screenshot` must not change the language, last lab,
// window layout or progress of the next normal start. While a PrivateSettings lives, every
// QSettings of the program reads and writes an empty store in a temporary folder instead,
// which also makes scripted pictures independent of how the user arranged the window.
#pragma once

#include <QTemporaryDir>

class PrivateSettings {
public:
    PrivateSettings();  // call before anything opens a QSettings it means to write
    PrivateSettings(const PrivateSettings &) = delete;
    PrivateSettings &operator=(const PrivateSettings &) = delete;

    bool isValid() const { return m_dir.isValid(); }
    QString errorString() const { return m_dir.errorString(); }

private:
    QTemporaryDir m_dir;
};
