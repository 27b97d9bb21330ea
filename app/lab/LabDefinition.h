// A lab as its lab.json describes it: panes, the program each runs, the listing it
// shows, its parameters, and for every step the listing line and its explanation in
// English and Chinese. Plain data, loaded and checked by LabLoader.
#pragma once

#include "Exercise.h"
#include "LocalizedText.h"
#include "Prediction.h"

#include <FaultPlan.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>


struct ParamDefinition {
    enum class Type { Int, String };
    QString name;
    Type type = Type::String;
    QString defaultValue;
    qlonglong minimum = 0;
    qlonglong maximum = 0;
    LocalizedText label;
    QString follows;  // "server.port": take what that pane published, when it has
    QStringList choices;  // a string parameter with "choices": the only values it takes

    // Empty when value is acceptable, else why not (translated).
    QString check(const QString &value) const;
};

struct StepDefinition {
    QString id;
    int line = 0;  // 1-based line of the listing, found from the step's anchor (StepAnchors.h)
    LocalizedText explanation;
    bool hold = false;  // the pane stops here even when running, until Run or Step lets it on
};

struct PaneDefinition {
    QString id;
    LocalizedText title;
    QString program;
    QString listingFile;
    QStringList listing;  // lines, with {{name}} where a parameter's value goes
    QList<ParamDefinition> params;
    QHash<QString, StepDefinition> steps;
    socketlab::FaultSettings faults;  // injected into the pane's sockets from the start ("faults")
    int copies = 1;    // how many of this pane a learner may run at once ("add client")
    QString copyOf;    // for an added copy: the pane it copies ("client" for "client2")
    // "servesOwnClientsOnly": a lesson's server that serves its lab's own clients its own way
    // (one client and exit, a reply that is no answer to the request, no reply at all), not
    // any client again and again: tst_hostilepeers checks that peers cannot break it, not
    // what it answers.
    bool servesOwnClientsOnly = false;

    QString originalId() const { return copyOf.isEmpty() ? id : copyOf; }
    const ParamDefinition *param(const QString &name) const;
    // The listing with parameter values in place of their {{name}} markers.
    QStringList renderedListing(const QHash<QString, QString> &values) const;
};

struct LabDefinition {
    QString id;
    int order = 0;
    LocalizedText title;
    LocalizedText lesson;  // Markdown
    QList<PaneDefinition> panes;
    QString directory;     // where it was loaded from (":/labs/..." for built-in labs)
    QList<ExerciseDefinition> exercises;  // "exercises": tasks checked from what happens (Exercise.h)
    // An exercise's own panes ("panes" in the exercise, by its id): programs only its check runs
    // beside the lab's, such as a client that probes the learner's server; never in the window.
    QHash<QString, QList<PaneDefinition>> exercisePanes;
    QList<PredictionDefinition> predictions;  // "predictions": questions before key steps (Prediction.h)
    QStringList untranslated;   // places in lab.json (or lesson files) with no Chinese text: English is shown
    QString replacesDirectory;  // a teacher's lab with a built-in lab's id: the folder it replaces

    const PaneDefinition *pane(const QString &id) const;
    // This lab as an exercise's check runs it: its panes and the exercise's own.
    LabDefinition forExercise(const QString &exerciseId) const;
};

// A problem in a lab file: which file, where in it, and what is wrong.
struct LabError {
    QString file;
    QString place;  // "panes[1].steps.accept.line", or "line 12, column 4" for JSON syntax
    QString message;
    QString toString() const;
};
