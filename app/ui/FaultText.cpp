#include "FaultText.h"

#include <QStringList>

QString FaultText::label(const FaultField &field)
{
    const QLatin1String name(field.name);
    if (name == QLatin1String("recvMax"))
        return tr("Every recv() returns at most");
    if (name == QLatin1String("nextRecvMax"))
        return tr("The next recv() returns at most");
    if (name == QLatin1String("sendPiece"))
        return tr("Every send() takes at most (a short send)");
    if (name == QLatin1String("coalesceMs"))
        return tr("Every recv() first waits, so sends arrive together");
    if (name == QLatin1String("delayMs"))
        return tr("Every send() and sendto() is delayed by");
    if (name == QLatin1String("refuseConnects"))
        return tr("The next connect() calls are refused");
    if (name == QLatin1String("dropDatagrams"))
        return tr("The next datagrams sent are lost");
    return name;
}

QString FaultText::unit(const FaultField &field)
{
    switch (field.unit) {
    case FaultField::Unit::Bytes: return tr(" B");
    case FaultField::Unit::Milliseconds: return tr(" ms");
    case FaultField::Unit::Times: return tr(" ×");
    }
    return {};
}

QString FaultText::describe(const socketlab::FaultSettings &faults)
{
    QStringList parts;
    for (const FaultField &field : FaultFields::all()) {
        const long long value = field.get(faults);
        if (value > 0)
            parts << QStringLiteral("%1 %2%3").arg(label(field)).arg(value).arg(unit(field));
    }
    return parts.join(QStringLiteral("; "));
}
