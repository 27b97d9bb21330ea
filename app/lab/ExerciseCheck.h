// Runs an exercise's check: for each variant (the faults it injects), a fresh lab session on
// real loopback sockets with the learner's answer (parameter values, and the faults they set
// on panes the variant leaves alone) and the exercise's fixed values, its script of actions,
// then its properties. Event-driven: start() returns at
// once and finished() reports every property, so the window runs it without freezing and
// `socketlab --check` runs it in a plain event loop.
#pragma once

#include "Exercise.h"
#include "LabDefinition.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class LabSession;
class RunRecord;

struct PropertyResult {
    QString id;
    QString variant;       // which variant it ran under ("" when the exercise has one)
    bool passed = false;
    LocalizedText failure; // the exercise's message for it
    QString detail;        // what happened instead (translated)
    LocalizedText success; // what it means that it passed, when the exercise says
};

class ExerciseCheck : public QObject {
    Q_OBJECT
public:
    // answer: "pane.param" -> value, what the learner chose; faults: pane -> what they injected.
    ExerciseCheck(LabDefinition lab, ExerciseDefinition exercise, QHash<QString, QString> answer,
                  QHash<QString, socketlab::FaultSettings> faults = {}, QObject *parent = nullptr);
    ~ExerciseCheck() override;

    // The learner's own programs, by pane id ("server" -> /path/upper.py): they run in those
    // panes' place (PaneRunner::setLearnerProgram). An exercise that asks for a pane's program
    // fails its "program" property without one.
    void setPrograms(QHash<QString, QString> programs) { m_programs = std::move(programs); }
    void start();
    bool isRunning() const { return m_session != nullptr; }
    const QList<PropertyResult> &results() const { return m_results; }
    bool passed() const;  // every property passed (false until finished)

    // The check's output in one language: "PASS id" / "FAIL id: message (detail)", a line each.
    QStringList report(const QString &language) const;

signals:
    void finished();

private:
    void startVariant();
    void tick();
    void endVariant();
    bool applyAnswer(LabSession &session);  // false: an answer the pane refuses (reported)
    void fail(const QString &id, const LocalizedText &failure, const QString &detail);
    void pass(const QString &id, const LocalizedText &success);
    bool failScript(const QString &why);  // the script cannot go on: ends the variant; false

    const LabDefinition m_lab;  // with the exercise's own panes
    const ExerciseDefinition m_exercise;
    const QHash<QString, QString> m_answer;
    QHash<QString, QString> m_programs;
    const QHash<QString, socketlab::FaultSettings> m_faults;
    QList<PropertyResult> m_results;
    int m_variant = -1;
    int m_action = 0;
    qint64 m_actionStartMs = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
    std::unique_ptr<LabSession> m_session;
    std::unique_ptr<RunRecord> m_record;
};
