#include "LabFolder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

namespace {

constexpr qint64 kMaxLabFileBytes = 1 << 20;  // lab files are small; a huge one is a mistake

struct Tr {  // lupdate reads the context from this declaration
    Q_DECLARE_TR_FUNCTIONS(LabLoader)
};

QString canonicalOrClean(const QString &path)
{
    // Qt's resource files (the built-in labs) have no canonical path on disk; they hold no links.
    if (path.startsWith(QLatin1Char(':')))
        return QDir::cleanPath(path);
    return QFileInfo(path).canonicalFilePath();
}

} // namespace

LabFolder::LabFolder(const QString &directory) : m_dir(directory)
{
    m_root = canonicalOrClean(directory);
    if (!m_root.endsWith(QLatin1Char('/')))
        m_root += QLatin1Char('/');
}

QString LabFolder::shownName(const QString &relative) const
{
    return name() + QLatin1Char('/') + relative;
}

std::optional<QString> LabFolder::resolve(const QString &relative, const QString &jsonPlace, QList<LabError> &errors) const
{
    const QString jsonName = shownName(QStringLiteral("lab.json"));
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.startsWith(QLatin1Char(':'))) {
        errors.append({jsonName, jsonPlace, Tr::tr("\"%1\" must be the name of a file in the lab's folder, not an absolute path").arg(relative)});
        return std::nullopt;
    }
    const QString path = m_dir.filePath(relative);
    if (!QFileInfo::exists(path)) {
        // Said before resolving, so a missing file is reported as missing, not as outside.
        errors.append({shownName(relative), {}, Tr::tr("cannot be read: no such file in the lab's folder")});
        return std::nullopt;
    }
    const QString resolved = canonicalOrClean(path);
    if (resolved.isEmpty() || !resolved.startsWith(m_root)) {
        errors.append({jsonName, jsonPlace, Tr::tr("\"%1\" lies outside the lab's folder (through \"..\" or a link): a lab may only use its own files").arg(relative)});
        return std::nullopt;
    }
    return resolved;
}

std::optional<QString> LabFolder::readText(const QString &relative, const QString &jsonPlace, QList<LabError> &errors) const
{
    const std::optional<QString> path = resolve(relative, jsonPlace, errors);
    if (!path)
        return std::nullopt;
    const QString shown = shownName(relative);
    QFile f(*path);
    if (!QFileInfo(*path).isFile() || !f.open(QIODevice::ReadOnly)) {
        errors.append({shown, {}, Tr::tr("cannot be read: %1").arg(f.errorString())});
        return std::nullopt;
    }
    if (f.size() > kMaxLabFileBytes) {
        errors.append({shown, {}, Tr::tr("is too large (%1 bytes; at most %2)").arg(f.size()).arg(kMaxLabFileBytes)});
        return std::nullopt;
    }
    const QByteArray bytes = f.read(kMaxLabFileBytes + 1);
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(bytes);
    if (utf8.hasError() || bytes.contains('\0')) {
        errors.append({shown, {}, Tr::tr("is not valid UTF-8 text")});
        return std::nullopt;
    }
    return text;
}

std::optional<QString> LabFolder::readListing(const QString &relative, const QString &jsonPlace, QList<LabError> &errors) const
{
    static const QRegularExpression besideThisLab(QStringLiteral("^\\.\\./([A-Za-z0-9_-]+)/([^/]+)$"));
    const QRegularExpressionMatch m = besideThisLab.match(relative);
    if (!m.hasMatch())
        return readText(relative, jsonPlace, errors);
    // The other folder must sit beside this one (no link leads elsewhere) and be a lab.
    const QString other = QDir::cleanPath(m_dir.filePath(QStringLiteral("../") + m.captured(1)));
    const QString parent = canonicalOrClean(QDir::cleanPath(m_dir.filePath(QStringLiteral(".."))));
    const QString otherCanonical = canonicalOrClean(other);
    if (otherCanonical.isEmpty() || QFileInfo(otherCanonical).path() != parent
        || !QFileInfo::exists(other + QStringLiteral("/lab.json"))) {
        errors.append({shownName(QStringLiteral("lab.json")), jsonPlace,
                       Tr::tr("\"%1\" lies outside the lab's folder and not in a lab beside it: a listing may only be a file of this lab or of a lab in the same folder").arg(relative)});
        return std::nullopt;
    }
    // Read there, but say what went wrong in this lab's words: the file as this lab names it.
    const LabFolder otherLab(other);
    QList<LabError> found;
    std::optional<QString> text = otherLab.readText(m.captured(2), jsonPlace, found);
    for (LabError &e : found) {
        e.file = e.file == otherLab.shownName(m.captured(2)) ? shownName(relative) : shownName(QStringLiteral("lab.json"));
        errors.append(e);
    }
    return text;
}

void LabFolder::checkLessonReferences(const QString &markdown, const QString &lessonFile, QList<LabError> &errors) const
{
    // Markdown images and links ![alt](target), reference definitions [id]: target, and the
    // src or href of raw HTML: anything the lesson view could load.
    static const QRegularExpression references(QStringLiteral(
        R"(\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|(?:src|href)\s*=\s*["']?([^"'\s>]+))"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression web(QStringLiteral("^(https?|mailto):"), QRegularExpression::CaseInsensitiveOption);
    for (auto it = references.globalMatch(markdown); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString target = m.captured(1) + m.captured(2) + m.captured(3);
        if (target.startsWith(QLatin1Char('#')) || web.match(target).hasMatch())
            continue;  // an anchor in the lesson, or a web page the browser opens
        target = target.section(QLatin1Char('#'), 0, 0);
        const int line = int(markdown.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
        const QString place = Tr::tr("line %1").arg(line);
        QList<LabError> found;
        if (target.startsWith(QLatin1String("file:"), Qt::CaseInsensitive) || QDir::isAbsolutePath(target)
            || target.contains(QLatin1String("://")) || !resolve(target, {}, found)) {
            errors.append({shownName(lessonFile), place,
                           Tr::tr("refers to \"%1\", which is not a file of the lab's folder").arg(target)});
        }
    }
}
