// A text in English and Chinese, as lab files give every learner-facing text.
#pragma once

#include <QString>

struct LocalizedText {
    QString en;
    QString zhCN;
    // The text in a language ("en", "zh_CN"), falling back to English.
    QString in(const QString &language) const { return language.startsWith(QLatin1String("zh")) && !zhCN.isEmpty() ? zhCN : en; }
    // Whether the text exists in that language itself (not through the English fallback).
    bool has(const QString &language) const { return language.startsWith(QLatin1String("zh")) ? !zhCN.isEmpty() : !en.isEmpty(); }
};
