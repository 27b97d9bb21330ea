#include "LabJsonReader.h"

#include "FaultFields.h"

#include <QJsonObject>
#include <QStringList>

socketlab::FaultSettings readFaults(LabJsonReader &r, const QJsonValue &v, const QString &place)
{
    socketlab::FaultSettings f;
    if (v.isUndefined())
        return f;
    if (!v.isObject()) {
        r.fail(place, LabJsonReader::tr("must be an object of faults, e.g. {\"recvMax\": 5}"));
        return f;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const FaultField *field = FaultFields::find(it.key());
        if (!field) {
            r.fail(LabJsonReader::join(place, it.key()), LabJsonReader::tr("is not a fault SocketLab knows (%1)").arg(FaultFields::names()));
            continue;
        }
        const std::optional<qlonglong> n = r.integer(o, it.key(), place);
        if (n && (*n < 0 || *n > FaultFields::kMost))
            r.fail(LabJsonReader::join(place, it.key()), LabJsonReader::tr("must be from 0 to %1").arg(FaultFields::kMost));
        else if (n)
            field->set(f, *n);
    }
    return f;
}

