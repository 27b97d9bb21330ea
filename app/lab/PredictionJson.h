// lab.json's "predictions": parsed and checked against the lab's panes and their steps.
#pragma once

#include "LabJsonReader.h"
#include "Prediction.h"

QList<PredictionDefinition> readPredictions(LabJsonReader &r, const QJsonValue &v, const LabDefinition &lab);
