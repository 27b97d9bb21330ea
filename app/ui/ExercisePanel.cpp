#include "ExercisePanel.h"

#include <algorithm>

#include <QLabel>
#include <QVBoxLayout>

ExercisePanel::ExercisePanel(QWidget *parent) : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Exercises"));
    clear();
}

void ExercisePanel::clear()
{
    m_boxes.clear();
    delete takeWidget();  // the boxes with it; a check still running stops
    setWidget(new QWidget);
}

void ExercisePanel::setLab(const LabDefinition &lab, LabProgress *progress, const QString &language,
                           std::function<ExerciseAnswer()> answer)
{
    clear();
    auto *column = new QVBoxLayout(widget());
    if (lab.exercises.isEmpty()) {
        auto *none = new QLabel(tr("This lab has no exercises."));
        none->setWordWrap(true);
        column->addWidget(none);
    }
    for (const ExerciseDefinition &exercise : lab.exercises) {
        auto *box = new ExerciseBox(lab, exercise, progress, language, answer);
        m_boxes << box;
        column->addWidget(box);
    }
    column->addStretch();
}

ExerciseBox *ExercisePanel::box(const QString &exerciseId) const
{
    for (ExerciseBox *b : m_boxes) {
        if (b->exerciseId() == exerciseId)
            return b;
    }
    return nullptr;
}

bool ExercisePanel::isChecking() const
{
    return std::any_of(m_boxes.cbegin(), m_boxes.cend(), [](const ExerciseBox *box) { return box->isChecking(); });
}
