// SequenceModel's words: lifeline headers and call labels, as the diagram prints them.
#include "SequenceModel.h"

#include "SocketText.h"

#include <algorithm>

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

namespace {
// "127.0.0.1:21567" reaches a listener on "0.0.0.0:21567" or "[::]:21567" too.
bool reaches(const QString &target, const QString &listener)
{
    if (target.isEmpty() || listener.isEmpty())
        return false;
    if (target == listener)
        return true;
    const qsizetype colon = listener.lastIndexOf(QLatin1Char(':'));
    const QString host = listener.left(colon);
    return (host == QLatin1String("0.0.0.0") || host == QLatin1String("[::]"))
        && target.mid(target.lastIndexOf(QLatin1Char(':'))) == listener.mid(colon);
}
} // namespace

std::vector<SequenceModel::PendingConnect> SequenceModel::pendingConnects() const
{
    std::vector<std::uint64_t> arrived;  // connect calls an accept took (few: a sorted vector)
    for (const Arrow &a : m_arrows)
        if (a.kind == ArrowKind::Connect)
            arrived.push_back(a.from);
    std::sort(arrived.begin(), arrived.end());
    std::vector<std::uint32_t> listeners;
    for (const Call &c : m_calls)
        if (c.call == TraceCall::Listen && !c.open() && !c.failed)
            listeners.push_back(c.socketId);
    std::vector<PendingConnect> out;
    for (const Call &c : m_calls) {
        if ((c.call != TraceCall::Connect && c.call != TraceCall::ConnectEx) || c.failed
            || (c.call == TraceCall::ConnectEx && !c.open() && c.result != 0)
            || std::binary_search(arrived.begin(), arrived.end(), c.serial))
            continue;
        for (std::uint32_t id : listeners) {
            const Lifeline *l = lifeline(id);
            if (l && l->endRow < 0 && id != c.socketId && reaches(c.address, l->local)) {
                out.push_back({c.serial, id, !c.open()});
                break;
            }
        }
    }
    return out;
}
