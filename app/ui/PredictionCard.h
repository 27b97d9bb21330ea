// One prediction, as the learner meets it: before the step runs, the question with its
// choices (or a box for a number), Commit and Skip; after the learner commits, a line saying
// the step runs; once it has run, the answer beside what really happened, right or not (in
// words, not only colour), with the explanation, and Continue.
//
// The classroom form (presentation mode) is the same card made for a projector: large
// type, the choices as lettered buttons for a show of hands, and the teacher commits the
// class's answer after the vote, which reveals it.
#pragma once

#include <Prediction.h>

#include <QFrame>

struct PredictionOutcome;
class QAbstractButton;
class QButtonGroup;
class QLabel;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

class PredictionCard : public QFrame {
    Q_OBJECT
public:
    enum class Form { AtPane, Classroom };
    enum class Stage { Asking, Running, Revealed };

    PredictionCard(const PredictionDefinition &prediction, const QString &caption, const QString &language, Form form,
                   QWidget *parent = nullptr);

    const QString &predictionId() const { return m_prediction.id; }
    Form form() const { return m_form; }
    Stage stage() const { return m_stage; }

    // The learner's answer as the card shows it: a choice's index, the number, or -1 (none yet).
    int answer() const;
    void choose(int answer);  // as clicking a choice or typing the number
    QAbstractButton *choiceButton(int index) const;
    QSpinBox *numberBox() const { return m_number; }
    QPushButton *commitButton() const { return m_commit; }
    QPushButton *skipButton() const { return m_skip; }
    QPushButton *continueButton() const { return m_continue; }
    QString verdictText() const;    // "Right", "Not this time", "Skipped", as shown
    QString happenedText() const;   // what happened, as shown

    void reveal(const PredictionOutcome &outcome);

signals:
    void committed(int answer);
    void skipped();
    void dismissed();

private:
    QString choiceText(int index) const;
    QString observedText(const PredictionOutcome &outcome) const;
    void setStage(Stage stage);
    void updateCommit();

    const PredictionDefinition m_prediction;
    const QString m_language;
    const Form m_form;
    Stage m_stage = Stage::Asking;
    QLabel *m_status;
    QButtonGroup *m_choices;
    QSpinBox *m_number = nullptr;
    QWidget *m_askRow;
    QPushButton *m_commit;
    QPushButton *m_skip;
    QLabel *m_verdict;
    QLabel *m_happened;
    QLabel *m_explanation;
    QPushButton *m_continue;
};
