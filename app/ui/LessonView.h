// The lesson text: the lab's Markdown in the window's font, its headings scaled from that
// font. Qt sizes Markdown headings for a page, not a side column: a title of four words
// would take six lines.
#pragma once

#include <QTextBrowser>

class LessonView : public QTextBrowser {
    Q_OBJECT
public:
    explicit LessonView(QWidget *parent = nullptr);
    void setLesson(const QString &markdown);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QString m_markdown;
};
