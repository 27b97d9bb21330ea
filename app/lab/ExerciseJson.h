// lab.json's "exercises": parsed and checked against the lab's panes and parameters, every
// problem reported with its place ("exercises[0].script[3].waitFor.pane").
#pragma once

#include "Exercise.h"
#include "LabJsonReader.h"

QList<ExerciseDefinition> readExercises(LabJsonReader &r, const QJsonValue &v, const LabDefinition &lab);
// One condition: {"pane": "client2", "printed": "hello"}, {"pane": "server", "state": "blocked", "in": "accept"} ...
Condition readCondition(LabJsonReader &r, const QJsonValue &v, const QString &place, const LabDefinition &lab);
