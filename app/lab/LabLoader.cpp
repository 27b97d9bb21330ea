// lab.json parsing and consistency checks. Every check that can fail says where.
#include "LabLoader.h"

#include "Program.h"

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

namespace {

constexpr qint64 kMaxLabFileBytes = 1 << 20;  // lab files are small; a huge one is a mistake

class Reader {
    Q_DECLARE_TR_FUNCTIONS(LabLoader)
public:
    Reader(QString file, QList<LabError> &errors) : m_file(std::move(file)), m_errors(errors) {}

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
        const double d = v.toDouble(0.5);
        if (!v.isDouble() || d != double(qlonglong(d))) {
            fail(join(place, key), tr("must be a whole number"));
            return std::nullopt;
        }
        return qlonglong(d);
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
        return {string(v.toObject(), QStringLiteral("en"), at), string(v.toObject(), QStringLiteral("zh_CN"), at)};
    }

    static QString join(const QString &place, const QString &key) { return place.isEmpty() ? key : place + QLatin1Char('.') + key; }

private:
    QString m_file;
    QList<LabError> &m_errors;
    bool m_failed = false;
};

// Reads a UTF-8 text file of the lab; records an error naming it when it cannot.
std::optional<QString> readText(const QString &path, const QString &shownName, QList<LabError> &errors)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors.append({shownName, {}, QCoreApplication::translate("LabLoader", "cannot be read: %1").arg(f.errorString())});
        return std::nullopt;
    }
    if (f.size() > kMaxLabFileBytes) {
        errors.append({shownName, {}, QCoreApplication::translate("LabLoader", "is too large (%1 bytes; at most %2)").arg(f.size()).arg(kMaxLabFileBytes)});
        return std::nullopt;
    }
    const QByteArray bytes = f.readAll();
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(bytes);
    if (utf8.hasError()) {
        errors.append({shownName, {}, QCoreApplication::translate("LabLoader", "is not valid UTF-8 text")});
        return std::nullopt;
    }
    return text;
}

void readParams(Reader &r, const QJsonObject &pane, const QString &place, PaneDefinition &out)
{
    const QJsonValue v = pane.value(QStringLiteral("params"));
    if (v.isUndefined())
        return;
    if (!v.isArray()) {
        r.fail(Reader::join(place, QStringLiteral("params")), Reader::tr("must be an array"));
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
                r.fail(at, Reader::tr("min is greater than max"));
        } else if (type != QLatin1String("string") && !type.isEmpty()) {
            r.fail(Reader::join(at, QStringLiteral("type")), Reader::tr("must be \"int\" or \"string\", not \"%1\"").arg(type));
        }
        if (const QJsonValue choices = o.value(QStringLiteral("choices")); !choices.isUndefined()) {
            // A fixed set of values, e.g. the server class: a learner picks, never misspells.
            const QString where = Reader::join(at, QStringLiteral("choices"));
            if (p.type != ParamDefinition::Type::String)
                r.fail(where, Reader::tr("only a string parameter can have choices"));
            else if (!choices.isArray() || choices.toArray().isEmpty())
                r.fail(where, Reader::tr("must be a non-empty array of strings"));
            for (const QJsonValue &c : choices.toArray()) {
                if (c.isString() && !c.toString().isEmpty())
                    p.choices << c.toString();
                else
                    r.fail(where, Reader::tr("must be a non-empty array of strings"));
            }
        }
        const QJsonValue def = o.value(QStringLiteral("default"));
        if (def.isDouble())
            p.defaultValue = QString::number(qlonglong(def.toDouble()));
        else if (def.isString())
            p.defaultValue = def.toString();
        else
            r.fail(at, Reader::tr("\"default\" is missing"));
        if (!def.isUndefined()) {
            if (const QString problem = p.check(p.defaultValue); !problem.isEmpty())
                r.fail(Reader::join(at, QStringLiteral("default")), problem);
        }
        p.label = r.localized(o, QStringLiteral("label"), at);
        p.follows = r.string(o, QStringLiteral("follows"), at, false);
        if (out.param(p.name))
            r.fail(Reader::join(at, QStringLiteral("name")), Reader::tr("\"%1\" is declared twice").arg(p.name));
        out.params.append(p);
    }
}

void readSteps(Reader &r, const QJsonObject &pane, const QString &place, const ProgramInfo *program, PaneDefinition &out)
{
    const QString at = Reader::join(place, QStringLiteral("steps"));
    const QJsonValue v = pane.value(QStringLiteral("steps"));
    if (!v.isObject()) {
        r.fail(v.isUndefined() ? place : at, v.isUndefined() ? Reader::tr("\"steps\" is missing") : Reader::tr("must be an object"));
        return;
    }
    const QJsonObject steps = v.toObject();
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        const QString stepAt = Reader::join(at, it.key());
        const QJsonObject o = it.value().toObject();
        StepDefinition s;
        s.id = it.key();
        s.line = int(r.integer(o, QStringLiteral("line"), stepAt).value_or(0));
        s.explanation = r.localized(o, QStringLiteral("explain"), stepAt);
        const ProgramStep *declared = program ? program->findStep(s.id.toStdString()) : nullptr;
        if (program && !declared)
            r.fail(stepAt, Reader::tr("program \"%1\" has no step \"%2\"").arg(out.program, s.id));
        if (out.listing.isEmpty()) {
            // The listing itself could not be read: that error is reported; lines cannot be checked.
        } else if (s.line < 1 || s.line > out.listing.size()) {
            r.fail(Reader::join(stepAt, QStringLiteral("line")),
                   Reader::tr("line %1 is outside %2 (%3 lines)").arg(s.line).arg(out.listingFile).arg(out.listing.size()));
        } else if (declared && !out.listing.at(s.line - 1).contains(QString::fromStdString(declared->call))) {
            r.fail(Reader::join(stepAt, QStringLiteral("line")),
                   Reader::tr("line %1 of %2 does not contain \"%3\": %4")
                       .arg(s.line).arg(out.listingFile, QString::fromStdString(declared->call), out.listing.at(s.line - 1).trimmed()));
        }
        out.steps.insert(s.id, s);
    }
    if (program) {
        for (const ProgramStep &step : program->steps) {
            if (!out.steps.contains(QString::fromStdString(step.id)))
                r.fail(at, Reader::tr("step \"%1\" of program \"%2\" has no line").arg(QString::fromStdString(step.id), out.program));
        }
    }
}

} // namespace

std::optional<LabDefinition> LabLoader::load(const QString &directory, QList<LabError> &errors)
{
    const QDir dir(directory);
    const QString folder = dir.dirName();
    const QString jsonName = folder + QStringLiteral("/lab.json");
    const qsizetype errorsBefore = errors.size();

    const std::optional<QString> json = readText(dir.filePath(QStringLiteral("lab.json")), jsonName, errors);
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

    Reader r(jsonName, errors);
    const QJsonObject root = doc.object();
    LabDefinition lab;
    lab.directory = directory;
    lab.id = r.string(root, QStringLiteral("id"), {});
    if (!lab.id.isEmpty() && lab.id != folder)
        r.fail(QStringLiteral("id"), Reader::tr("\"%1\" differs from the folder name \"%2\"").arg(lab.id, folder));
    lab.order = int(r.integer(root, QStringLiteral("order"), {}).value_or(0));
    lab.title = r.localized(root, QStringLiteral("title"), {});

    const LocalizedText lessonFiles = r.localized(root, QStringLiteral("lesson"), {});
    for (auto [file, text] : {std::pair{lessonFiles.en, &lab.lesson.en}, std::pair{lessonFiles.zhCN, &lab.lesson.zhCN}}) {
        if (file.isEmpty())
            continue;
        if (std::optional<QString> content = readText(dir.filePath(file), folder + QLatin1Char('/') + file, errors))
            *text = *content;
    }

    const QJsonArray panes = root.value(QStringLiteral("panes")).toArray();
    if (panes.isEmpty())
        r.fail(QStringLiteral("panes"), Reader::tr("a lab needs at least one pane"));
    for (qsizetype i = 0; i < panes.size(); ++i) {
        const QString at = QStringLiteral("panes[%1]").arg(i);
        const QJsonObject o = panes.at(i).toObject();
        PaneDefinition pane;
        pane.id = r.string(o, QStringLiteral("id"), at);
        if (lab.pane(pane.id))
            r.fail(Reader::join(at, QStringLiteral("id")), Reader::tr("pane \"%1\" is declared twice").arg(pane.id));
        pane.title = r.localized(o, QStringLiteral("title"), at);
        pane.program = r.string(o, QStringLiteral("program"), at);
        const ProgramInfo *program = findProgram(pane.program.toStdString());
        if (!pane.program.isEmpty() && !program)
            r.fail(Reader::join(at, QStringLiteral("program")), Reader::tr("no program is called \"%1\"").arg(pane.program));
        pane.listingFile = r.string(o, QStringLiteral("listing"), at);
        if (!pane.listingFile.isEmpty()) {
            if (std::optional<QString> text = readText(dir.filePath(pane.listingFile), folder + QLatin1Char('/') + pane.listingFile, errors))
                pane.listing = text->split(QLatin1Char('\n'));
            else
                r.fail(Reader::join(at, QStringLiteral("listing")), Reader::tr("the listing could not be read"));
            while (!pane.listing.isEmpty() && pane.listing.last().isEmpty())
                pane.listing.removeLast();
        }
        readParams(r, o, at, pane);
        if (program) {
            for (const std::string &name : program->params) {
                if (!pane.param(QString::fromStdString(name)))
                    r.fail(Reader::join(at, QStringLiteral("params")),
                           Reader::tr("program \"%1\" needs parameter \"%2\"").arg(pane.program, QString::fromStdString(name)));
            }
        }
        readSteps(r, o, at, program, pane);
        if (o.contains(QStringLiteral("copies"))) {
            constexpr qlonglong kMostCopies = 8;  // more panes than fit side by side teach nothing more
            const qlonglong copies = r.integer(o, QStringLiteral("copies"), at).value_or(1);
            if (copies < 1 || copies > kMostCopies)
                r.fail(Reader::join(at, QStringLiteral("copies")), Reader::tr("copies must be from 1 to %1").arg(kMostCopies));
            pane.copies = int(std::clamp<qlonglong>(copies, 1, kMostCopies));
        }
        lab.panes.append(pane);
    }
    // "follows" may name a pane declared after this one: check once all are read.
    for (qsizetype i = 0; i < lab.panes.size(); ++i) {
        for (qsizetype j = 0; j < lab.panes[i].params.size(); ++j) {
            const ParamDefinition &p = lab.panes[i].params[j];
            if (p.follows.isEmpty())
                continue;
            const QStringList parts = p.follows.split(QLatin1Char('.'));
            const PaneDefinition *other = parts.size() == 2 ? lab.pane(parts[0]) : nullptr;
            if (!other || !other->param(parts[1]))
                r.fail(QStringLiteral("panes[%1].params[%2].follows").arg(i).arg(j),
                       Reader::tr("\"%1\" names no pane parameter (write pane.parameter)").arg(p.follows));
        }
    }
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
        std::optional<LabDefinition> lab = LabLoader::load(dir.filePath(folder), m_errors);
        if (!lab)
            continue;
        m_labs.erase(std::remove_if(m_labs.begin(), m_labs.end(), [&](const LabDefinition &l) { return l.id == lab->id; }),
                     m_labs.end());
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
