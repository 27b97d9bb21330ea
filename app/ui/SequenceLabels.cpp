// SequenceModel's words: lifeline headers and call labels, as the diagram prints them.
#include "SequenceModel.h"

#include "SocketText.h"

using namespace socketlab;

namespace {
bool isReceive(TraceCall call)
{
    return call == TraceCall::Recv || call == TraceCall::RecvInto || call == TraceCall::RecvFrom;
}
} // namespace

QString SequenceModel::Lifeline::header() const
{
    return SequenceModel::tr("%1 · fd %2 · %3").arg(owner).arg(fd).arg(SocketText::kindName(family, type));
}

QString SequenceModel::bytesText(std::int64_t bytes)
{
    return tr("%1 B").arg(bytes);
}

QString SequenceModel::callLabel(const Call &c) const
{
    QString args;
    switch (c.call) {
    case TraceCall::Bind:
    case TraceCall::Connect:
    case TraceCall::ConnectEx: args = c.address; break;
    case TraceCall::Listen:
    case TraceCall::Shutdown:
    case TraceCall::Recv:
    case TraceCall::RecvInto:
    case TraceCall::RecvFrom: args = QString::number(c.arg); break;
    case TraceCall::Send:
    case TraceCall::SendAll:
    case TraceCall::SendTo: args = bytesText(c.arg); break;
    default: break;
    }
    const QString text = QString::fromLatin1(traceCallName(c.call)) + QLatin1Char('(') + args + QLatin1Char(')');
    if (c.open())
        return text + QStringLiteral(" …");
    if (c.failed)
        return text + QStringLiteral(" ✗ ") + c.error;
    switch (c.call) {
    case TraceCall::Socket:
    case TraceCall::Accept: return tr("%1 → fd %2").arg(text).arg(c.result);
    case TraceCall::Send:
    case TraceCall::SendAll:
    case TraceCall::SendTo: return text + QStringLiteral(" → ") + bytesText(c.result);
    case TraceCall::ConnectEx: return text + QStringLiteral(" → ") + QString::number(c.result);
    default: break;
    }
    if (isReceive(c.call))
        return text + QStringLiteral(" → ") + ((c.flags & TraceFlagPeerClosed) ? QStringLiteral("b''") : bytesText(c.result));
    return text;
}
