#include "SocketText.h"

#include <cerrno>

#include <SocketError.h>

using namespace socketlab;

QString SocketText::stateName(SocketState state)
{
    switch (state) {
    case SocketState::Created: return tr("created");
    case SocketState::Bound: return tr("bound");
    case SocketState::Listening: return tr("listening");
    case SocketState::Connecting: return tr("connecting");
    case SocketState::Connected: return tr("connected");
    case SocketState::PeerClosed: return tr("peer closed");
    case SocketState::ShutDown: return tr("shut down");
    case SocketState::Closed: return tr("closed");
    }
    return {};
}

QString SocketText::kindName(int family, int type)
{
    switch (socketKind(family, type)) {
    case SocketKind::Tcp: return tr("TCP");
    case SocketKind::Udp: return tr("UDP");
    case SocketKind::Tcp6: return tr("TCP/IPv6");
    case SocketKind::Udp6: return tr("UDP/IPv6");
    case SocketKind::UnixStream: return tr("Unix stream");
    case SocketKind::UnixDatagram: return tr("Unix datagram");
    case SocketKind::Other: break;
    }
    return tr("other");
}

QString SocketText::endpointText(const SocketAddress &address)
{
    return address.isValid() ? QString::fromStdString(address.toString()) : QString();
}

QString SocketText::durationText(std::int64_t ns)
{
    if (ns < 1'000'000'000)
        return tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 1);
    return tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 1);
}

QString SocketText::eventLine(const TraceEvent &e, const QString &owner)
{
    const QString line = callLine(e, owner);
    // What SocketLab did, not the network: a learner must be able to tell them apart.
    return e.flags & TraceFlagInjected ? line + tr("  ⚡ injected fault") : line;
}

QString SocketText::callLine(const TraceEvent &e, const QString &owner)
{
    const QString call = QString::fromLatin1(traceCallName(e.call)) + QStringLiteral("()");
    const QString who = owner.isEmpty() ? QString() : owner + QStringLiteral("  ");
    const QString address = e.address.isValid() ? QString::fromStdString(e.address.pythonRepr()) : QString();
    switch (e.phase) {
    case TracePhase::Begin:
        if (!address.isEmpty())
            return tr("%1%2 to %3 …").arg(who, call, address);
        return tr("%1%2 …").arg(who, call);
    case TracePhase::Blocked:
        return tr("%1%2 blocks: waiting").arg(who, call);
    case TracePhase::Returned: {
        QString text;
        switch (e.call) {
        case TraceCall::Send:
        case TraceCall::SendAll:
        case TraceCall::SendTo:
            text = tr("%1%2 → %n byte(s) sent", nullptr, int(e.result)).arg(who, call);
            break;
        case TraceCall::Recv:
        case TraceCall::RecvInto:
        case TraceCall::RecvFrom:
            text = (e.flags & TraceFlagPeerClosed)
                ? tr("%1%2 → b'' (the peer closed its side)").arg(who, call)
                : tr("%1%2 → %n byte(s) received", nullptr, int(e.result)).arg(who, call);
            if (e.flags & TraceFlagTruncated)
                text += tr(" (datagram truncated)");
            break;
        case TraceCall::Select:
            text = tr("%1%2 → %n socket(s) ready", nullptr, int(e.result)).arg(who, call);
            break;
        case TraceCall::Accept:
            text = tr("%1%2 → new socket fd %3 from %4").arg(who, call).arg(e.result).arg(address);
            break;
        case TraceCall::Socket:
            text = tr("%1%2 → fd %3").arg(who, call).arg(e.result);
            break;
        default:
            text = tr("%1%2 → ok").arg(who, call);
            break;
        }
        if (e.blockedNs > 0)
            text += tr(", blocked %1").arg(durationText(e.blockedNs));
        return text;
    }
    case TracePhase::Failed:
        return tr("%1%2 failed: %3").arg(who, call, QString::fromStdString(e.error().pythonString()));
    }
    return {};
}

QString SocketText::errorExplanation(const socketlab::SocketError &error)
{
    using socketlab::ErrorKind;
    switch (error.kind()) {
    case ErrorKind::Timeout:
        return tr("Nothing arrived before the socket's timeout ran out (settimeout): the call gave up waiting.");
    case ErrorKind::Resolver:
        return tr("The host name could not be turned into an address: check its spelling, or use 127.0.0.1.");
    case ErrorKind::Closed:
        return tr("The socket was already closed: a closed socket cannot be used again; create a new one.");
    case ErrorKind::Os:
        break;
    default:
        return {};
    }
    switch (error.code()) {
    case ECONNREFUSED:
        return tr("Nobody is listening on that address and port: start the server first, or check the port.");
    case EADDRINUSE:
        return tr("Another socket already holds this address and port: an old server may still run, or a closed one "
                  "lingers in TIME_WAIT. Wait, choose another port, or set SO_REUSEADDR before bind().");
    case EADDRNOTAVAIL:
        return tr("That address does not belong to this machine, so nothing can bind or connect from it.");
    case EACCES:
        return tr("Ports below 1024 need administrator rights: choose a port from 1024 up.");
    case ECONNRESET:
        return tr("The peer reset the connection: it closed with data unread or crashed. What was in flight is lost.");
    case EPIPE:
        return tr("The peer has closed the connection, so nothing more can be sent on it.");
    case ETIMEDOUT:
        return tr("The peer did not answer in time: the host may be down or unreachable.");
    case ENOTCONN:
        return tr("This socket is not connected: connect() (or accept()) must come first.");
    case EISCONN:
        return tr("This socket is already connected: one socket makes one connection.");
    case EMSGSIZE:
        return tr("The datagram is larger than the protocol allows: send less in one sendto().");
    case EAGAIN:
        return tr("The non-blocking socket had nothing to do right now: try again later, or wait with select().");
    case EINVAL:
        return tr("The call does not fit the socket's state, e.g. listen() before bind() on some systems, or accept() "
                  "on a socket that is not listening.");
    case ENETUNREACH:
    case EHOSTUNREACH:
        return tr("There is no route to that network or host from this machine.");
    default:
        return {};
    }
}
