#include "LessonView.h"

#include <LabFolder.h>

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFontInfo>
#include <QImage>
#include <QTextBlock>
#include <QTextCursor>

namespace {
constexpr qint64 kMostImageBytes = 8 * 1024 * 1024;  // a lesson's picture, not a photo archive
} // namespace

LessonView::LessonView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenExternalLinks(false);
    setOpenLinks(false);  // every click is decided in follow(): the view never navigates
    connect(this, &QTextBrowser::anchorClicked, this, &LessonView::follow);
}

void LessonView::setLesson(const QString &markdown, const QString &labDirectory, const QString &note)
{
    m_markdown = markdown;
    m_directory = labDirectory;
    m_note = note;
    render();
}

void LessonView::follow(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        QDesktopServices::openUrl(url);
    else
        emit linkRefused(url);
}

// The file a lesson names, if it is one of its lab's files; "" for anything else (another
// folder, a path leading out, an absolute path, a web address).
QString LessonView::fileInLab(const QString &relative) const
{
    if (m_directory.isEmpty() || relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.contains(QLatin1String("://")))
        return {};
    if (m_directory.startsWith(QLatin1String(":/"))) {  // a built-in lab: inside the program's resources
        const QString path = QDir::cleanPath(m_directory + QLatin1Char('/') + relative);
        return path.startsWith(m_directory + QLatin1Char('/')) ? path : QString();
    }
    QList<LabError> ignored;  // a lesson with a reference outside its lab did not load at all
    return LabFolder(m_directory).resolve(relative, {}, ignored).value_or(QString());
}

QVariant LessonView::loadResource(int type, const QUrl &name)
{
    if (type != QTextDocument::ImageResource)
        return {};  // style sheets, other documents: a lesson is its own Markdown only
    const QString path = name.isRelative() && name.scheme().isEmpty() ? fileInLab(name.path()) : QString();
    if (path.isEmpty())
        return {};
    QFile file(path);
    // A regular file only: opening a FIFO a lab folder might hold would block the window.
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() > kMostImageBytes || !file.open(QIODevice::ReadOnly))
        return {};
    const QImage image = QImage::fromData(file.read(kMostImageBytes));
    return image.isNull() ? QVariant() : QVariant(image);
}

void LessonView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::FontChange) {  // zoom and presentation mode
        document()->setDefaultFont(font());
        render();
    }
}

void LessonView::render()
{
    QString markdown = m_markdown;
    if (!m_note.isEmpty())
        markdown = QStringLiteral("> ⚠ %1\n\n").arg(m_note) + markdown;
    setMarkdown(markdown);
    const double base = QFontInfo(font()).pointSizeF() > 0 ? QFontInfo(font()).pointSizeF() : 10.0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level <= 0)
            continue;
        QTextCursor cursor(block);
        cursor.select(QTextCursor::BlockUnderCursor);
        QTextCharFormat heading;
        heading.setFontPointSize(base * (level == 1 ? 1.45 : level == 2 ? 1.2 : 1.05));
        heading.setFontWeight(QFont::Bold);
        cursor.mergeCharFormat(heading);
    }
}
