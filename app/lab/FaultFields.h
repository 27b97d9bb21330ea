// The injected faults of FaultSettings by name, as lab.json, `--set PANE.recvMax=4` and the
// window's fault controls spell them: one table, so a new fault is added in one place.
#pragma once

#include <FaultPlan.h>

#include <QList>
#include <QString>

struct FaultField {
    enum class Unit { Bytes, Milliseconds, Times };
    const char *name;  // "recvMax"
    Unit unit;
    long long (*get)(const socketlab::FaultSettings &);
    void (*set)(socketlab::FaultSettings &, long long);
};

namespace FaultFields {
constexpr long long kMost = 60'000;  // a minute, or 60000 bytes: larger is a mistake

const QList<FaultField> &all();  // in the order a form shows them
const FaultField *find(const QString &name);
QString names();  // "recvMax, nextRecvMax, ..." for an error message
// Sets the fault called name to value (a whole number, 0 ... kMost). Returns why not, or "".
QString assign(socketlab::FaultSettings &settings, const QString &name, const QString &value);
} // namespace FaultFields
