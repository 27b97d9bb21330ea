// The interface language: --lang, else the one used last time, else the system's. Only
// English and Chinese exist, so anything else falls back to the nearer of the two. It is
// chosen and installed before the command line is read, so --help and every message of
// the command line speak it too.
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace AppLanguage {

bool isKnown(const QString &language);  // "en" or "zh_CN"
// The value of --lang as typed ("" when absent), found before the options are parsed.
QString requested(const QStringList &arguments);
// "en" or "zh_CN": the requested one if known, else the saved one, else the system's.
QString choose(const QString &requested);
void install(QCoreApplication &app, const QString &language);  // ours and Qt's own texts
void remember(const QString &language);  // for the next start without --lang

} // namespace AppLanguage
