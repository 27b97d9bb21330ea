// The interface language, installed and switched: our translations and Qt's own, compiled
// into the program (:/i18n). Switching installs the other language's translators; Qt then
// sends every widget a LanguageChange, and each says its words again. The choice is kept for
// the next start (unless a scripted run keeps settings apart: PrivateSettings).
#pragma once

#include <QString>

namespace UiLanguage {

bool isKnown(const QString &language);  // "en" or "zh_CN"
QString installed();                    // the language installed last; "" before any
// Installs the translators of `language` in place of the ones installed before.
void install(const QString &language);
void remember(const QString &language);  // for the next start without --lang
QString remembered();                    // "" when none was kept

} // namespace UiLanguage
