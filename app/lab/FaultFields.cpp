#include "FaultFields.h"

#include <QCoreApplication>
#include <QStringList>

namespace {
struct Tr {  // lupdate reads the context from this declaration
    Q_DECLARE_TR_FUNCTIONS(FaultFields)
};
} // namespace

using socketlab::FaultSettings;
using U = FaultField::Unit;

const QList<FaultField> &FaultFields::all()
{
    static const QList<FaultField> fields = {
        {"recvMax", U::Bytes, [](const FaultSettings &f) { return static_cast<long long>(f.recvMax); },
         [](FaultSettings &f, long long n) { f.recvMax = std::size_t(n); }},
        {"nextRecvMax", U::Bytes, [](const FaultSettings &f) { return static_cast<long long>(f.nextRecvMax); },
         [](FaultSettings &f, long long n) { f.nextRecvMax = std::size_t(n); }},
        {"sendPiece", U::Bytes, [](const FaultSettings &f) { return static_cast<long long>(f.sendPiece); },
         [](FaultSettings &f, long long n) { f.sendPiece = std::size_t(n); }},
        {"coalesceMs", U::Milliseconds, [](const FaultSettings &f) { return static_cast<long long>(f.coalesceMs); },
         [](FaultSettings &f, long long n) { f.coalesceMs = int(n); }},
        {"delayMs", U::Milliseconds, [](const FaultSettings &f) { return static_cast<long long>(f.delayMs); },
         [](FaultSettings &f, long long n) { f.delayMs = int(n); }},
        {"refuseConnects", U::Times, [](const FaultSettings &f) { return static_cast<long long>(f.refuseConnects); },
         [](FaultSettings &f, long long n) { f.refuseConnects = int(n); }},
        {"dropDatagrams", U::Times, [](const FaultSettings &f) { return static_cast<long long>(f.dropDatagrams); },
         [](FaultSettings &f, long long n) { f.dropDatagrams = int(n); }},
    };
    return fields;
}

const FaultField *FaultFields::find(const QString &name)
{
    for (const FaultField &f : all()) {
        if (name == QLatin1String(f.name))
            return &f;
    }
    return nullptr;
}

QString FaultFields::names()
{
    QStringList out;
    for (const FaultField &f : all())
        out << QLatin1String(f.name);
    return out.join(QStringLiteral(", "));
}

QString FaultFields::assign(FaultSettings &settings, const QString &name, const QString &value)
{
    const FaultField *field = find(name);
    if (!field)
        return Tr::tr("\"%1\" is not a fault SocketLab knows (%2)").arg(name, names());
    bool isNumber = false;
    const long long n = value.trimmed().toLongLong(&isNumber);
    if (!isNumber || n < 0 || n > kMost)
        return Tr::tr("%1 must be a whole number from 0 to %2").arg(name).arg(kMost);
    field->set(settings, n);
    return {};
}
