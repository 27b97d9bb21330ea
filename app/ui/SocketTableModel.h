// The socket table, in the spirit of `ss` and TCPView: one row per socket the lab made,
// with our state, the kernel's TCP state, byte counts, queued bytes and the accept queue.
// refresh() reads the registry's records and probes them; it never blocks on a socket
// (probes are non-blocking getsockopt/ioctl calls made by the core).
#pragma once

#include <KernelProbe.h>
#include <SocketRegistry.h>

#include <QAbstractTableModel>

#include <memory>
#include <vector>

class SocketTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Owner, Descriptor, Kind, Local, Peer, State, TcpState, Sent, Received, RecvQ, SendQ, AcceptQueue, ColumnCount };

    explicit SocketTableModel(QObject *parent = nullptr);
    void setRegistry(std::shared_ptr<socketlab::SocketRegistry> registry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    void refresh();

private:
    struct Row {
        std::shared_ptr<socketlab::SocketRecord> record;
        socketlab::KernelSample sample;
        int fd = -1;
    };
    QString stateText(const Row &row) const;

    std::shared_ptr<socketlab::SocketRegistry> m_registry;
    std::vector<Row> m_rows;
};
