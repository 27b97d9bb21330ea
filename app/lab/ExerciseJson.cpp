#include "ExerciseJson.h"

#include <TraceEvent.h>

#include <QJsonArray>
#include <QJsonObject>


namespace {

const QStringList kStates = {QStringLiteral("input"), QStringLiteral("blocked"), QStringLiteral("running"),
                             QStringLiteral("paused"), QStringLiteral("finished"), QStringLiteral("failed"),
                             QStringLiteral("stopped"), QStringLiteral("ended")};
const QStringList kOutcomes = {QStringLiteral("returned"), QStringLiteral("failed"), QStringLiteral("blocked")};

bool isTraceCallName(const QString &name)
{
    for (int c = 1; c <= int(socketlab::TraceCall::WfileFlush); ++c) {
        if (name == QLatin1String(socketlab::traceCallName(socketlab::TraceCall(c))))
            return true;
    }
    return false;
}

// A pane of the lab, or a copy a script adds ("client-2": the second "client", as Lab ▸ Add
// client names it), within the copies the lab allows.
bool isPaneOrCopy(const LabDefinition &lab, const QString &id)
{
    if (lab.pane(id))
        return true;
    const qsizetype dash = id.lastIndexOf(QLatin1Char('-'));
    bool numbered = false;
    const int n = id.mid(dash + 1).toInt(&numbered);
    const PaneDefinition *original = dash > 0 && numbered ? lab.pane(id.left(dash)) : nullptr;
    return original && n >= 2 && n <= original->copies;
}

QString paneOf(LabJsonReader &r, const QJsonObject &o, const QString &key, const QString &place, const LabDefinition &lab)
{
    const QString pane = r.string(o, key, place);
    if (!pane.isEmpty() && !isPaneOrCopy(lab, pane))
        r.fail(LabJsonReader::join(place, key), LabJsonReader::tr("the lab has no pane \"%1\"").arg(pane));
    return pane;
}

LocalizedText optionalText(LabJsonReader &r, const QJsonObject &o, const QString &key, const QString &place)
{
    return o.contains(key) ? r.localized(o, key, place) : LocalizedText{};
}

QRegularExpression pattern(LabJsonReader &r, const QJsonObject &o, const QString &key, const QString &place)
{
    QRegularExpression re(r.string(o, key, place));
    if (!re.isValid())
        r.fail(LabJsonReader::join(place, key), LabJsonReader::tr("is not a valid regular expression: %1").arg(re.errorString()));
    return re;
}

int positive(LabJsonReader &r, const QJsonObject &o, const QString &key, const QString &place, int fallback, int most)
{
    if (!o.contains(key))
        return fallback;
    const std::optional<qlonglong> n = r.integer(o, key, place);
    if (n && (*n < 0 || *n > most)) {
        r.fail(LabJsonReader::join(place, key), LabJsonReader::tr("must be from 0 to %1").arg(most));
        return fallback;
    }
    return n ? int(*n) : fallback;
}

QList<LocalizedText> texts(LabJsonReader &r, const QJsonObject &o, const QString &key, const QString &place)
{
    QList<LocalizedText> out;
    const QJsonArray items = o.value(key).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        QJsonObject holder;
        holder.insert(QStringLiteral("text"), items.at(i));
        out << r.localized(holder, QStringLiteral("text"), QStringLiteral("%1.%2[%3]").arg(place, key).arg(i));
    }
    return out;
}

ExerciseAction readAction(LabJsonReader &r, const QJsonObject &o, const QString &place, const LabDefinition &lab)
{
    ExerciseAction a;
    using K = ExerciseAction::Kind;
    const struct {
        const char *key;
        K kind;
    } verbs[] = {{"start", K::Start}, {"stop", K::Stop}, {"input", K::Input}, {"endInput", K::EndInput},
                 {"waitFor", K::WaitFor}, {"expect", K::Expect}, {"settle", K::Settle}, {"add", K::Add}};
    int found = 0;
    for (const auto &verb : verbs) {
        if (o.contains(QLatin1String(verb.key))) {
            a.kind = verb.kind;
            ++found;
        }
    }
    if (found != 1) {
        r.fail(place, LabJsonReader::tr("must have exactly one of start, stop, input, endInput, waitFor, expect, settle, add"));
        return a;
    }
    switch (a.kind) {
    case K::Start:
    case K::Stop:
    case K::EndInput:
    case K::Input: {
        const QString key = a.kind == K::Start ? QStringLiteral("start") : a.kind == K::Stop ? QStringLiteral("stop")
                          : a.kind == K::EndInput ? QStringLiteral("endInput") : QStringLiteral("input");
        a.pane = paneOf(r, o, key, place, lab);
        if (a.kind == K::Input) {
            if (!o.value(QStringLiteral("line")).isString())
                r.fail(place, LabJsonReader::tr("\"input\" needs \"line\": the text typed (\"\" is an empty line)"));
            a.line = o.value(QStringLiteral("line")).toString();
        }
        break;
    }
    case K::WaitFor:
    case K::Expect: {
        const QString key = a.kind == K::WaitFor ? QStringLiteral("waitFor") : QStringLiteral("expect");
        a.condition = readCondition(r, o.value(key), LabJsonReader::join(place, key), lab);
        a.pane = a.condition.pane;
        a.withinMs = positive(r, o, QStringLiteral("within"), place, a.withinMs, 120'000);
        if (a.kind == K::Expect) {
            a.property = r.string(o, QStringLiteral("property"), place);
            a.failure = r.localized(o, QStringLiteral("fail"), place);
            a.success = optionalText(r, o, QStringLiteral("pass"), place);
        }
        break;
    }
    case K::Settle:
        a.withinMs = positive(r, o, QStringLiteral("within"), place, a.withinMs, 120'000);
        break;
    case K::Add: {
        a.pane = r.string(o, QStringLiteral("add"), place);
        const PaneDefinition *pane = lab.pane(a.pane);
        if (!a.pane.isEmpty() && (!pane || pane->copies < 2))
            r.fail(LabJsonReader::join(place, QStringLiteral("add")), LabJsonReader::tr("the lab has no pane \"%1\" that a learner may add").arg(a.pane));
        break;
    }
    }
    return a;
}

} // namespace

Condition readCondition(LabJsonReader &r, const QJsonValue &v, const QString &place, const LabDefinition &lab)
{
    Condition c;
    if (!v.isObject()) {
        r.fail(place, LabJsonReader::tr("must be a condition, e.g. {\"pane\": \"client\", \"printed\": \"hello\"}"));
        return c;
    }
    const QJsonObject o = v.toObject();
    c.pane = paneOf(r, o, QStringLiteral("pane"), place, lab);
    using K = Condition::Kind;
    if (o.contains(QStringLiteral("printed"))) {
        c.kind = K::Printed;
        c.pattern = pattern(r, o, QStringLiteral("printed"), place);
    } else if (o.contains(QStringLiteral("notPrinted"))) {
        c.kind = K::NotPrinted;
        c.pattern = pattern(r, o, QStringLiteral("notPrinted"), place);
    } else if (o.contains(QStringLiteral("error"))) {
        c.kind = K::Error;
        c.pattern = pattern(r, o, QStringLiteral("error"), place);
    } else if (o.contains(QStringLiteral("noError"))) {
        c.kind = K::NoError;
    } else if (o.contains(QStringLiteral("state"))) {
        c.kind = K::State;
        c.value = r.string(o, QStringLiteral("state"), place);
        if (!c.value.isEmpty() && !kStates.contains(c.value))
            r.fail(LabJsonReader::join(place, QStringLiteral("state")), LabJsonReader::tr("must be one of %1").arg(kStates.join(QStringLiteral(", "))));
        c.blockedIn = r.string(o, QStringLiteral("in"), place, false);
        if (!c.blockedIn.isEmpty() && !isTraceCallName(c.blockedIn))
            r.fail(LabJsonReader::join(place, QStringLiteral("in")), LabJsonReader::tr("\"%1\" is not a call SocketLab traces").arg(c.blockedIn));
    } else if (o.contains(QStringLiteral("published"))) {
        c.kind = K::Published;
        c.value = r.string(o, QStringLiteral("published"), place);
    } else if (o.contains(QStringLiteral("call"))) {
        c.kind = K::Call;
        c.value = r.string(o, QStringLiteral("call"), place);
        if (!c.value.isEmpty() && !isTraceCallName(c.value))
            r.fail(LabJsonReader::join(place, QStringLiteral("call")), LabJsonReader::tr("\"%1\" is not a call SocketLab traces").arg(c.value));
        c.outcome = o.contains(QStringLiteral("outcome")) ? r.string(o, QStringLiteral("outcome"), place) : QStringLiteral("returned");
        if (!kOutcomes.contains(c.outcome))
            r.fail(LabJsonReader::join(place, QStringLiteral("outcome")), LabJsonReader::tr("must be one of %1").arg(kOutcomes.join(QStringLiteral(", "))));
        c.errorSymbol = r.string(o, QStringLiteral("errno"), place, false);
        c.count = positive(r, o, QStringLiteral("count"), place, 1, 100'000);
    } else if (o.contains(QStringLiteral("acceptQueue"))) {
        c.kind = K::AcceptQueue;
        const QJsonValue q = o.value(QStringLiteral("acceptQueue"));
        if (q.toString() == QLatin1String("full"))
            c.count = 0;
        else if (q.isDouble() && q.toInt(-1) >= 1)
            c.count = q.toInt();
        else
            r.fail(LabJsonReader::join(place, QStringLiteral("acceptQueue")), LabJsonReader::tr("must be \"full\" or a number of connections, 1 or more"));
    } else {
        r.fail(place, LabJsonReader::tr("says nothing to check: give printed, notPrinted, error, noError, state, published, call or acceptQueue"));
    }
    return c;
}

QList<ExerciseDefinition> readExercises(LabJsonReader &r, const QJsonValue &v, const LabDefinition &lab)
{
    QList<ExerciseDefinition> out;
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        r.fail(QStringLiteral("exercises"), LabJsonReader::tr("must be an array"));
        return out;
    }
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = QStringLiteral("exercises[%1]").arg(i);
        const QJsonObject o = items.at(i).toObject();
        ExerciseDefinition e;
        e.id = r.string(o, QStringLiteral("id"), at);
        for (const ExerciseDefinition &other : out) {
            if (other.id == e.id)
                r.fail(LabJsonReader::join(at, QStringLiteral("id")), LabJsonReader::tr("\"%1\" is declared twice").arg(e.id));
        }
        const LabDefinition scope = lab.forExercise(e.id);  // the lab's panes and the exercise's own
        e.title = r.localized(o, QStringLiteral("title"), at);
        e.task = r.localized(o, QStringLiteral("task"), at);
        e.programPane = o.value(QStringLiteral("program")).toString();
        if (o.contains(QStringLiteral("program")) && !scope.pane(e.programPane))
            r.fail(LabJsonReader::join(at, QStringLiteral("program")), LabJsonReader::tr("the lab has no pane \"%1\"").arg(e.programPane));
        const QJsonObject fixed = o.value(QStringLiteral("fixed")).toObject();
        for (auto it = fixed.begin(); it != fixed.end(); ++it) {
            const QString where = LabJsonReader::join(LabJsonReader::join(at, QStringLiteral("fixed")), it.key());
            const QStringList parts = it.key().split(QLatin1Char('.'));
            const PaneDefinition *pane = parts.size() == 2 ? scope.pane(parts[0]) : nullptr;
            const ParamDefinition *param = pane ? pane->param(parts[1]) : nullptr;
            const QString value = it.value().isDouble() ? QString::number(it.value().toInteger()) : it.value().toString();
            if (!param)
                r.fail(where, LabJsonReader::tr("names no pane parameter (write pane.parameter)"));
            else if (const QString problem = param->check(value); !problem.isEmpty())
                r.fail(where, problem);
            e.fixed.insert(it.key(), value);
        }
        const QJsonArray script = o.value(QStringLiteral("script")).toArray();
        if (script.isEmpty())
            r.fail(at, LabJsonReader::tr("\"script\" is missing: the actions the check takes on the panes"));
        for (qsizetype j = 0; j < script.size(); ++j)
            e.script << readAction(r, script.at(j).toObject(), QStringLiteral("%1.script[%2]").arg(at).arg(j), scope);
        const QJsonArray properties = o.value(QStringLiteral("properties")).toArray();
        for (qsizetype j = 0; j < properties.size(); ++j) {
            const QString where = QStringLiteral("%1.properties[%2]").arg(at).arg(j);
            const QJsonObject p = properties.at(j).toObject();
            e.properties << ExerciseProperty{r.string(p, QStringLiteral("id"), where),
                                             readCondition(r, p.value(QStringLiteral("check")), LabJsonReader::join(where, QStringLiteral("check")), scope),
                                             r.localized(p, QStringLiteral("fail"), where), optionalText(r, p, QStringLiteral("pass"), where)};
        }
        QStringList ids;
        for (const ExerciseAction &a : e.script) {
            if (a.kind == ExerciseAction::Kind::Expect)
                ids << a.property;
        }
        for (const ExerciseProperty &p : e.properties)
            ids << p.id;
        if (ids.isEmpty())
            r.fail(at, LabJsonReader::tr("checks nothing: give \"properties\", or \"expect\" actions in the script"));
        if (ids.removeDuplicates() > 0)
            r.fail(at, LabJsonReader::tr("two properties have the same id"));
        const QJsonArray variants = o.value(QStringLiteral("variants")).toArray();
        for (qsizetype j = 0; j < variants.size(); ++j) {
            const QString where = QStringLiteral("%1.variants[%2]").arg(at).arg(j);
            const QJsonObject vo = variants.at(j).toObject();
            ExerciseVariant variant;
            variant.name = r.string(vo, QStringLiteral("name"), where);
            const QJsonObject faults = vo.value(QStringLiteral("faults")).toObject();
            for (auto it = faults.begin(); it != faults.end(); ++it) {
                if (!scope.pane(it.key()))
                    r.fail(LabJsonReader::join(LabJsonReader::join(where, QStringLiteral("faults")), it.key()), LabJsonReader::tr("the lab has no pane \"%1\"").arg(it.key()));
                variant.faults.insert(it.key(), readFaults(r, it.value(), LabJsonReader::join(LabJsonReader::join(where, QStringLiteral("faults")), it.key())));
            }
            e.variants << variant;
        }
        if (e.variants.isEmpty())
            e.variants << ExerciseVariant{};
        e.hints = texts(r, o, QStringLiteral("hints"), at);
        if (e.hints.size() < 2)
            r.fail(LabJsonReader::join(at, QStringLiteral("hints")), LabJsonReader::tr("give at least two hints, each saying more than the one before"));
        out << e;
    }
    return out;
}
