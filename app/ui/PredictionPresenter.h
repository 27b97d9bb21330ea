// Shows a lab's predictions in the window while it runs: a PredictionTracker asks them; each
// question appears as a card over its pane's lower part (covering the step's explanation,
// which would give the answer away), or, in presentation mode, over the whole window for a
// class vote. The card's answer goes to the tracker; the reveal comes back to the card and
// into the learner's progress. A question withdrawn (its pane stopped, the lab Reset) takes
// its card with it.
#pragma once

#include <LabDefinition.h>

#include <QHash>
#include <QObject>
#include <QPointer>

class LabProgress;
class LabSession;
class MainWindow;
class PredictionCard;
class PredictionTracker;
struct PredictionOutcome;

class PredictionPresenter : public QObject {
    Q_OBJECT
public:
    PredictionPresenter(MainWindow &window, LabSession &session, LabProgress *progress, const QString &language,
                        QObject *parent = nullptr);
    void setLanguage(const QString &language) { m_language = language; }  // for the cards asked from now on
    ~PredictionPresenter() override;

    PredictionTracker *tracker() const { return m_tracker; }
    PredictionCard *card(const QString &predictionId) const;
    QList<PredictionCard *> cards() const;
    void setClassroom(bool on);  // presentation mode: cards fill the window

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void show(const PredictionDefinition &prediction);
    void place(PredictionCard *card);
    void drop(const QString &predictionId);
    QWidget *hostFor(const PredictionDefinition &prediction) const;

    MainWindow &m_window;
    LabSession &m_session;
    LabProgress *m_progress;
    QString m_language;
    bool m_classroom = false;
    PredictionTracker *m_tracker;
    QHash<QString, QPointer<PredictionCard>> m_cards;
    QHash<QString, PredictionDefinition> m_shown;  // what each card asks, to rebuild it for another form
};
