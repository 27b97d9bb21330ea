// The accept-queue gauge: one bar per listening socket (its program and port) showing the
// connections the kernel has completed and queued for accept(), against the limit that
// listen(backlog) set - "3 / 5 waiting for accept()" - turning warning-coloured when full.
// It says whether the program is inside accept() right now, and how many connect() calls
// to that port are still waiting for room (their SYNs are not answered while the queue is
// full). The numbers are kernel truth: the tick's sample of the listener (TCP_INFO), and the
// bytes clients already sent into queued connections (the tick's KernelOnlyRows).
// A full queue is said in words and drawn hatched, not only in red. A lab of datagram
// sockets only has no accept queue: the tab stays hidden there.
#pragma once

#include "LiveView.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <unordered_map>
#include <vector>

class AcceptQueueGauge : public QWidget, public LiveView {
    Q_OBJECT
public:
    struct Gauge {
        std::uint32_t socketId = 0;
        QString owner;
        QString local;               // "127.0.0.1:21567"
        int port = 0;
        std::uint32_t waiting = 0;   // connections completed, not yet accepted
        std::uint32_t limit = 0;     // from listen(backlog)
        bool inAccept = false;       // the program is blocked in accept() on it now
        bool callsUnseen = false;    // only watched (observe mode): whether it is in accept() is not seen
        int connectsWaiting = 0;     // traced connect() calls to this port still waiting
        int queuedOfOurs = 0;        // queued connections whose client is the lab's (their bytes are known)
        std::int64_t queuedBytes = 0;  // bytes those clients sent that wait in the queued connections
        // At the limit listen() set. (Linux admits one more before it drops SYNs: drawn red.)
        bool full() const { return waiting > 0 && waiting >= limit; }
    };

    explicit AcceptQueueGauge(QWidget *parent = nullptr);

    void feed(const LiveTick &tick) override;
    void forgetRun() override;
    bool hasContent() const override;
    void labOpened(const LabDefinition &lab) override;

    // For tests: one entry per listening socket, in the registry's order.
    const std::vector<Gauge> &gauges() const { return m_gauges; }
    const Gauge *gauge(std::uint32_t socketId) const;

    QString summary() const;  // every gauge in words: the accessible description
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QStringList notesOf(const Gauge &g) const;
    int notesHeight(const QStringList &notes, int width) const;
    int rowHeight(const Gauge &g, int width) const;
    void paintGauge(QPainter &p, const QRect &row, const Gauge &g) const;
    void addEvents(const std::vector<socketlab::TraceEvent> &events);
    int connectsWaitingFor(const socketlab::SocketAddress &listener, const socketlab::SocketSnapshot &sockets) const;

    void updateAccessibleText();

    std::vector<Gauge> m_gauges;
    bool m_labDatagramOnly = false;   // every pane's listing uses datagram sockets only
    bool m_runDatagramOnly = false;   // every socket this run made so far is a datagram socket
    // connect() calls under way: socket id -> the address it connects to. Entries go when
    // the call ends; the map is cleared if it ever passes kMaxConnects (a lost end event).
    std::unordered_map<std::uint32_t, socketlab::SocketAddress> m_connecting;
};
