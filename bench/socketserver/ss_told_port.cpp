// See ss_told_port.h.
#include "ss_told_port.h"

#include "../bench_support.h"

namespace bench {
namespace {

constexpr int kStartMs = 10000;

} // namespace

std::uint16_t waitForToldPort(QProcess &process, const std::string &what)
{
    QByteArray told;
    while (!told.contains('\n') && process.waitForReadyRead(kStartMs))
        told += process.read(process.bytesAvailable());
    bool ok = false;
    const unsigned port = told.trimmed().toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        die(what + " did not start: " + told.toStdString() + process.readAllStandardError().toStdString()
            + process.errorString().toStdString());
    return static_cast<std::uint16_t>(port);
}

} // namespace bench
