#include "LabJsonReader.h"

#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <functional>

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
    struct Field {
        const char *name;
        std::function<void(qlonglong)> set;
    };
    const Field fields[] = {
        {"recvMax", [&](qlonglong n) { f.recvMax = std::size_t(n); }},
        {"nextRecvMax", [&](qlonglong n) { f.nextRecvMax = std::size_t(n); }},
        {"sendPiece", [&](qlonglong n) { f.sendPiece = std::size_t(n); }},
        {"coalesceMs", [&](qlonglong n) { f.coalesceMs = int(n); }},
        {"delayMs", [&](qlonglong n) { f.delayMs = int(n); }},
        {"refuseConnects", [&](qlonglong n) { f.refuseConnects = int(n); }},
        {"dropDatagrams", [&](qlonglong n) { f.dropDatagrams = int(n); }},
    };
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto field = std::find_if(std::begin(fields), std::end(fields),
                                        [&](const Field &x) { return it.key() == QLatin1String(x.name); });
        QStringList known;
        for (const Field &x : fields)
            known << QLatin1String(x.name);
        if (field == std::end(fields)) {
            r.fail(LabJsonReader::join(place, it.key()), LabJsonReader::tr("is not a fault SocketLab knows (%1)").arg(known.join(QStringLiteral(", "))));
            continue;
        }
        const std::optional<qlonglong> n = r.integer(o, it.key(), place);
        constexpr qlonglong kMost = 60'000;  // a minute, or 60000 bytes: larger is a mistake
        if (n && (*n < 0 || *n > kMost))
            r.fail(LabJsonReader::join(place, it.key()), LabJsonReader::tr("must be from 0 to %1").arg(kMost));
        else if (n)
            field->set(*n);
    }
    return f;
}

