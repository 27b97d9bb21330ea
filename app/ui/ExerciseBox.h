// One exercise of the open lab: its task; Check, which runs the exercise's check on real
// sockets with the learner's answer (ExerciseCheck, event-driven: the window never waits
// for it); the result of each property in the learner's language; graduated hints, each
// one shown counted in the learner's progress; and whether it has passed.
#pragma once

#include <Exercise.h>
#include <LabDefinition.h>

#include <FaultPlan.h>

#include <QGroupBox>

#include <functional>
#include <memory>

class ExerciseCheck;
class LabProgress;
class QLabel;
class QPushButton;

// What the learner answers with: "pane.param" -> value, and faults they set on panes.
struct ExerciseAnswer {
    QHash<QString, QString> params;
    QHash<QString, socketlab::FaultSettings> faults;
};

class ExerciseBox : public QGroupBox {
    Q_OBJECT
public:
    ExerciseBox(const LabDefinition &lab, const ExerciseDefinition &exercise, LabProgress *progress, const QString &language,
                std::function<ExerciseAnswer()> answer, QWidget *parent = nullptr);
    ~ExerciseBox() override;

    const QString &exerciseId() const { return m_exercise.id; }
    QPushButton *checkButton() const { return m_check; }
    QPushButton *hintButton() const { return m_hint; }
    QLabel *resultLabel() const { return m_results; }
    QLabel *hintLabel() const { return m_hints; }
    QLabel *stateLabel() const { return m_state; }
    bool isChecking() const;

public slots:
    void check();
    void showNextHint();

signals:
    void checked(bool passed);

private:
    void showResults();
    void showHints();
    void showState();
    QString variantText(const QString &variantName) const;

    const LabDefinition m_lab;
    const ExerciseDefinition m_exercise;
    LabProgress *m_progress;
    const QString m_language;
    std::function<ExerciseAnswer()> m_answer;
    std::unique_ptr<ExerciseCheck> m_running;
    QString m_answerShown;  // what the last check ran with, in words
    QLabel *m_state;
    QLabel *m_results;
    QLabel *m_hints;
    QPushButton *m_check;
    QPushButton *m_hint;
};
