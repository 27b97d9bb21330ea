#include "LessonView.h"

#include <QEvent>
#include <QTextBlock>
#include <QTextCursor>

LessonView::LessonView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenExternalLinks(false);
}

void LessonView::setLesson(const QString &markdown)
{
    m_markdown = markdown;
    render();
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
    setMarkdown(m_markdown);
    const double base = font().pointSizeF() > 0 ? font().pointSizeF() : 10.0;
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
