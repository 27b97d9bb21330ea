// tst_labloader: the lab catalog and loader. Every built-in lab loads, speaks English and
// Chinese, maps each program step to a listing line holding the call it claims (checked
// here from lab.json and the listing directly, not through the loader), and renders its
// parameters; each kind of malformed lab yields a LabError naming the file, the place and
// the problem, without keeping the good labs beside it from loading.
#include <LabLoader.h>
#include <Program.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <optional>


namespace {

const QString kBroken = QStringLiteral("tcp-timestamp");  // the lab each case breaks
const QString kGood = QStringLiteral("udp-timestamp");    // the lab beside it that must still load

bool hasHan(const QString &text)
{
    const QList<uint> points = text.toUcs4();
    return std::any_of(points.begin(), points.end(), [](uint c) { return QChar::script(char32_t(c)) == QChar::Script_Han; });
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

bool writeJson(const QString &path, const QJsonObject &o)
{
    return writeAll(path, QJsonDocument(o).toJson());
}

// Copies a built-in lab's files into root/<id>, writable.
bool copyBuiltIn(const QString &id, const QString &root)
{
    const QDir from(LabCatalog::builtInRoot() + QLatin1Char('/') + id);
    const QString to = root + QLatin1Char('/') + id;
    if (!QDir().mkpath(to))
        return false;
    const QStringList files = from.entryList(QDir::Files);
    for (const QString &name : files) {
        if (!writeAll(to + QLatin1Char('/') + name, readAll(from.filePath(name))))
            return false;
    }
    return !files.isEmpty();
}

// Edits a nested value of a JSON object: path like {"panes", 0, "steps", "accept", "line"}.
QJsonValue editJson(const QJsonValue &node, QVariantList path, const std::function<QJsonValue(const QJsonValue &)> &edit)
{
    if (path.isEmpty())
        return edit(node);
    const QVariant key = path.takeFirst();
    if (key.typeId() == QMetaType::Int) {
        QJsonArray a = node.toArray();
        a[key.toInt()] = editJson(a.at(key.toInt()), path, edit);
        return a;
    }
    QJsonObject o = node.toObject();
    const QJsonValue changed = editJson(o.value(key.toString()), path, edit);
    if (changed.isUndefined())
        o.remove(key.toString());
    else
        o.insert(key.toString(), changed);
    return o;
}

enum class Break {
    InvalidJson, NotAnObject, IdDiffersFromFolder, UnknownProgram, StepLinePastEnd, StepLineWithoutCall,
    ProgramStepMissing, UnknownStepId, MissingZhTitle, MissingZhExplanation, ListingNotUtf8, LessonMissing,
    ParamDefaultOutOfRange, FollowsNamesNothing, DuplicatePaneId, DefaultNotAChoice, ChoicesOnIntParam,
    TooManyCopies
};

struct Expected {
    QString file;
    std::optional<QString> place;          // exact place; nullopt: checked by placePattern
    QRegularExpression placePattern;       // used when place is nullopt
    QStringList messageParts;              // each must occur in the message
};

} // namespace

Q_DECLARE_METATYPE(Break)

class TestLabLoader : public QObject {
    Q_OBJECT

private:
    // Breaks one thing in root/tcp-timestamp; says which error it must give.
    Expected breakLab(Break kind, const QString &root);

private slots:
    void builtInLabsLoad();
    void bothLanguagesPresent();
    void stepLinesContainTheirCalls();
    void everyProgramStepHasALine();
    void listingsRenderParameterValues();
    void malformedLab_data();
    void malformedLab();
    void userRootOverridesBuiltIn();
};

void TestLabLoader::builtInLabsLoad()
{
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    QStringList problems;
    for (const LabError &e : catalog.errors())
        problems << e.toString();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // Every folder of labs/ holding a lab.json is a loaded lab, found by its id.
    const QDir root(LabCatalog::builtInRoot());
    QStringList folders;
    for (const QString &folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFile::exists(root.filePath(folder + QStringLiteral("/lab.json"))))
            folders << folder;
    }
    QVERIFY(folders.contains(QStringLiteral("tcp-timestamp")));
    QVERIFY(folders.contains(QStringLiteral("udp-timestamp")));
    QCOMPARE(catalog.labs().size(), folders.size());
    for (const QString &folder : folders) {
        const LabDefinition *lab = catalog.find(folder);
        QVERIFY2(lab, qPrintable(folder));
        QCOMPARE(lab->id, folder);
        QVERIFY(!lab->panes.isEmpty());
        for (const PaneDefinition &pane : lab->panes) {
            QVERIFY2(findProgram(pane.program.toStdString()), qPrintable(pane.program));
            QVERIFY(!pane.listing.isEmpty());
        }
    }
    // The embedded labs are those of the source tree's labs/, which load from there too.
    LabCatalog fromSource;
    fromSource.loadFrom(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../labs"));
    QVERIFY(fromSource.errors().isEmpty());
    QStringList sourceIds;
    for (const LabDefinition &lab : fromSource.labs())
        sourceIds << lab.id;
    sourceIds.sort();
    QCOMPARE(sourceIds, folders);
    // The catalog lists labs in lesson order.
    for (qsizetype i = 1; i < catalog.labs().size(); ++i)
        QVERIFY(catalog.labs().at(i - 1).order <= catalog.labs().at(i).order);
    QVERIFY(!catalog.find(QStringLiteral("no-such-lab")));
}

void TestLabLoader::bothLanguagesPresent()
{
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(!catalog.labs().isEmpty());
    auto check = [](const LocalizedText &text, const QString &what) {
        if (text.en.trimmed().isEmpty())
            return what + QStringLiteral(": no English text");
        if (text.zhCN.trimmed().isEmpty())
            return what + QStringLiteral(": no Chinese text");
        if (!hasHan(text.zhCN))
            return what + QStringLiteral(": the zh_CN text has no Chinese characters: ") + text.zhCN;
        if (text.in(QStringLiteral("zh_CN")) != text.zhCN || text.in(QStringLiteral("en")) != text.en)
            return what + QStringLiteral(": in() does not pick the language");
        return QString();
    };
    QStringList problems;
    for (const LabDefinition &lab : catalog.labs()) {
        problems << check(lab.title, lab.id + QStringLiteral(".title")) << check(lab.lesson, lab.id + QStringLiteral(".lesson"));
        for (const PaneDefinition &pane : lab.panes) {
            const QString at = lab.id + QLatin1Char('.') + pane.id;
            problems << check(pane.title, at + QStringLiteral(".title"));
            QVERIFY(!pane.steps.isEmpty());
            for (const StepDefinition &step : pane.steps)
                problems << check(step.explanation, at + QStringLiteral(".steps.") + step.id);
            for (const ParamDefinition &param : pane.params)
                problems << check(param.label, at + QStringLiteral(".params.") + param.name);
        }
    }
    problems.removeAll(QString());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestLabLoader::stepLinesContainTheirCalls()
{
    // Read lab.json and the listings here, so a loader that skipped the check cannot pass.
    const QDir root(LabCatalog::builtInRoot());
    int checked = 0;
    QStringList problems;
    for (const QString &folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = root.filePath(folder);
        if (!QFile::exists(dir + QStringLiteral("/lab.json")))
            continue;
        const QJsonArray panes = readJson(dir + QStringLiteral("/lab.json")).value(QStringLiteral("panes")).toArray();
        QVERIFY2(!panes.isEmpty(), qPrintable(folder));
        for (const QJsonValue &paneValue : panes) {
            const QJsonObject pane = paneValue.toObject();
            const ProgramInfo *program = findProgram(pane.value(QStringLiteral("program")).toString().toStdString());
            QVERIFY2(program, qPrintable(folder + QStringLiteral(": ") + pane.value(QStringLiteral("program")).toString()));
            const QStringList listing = QString::fromUtf8(readAll(dir + QLatin1Char('/') + pane.value(QStringLiteral("listing")).toString()))
                                            .split(QLatin1Char('\n'));
            const QJsonObject steps = pane.value(QStringLiteral("steps")).toObject();
            for (auto it = steps.begin(); it != steps.end(); ++it) {
                const ProgramStep *declared = program->findStep(it.key().toStdString());
                const int line = it.value().toObject().value(QStringLiteral("line")).toInt();
                const QString where = QStringLiteral("%1/%2 step %3 line %4").arg(folder, pane.value(QStringLiteral("id")).toString(), it.key()).arg(line);
                if (!declared)
                    problems << where + QStringLiteral(": the program has no such step");
                else if (line < 1 || line > listing.size())
                    problems << where + QStringLiteral(": outside the listing");
                else if (!listing.at(line - 1).contains(QString::fromStdString(declared->call)))
                    problems << where + QStringLiteral(": \"") + listing.at(line - 1) + QStringLiteral("\" lacks ") + QString::fromStdString(declared->call);
                ++checked;
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(checked >= 30);  // both timestamp labs, four panes: far more than a handful of steps
}

void TestLabLoader::everyProgramStepHasALine()
{
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(!catalog.labs().isEmpty());
    for (const LabDefinition &lab : catalog.labs()) {
        for (const PaneDefinition &pane : lab.panes) {
            const ProgramInfo *program = findProgram(pane.program.toStdString());
            QVERIFY(program);
            QCOMPARE(pane.steps.size(), qsizetype(program->steps.size()));
            for (const ProgramStep &step : program->steps) {
                const QString id = QString::fromStdString(step.id);
                QVERIFY2(pane.steps.contains(id), qPrintable(lab.id + QLatin1Char('/') + pane.id + QLatin1Char(' ') + id));
                const int line = pane.steps.value(id).line;
                QVERIFY(line >= 1 && line <= pane.listing.size());
                QVERIFY2(pane.listing.at(line - 1).contains(QString::fromStdString(step.call)), qPrintable(pane.listing.at(line - 1)));
            }
            for (const std::string &name : program->params)
                QVERIFY2(pane.param(QString::fromStdString(name)), name.c_str());
        }
    }
}

void TestLabLoader::listingsRenderParameterValues()
{
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    QVERIFY(!catalog.labs().isEmpty());
    int substituted = 0;
    for (const LabDefinition &lab : catalog.labs()) {
        for (const PaneDefinition &pane : lab.panes) {
            const QStringList defaults = pane.renderedListing({});
            QCOMPARE(defaults.size(), pane.listing.size());
            QHash<QString, QString> values;
            for (const ParamDefinition &p : pane.params)
                values.insert(p.name, p.type == ParamDefinition::Type::Int ? QString::number(p.maximum) : QStringLiteral("host-%1").arg(p.name));
            const QStringList rendered = pane.renderedListing(values);
            for (qsizetype i = 0; i < pane.listing.size(); ++i) {
                QVERIFY2(!defaults.at(i).contains(QLatin1String("{{")), qPrintable(defaults.at(i)));
                QVERIFY2(!rendered.at(i).contains(QLatin1String("{{")), qPrintable(rendered.at(i)));
                for (const ParamDefinition &p : pane.params) {
                    if (!pane.listing.at(i).contains(QStringLiteral("{{%1}}").arg(p.name)))
                        continue;
                    QVERIFY2(defaults.at(i).contains(p.defaultValue), qPrintable(defaults.at(i)));
                    QVERIFY2(rendered.at(i).contains(values.value(p.name)), qPrintable(rendered.at(i)));
                    ++substituted;
                }
            }
        }
    }
    QVERIFY(substituted >= 4);  // every listing shows at least its port and BUFSIZ
}

Expected TestLabLoader::breakLab(Break kind, const QString &root)
{
    const QString dir = root + QLatin1Char('/') + kBroken;
    const QString json = dir + QStringLiteral("/lab.json");
    const QString jsonName = kBroken + QStringLiteral("/lab.json");
    QJsonObject lab = readJson(json);
    const QJsonObject server = lab.value(QStringLiteral("panes")).toArray().at(0).toObject();
    const QString serverListing = server.value(QStringLiteral("listing")).toString();
    const QStringList listing = QString::fromUtf8(readAll(dir + QLatin1Char('/') + serverListing)).split(QLatin1Char('\n'));
    const ProgramInfo *serverProgram = findProgram(server.value(QStringLiteral("program")).toString().toStdString());
    auto edit = [&](const QVariantList &path, const QJsonValue &value) {
        lab = editJson(lab, path, [&](const QJsonValue &) { return value; }).toObject();
        writeJson(json, lab);
    };
    auto remove = [&](const QVariantList &path) { edit(path, QJsonValue(QJsonValue::Undefined)); };
    auto lineOf = [&](const QString &call) {
        for (qsizetype i = 0; i < listing.size(); ++i) {
            if (listing.at(i).contains(call))
                return int(i) + 1;
        }
        return 0;
    };

    switch (kind) {
    case Break::InvalidJson: {
        // One bad line inserted after the third: the error must point at it.
        QList<QByteArray> lines = readAll(json).split('\n');
        const QByteArray bad = "  \"broken\": ,";
        lines.insert(3, bad);
        writeAll(json, lines.join('\n'));
        const int column = int(bad.indexOf(',')) + 1;
        // Qt points at the offending character or just past it.
        return {jsonName, std::nullopt,
                QRegularExpression(QStringLiteral("^line 4, column (%1|%2)$").arg(column).arg(column + 1)), {}};
    }
    case Break::NotAnObject:
        writeAll(json, "[1, 2, 3]\n");
        return {jsonName, QString(), {}, {QStringLiteral("JSON object")}};
    case Break::IdDiffersFromFolder:
        edit({QStringLiteral("id")}, QStringLiteral("tcp-timestamp-2"));
        return {jsonName, QStringLiteral("id"), {}, {QStringLiteral("tcp-timestamp-2"), kBroken}};
    case Break::UnknownProgram:
        edit({QStringLiteral("panes"), 1, QStringLiteral("program")}, QStringLiteral("no-such-program"));
        return {jsonName, QStringLiteral("panes[1].program"), {}, {QStringLiteral("no-such-program")}};
    case Break::StepLinePastEnd: {
        const int past = int(listing.size()) + 5;
        edit({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("accept"), QStringLiteral("line")}, past);
        return {jsonName, QStringLiteral("panes[0].steps.accept.line"), {}, {QString::number(past), serverListing}};
    }
    case Break::StepLineWithoutCall: {
        const int bindLine = lineOf(QString::fromStdString(serverProgram->findStep("bind")->call));
        edit({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("accept"), QStringLiteral("line")}, bindLine);
        return {jsonName, QStringLiteral("panes[0].steps.accept.line"), {},
                {QString::fromStdString(serverProgram->findStep("accept")->call), listing.at(bindLine - 1).trimmed(), serverListing}};
    }
    case Break::ProgramStepMissing:
        remove({QStringLiteral("panes"), 1, QStringLiteral("steps"), QStringLiteral("recv")});
        return {jsonName, QStringLiteral("panes[1].steps"), {}, {QStringLiteral("\"recv\""), QStringLiteral("tcp-timestamp-client")}};
    case Break::UnknownStepId: {
        QJsonObject step = server.value(QStringLiteral("steps")).toObject().value(QStringLiteral("listen")).toObject();
        edit({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("listen-twice")}, step);
        return {jsonName, QStringLiteral("panes[0].steps.listen-twice"), {}, {QStringLiteral("listen-twice"), QStringLiteral("tcp-timestamp-server")}};
    }
    case Break::MissingZhTitle:
        remove({QStringLiteral("title"), QStringLiteral("zh_CN")});
        return {jsonName, QStringLiteral("title"), {}, {QStringLiteral("zh_CN")}};
    case Break::MissingZhExplanation:
        remove({QStringLiteral("panes"), 1, QStringLiteral("steps"), QStringLiteral("connect"), QStringLiteral("explain"), QStringLiteral("zh_CN")});
        return {jsonName, QStringLiteral("panes[1].steps.connect.explain"), {}, {QStringLiteral("zh_CN")}};
    case Break::ListingNotUtf8:
        writeAll(dir + QLatin1Char('/') + serverListing, QByteArray("\xff\xfe", 2));
        return {kBroken + QLatin1Char('/') + serverListing, QString(), {}, {QStringLiteral("UTF-8")}};
    case Break::LessonMissing: {
        const QString lesson = lab.value(QStringLiteral("lesson")).toObject().value(QStringLiteral("zh_CN")).toString();
        QFile::remove(dir + QLatin1Char('/') + lesson);
        return {kBroken + QLatin1Char('/') + lesson, QString(), {}, {QStringLiteral("cannot be read")}};
    }
    case Break::ParamDefaultOutOfRange: {
        const QJsonObject port = server.value(QStringLiteral("params")).toArray().at(1).toObject();
        const qlonglong max = qlonglong(port.value(QStringLiteral("max")).toDouble());
        edit({QStringLiteral("panes"), 0, QStringLiteral("params"), 1, QStringLiteral("default")}, double(max + 1));
        return {jsonName, QStringLiteral("panes[0].params[1].default"), {},
                {port.value(QStringLiteral("name")).toString(), QString::number(qlonglong(port.value(QStringLiteral("min")).toDouble())), QString::number(max)}};
    }
    case Break::FollowsNamesNothing:
        edit({QStringLiteral("panes"), 1, QStringLiteral("params"), 1, QStringLiteral("follows")}, QStringLiteral("server.nothing"));
        return {jsonName, QStringLiteral("panes[1].params[1].follows"), {}, {QStringLiteral("server.nothing")}};
    case Break::DuplicatePaneId:
        edit({QStringLiteral("panes"), 1, QStringLiteral("id")}, QStringLiteral("server"));
        return {jsonName, QStringLiteral("panes[1].id"), {}, {QStringLiteral("\"server\"")}};
    case Break::DefaultNotAChoice:  // the host (a string) may only be one of two others
        edit({QStringLiteral("panes"), 0, QStringLiteral("params"), 0, QStringLiteral("choices")},
             QJsonArray{QStringLiteral("::1"), QStringLiteral("0.0.0.0")});
        return {jsonName, QStringLiteral("panes[0].params[0].default"), {}, {QStringLiteral("::1, 0.0.0.0")}};
    case Break::ChoicesOnIntParam:
        edit({QStringLiteral("panes"), 0, QStringLiteral("params"), 1, QStringLiteral("choices")}, QJsonArray{QStringLiteral("1")});
        return {jsonName, QStringLiteral("panes[0].params[1].choices"), {}, {QStringLiteral("string")}};
    case Break::TooManyCopies:
        edit({QStringLiteral("panes"), 1, QStringLiteral("copies")}, 40);
        return {jsonName, QStringLiteral("panes[1].copies"), {}, {QStringLiteral("8")}};
    }
    return {};
}

void TestLabLoader::malformedLab_data()
{
    QTest::addColumn<Break>("kind");
    QTest::newRow("invalid JSON") << Break::InvalidJson;
    QTest::newRow("not an object") << Break::NotAnObject;
    QTest::newRow("id differs from folder") << Break::IdDiffersFromFolder;
    QTest::newRow("unknown program") << Break::UnknownProgram;
    QTest::newRow("step line past end") << Break::StepLinePastEnd;
    QTest::newRow("step line without its call") << Break::StepLineWithoutCall;
    QTest::newRow("program step missing") << Break::ProgramStepMissing;
    QTest::newRow("unknown step id") << Break::UnknownStepId;
    QTest::newRow("too many copies") << Break::TooManyCopies;
    QTest::newRow("missing zh_CN title") << Break::MissingZhTitle;
    QTest::newRow("missing zh_CN explanation") << Break::MissingZhExplanation;
    QTest::newRow("listing not UTF-8") << Break::ListingNotUtf8;
    QTest::newRow("lesson file missing") << Break::LessonMissing;
    QTest::newRow("param default out of range") << Break::ParamDefaultOutOfRange;
    QTest::newRow("follows names nothing") << Break::FollowsNamesNothing;
    QTest::newRow("duplicate pane id") << Break::DuplicatePaneId;
    QTest::newRow("default not among the choices") << Break::DefaultNotAChoice;
    QTest::newRow("choices on an int parameter") << Break::ChoicesOnIntParam;
}

void TestLabLoader::malformedLab()
{
    QFETCH(Break, kind);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(copyBuiltIn(kBroken, root.path()));
    QVERIFY(copyBuiltIn(kGood, root.path()));

    // The untouched copy loads: whatever fails below is the one thing this row broke.
    {
        QList<LabError> errors;
        QVERIFY(LabLoader::load(root.path() + QLatin1Char('/') + kBroken, errors));
        QVERIFY(errors.isEmpty());
    }
    const Expected expected = breakLab(kind, root.path());

    LabCatalog catalog;
    catalog.loadFrom(root.path());
    QStringList shown;
    for (const LabError &e : catalog.errors())
        shown << e.toString();
    const QString all = shown.join(QLatin1Char('\n'));
    QVERIFY2(!catalog.errors().isEmpty(), "a broken lab gave no error");
    QVERIFY2(!catalog.find(kBroken), qPrintable(all));

    bool found = false;
    for (const LabError &e : catalog.errors()) {
        QVERIFY2(e.file.startsWith(kBroken + QLatin1Char('/')), qPrintable(e.toString()));  // never blames the good lab
        QVERIFY2(!e.message.trimmed().isEmpty(), qPrintable(e.toString()));
        const bool placeMatches = expected.place ? e.place == *expected.place : expected.placePattern.match(e.place).hasMatch();
        const bool messageMatches = std::all_of(expected.messageParts.begin(), expected.messageParts.end(),
                                                [&](const QString &part) { return e.message.contains(part); });
        if (e.file == expected.file && placeMatches && messageMatches)
            found = true;
    }
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1: %2: ...%3...; got:\n%4")
                                   .arg(expected.file, expected.place.value_or(expected.placePattern.pattern()),
                                        expected.messageParts.join(QStringLiteral("..."))).arg(all)));

    // The good lab beside it loads all the same.
    const LabDefinition *good = catalog.find(kGood);
    QVERIFY(good);
    QCOMPARE(catalog.labs().size(), qsizetype(1));
    QCOMPARE(good->directory, root.path() + QLatin1Char('/') + kGood);
    QVERIFY(!good->panes.isEmpty());
}

void TestLabLoader::userRootOverridesBuiltIn()
{
    LabCatalog builtIn;
    builtIn.loadFrom(LabCatalog::builtInRoot());
    const LabDefinition *original = builtIn.find(kBroken);
    QVERIFY(original);

    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(copyBuiltIn(kBroken, root.path()));
    const QString json = root.path() + QLatin1Char('/') + kBroken + QStringLiteral("/lab.json");
    QJsonObject lab = readJson(json);
    QJsonObject title = lab.value(QStringLiteral("title")).toObject();
    const QString mine = title.value(QStringLiteral("en")).toString() + QStringLiteral(" (my class)");
    title.insert(QStringLiteral("en"), mine);
    lab.insert(QStringLiteral("title"), title);
    QVERIFY(writeJson(json, lab));

    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    catalog.loadFrom(root.path());
    QVERIFY(catalog.errors().isEmpty());
    QCOMPARE(catalog.labs().size(), builtIn.labs().size());  // replaced, not added
    const LabDefinition *found = catalog.find(kBroken);
    QVERIFY(found);
    QCOMPARE(found->title.en, mine);
    QVERIFY(found->title.en != original->title.en);
    QCOMPARE(found->directory, root.path() + QLatin1Char('/') + kBroken);
    QCOMPARE(found->order, original->order);
    QCOMPARE(std::count_if(catalog.labs().begin(), catalog.labs().end(), [](const LabDefinition &l) { return l.id == kBroken; }), 1);
    // The other built-in labs are untouched.
    const LabDefinition *other = catalog.find(kGood);
    QVERIFY(other);
    QCOMPARE(other->directory, LabCatalog::builtInRoot() + QLatin1Char('/') + kGood);
}

QTEST_GUILESS_MAIN(TestLabLoader)
#include "tst_labloader.moc"
