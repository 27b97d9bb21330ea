#include "PredictionJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

struct ObserveName {
    const char *name;
    PredictionDefinition::Observe observe;
};
using O = PredictionDefinition::Observe;
const ObserveName kObserves[] = {{"returned", O::Returned},       {"raised", O::Raised},
                                 {"blocked", O::Blocked},          {"waited", O::Waited},
                                 {"tcp-state", O::TcpState},       {"accept-queue", O::AcceptQueue},
                                 {"connects-done", O::ConnectsDone}, {"printed", O::Printed}};

} // namespace

QList<PredictionDefinition> readPredictions(LabJsonReader &r, const QJsonValue &v, const LabDefinition &lab)
{
    QList<PredictionDefinition> out;
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        r.fail(QStringLiteral("predictions"), LabJsonReader::tr("must be an array"));
        return out;
    }
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = QStringLiteral("predictions[%1]").arg(i);
        const QJsonObject o = items.at(i).toObject();
        PredictionDefinition p;
        p.id = r.string(o, QStringLiteral("id"), at);
        for (const PredictionDefinition &other : out) {
            if (other.id == p.id)
                r.fail(LabJsonReader::join(at, QStringLiteral("id")), LabJsonReader::tr("\"%1\" is declared twice").arg(p.id));
        }
        p.pane = r.string(o, QStringLiteral("pane"), at);
        const PaneDefinition *pane = lab.pane(p.pane);
        if (!p.pane.isEmpty() && !pane)
            r.fail(LabJsonReader::join(at, QStringLiteral("pane")), LabJsonReader::tr("the lab has no pane \"%1\"").arg(p.pane));
        p.beforeStep = r.string(o, QStringLiteral("before"), at);
        if (pane && !p.beforeStep.isEmpty() && !pane->steps.contains(p.beforeStep))
            r.fail(LabJsonReader::join(at, QStringLiteral("before")), LabJsonReader::tr("pane \"%1\" has no step \"%2\"").arg(p.pane, p.beforeStep));
        if (o.contains(QStringLiteral("occurrence"))) {
            p.occurrence = int(r.integer(o, QStringLiteral("occurrence"), at).value_or(1));
            if (p.occurrence < 1 || p.occurrence > 1000)
                r.fail(LabJsonReader::join(at, QStringLiteral("occurrence")), LabJsonReader::tr("must be from 1 to %1").arg(1000));
        }
        p.question = r.localized(o, QStringLiteral("question"), at);
        p.explanation = r.localized(o, QStringLiteral("explain"), at);
        const QJsonArray choices = o.value(QStringLiteral("choices")).toArray();
        for (qsizetype j = 0; j < choices.size(); ++j) {
            const QString where = QStringLiteral("%1.choices[%2]").arg(at).arg(j);
            const QJsonObject c = choices.at(j).toObject();
            const QJsonValue value = c.value(QStringLiteral("value"));
            p.choices << PredictionChoice{r.localized(c, QStringLiteral("text"), where),
                                          value.isDouble() ? QString::number(value.toInteger()) : value.toString()};
        }
        if (choices.size() == 1)
            r.fail(LabJsonReader::join(at, QStringLiteral("choices")), LabJsonReader::tr("a question with choices needs two or more"));
        const QString observe = o.value(QStringLiteral("observe")).toString();
        if (!observe.isEmpty()) {
            const auto found = std::find_if(std::begin(kObserves), std::end(kObserves),
                                            [&](const ObserveName &n) { return observe == QLatin1String(n.name); });
            if (found == std::end(kObserves)) {
                QStringList names;
                for (const ObserveName &n : kObserves)
                    names << QLatin1String(n.name);
                r.fail(LabJsonReader::join(at, QStringLiteral("observe")), LabJsonReader::tr("must be one of %1").arg(names.join(QStringLiteral(", "))));
            } else {
                p.observe = found->observe;
            }
            for (qsizetype j = 0; j < p.choices.size(); ++j) {
                if (p.choices.at(j).value.isEmpty())
                    r.fail(QStringLiteral("%1.choices[%2].value").arg(at).arg(j),
                           LabJsonReader::tr("an observed answer needs the value each choice stands for"));
            }
        } else {
            // Nothing observed: the file says which choice is right, or the number.
            const std::optional<qlonglong> answer = r.integer(o, QStringLiteral("answer"), at);
            p.fixedAnswer = int(answer.value_or(-1));
            if (answer && !p.choices.isEmpty() && (*answer < 0 || *answer >= p.choices.size()))
                r.fail(LabJsonReader::join(at, QStringLiteral("answer")), LabJsonReader::tr("must be the index of a choice, 0 to %1").arg(p.choices.size() - 1));
        }
        out << p;
    }
    return out;
}
