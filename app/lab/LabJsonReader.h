// Reading lab.json: typed values at a place ("panes[0].steps.accept"), each failure recorded as
// a LabError naming the file, the place and the problem, so one pass reports every problem.
#pragma once

#include "JsonWholeNumber.h"
#include "LabDefinition.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

class LabJsonReader {
    Q_DECLARE_TR_FUNCTIONS(LabLoader)
public:
    LabJsonReader(QString file, QList<LabError> &errors, QStringList &untranslated)
        : m_file(std::move(file)), m_errors(errors), m_untranslated(untranslated) {}

    void fail(const QString &place, const QString &message)
    {
        m_errors.append({m_file, place, message});
        m_failed = true;
    }
    bool failed() const { return m_failed; }

    QString string(const QJsonObject &o, const QString &key, const QString &place, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(place, tr("\"%1\" is missing").arg(key));
            return {};
        }
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            fail(join(place, key), tr("must be a non-empty string"));
            return {};
        }
        return v.toString();
    }

    std::optional<qlonglong> integer(const QJsonObject &o, const QString &key, const QString &place)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            fail(place, tr("\"%1\" is missing").arg(key));
            return std::nullopt;
        }
        const std::optional<qint64> n = jsonWholeNumber(v);
        if (!n)
            fail(join(place, key), tr("must be a whole number"));
        return n;
    }

    LocalizedText localized(const QJsonObject &o, const QString &key, const QString &place)
    {
        const QJsonValue v = o.value(key);
        if (!v.isObject()) {
            fail(v.isUndefined() ? place : join(place, key),
                 v.isUndefined() ? tr("\"%1\" is missing").arg(key) : tr("must be an object with \"en\" and \"zh_CN\" texts"));
            return {};
        }
        const QString at = join(place, key);
        // Chinese may be missing from a teacher's lab: the English is shown, with a note.
        LocalizedText text{string(v.toObject(), QStringLiteral("en"), at), string(v.toObject(), QStringLiteral("zh_CN"), at, false)};
        if (text.zhCN.isEmpty())
            m_untranslated << at;
        return text;
    }

    static QString join(const QString &place, const QString &key) { return place.isEmpty() ? key : place + QLatin1Char('.') + key; }

private:
    QString m_file;
    QList<LabError> &m_errors;
    QStringList &m_untranslated;
    bool m_failed = false;
};


// "faults": {"recvMax": 5, "refuseConnects": 1, ...}: what FaultSettings holds, by name.
socketlab::FaultSettings readFaults(LabJsonReader &r, const QJsonValue &v, const QString &place);
