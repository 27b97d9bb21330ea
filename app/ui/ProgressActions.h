// What a learner (or teacher) does with the progress kept between runs: start a lab afresh,
// or every lab, after a confirmation; and export a small report a teacher can collect, as
// JSON, Markdown or HTML (LabProgress::reportJson / reportMarkdown), through a file dialog.
#pragma once

#include <LabDefinition.h>

#include <QObject>

class LabProgress;
class QWidget;

class ProgressActions : public QObject {
    Q_OBJECT
public:
    ProgressActions(QWidget *dialogParent, LabProgress *progress, QList<LabDefinition> labs, const QString &language,
                    QObject *parent = nullptr);

    // With a confirmation; true when the progress was forgotten.
    bool resetLab(const QString &labId);
    bool resetAll();
    // Asks for the learner's name and a file (its suffix chooses the format); true when written.
    bool exportWithDialog();
    // The report to file: .json as JSON, .html/.htm as HTML, anything else as Markdown.
    bool exportTo(const QString &file, const QString &learner) const;
    void setLanguage(const QString &language) { m_language = language; }  // of the report and the lab titles

private:
    QString titleOf(const QString &labId) const;

    QWidget *m_dialogParent;
    LabProgress *m_progress;
    QList<LabDefinition> m_labs;
    QString m_language;
};
