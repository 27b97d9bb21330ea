// The kernel-buffer gauges: one entry per open TCP connection (its program and its two
// endpoints) with two bars - the bytes in its send queue against SO_SNDBUF, and the bytes in
// its receive queue against SO_RCVBUF - so a class sees both buffers fill while a peer does
// not read, and send() or sendall() then wait for room. Kernel truth, from the tick's sample
// (SIOCOUTQ, SIOCINQ, getsockopt). Linux counts its bookkeeping in SO_SNDBUF / SO_RCVBUF too,
// so a full buffer holds fewer bytes than the number says: the bars are proportions, the
// byte counts are exact.
#pragma once

#include "LiveView.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <vector>

class BufferGauge : public QWidget, public LiveView {
    Q_OBJECT
public:
    struct Connection {
        std::uint32_t socketId = 0;
        QString owner;
        QString local;                // "127.0.0.1:21580"
        QString peer;
        std::int64_t sendQueue = 0;   // bytes sent by the program, not yet acknowledged by the peer
        int sendBuffer = 0;           // SO_SNDBUF
        std::int64_t receiveQueue = 0;  // bytes arrived, not yet taken by recv()
        int receiveBuffer = 0;        // SO_RCVBUF
        bool waitingForRoom = false;  // the program is blocked in send() or sendall() on it
        bool waitingForBytes = false; // ... in recv()

        bool operator==(const Connection &o) const;
    };

    explicit BufferGauge(QWidget *parent = nullptr);

    void feed(const LiveTick &tick) override;
    void forgetRun() override;

    const std::vector<Connection> &connections() const { return m_connections; }  // for tests
    const Connection *connection(std::uint32_t socketId) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int rowHeight() const;
    void paintConnection(QPainter &p, const QRect &row, const Connection &c) const;
    void paintBar(QPainter &p, const QRect &bar, std::int64_t bytes, int capacity, const QString &text) const;

    std::vector<Connection> m_connections;
};
