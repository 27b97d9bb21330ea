// What a learner has done in each lab, kept between runs: the distinct steps (pane.step)
// reached at least once, out of all the steps the lab defines. A lab is completed when
// every one of its steps has been reached.
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

public slots:
    void forget(const QString &labId);  // start the lab afresh, also on disk

signals:
    void changed(const QString &labId);

private:
    struct Lab {
        QHash<QString, QSet<QString>> defined;  // pane -> its steps
        QHash<QString, QSet<QString>> reached;  // pane -> the steps reached
        int total = 0;
        int reachedCount = 0;
    };
    void save(const QString &labId, const Lab &lab) const;
    static QString group(const QString &labId) { return QStringLiteral("progress/") + labId; }

    QHash<QString, Lab> m_labs;
};
