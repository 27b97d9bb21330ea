// What a learner has done in each lab, kept between runs: the distinct steps (pane.step)
// reached at least once, out of all the steps the lab defines; the predictions answered
// (right, wrong or skipped); the exercises passed; the hints used. A lab with exercises is
// completed when all of them passed, whatever else was run; one without, when every step
// was reached.
//
// Fed by PaneRunner::stepReached, which at full speed repeats the same few steps thousands
// of times a second: a step already reached costs three hash look-ups, and only a step seen
// for the first time is written to QSettings (group "progress/<labId>"). GUI thread only.
#pragma once

#include "LabDefinition.h"

#include <QHash>
#include <QObject>
#include <QSet>

class LabProgress : public QObject {
    Q_OBJECT
public:
    explicit LabProgress(QObject *parent = nullptr);  // the application's QSettings

    // The labs whose steps count, with what earlier runs reached. Steps a lab no longer
    // defines (its file changed) are not counted, and dropped at the next write.
    void addLab(const LabDefinition &lab);
    void setLabs(const QList<LabDefinition> &labs);

    // A step of a known lab reached; anything else (an unknown lab, pane or step) is ignored.
    void recordStep(const QString &labId, const QString &paneId, const QString &stepId);

    int stepsReached(const QString &labId) const;
    int stepCount(const QString &labId) const;      // all the steps the lab defines
    double fraction(const QString &labId) const;    // 0 ... 1; 0 for an unknown lab
    double fraction(const LabDefinition &lab) const { return fraction(lab.id); }
    bool completed(const QString &labId) const;
    bool reached(const QString &labId, const QString &paneId, const QString &stepId) const;

    // The self-study record. An unknown lab or id is ignored. The latest answer of a
    // prediction counts; an exercise once passed stays passed; a hint level once shown stays.
    void recordPrediction(const QString &labId, const QString &predictionId, bool skipped, bool right);
    void recordExercise(const QString &labId, const QString &exerciseId, bool passed);
    void recordHint(const QString &labId, const QString &exerciseId, int level);  // level 1, 2 ...
    struct Summary {
        int stepsReached = 0, steps = 0;
        int predictionsAnswered = 0, predictionsRight = 0, predictionsSkipped = 0, predictions = 0;
        int exercisesPassed = 0, exercises = 0;
        int hintsUsed = 0;
        bool completed = false;
    };
    Summary summary(const QString &labId) const;
    bool exercisePassed(const QString &labId, const QString &exerciseId) const;
    int hintsShown(const QString &labId, const QString &exerciseId) const;  // the highest level shown, 0 if none

    // A report a teacher can collect: every lab's summary, as JSON, or as Markdown in a language.
    QByteArray reportJson(const QList<LabDefinition> &labs, const QString &learner) const;
    QString reportMarkdown(const QList<LabDefinition> &labs, const QString &learner, const QString &language) const;

public slots:
    void forget(const QString &labId);  // start the lab afresh, also on disk
    void forgetAll();

signals:
    void changed(const QString &labId);

private:
    struct Lab {
        QHash<QString, QSet<QString>> defined;  // pane -> its steps
        QHash<QString, QSet<QString>> reached;  // pane -> the steps reached
        int total = 0;
        int reachedCount = 0;
        QSet<QString> predictions, exercises;       // what the lab defines
        QHash<QString, QString> answers;            // prediction -> "right", "wrong" or "skipped"
        QSet<QString> passed;                       // exercises passed
        QHash<QString, int> hints;                  // exercise -> highest hint level shown
    };
    Lab *known(const QString &labId);
    void save(const QString &labId, const Lab &lab) const;
    static QString group(const QString &labId) { return QStringLiteral("progress/") + labId; }

    QHash<QString, Lab> m_labs;
};
