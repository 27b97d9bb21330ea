// The socket table, in the spirit of `ss` and TCPView: one row per socket the lab made,
// with our state, the kernel's TCP state, byte counts, queued bytes and the accept queue.
// Each tick it takes the rows from the tick's snapshot (every socket read and probed once
// for all views); it never touches a socket itself.
#pragma once

#include <SocketSnapshot.h>

#include <QAbstractTableModel>

#include <vector>

class SocketTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Owner, Descriptor, Kind, Local, Peer, State, TcpState, Sent, Received, RecvQ, SendQ, AcceptQueue, ColumnCount };

    explicit SocketTableModel(QObject *parent = nullptr);
    void show(const socketlab::SocketSnapshot &sockets, std::int64_t nowNs);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString stateText(const socketlab::SocketSample &row) const;

    std::vector<socketlab::SocketSample> m_rows;
    std::int64_t m_nowNs = 0;  // when the rows were sampled: blocked times count to it
};
