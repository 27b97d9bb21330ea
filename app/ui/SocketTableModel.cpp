#include "SocketTableModel.h"

#include "SocketText.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace socketlab;

SocketTableModel::SocketTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SocketTableModel::show(const SocketSnapshot &sockets, std::int64_t nowNs)
{
    std::vector<SocketSample> rows = sockets.sockets();
    m_nowNs = nowNs;
    const bool sameSockets = rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                      [](const SocketSample &a, const SocketSample &b) { return a.id == b.id; });
    if (!sameSockets) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SocketTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int SocketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SocketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SocketTableModel::stateText(const SocketSample &row) const
{
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
    const SocketSample &row = m_rows[static_cast<std::size_t>(index.row())];
    const SocketRecord &r = *row.record;
    const KernelSample &k = row.kernel;
    const bool blocked = row.blockedIn != TraceCall::None;

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
        return k.listening ? QVariant(tr("%1 / %2").arg(k.acceptQueueLength).arg(k.acceptQueueLimit)) : QVariant();
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
