// The socket table, in the spirit of `ss` and TCPView: one row per socket the lab made,
// with our state, the kernel's TCP state, byte counts, queued bytes and the accept queue.
// Each tick it takes the rows from the tick's snapshot (every socket read and probed once
// for all views); it never touches a socket itself. Below them, the sockets only the kernel
// holds (KernelOnlySockets): a connection waiting in the accept queue, a forked child's.
#pragma once

#include "KernelOnlySockets.h"
#include "ServingWaits.h"

#include <SocketSnapshot.h>

#include <QAbstractTableModel>

#include <vector>

class SocketTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Owner, Descriptor, Kind, Local, Peer, State, TcpState, Sent, Received, RecvQ, SendQ, AcceptQueue, ColumnCount };

    explicit SocketTableModel(QObject *parent = nullptr);
    // events: the tick's, for serve_forever's waits (ServingWaits)
    void show(const socketlab::SocketSnapshot &sockets, std::int64_t nowNs, const KernelOnlySockets *kernelOnly = nullptr,
              const std::vector<socketlab::TraceEvent> *events = nullptr);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString stateText(const socketlab::SocketSample &row) const;
    QVariant kernelOnlyData(const KernelOnlySockets::Entry &e, int column, int role) const;

    std::vector<socketlab::SocketSample> m_rows;
    std::vector<KernelOnlySockets::Entry> m_kernelOnly;  // shown after m_rows
    ServingWaits m_serving;
    std::int64_t m_nowNs = 0;  // when the rows were sampled: blocked times count to it
};
