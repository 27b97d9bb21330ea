// tst_labloader: the lab catalog and loader. Every built-in lab loads, speaks English and
// Chinese, anchors each program step on the one listing line that makes the call it claims
// (checked here from lab.json and the listing directly, not through the loader), and renders
// its parameters; each kind of malformed lab yields a LabError naming the file, the place and
// the problem, without keeping the good labs beside it from loading; a lab reads no file
// outside its own folder.
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

// Copies a built-in lab's files into root/<id> (or root/<as>), writable.
bool copyBuiltIn(const QString &id, const QString &root, const QString &as = {})
{
    const QDir from(LabCatalog::builtInRoot() + QLatin1Char('/') + id);
    const QString to = root + QLatin1Char('/') + (as.isEmpty() ? id : as);
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
    InvalidJson, NotAnObject, IdDiffersFromFolder, UnknownProgram, LineNumberGiven, AnchorWithoutCall,
    AnchorOnSeveralLines, AnchorNowhere, CallAmbiguousWithoutAnchor, ProgramStepMissing, UnknownStepId,
    ListingNotUtf8, LessonMissing, ParamDefaultOutOfRange, FollowsNamesNothing, DuplicatePaneId,
    DefaultNotAChoice, ChoicesOnIntParam, TooManyCopies, CopiesBeyondAnyInteger, ParamDefaultBeyondAnyInteger, LikeNamesNothing, ListingUpAndOut, ListingAbsolute,
    ListingLinkedOut, LessonLinkedOut, LessonImageOutside, ListingBesideInNoLab, ListingBesideMissing
};

// A file outside every lab folder whose bytes must never reach an error or a definition.
const QByteArray kSecret = "SECRET-3f9c2e: nothing of this may appear";

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
    void failedLabIsListed();
    void listingOfALabBeside();
    void missingChineseLoadsWithNote();
    void likeCopiesAPane();
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
    // lab.json and the listings are read here, and each step's line found from its anchor by
    // this test's own search, so a loader that skipped a check or picked another line cannot pass.
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    const QDir root(LabCatalog::builtInRoot());
    int checked = 0;
    QStringList problems;
    for (const QString &folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = root.filePath(folder);
        if (!QFile::exists(dir + QStringLiteral("/lab.json")))
            continue;
        const LabDefinition *lab = catalog.find(folder);
        QVERIFY2(lab, qPrintable(folder));
        const QJsonArray panes = readJson(dir + QStringLiteral("/lab.json")).value(QStringLiteral("panes")).toArray();
        QVERIFY2(!panes.isEmpty(), qPrintable(folder));
        for (const QJsonValue &paneValue : panes) {
            QJsonObject pane = paneValue.toObject();
            const QString paneId = pane.value(QStringLiteral("id")).toString();
            for (const QJsonValue &other : panes) {  // "like": the pane it copies
                if (other.toObject().value(QStringLiteral("id")) == pane.value(QStringLiteral("like")))
                    pane = other.toObject();
            }
            const ProgramInfo *program = findProgram(pane.value(QStringLiteral("program")).toString().toStdString());
            QVERIFY2(program, qPrintable(folder + QStringLiteral(": ") + pane.value(QStringLiteral("program")).toString()));
            const QStringList listing = QString::fromUtf8(readAll(dir + QLatin1Char('/') + pane.value(QStringLiteral("listing")).toString()))
                                            .split(QLatin1Char('\n'));
            const QJsonObject steps = pane.value(QStringLiteral("steps")).toObject();
            for (auto it = steps.begin(); it != steps.end(); ++it) {
                const ProgramStep *declared = program->findStep(it.key().toStdString());
                const QString where = QStringLiteral("%1/%2 step %3").arg(folder, paneId, it.key());
                if (!declared) {
                    problems << where + QStringLiteral(": the program has no such step");
                    continue;
                }
                const QString call = QString::fromUtf8(declared->call);
                const QString at = it.value().toObject().value(QStringLiteral("at")).toString();
                const QString anchor = at.isEmpty() ? call : at;
                QList<int> lines;
                for (qsizetype i = 0; i < listing.size(); ++i) {
                    if (listing.at(i).contains(anchor))
                        lines << int(i) + 1;
                }
                if (lines.size() != 1) {
                    problems << where + QStringLiteral(": \"%1\" is on %2 lines").arg(anchor).arg(lines.size());
                    continue;
                }
                if (!listing.at(lines.first() - 1).contains(call))
                    problems << where + QStringLiteral(": \"") + listing.at(lines.first() - 1) + QStringLiteral("\" lacks ") + call;
                const PaneDefinition *loaded = lab->pane(paneId);
                if (!loaded || loaded->steps.value(it.key()).line != lines.first())
                    problems << where + QStringLiteral(": the loader put it on line %1, not %2").arg(loaded ? loaded->steps.value(it.key()).line : -1).arg(lines.first());
                ++checked;
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(checked >= 80);  // six labs, thirteen panes: far more than a handful of steps
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
            QCOMPARE(pane.steps.size(), qsizetype(program->steps.steps().size()));
            for (const ProgramStep &step : program->steps.steps()) {
                const QString id = QString::fromUtf8(step.id);
                QVERIFY2(pane.steps.contains(id), qPrintable(lab.id + QLatin1Char('/') + pane.id + QLatin1Char(' ') + id));
                const int line = pane.steps.value(id).line;
                QVERIFY(line >= 1 && line <= pane.listing.size());
                QVERIFY2(pane.listing.at(line - 1).contains(QString::fromUtf8(step.call)), qPrintable(pane.listing.at(line - 1)));
            }
            for (const ProgramParam &param : program->params)
                QVERIFY2(pane.param(QString::fromUtf8(param.name)), param.name);
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
    case Break::LineNumberGiven:
        edit({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("accept"), QStringLiteral("line")}, 17);
        return {jsonName, QStringLiteral("panes[0].steps.accept.line"), {}, {QStringLiteral("\"at\"")}};
    case Break::AnchorWithoutCall:  // the bind line is unique, but it does not accept()
        edit({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("accept"), QStringLiteral("at")},
             QStringLiteral("tcpSerSock.bind(ADDR)"));
        return {jsonName, QStringLiteral("panes[0].steps.accept.at"), {},
                {QString::fromUtf8(serverProgram->findStep("accept")->call), serverListing, QString::number(lineOf(QStringLiteral("tcpSerSock.bind(")))}};
    case Break::AnchorOnSeveralLines:
        edit({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("accept"), QStringLiteral("at")}, QStringLiteral("tcpSerSock"));
        return {jsonName, QStringLiteral("panes[0].steps.accept.at"), {}, {QStringLiteral("\"tcpSerSock\""), serverListing}};
    case Break::AnchorNowhere:
        edit({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("accept"), QStringLiteral("at")}, QStringLiteral("no such text"));
        return {jsonName, QStringLiteral("panes[0].steps.accept.at"), {}, {QStringLiteral("no such text"), serverListing}};
    case Break::CallAmbiguousWithoutAnchor:  // both print() lines of tsTserv.py would do
        remove({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("print-waiting"), QStringLiteral("at")});
        return {jsonName, QStringLiteral("panes[0].steps.print-waiting"), {}, {QStringLiteral("\"print(\""), QStringLiteral("\"at\"")}};
    case Break::ProgramStepMissing:
        remove({QStringLiteral("panes"), 1, QStringLiteral("steps"), QStringLiteral("recv")});
        return {jsonName, QStringLiteral("panes[1].steps"), {}, {QStringLiteral("\"recv\""), QStringLiteral("tcp-timestamp-client")}};
    case Break::UnknownStepId: {
        QJsonObject step = server.value(QStringLiteral("steps")).toObject().value(QStringLiteral("listen")).toObject();
        edit({QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("listen-twice")}, step);
        return {jsonName, QStringLiteral("panes[0].steps.listen-twice"), {}, {QStringLiteral("listen-twice"), QStringLiteral("tcp-timestamp-server")}};
    }
    case Break::LikeNamesNothing:
        edit({QStringLiteral("panes"), 1, QStringLiteral("like")}, QStringLiteral("nobody"));
        return {jsonName, QStringLiteral("panes[1].like"), {}, {QStringLiteral("nobody")}};
    case Break::ListingUpAndOut:
        edit({QStringLiteral("panes"), 0, QStringLiteral("listing")}, QStringLiteral("../secret.txt"));
        return {jsonName, QStringLiteral("panes[0].listing"), {}, {QStringLiteral("../secret.txt"), QStringLiteral("outside")}};
    case Break::ListingBesideInNoLab:  // a folder beside that holds no lab.json is no lab
        QDir(root).mkdir(QStringLiteral("notalab"));
        writeAll(root + QStringLiteral("/notalab/secret.py"), kSecret);
        edit({QStringLiteral("panes"), 0, QStringLiteral("listing")}, QStringLiteral("../notalab/secret.py"));
        return {jsonName, QStringLiteral("panes[0].listing"), {}, {QStringLiteral("../notalab/secret.py"), QStringLiteral("outside")}};
    case Break::ListingBesideMissing: {
        const QString named = QStringLiteral("../%1/missing.py").arg(kGood);
        edit({QStringLiteral("panes"), 0, QStringLiteral("listing")}, named);
        return {kBroken + QLatin1Char('/') + named, QString(), {}, {QStringLiteral("no such file")}};
    }
    case Break::ListingAbsolute:
        edit({QStringLiteral("panes"), 0, QStringLiteral("listing")}, root + QStringLiteral("/secret.txt"));
        return {jsonName, QStringLiteral("panes[0].listing"), {}, {QStringLiteral("absolute")}};
    case Break::ListingLinkedOut:
        QFile::link(root + QStringLiteral("/secret.txt"), dir + QStringLiteral("/linked.py"));
        edit({QStringLiteral("panes"), 0, QStringLiteral("listing")}, QStringLiteral("linked.py"));
        return {jsonName, QStringLiteral("panes[0].listing"), {}, {QStringLiteral("linked.py"), QStringLiteral("outside")}};
    case Break::LessonLinkedOut: {
        const QString lesson = lab.value(QStringLiteral("lesson")).toObject().value(QStringLiteral("en")).toString();
        QFile::remove(dir + QLatin1Char('/') + lesson);
        QFile::link(QStringLiteral("../secret.txt"), dir + QLatin1Char('/') + lesson);
        return {jsonName, QStringLiteral("lesson.en"), {}, {lesson, QStringLiteral("outside")}};
    }
    case Break::LessonImageOutside: {
        const QString lesson = lab.value(QStringLiteral("lesson")).toObject().value(QStringLiteral("zh_CN")).toString();
        const QByteArray text = readAll(dir + QLatin1Char('/') + lesson);
        writeAll(dir + QLatin1Char('/') + lesson, text + "\n![secret](../secret.txt)\n");
        return {kBroken + QLatin1Char('/') + lesson, QStringLiteral("line %1").arg(text.count('\n') + 2), {},
                {QStringLiteral("../secret.txt")}};
    }
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
    case Break::CopiesBeyondAnyInteger:  // the fuzzer's find: a cast of 6.2e20 to an integer was undefined
        edit({QStringLiteral("panes"), 1, QStringLiteral("copies")}, 6.2e20);
        return {jsonName, QStringLiteral("panes[1].copies"), {}, {QStringLiteral("whole number")}};
    case Break::ParamDefaultBeyondAnyInteger: {
        const QJsonObject port = server.value(QStringLiteral("params")).toArray().at(1).toObject();
        edit({QStringLiteral("panes"), 0, QStringLiteral("params"), 1, QStringLiteral("default")}, 1e300);
        return {jsonName, QStringLiteral("panes[0].params[1].default"), {}, {port.value(QStringLiteral("name")).toString()}};
    }
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
    QTest::newRow("a line number instead of an anchor") << Break::LineNumberGiven;
    QTest::newRow("anchor on a line without the call") << Break::AnchorWithoutCall;
    QTest::newRow("anchor on several lines") << Break::AnchorOnSeveralLines;
    QTest::newRow("anchor on no line") << Break::AnchorNowhere;
    QTest::newRow("call on several lines, no anchor") << Break::CallAmbiguousWithoutAnchor;
    QTest::newRow("program step missing") << Break::ProgramStepMissing;
    QTest::newRow("unknown step id") << Break::UnknownStepId;
    QTest::newRow("too many copies") << Break::TooManyCopies;
    QTest::newRow("copies beyond any integer") << Break::CopiesBeyondAnyInteger;
    QTest::newRow("param default beyond any integer") << Break::ParamDefaultBeyondAnyInteger;
    QTest::newRow("like names no pane") << Break::LikeNamesNothing;
    QTest::newRow("listing ../ out of the folder") << Break::ListingUpAndOut;
    QTest::newRow("listing beside, in a folder that is no lab") << Break::ListingBesideInNoLab;
    QTest::newRow("listing beside, no such file") << Break::ListingBesideMissing;
    QTest::newRow("listing by absolute path") << Break::ListingAbsolute;
    QTest::newRow("listing linked out of the folder") << Break::ListingLinkedOut;
    QTest::newRow("lesson linked out of the folder") << Break::LessonLinkedOut;
    QTest::newRow("lesson image outside the folder") << Break::LessonImageOutside;
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
    QVERIFY(writeAll(root.path() + QStringLiteral("/secret.txt"), kSecret));
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
        QVERIFY2(!e.toString().toUtf8().contains(kSecret.left(12)), qPrintable(e.toString()));  // nothing read outside
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

void TestLabLoader::listingOfALabBeside()
{
    // "mirror" is tcp-timestamp without its client listing: its client shows the one beside.
    QTemporaryDir root;
    QTemporaryDir elsewhere;
    QVERIFY(root.isValid() && elsewhere.isValid());
    QVERIFY(copyBuiltIn(kBroken, root.path()));
    QVERIFY(copyBuiltIn(kBroken, root.path(), QStringLiteral("mirror")));
    const QString mirror = root.path() + QStringLiteral("/mirror");
    QJsonObject lab = readJson(mirror + QStringLiteral("/lab.json"));
    lab.insert(QStringLiteral("id"), QStringLiteral("mirror"));  // a lab's id is its folder's name
    const QString clientListing = lab.value(QStringLiteral("panes")).toArray().at(1).toObject().value(QStringLiteral("listing")).toString();
    QVERIFY(QFile::remove(mirror + QLatin1Char('/') + clientListing));
    const auto pointClientAt = [&](const QString &listing) {
        return writeJson(mirror + QStringLiteral("/lab.json"),
                         editJson(lab, {QStringLiteral("panes"), 1, QStringLiteral("listing")}, [&](const QJsonValue &) { return listing; }).toObject());
    };

    QVERIFY(pointClientAt(QStringLiteral("../%1/%2").arg(kBroken, clientListing)));
    QList<LabError> errors;
    const std::optional<LabDefinition> loaded = LabLoader::load(mirror, errors);
    QVERIFY2(loaded && errors.isEmpty(), qPrintable(errors.value(0).toString()));
    const std::optional<LabDefinition> original = LabLoader::load(root.path() + QLatin1Char('/') + kBroken, errors);
    QVERIFY(original);
    QCOMPARE(loaded->panes.at(1).listing, original->panes.at(1).listing);

    // A lab "beside" through a link to a folder elsewhere is not beside: refused, unread.
    QVERIFY(QDir(elsewhere.path()).mkdir(QStringLiteral("lab")));
    QVERIFY(writeAll(elsewhere.path() + QStringLiteral("/lab/lab.json"), "{}"));
    QVERIFY(writeAll(elsewhere.path() + QStringLiteral("/lab/secret.py"), kSecret));
    QVERIFY(QFile::link(elsewhere.path() + QStringLiteral("/lab"), root.path() + QStringLiteral("/linked")));
    QVERIFY(pointClientAt(QStringLiteral("../linked/secret.py")));
    errors.clear();
    QVERIFY(!LabLoader::load(mirror, errors));
    QCOMPARE(errors.size(), qsizetype(1));
    QCOMPARE(errors.front().place, QStringLiteral("panes[1].listing"));
    QVERIFY2(errors.front().message.contains(QLatin1String("outside")), qPrintable(errors.front().toString()));
    QVERIFY(!errors.front().toString().toUtf8().contains(kSecret.left(12)));
}

void TestLabLoader::failedLabIsListed()
{
    // A lab that fails stays visible to the window, by folder and title, with its problems.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(copyBuiltIn(kBroken, root.path()));
    QVERIFY(copyBuiltIn(kGood, root.path()));
    const Expected expected = breakLab(Break::UnknownProgram, root.path());
    LabCatalog catalog;
    catalog.loadFrom(root.path());
    QCOMPARE(catalog.failures().size(), qsizetype(1));
    const LabFailure &failure = catalog.failures().first();
    QCOMPARE(failure.folder, kBroken);
    QCOMPARE(failure.directory, root.path() + QLatin1Char('/') + kBroken);
    QCOMPARE(failure.title, readJson(failure.directory + QStringLiteral("/lab.json")).value(QStringLiteral("title")).toObject().value(QStringLiteral("en")).toString());
    QVERIFY(!failure.title.isEmpty());
    QVERIFY(!failure.errors.isEmpty());
    QCOMPARE(failure.errors.first().place, *expected.place);
    QCOMPARE(catalog.errors().size(), failure.errors.size());  // the terminal gets the same problems
}

void TestLabLoader::missingChineseLoadsWithNote()
{
    // A teacher's lab in English only loads; the places without Chinese are listed for a note.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(copyBuiltIn(kBroken, root.path()));
    const QString dir = root.path() + QLatin1Char('/') + kBroken;
    QJsonObject lab = readJson(dir + QStringLiteral("/lab.json"));
    lab = editJson(lab, {QStringLiteral("title"), QStringLiteral("zh_CN")}, [](const QJsonValue &) { return QJsonValue(QJsonValue::Undefined); }).toObject();
    lab = editJson(lab, {QStringLiteral("lesson"), QStringLiteral("zh_CN")}, [](const QJsonValue &) { return QJsonValue(QJsonValue::Undefined); }).toObject();
    lab = editJson(lab, {QStringLiteral("panes"), 0, QStringLiteral("steps"), QStringLiteral("accept"), QStringLiteral("explain"), QStringLiteral("zh_CN")},
                   [](const QJsonValue &) { return QJsonValue(QJsonValue::Undefined); }).toObject();
    QVERIFY(writeJson(dir + QStringLiteral("/lab.json"), lab));

    QList<LabError> errors;
    const std::optional<LabDefinition> loaded = LabLoader::load(dir, errors);
    QVERIFY2(loaded, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    QVERIFY(errors.isEmpty());
    QCOMPARE(loaded->untranslated, QStringList({QStringLiteral("title"), QStringLiteral("lesson"), QStringLiteral("panes[0].steps.accept.explain")}));
    QVERIFY(!loaded->lesson.has(QStringLiteral("zh_CN")));
    QCOMPARE(loaded->lesson.in(QStringLiteral("zh_CN")), loaded->lesson.en);  // English is shown
    QCOMPARE(loaded->title.in(QStringLiteral("zh_CN")), loaded->title.en);
    QVERIFY(loaded->pane(QStringLiteral("server"))->steps.value(QStringLiteral("listen")).explanation.has(QStringLiteral("zh_CN")));

    // The built-in labs are complete.
    LabCatalog builtIn;
    builtIn.loadFrom(LabCatalog::builtInRoot());
    for (const LabDefinition &l : builtIn.labs())
        QVERIFY2(l.untranslated.isEmpty(), qPrintable(l.id + QStringLiteral(": ") + l.untranslated.join(QStringLiteral(", "))));
}

void TestLabLoader::likeCopiesAPane()
{
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    const LabDefinition *lab = catalog.find(QStringLiteral("socketserver-concurrency"));
    QVERIFY(lab);
    const PaneDefinition *first = lab->pane(QStringLiteral("client1"));
    const PaneDefinition *second = lab->pane(QStringLiteral("client2"));
    QVERIFY(first && second);
    QVERIFY(readJson(lab->directory + QStringLiteral("/lab.json")).value(QStringLiteral("panes")).toArray().at(2).toObject().contains(QStringLiteral("like")));
    QCOMPARE(second->program, first->program);
    QCOMPARE(second->listing, first->listing);
    QCOMPARE(second->steps.keys(), first->steps.keys());
    for (const StepDefinition &step : first->steps) {
        QCOMPARE(second->steps.value(step.id).line, step.line);
        QCOMPARE(second->steps.value(step.id).explanation.zhCN, step.explanation.zhCN);
    }
    QCOMPARE(second->params.size(), first->params.size());
    QVERIFY(second->title.en != first->title.en);  // its own
    QCOMPARE(second->copies, 3);                   // its own
    QCOMPARE(first->copies, 1);
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
    QVERIFY(catalog.notes().isEmpty());
    catalog.loadFrom(root.path());
    QVERIFY(catalog.errors().isEmpty());
    QCOMPARE(catalog.labs().size(), builtIn.labs().size());  // replaced, not added
    // ...and said so: in a note for the terminal, and on the lab for the window.
    QCOMPARE(catalog.notes().size(), qsizetype(1));
    QVERIFY(catalog.notes().first().contains(kBroken));
    QVERIFY(catalog.notes().first().contains(original->directory));
    QCOMPARE(catalog.find(kBroken)->replacesDirectory, original->directory);
    QVERIFY(catalog.find(kGood)->replacesDirectory.isEmpty());
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
