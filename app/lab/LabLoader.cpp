// lab.json parsing and consistency checks. Every check that can fail says where.
#include "LabLoader.h"

#include "ExerciseJson.h"
#include "LabFolder.h"
#include "LabJsonReader.h"
#include "PredictionJson.h"
#include "Program.h"
#include "StepAnchors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringDecoder>

#include <algorithm>
#include <functional>

namespace {


void readParams(LabJsonReader &r, const QJsonObject &pane, const QString &place, PaneDefinition &out)
{
    const QJsonValue v = pane.value(QStringLiteral("params"));
    if (v.isUndefined())
        return;
    if (!v.isArray()) {
        r.fail(LabJsonReader::join(place, QStringLiteral("params")), LabJsonReader::tr("must be an array"));
        return;
    }
    const QJsonArray params = v.toArray();
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QString at = QStringLiteral("%1.params[%2]").arg(place).arg(i);
        const QJsonObject o = params.at(i).toObject();
        ParamDefinition p;
        p.name = r.string(o, QStringLiteral("name"), at);
        const QString type = r.string(o, QStringLiteral("type"), at);
        if (type == QLatin1String("int")) {
            p.type = ParamDefinition::Type::Int;
            p.minimum = r.integer(o, QStringLiteral("min"), at).value_or(0);
            p.maximum = r.integer(o, QStringLiteral("max"), at).value_or(0);
            if (p.minimum > p.maximum)
                r.fail(at, LabJsonReader::tr("min is greater than max"));
        } else if (type != QLatin1String("string") && !type.isEmpty()) {
            r.fail(LabJsonReader::join(at, QStringLiteral("type")), LabJsonReader::tr("must be \"int\" or \"string\", not \"%1\"").arg(type));
        }
        if (const QJsonValue choices = o.value(QStringLiteral("choices")); !choices.isUndefined()) {
            // A fixed set of values, e.g. the server class: a learner picks, never misspells.
            const QString where = LabJsonReader::join(at, QStringLiteral("choices"));
            if (p.type != ParamDefinition::Type::String)
                r.fail(where, LabJsonReader::tr("only a string parameter can have choices"));
            else if (!choices.isArray() || choices.toArray().isEmpty())
                r.fail(where, LabJsonReader::tr("must be a non-empty array of strings"));
            for (const QJsonValue &c : choices.toArray()) {
                if (c.isString() && !c.toString().isEmpty())
                    p.choices << c.toString();
                else
                    r.fail(where, LabJsonReader::tr("must be a non-empty array of strings"));
            }
        }
        const QJsonValue def = o.value(QStringLiteral("default"));
        if (const std::optional<qint64> whole = jsonWholeNumber(def))
            p.defaultValue = QString::number(*whole);
        else if (def.isDouble())
            p.defaultValue = QString::number(def.toDouble()); // refused below by check(): not a whole number
        else if (def.isString())
            p.defaultValue = def.toString();
        else
            r.fail(at, LabJsonReader::tr("\"default\" is missing"));
        if (!def.isUndefined()) {
            if (const QString problem = p.check(p.defaultValue); !problem.isEmpty())
                r.fail(LabJsonReader::join(at, QStringLiteral("default")), problem);
        }
        p.label = r.localized(o, QStringLiteral("label"), at);
        p.follows = r.string(o, QStringLiteral("follows"), at, false);
        if (out.param(p.name))
            r.fail(LabJsonReader::join(at, QStringLiteral("name")), LabJsonReader::tr("\"%1\" is declared twice").arg(p.name));
        out.params.append(p);
    }
}

void readSteps(LabJsonReader &r, const QJsonObject &pane, const QString &place, const ProgramInfo *program, PaneDefinition &out)
{
    const QString at = LabJsonReader::join(place, QStringLiteral("steps"));
    const QJsonValue v = pane.value(QStringLiteral("steps"));
    if (!v.isObject()) {
        r.fail(v.isUndefined() ? place : at, v.isUndefined() ? LabJsonReader::tr("\"steps\" is missing") : LabJsonReader::tr("must be an object"));
        return;
    }
    const QJsonObject steps = v.toObject();
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        const QString stepAt = LabJsonReader::join(at, it.key());
        if (!it.value().isObject()) {
            r.fail(stepAt, LabJsonReader::tr("must be an object with \"explain\" (and \"at\" where the call is not unique)"));
            continue;
        }
        const QJsonObject o = it.value().toObject();
        StepDefinition s;
        s.id = it.key();
        s.explanation = r.localized(o, QStringLiteral("explain"), stepAt);
        if (const QJsonValue hold = o.value(QStringLiteral("hold")); !hold.isUndefined()) {
            if (!hold.isBool())
                r.fail(LabJsonReader::join(stepAt, QStringLiteral("hold")), LabJsonReader::tr("must be true or false"));
            s.hold = hold.toBool();
        }
        if (o.contains(QStringLiteral("line"))) {
            // Numbers shift whenever a line is added above: steps are anchored by their text.
            r.fail(LabJsonReader::join(stepAt, QStringLiteral("line")),
                   LabJsonReader::tr("line numbers are not used: anchor the step with \"at\": text of its line (or nothing, when the call appears once)"));
        }
        const StepAnchor anchor{r.string(o, QStringLiteral("at"), stepAt, false),
                                program && program->findStep(s.id.toStdString()) ? QString::fromUtf8(program->findStep(s.id.toStdString())->call) : QString()};
        if (program && anchor.call.isEmpty())
            r.fail(stepAt, LabJsonReader::tr("program \"%1\" has no step \"%2\"").arg(out.program, s.id));
        else if (!out.listing.isEmpty()) {  // else the listing could not be read, and that is reported
            QString problem;
            if (const std::optional<int> line = locateStep(out.listing, out.listingFile, anchor, &problem))
                s.line = *line;
            else
                r.fail(anchor.at.isEmpty() ? stepAt : LabJsonReader::join(stepAt, QStringLiteral("at")), problem);
        }
        out.steps.insert(s.id, s);
    }
    if (program) {
        for (const ProgramStep &step : program->steps.steps()) {
            if (!out.steps.contains(QString::fromUtf8(step.id)))
                r.fail(at, LabJsonReader::tr("step \"%1\" of program \"%2\" is missing: every step needs an explanation").arg(QString::fromUtf8(step.id), out.program));
        }
    }
}

// The English title of a lab that failed to load, if its lab.json is readable that far.
QString titleOf(const QString &directory)
{
    QList<LabError> ignored;  // already reported by the load that failed
    const std::optional<QString> json = LabFolder(directory).readText(QStringLiteral("lab.json"), {}, ignored);
    if (!json)
        return {};
    return QJsonDocument::fromJson(json->toUtf8()).object().value(QStringLiteral("title")).toObject().value(QStringLiteral("en")).toString();
}

// "like": "client1" - a pane that is another one under a new id and title: the same
// program, listing, parameters and steps, unless it gives its own.
QJsonObject withBase(LabJsonReader &r, const QJsonObject &pane, const QJsonArray &panes, qsizetype index, const QString &place)
{
    const QString like = pane.value(QStringLiteral("like")).toString();
    if (like.isEmpty())
        return pane;
    for (qsizetype j = 0; j < index; ++j) {
        QJsonObject base = panes.at(j).toObject();
        if (base.value(QStringLiteral("id")).toString() != like)
            continue;
        if (base.contains(QStringLiteral("like"))) {
            r.fail(LabJsonReader::join(place, QStringLiteral("like")), LabJsonReader::tr("\"%1\" is itself like another pane: name that one").arg(like));
            return pane;
        }
        for (auto it = pane.begin(); it != pane.end(); ++it)
            base.insert(it.key(), it.value());
        base.remove(QStringLiteral("copies"));
        if (pane.contains(QStringLiteral("copies")))
            base.insert(QStringLiteral("copies"), pane.value(QStringLiteral("copies")));
        return base;
    }
    r.fail(LabJsonReader::join(place, QStringLiteral("like")), LabJsonReader::tr("no pane declared before this one is called \"%1\"").arg(like));
    return pane;
}

// The panes of a lab ("panes") or of an exercise: added to out (which may hold the lab's
// panes already, for an exercise's panes to follow and not to repeat).
void readPanes(LabJsonReader &r, const LabFolder &folder, const QJsonArray &panes, const QString &place,
               LabDefinition &out, QList<LabError> &errors)
{
    const qsizetype first = out.panes.size();
    for (qsizetype i = 0; i < panes.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(place).arg(i);
        const QJsonObject o = withBase(r, panes.at(i).toObject(), panes, i, at);
        PaneDefinition pane;
        pane.id = r.string(o, QStringLiteral("id"), at);
        if (out.pane(pane.id))
            r.fail(LabJsonReader::join(at, QStringLiteral("id")), LabJsonReader::tr("pane \"%1\" is declared twice").arg(pane.id));
        pane.title = r.localized(o, QStringLiteral("title"), at);
        pane.program = r.string(o, QStringLiteral("program"), at);
        const ProgramInfo *program = findProgram(pane.program.toStdString());
        if (!pane.program.isEmpty() && !program)
            r.fail(LabJsonReader::join(at, QStringLiteral("program")), LabJsonReader::tr("no program is called \"%1\"").arg(pane.program));
        pane.listingFile = r.string(o, QStringLiteral("listing"), at);
        if (!pane.listingFile.isEmpty()) {
            if (std::optional<QString> text = folder.readListing(pane.listingFile, LabJsonReader::join(at, QStringLiteral("listing")), errors))
                pane.listing = text->split(QLatin1Char('\n'));
            while (!pane.listing.isEmpty() && pane.listing.last().isEmpty())
                pane.listing.removeLast();
        }
        readParams(r, o, at, pane);
        pane.faults = readFaults(r, o.value(QStringLiteral("faults")), LabJsonReader::join(at, QStringLiteral("faults")));
        if (program) {
            for (const ProgramParam &param : program->params) {
                if (!pane.param(QString::fromUtf8(param.name)))
                    r.fail(LabJsonReader::join(at, QStringLiteral("params")),
                           LabJsonReader::tr("program \"%1\" needs parameter \"%2\"").arg(pane.program, QString::fromUtf8(param.name)));
            }
        }
        readSteps(r, o, at, program, pane);
        if (o.contains(QStringLiteral("copies"))) {
            constexpr qlonglong kMostCopies = 8;  // more panes than fit side by side teach nothing more
            const qlonglong copies = r.integer(o, QStringLiteral("copies"), at).value_or(1);
            if (copies < 1 || copies > kMostCopies)
                r.fail(LabJsonReader::join(at, QStringLiteral("copies")), LabJsonReader::tr("copies must be from 1 to %1").arg(kMostCopies));
            pane.copies = int(std::clamp<qlonglong>(copies, 1, kMostCopies));
        }
        if (o.contains(QStringLiteral("servesOwnClientsOnly"))) {
            const QJsonValue own = o.value(QStringLiteral("servesOwnClientsOnly"));
            if (!own.isBool())
                r.fail(LabJsonReader::join(at, QStringLiteral("servesOwnClientsOnly")), LabJsonReader::tr("must be true or false"));
            pane.servesOwnClientsOnly = own.toBool();
        }
        out.panes.append(pane);
    }
    // "follows" may name a pane declared after this one: check once all are read.
    for (qsizetype i = first; i < out.panes.size(); ++i) {
        for (qsizetype j = 0; j < out.panes[i].params.size(); ++j) {
            const ParamDefinition &p = out.panes[i].params[j];
            if (p.follows.isEmpty())
                continue;
            const QStringList parts = p.follows.split(QLatin1Char('.'));
            const PaneDefinition *other = parts.size() == 2 ? out.pane(parts[0]) : nullptr;
            if (!other || !other->param(parts[1]))
                r.fail(QStringLiteral("%1[%2].params[%3].follows").arg(place).arg(i - first).arg(j),
                       LabJsonReader::tr("\"%1\" names no pane parameter (write pane.parameter)").arg(p.follows));
        }
    }
}

} // namespace

std::optional<LabDefinition> LabLoader::load(const QString &directory, QList<LabError> &errors)
{
    const LabFolder folder(directory);
    const QString jsonName = folder.shownName(QStringLiteral("lab.json"));
    const qsizetype errorsBefore = errors.size();

    const std::optional<QString> json = folder.readText(QStringLiteral("lab.json"), {}, errors);
    if (!json)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json->toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray bytes = json->toUtf8().left(parseError.offset);
        const int line = int(bytes.count('\n')) + 1;
        const int column = int(parseError.offset - (bytes.lastIndexOf('\n') + 1)) + 1;
        errors.append({jsonName, QCoreApplication::translate("LabLoader", "line %1, column %2").arg(line).arg(column), parseError.errorString()});
        return std::nullopt;
    }
    if (!doc.isObject()) {
        errors.append({jsonName, {}, QCoreApplication::translate("LabLoader", "must hold a JSON object")});
        return std::nullopt;
    }

    LabDefinition lab;
    LabJsonReader r(jsonName, errors, lab.untranslated);
    const QJsonObject root = doc.object();
    lab.directory = directory;
    lab.id = r.string(root, QStringLiteral("id"), {});
    if (!lab.id.isEmpty() && lab.id != folder.name())
        r.fail(QStringLiteral("id"), LabJsonReader::tr("\"%1\" differs from the folder name \"%2\"").arg(lab.id, folder.name()));
    lab.order = int(r.integer(root, QStringLiteral("order"), {}).value_or(0));
    lab.title = r.localized(root, QStringLiteral("title"), {});

    const LocalizedText lessonFiles = r.localized(root, QStringLiteral("lesson"), {});
    for (auto [file, text, key] : {std::tuple{lessonFiles.en, &lab.lesson.en, "en"}, std::tuple{lessonFiles.zhCN, &lab.lesson.zhCN, "zh_CN"}}) {
        if (file.isEmpty())
            continue;
        const QString place = QStringLiteral("lesson.") + QLatin1String(key);
        if (std::optional<QString> content = folder.readText(file, place, errors)) {
            folder.checkLessonReferences(*content, file, errors);
            *text = *content;
        }
    }

    const QJsonArray panes = root.value(QStringLiteral("panes")).toArray();
    if (panes.isEmpty())
        r.fail(QStringLiteral("panes"), LabJsonReader::tr("a lab needs at least one pane"));
    readPanes(r, folder, panes, QStringLiteral("panes"), lab, errors);
    const QJsonArray exercises = root.value(QStringLiteral("exercises")).toArray();
    for (qsizetype i = 0; i < exercises.size(); ++i) {
        const QJsonObject exercise = exercises.at(i).toObject();
        if (!exercise.contains(QStringLiteral("panes")))
            continue;
        LabDefinition withOwn = lab;
        readPanes(r, folder, exercise.value(QStringLiteral("panes")).toArray(), QStringLiteral("exercises[%1].panes").arg(i), withOwn, errors);
        lab.exercisePanes.insert(exercise.value(QStringLiteral("id")).toString(), withOwn.panes.mid(lab.panes.size()));
    }
    lab.exercises = readExercises(r, root.value(QStringLiteral("exercises")), lab);
    lab.predictions = readPredictions(r, root.value(QStringLiteral("predictions")), lab);
    if (r.failed() || errors.size() > errorsBefore)
        return std::nullopt;
    return lab;
}

QString LabCatalog::userRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/labs");
}

void LabCatalog::loadFrom(const QString &root)
{
    const QDir dir(root);
    const QStringList folders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &folder : folders) {
        if (!QFileInfo::exists(dir.filePath(folder + QStringLiteral("/lab.json"))))
            continue;
        QList<LabError> errors;
        std::optional<LabDefinition> lab = LabLoader::load(dir.filePath(folder), errors);
        m_errors += errors;
        if (!lab) {
            m_failures.append({folder, dir.filePath(folder), titleOf(dir.filePath(folder)), errors});
            continue;
        }
        const auto same = std::find_if(m_labs.begin(), m_labs.end(), [&](const LabDefinition &l) { return l.id == lab->id; });
        if (same != m_labs.end()) {
            lab->replacesDirectory = same->directory;
            m_notes << QCoreApplication::translate("LabLoader", "%1: replaces the lab \"%2\" loaded from %3")
                           .arg(QDir::toNativeSeparators(lab->directory), lab->id, QDir::toNativeSeparators(same->directory));
            m_labs.erase(same);
        }
        m_labs.append(std::move(*lab));
    }
    std::stable_sort(m_labs.begin(), m_labs.end(), [](const LabDefinition &a, const LabDefinition &b) { return a.order < b.order; });
}

const LabDefinition *LabCatalog::find(const QString &id) const
{
    for (const LabDefinition &lab : m_labs) {
        if (lab.id == id)
            return &lab;
    }
    return nullptr;
}
