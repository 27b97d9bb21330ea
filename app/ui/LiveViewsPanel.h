// The live views in one widget, as tabs: the accept-queue gauges, the receive buffers and
// (once the lab traces a socketserver stage) the SocketServer flow. The window feeds it
// like each view: setRegistry once, then every tick addEvents with the tick's new events,
// then refresh; clear after Reset.
#pragma once

#include <SocketRegistry.h>
#include <TraceEvent.h>

#include <QWidget>

#include <memory>
#include <vector>

class AcceptQueueGauge;
class QScrollArea;
class QTabWidget;
class ReceiveBufferView;
class SocketServerFlowView;

class LiveViewsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LiveViewsPanel(QWidget *parent = nullptr);

    void setRegistry(std::shared_ptr<socketlab::SocketRegistry> registry);
    void addEvents(const std::vector<socketlab::TraceEvent> &events);  // the tick's new events, in order
    void refresh();  // once per tick, after addEvents
    void clear();    // after Reset

    AcceptQueueGauge *acceptQueues() const { return m_acceptQueues; }
    ReceiveBufferView *receiveBuffers() const { return m_receiveBuffers; }
    SocketServerFlowView *serverFlow() const { return m_serverFlow; }
    QTabWidget *tabs() const { return m_tabs; }
    bool serverFlowShown() const;

private:
    QScrollArea *scrolled(QWidget *view);
    void showServerFlow(bool shown);

    QTabWidget *m_tabs;
    AcceptQueueGauge *m_acceptQueues;
    ReceiveBufferView *m_receiveBuffers;
    SocketServerFlowView *m_serverFlow;
    int m_flowTab = -1;
};
