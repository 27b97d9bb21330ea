// The socket table, in the spirit of `ss` and TCPView: one row per socket the lab made,
// with our state, the kernel's TCP state, byte counts, queued bytes and the accept queue;
// then a row per TCP socket the kernel keeps on the lab's addresses that no socket of the lab
// holds (a TIME_WAIT counting down after the server exited). Each tick it takes the rows from
// the tick's snapshot (every socket read and probed once for all views) and the tick's
// kernel-only rows (a forked child's end named with its pid); it never touches a socket itself.
#pragma once

#include "KernelOnlyRows.h"
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
    void show(const socketlab::SocketSnapshot &sockets, const std::vector<KernelOnlyRows::Row> &kernelRows,
              std::int64_t nowNs, const std::vector<socketlab::TraceEvent> *events = nullptr);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int labRowCount() const { return static_cast<int>(m_rows.size()); }  // the lab's own, before the kernel's
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString stateText(const socketlab::SocketSample &row) const;
    QVariant kernelOnlyData(const KernelOnlyRows::Row &row, int column, int role) const;
    QString kernelOnlyState(const KernelOnlyRows::Row &row) const;

    std::vector<socketlab::SocketSample> m_rows;
    std::vector<KernelOnlyRows::Row> m_kernelRows;  // after m_rows
    ServingWaits m_serving;
    std::int64_t m_nowNs = 0;  // when the rows were sampled: blocked times count to it
};
