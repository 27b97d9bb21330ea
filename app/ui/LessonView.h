// The lesson text: the lab's Markdown in the window's font, its headings scaled from that
// font. Qt sizes Markdown headings for a page, not a side column: a title of four words
// would take six lines.
//
// A lesson may show images and link to pages. Images load only from the lab's own folder
// (the loader already refused lessons that name anything outside it); a click on a web link
// opens the browser, and nothing else is ever followed - a lesson never navigates the view
// away, nor opens a local file. A lesson not yet translated says so above its text.
#pragma once

#include <QTextBrowser>

class LessonView : public QTextBrowser {
    Q_OBJECT
public:
    explicit LessonView(QWidget *parent = nullptr);
    // labDirectory: where the lab was loaded from (":/labs/x" for a built-in one); note: a
    // line shown above the lesson ("not yet in Chinese ..."), empty for none.
    void setLesson(const QString &markdown, const QString &labDirectory = {}, const QString &note = {});
    QString note() const { return m_note; }

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    void linkRefused(const QUrl &url);  // a click on a link that is not a web address

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void follow(const QUrl &url);
    QString fileInLab(const QString &relative) const;

    QString m_markdown;
    QString m_directory;
    QString m_note;
};
