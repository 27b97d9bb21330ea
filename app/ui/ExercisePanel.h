// The open lab's exercises, one ExerciseBox each, in a scrolled column: the window's
// "Exercises" panel. A lab without exercises says so.
#pragma once

#include "ExerciseBox.h"

#include <QScrollArea>

class ExercisePanel : public QScrollArea {
    Q_OBJECT
public:
    explicit ExercisePanel(QWidget *parent = nullptr);

    // Shows this lab's exercises; answer() gives what the learner answers with at each Check.
    void setLab(const LabDefinition &lab, LabProgress *progress, const QString &language, std::function<ExerciseAnswer()> answer);
    void clear();
    bool isChecking() const;  // a box's check is running
    QList<ExerciseBox *> boxes() const { return m_boxes; }
    ExerciseBox *box(const QString &exerciseId) const;

private:
    QList<ExerciseBox *> m_boxes;
};
