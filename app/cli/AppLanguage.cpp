#include "AppLanguage.h"

#include <UiLanguage.h>

#include <QCoreApplication>
#include <QLocale>

namespace {

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
    return UiLanguage::isKnown(language);
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
    const QString saved = UiLanguage::remembered();
    return nearestKnown(saved.isEmpty() ? QLocale::system().name() : saved);
}

void install(QCoreApplication &, const QString &language)
{
    UiLanguage::install(language);  // the window may switch it later (View → Language)
}

void remember(const QString &language)
{
    UiLanguage::remember(language);
}

} // namespace AppLanguage
