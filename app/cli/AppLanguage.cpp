#include "AppLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {

const QString kLanguageKey = QStringLiteral("language");

QString nearestKnown(const QString &language)
{
    if (AppLanguage::isKnown(language))
        return language;
    return language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

} // namespace

namespace AppLanguage {

bool isKnown(const QString &language)
{
    return language == QLatin1String("en") || language == QLatin1String("zh_CN");
}

QString requested(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(QLatin1String("--lang=")))
            return arg.mid(7);
    }
    return {};
}

QString choose(const QString &requested)
{
    if (isKnown(requested))
        return requested;
    const QString saved = QSettings().value(kLanguageKey).toString();
    return nearestKnown(saved.isEmpty() ? QLocale::system().name() : saved);
}

void install(QCoreApplication &app, const QString &language)
{
    const QLocale locale(language);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("socketlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);  // Qt's own dialogs and buttons, when qt6-translations-l10n is installed
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void remember(const QString &language)
{
    QSettings().setValue(kLanguageKey, language);
}

} // namespace AppLanguage
