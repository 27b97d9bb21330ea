#include "UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace {

const QString kLanguageKey = QStringLiteral("language");

struct Installed {
    QString language;
    QPointer<QTranslator> ours;
    QPointer<QTranslator> qt;
};

Installed &installedNow()
{
    static Installed state;
    return state;
}

void drop(QPointer<QTranslator> &translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

} // namespace

namespace UiLanguage {

bool isKnown(const QString &language)
{
    return language == QLatin1String("en") || language == QLatin1String("zh_CN");
}

QString installed()
{
    return installedNow().language;
}

void install(const QString &language)
{
    Installed &state = installedNow();
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    drop(state.ours);
    drop(state.qt);
    const QLocale locale(language);
    auto *ours = new QTranslator(app);
    if (ours->load(locale, QStringLiteral("socketlab"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours);
        state.ours = ours;
    } else {
        delete ours;
    }
    auto *qt = new QTranslator(app);  // Qt's own dialogs and buttons, when qt6-translations-l10n is installed
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        state.qt = qt;
    } else {
        delete qt;
    }
    state.language = language;
}

void remember(const QString &language)
{
    QSettings().setValue(kLanguageKey, language);
}

QString remembered()
{
    return QSettings().value(kLanguageKey).toString();
}

} // namespace UiLanguage
