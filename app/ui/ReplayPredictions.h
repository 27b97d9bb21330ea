// A saved run's predictions. Replaying a run someone else made must not show a learner what
// happens at a prediction's step before they have said what they expect: the timeline stops
// where the pane reached that step (its line marked, not yet run) and the question's card
// asks, over the recorded pane, as it would have live. Commit or Skip lets the timeline go
// on to the next question, and steps once, so the recording itself shows what happened.
//
// The file carries no questions: they are the lab's as installed here (LabCatalog), found by
// the run's lab id, so a run made elsewhere meets the questions of this SocketLab; a run of a
// lab not installed here asks none.
//
// An answer counts in the learner's progress as a live run's does: right or wrong as the
// recording shows what the step did (PredictionJudge, the live run's judgement), or skipped.
//
// A live run needs none of this: its recording only holds what has run, and the pane waits
// for the answer before the step runs.
#pragma once

#include <Prediction.h>
#include <PredictionJudge.h>

#include <QObject>
#include <QPointer>

#include <cstdint>
#include <optional>
#include <vector>

class LabCatalog;
class LabProgress;
class PredictionCard;
class ReplayController;
class RunRecording;

class ReplayPredictions : public QObject {
    Q_OBJECT
public:
    struct Ask {
        std::int64_t timeNs;  // when the pane reached the step, before running it
        PredictionDefinition prediction;
    };
    // Where a recording reaches each of these predictions, in time order; a prediction whose
    // step the run never reached is not in it.
    static std::vector<Ask> askMoments(const RunRecording &recording, const QList<PredictionDefinition> &predictions);
    // The answer judged against what the recording shows the step did; nullopt when the
    // recording ends before the step has run.
    static std::optional<PredictionOutcome> judge(const RunRecording &recording, const Ask &ask, PredictionOutcome answer);

    // progress: where answers count (may be null).
    ReplayPredictions(ReplayController *controller, const LabCatalog &catalog, LabProgress *progress, const QString &language,
                      QObject *parent = nullptr);
    const std::vector<Ask> &asks() const { return m_asks; }  // the saved run's questions, in time order
    ~ReplayPredictions() override;

    void setAsking(bool ask);  // off (Lab ▸ Ask predictions): a saved run plays to its end
    void setLanguage(const QString &language) { m_language = language; }  // the next card's
    const PredictionDefinition *pending() const;  // the question the timeline waits at, if any
    PredictionCard *card() const;  // the question's card, while one asks

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sourceChanged();
    void limitToNext();
    void momentChanged(std::int64_t timeNs);
    void showCard();
    void placeCard();
    void dropCard();
    void answered(PredictionOutcome answer);

    ReplayController *m_controller;
    const LabCatalog &m_catalog;
    LabProgress *m_progress;
    QString m_language;
    bool m_asking = true;
    std::vector<Ask> m_asks;
    std::size_t m_next = 0;  // the first question not answered
    QPointer<PredictionCard> m_card;
};
