#include "LabDefinition.h"

#include <QCoreApplication>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(LabDefinition)
};
}

QString ParamDefinition::check(const QString &value) const
{
    if (type == Type::String) {
        if (!choices.isEmpty() && !choices.contains(value.trimmed()))
            return Tr::tr("%1 must be one of %2, not \"%3\"").arg(name, choices.join(QLatin1String(", ")), value);
        return {};
    }
    bool ok = false;
    const qlonglong n = value.trimmed().toLongLong(&ok);
    if (!ok)
        return Tr::tr("%1 must be a whole number, not \"%2\"").arg(name, value);
    if (n < minimum || n > maximum)
        return Tr::tr("%1 must be between %2 and %3").arg(name).arg(minimum).arg(maximum);
    return {};
}

const ParamDefinition *PaneDefinition::param(const QString &name) const
{
    for (const ParamDefinition &p : params) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

LabDefinition LabDefinition::forExercise(const QString &exerciseId) const
{
    LabDefinition lab = *this;
    lab.panes += exercisePanes.value(exerciseId);
    return lab;
}

QStringList PaneDefinition::renderedListing(const QHash<QString, QString> &values) const
{
    QStringList out;
    out.reserve(listing.size());
    for (QString line : listing) {
        for (const ParamDefinition &p : params)
            line.replace(QStringLiteral("{{%1}}").arg(p.name), values.value(p.name, p.defaultValue));
        out << line;
    }
    return out;
}

const PaneDefinition *LabDefinition::pane(const QString &paneId) const
{
    for (const PaneDefinition &p : panes) {
        if (p.id == paneId)
            return &p;
    }
    return nullptr;
}

QString LabError::toString() const
{
    return place.isEmpty() ? QStringLiteral("%1: %2").arg(file, message)
                           : QStringLiteral("%1: %2: %3").arg(file, place, message);
}
