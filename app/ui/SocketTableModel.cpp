#include "SocketTableModel.h"

#include "SocketText.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace socketlab;

SocketTableModel::SocketTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SocketTableModel::show(const SocketSnapshot &sockets, std::int64_t nowNs, const KernelOnlySockets *kernelOnly,
                            const std::vector<TraceEvent> *events)
{
    if (events)
        m_serving.add(*events);
    std::vector<SocketSample> rows = sockets.sockets();
    std::vector<KernelOnlySockets::Entry> extra = kernelOnly ? kernelOnly->entries() : std::vector<KernelOnlySockets::Entry>{};
    m_nowNs = nowNs;
    const bool sameSockets = rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                      [](const SocketSample &a, const SocketSample &b) { return a.id == b.id; })
        && extra.size() == m_kernelOnly.size()
        && std::equal(extra.begin(), extra.end(), m_kernelOnly.begin(),
                      [](const KernelOnlySockets::Entry &a, const KernelOnlySockets::Entry &b) { return a.local == b.local && a.peer == b.peer; });
    if (!sameSockets) {
        beginResetModel();
        m_rows = std::move(rows);
        m_kernelOnly = std::move(extra);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    m_kernelOnly = std::move(extra);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SocketTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_kernelOnly.clear();
    m_serving.clear();
    endResetModel();
}

int SocketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size() + m_kernelOnly.size());
}

QVariant SocketTableModel::kernelOnlyData(const KernelOnlySockets::Entry &e, int column, int role) const
{
    const bool inChild = e.kind == KernelOnlySockets::Kind::InChild;
    if (role == Qt::FontRole) {
        QFont f;
        f.setItalic(true);  // not a descriptor of the program's: the kernel's word for it
        return f;
    }
    if (role == Qt::ToolTipRole) {
        return inChild ? tr("The connection a ForkingMixIn child handles: the parent closed its copy, the child "
                            "process holds the other. Read from the kernel (sock_diag), as ss shows it.")
                       : tr("The kernel completed this connection and keeps it in the listening socket's accept "
                            "queue until the program calls accept(); the client's bytes already wait in it.");
    }
    if (role == Qt::TextAlignmentRole && column >= Sent)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Owner: return inChild ? tr("%1 · child %2").arg(e.owner).arg(e.childPid) : e.owner;
    case Descriptor: return QStringLiteral("–");
    case Kind: return SocketText::kindName(e.family, e.type);
    case Local: return SocketText::endpointText(e.local);
    case Peer: return SocketText::endpointText(e.peer);
    case State: return inChild ? tr("held by child process %1").arg(e.childPid) : tr("in the accept queue: not accepted yet");
    case TcpState: return QString::fromLatin1(tcpStateName(e.kernel.tcpState));
    case RecvQ: return qlonglong(e.kernel.receiveQueue);
    case SendQ: return qlonglong(e.kernel.sendQueue);
    default: return {};
    }
}

int SocketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SocketTableModel::stateText(const SocketSample &row) const
{
    if (row.blockedIn == TraceCall::ServeForever || (row.state == SocketState::Listening && m_serving.since(row.id))) {
        // Waiting for a request, however often serve_forever's poll restarts.
        const std::optional<std::int64_t> since = m_serving.since(row.id);
        return since ? tr("waiting for a request in serve_forever() — %1").arg(SocketText::durationText(m_nowNs - *since))
                     : tr("waiting for a request in serve_forever()");
    }
    if (row.blockedIn != TraceCall::None) {
        return tr("blocked in %1() — %2")
            .arg(QString::fromLatin1(traceCallName(row.blockedIn)), SocketText::durationText(m_nowNs - row.blockedSinceNs));
    }
    return SocketText::stateName(row.state);
}

QVariant SocketTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (std::size_t(index.row()) >= m_rows.size())
        return kernelOnlyData(m_kernelOnly[std::size_t(index.row()) - m_rows.size()], index.column(), role);
    const SocketSample &row = m_rows[static_cast<std::size_t>(index.row())];
    const SocketRecord &r = *row.record;
    const KernelSample &k = row.kernel;
    const bool blocked = row.blockedIn != TraceCall::None || (row.state == SocketState::Listening && m_serving.since(row.id));

    if (role == Qt::ForegroundRole && !row.isOpen())
        return QBrush(QColor(140, 140, 140));
    if (role == Qt::BackgroundRole && blocked)
        return QBrush(QColor(255, 226, 160));  // blocked rows stand out on a projector
    if (role == Qt::FontRole && index.column() == State && blocked) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Sent)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};

    switch (index.column()) {
    case Owner: return QString::fromStdString(r.owner);
    case Descriptor: return row.fd >= 0 ? QVariant(row.fd) : QVariant(QStringLiteral("–"));
    case Kind: return SocketText::kindName(r.family, r.type);
    case Local: return SocketText::endpointText(row.local);
    case Peer: return SocketText::endpointText(row.peer);
    case State: return stateText(row);
    case TcpState: return k.available ? QString::fromLatin1(tcpStateName(k.tcpState)) : QString();
    case Sent: return tr("%1 B / %2").arg(row.counters.bytesSent).arg(row.counters.messagesSent);
    case Received: return tr("%1 B / %2").arg(row.counters.bytesReceived).arg(row.counters.messagesReceived);
    case RecvQ: return k.available && !k.listening && k.receiveQueue >= 0 ? QVariant(qlonglong(k.receiveQueue)) : QVariant();
    case SendQ: return k.available && !k.listening && k.sendQueue >= 0 ? QVariant(qlonglong(k.sendQueue)) : QVariant();
    case AcceptQueue:
        if (!k.listening)
            return {};
        if (k.acceptQueueLength > 0 && k.acceptQueueLength >= k.acceptQueueLimit)
            return tr("%1 / %2 full").arg(k.acceptQueueLength).arg(k.acceptQueueLimit);
        return tr("%1 / %2").arg(k.acceptQueueLength).arg(k.acceptQueueLimit);
    default: return {};
    }
}

QVariant SocketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case State: return tr("What the program is doing with this socket, as SocketLab sees it");
        case TcpState: return tr("The kernel's TCP state (TCP_INFO), as `ss -tan` prints it");
        case Sent: return tr("Bytes sent / number of send calls that moved data");
        case Received: return tr("Bytes received / number of recv calls that returned data");
        case RecvQ: return tr("Bytes waiting in the kernel's receive buffer: sent by the peer, not yet taken by recv()");
        case SendQ: return tr("Bytes in the kernel's send buffer not yet acknowledged by the peer");
        case AcceptQueue: return tr("Connections completed by the kernel and waiting for accept() / the limit set by listen(backlog)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Owner: return tr("Program");
    case Descriptor: return tr("fd");
    case Kind: return tr("Type");
    case Local: return tr("Local address");
    case Peer: return tr("Peer address");
    case State: return tr("State");
    case TcpState: return tr("TCP state");
    case Sent: return tr("Sent");
    case Received: return tr("Received");
    case RecvQ: return tr("Recv-Q");
    case SendQ: return tr("Send-Q");
    case AcceptQueue: return tr("Accept queue");
    default: return {};
    }
}
