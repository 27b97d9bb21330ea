#include "SocketTableModel.h"

#include "SocketText.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace socketlab;

SocketTableModel::SocketTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SocketTableModel::show(const SocketSnapshot &sockets, const std::vector<KernelOnlyRows::Row> &kernelRows,
                            std::int64_t nowNs, const std::vector<TraceEvent> *events)
{
    if (events)
        m_serving.add(*events);
    std::vector<SocketSample> rows = sockets.sockets();
    m_nowNs = nowNs;
    const bool sameSockets = rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                      [](const SocketSample &a, const SocketSample &b) { return a.id == b.id; });
    const auto sameConnection = [](const KernelOnlyRows::Row &a, const KernelOnlyRows::Row &b) {
        return a.kernel.kind == b.kernel.kind && a.childPid == b.childPid && a.kernel.socket.tcpState == b.kernel.socket.tcpState
            && a.kernel.socket.local == b.kernel.socket.local && a.kernel.socket.peer == b.kernel.socket.peer;
    };
    const bool sameKernelRows = kernelRows.size() == m_kernelRows.size()
        && std::equal(kernelRows.begin(), kernelRows.end(), m_kernelRows.begin(), sameConnection);
    if (!sameSockets || !sameKernelRows) {
        beginResetModel();
        m_rows = std::move(rows);
        m_kernelRows = kernelRows;
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    m_kernelRows = kernelRows;  // the same rows, their timers further down
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SocketTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_kernelRows.clear();
    m_serving.clear();
    endResetModel();
}

int SocketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size() + m_kernelRows.size());
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
    if (static_cast<std::size_t>(index.row()) >= m_rows.size())
        return kernelOnlyData(m_kernelRows[static_cast<std::size_t>(index.row()) - m_rows.size()], index.column(), role);
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
    case Sent:
        if (r.callsUnseen())
            return QStringLiteral("–");  // only watched: its calls, and so its bytes, are not seen
        return tr("%1 B / %2").arg(row.counters.bytesSent).arg(row.counters.messagesSent);
    case Received:
        if (r.callsUnseen())
            return QStringLiteral("–");
        return tr("%1 B / %2").arg(row.counters.bytesReceived).arg(row.counters.messagesReceived);
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

// A socket no open socket of the lab holds: no descriptor, no byte counts of ours; what the
// kernel says of it and why it is there, marked apart from the lab's own rows.
QVariant SocketTableModel::kernelOnlyData(const KernelOnlyRows::Row &row, int column, int role) const
{
    using Why = KernelOnlySocket::Kind;  // (Kind is a column)
    const KernelTcpSocket &k = row.kernel.socket;
    if (role == Qt::ForegroundRole)
        return QBrush(QColor(40, 70, 140));
    if (role == Qt::BackgroundRole)
        return QBrush(QColor(226, 234, 250));
    if (role == Qt::FontRole) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::ToolTipRole) {
        if (row.inChild())
            return tr("The connection a ForkingMixIn child handles: the parent closed its copy, the child "
                      "process holds the other. Read from the kernel (sock_diag), as ss shows it.");
        switch (row.kernel.kind) {
        case Why::TimeWait:
            return tr("This end closed first: the kernel keeps the connection in TIME_WAIT after every program let go of it, "
                      "so late segments die here, and binding its address fails with Errno 98 until it ends "
                      "(SO_REUSEADDR lets a listener bind past it)");
        case Why::Orphan:
            return tr("Its program closed it; the kernel finishes the connection alone");
        case Why::Handshake:
            return tr("The kernel answered this client's SYN for the listener and waits for the last ACK");
        case Why::NotAccepted:
            return tr("The kernel completed this connection and queued it: accept() will make its socket; "
                      "bytes the client sends wait in it already");
        case Why::OtherProcess:
            return tr("A socket another process holds on an address this lab used");
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && column >= Sent)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};

    const bool listening = k.isListening();
    switch (column) {
    case Owner:
        if (row.inChild())
            return tr("%1 · child %2").arg(row.owner).arg(row.childPid);
        if (row.kernel.kind == Why::OtherProcess)
            return tr("(another process)");
        return tr("(kernel)");
    case Descriptor: return QStringLiteral("–");
    case Kind: return SocketText::kindName(k.local.family(), SOCK_STREAM);
    case Local: return SocketText::endpointText(k.local);
    case Peer: return listening ? QString() : SocketText::endpointText(k.peer);
    case State: return kernelOnlyState(row);
    case TcpState: return QString::fromLatin1(tcpStateName(k.tcpState));
    case RecvQ: return listening ? QVariant() : QVariant(qulonglong(k.receiveQueue));
    case SendQ: return listening ? QVariant() : QVariant(qulonglong(k.sendQueue));
    case AcceptQueue: return listening ? QVariant(tr("%1 / %2").arg(k.receiveQueue).arg(k.sendQueue)) : QVariant();
    default: return {};
    }
}

QString SocketTableModel::kernelOnlyState(const KernelOnlyRows::Row &row) const
{
    using Why = KernelOnlySocket::Kind;  // (Kind is a column)
    const KernelTcpSocket &k = row.kernel.socket;
    if (row.inChild())
        return tr("held by child process %1").arg(row.childPid);
    if (k.timer == KernelTimer::TimeWait)
        return tr("no program: gone in %1").arg(SocketText::durationText(k.timerMs * 1'000'000));
    if (k.timer == KernelTimer::Retransmit && k.retransmits > 0 && row.kernel.kind != Why::OtherProcess)
        return tr("no program: resent %n time(s)", nullptr, k.retransmits);
    switch (row.kernel.kind) {
    case Why::NotAccepted: return tr("queued, not accepted yet");
    case Why::Handshake: return tr("handshake: waits for the last ACK");
    case Why::OtherProcess: return tr("another process");
    default: return tr("no program");
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
