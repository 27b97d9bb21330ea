#include "LiveViewsPanel.h"

#include "AcceptQueueGauge.h"
#include "ReceiveBufferView.h"
#include "SocketServerFlowView.h"

#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

LiveViewsPanel::LiveViewsPanel(QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget), m_acceptQueues(new AcceptQueueGauge),
      m_receiveBuffers(new ReceiveBufferView), m_serverFlow(new SocketServerFlowView)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    m_tabs->addTab(scrolled(m_acceptQueues), tr("Accept queue"));
    m_tabs->setTabToolTip(0, tr("Connections waiting for accept(), per listening socket"));
    m_tabs->addTab(scrolled(m_receiveBuffers), tr("Receive buffers"));
    m_tabs->setTabToolTip(1, tr("Bytes waiting in the kernel until recv() takes them, split by the sends that wrote them"));
    m_flowTab = m_tabs->addTab(scrolled(m_serverFlow), tr("SocketServer"));
    m_tabs->setTabToolTip(m_flowTab, tr("The socketserver stages as they run, and its request threads or processes"));
    showServerFlow(false);
    connect(m_serverFlow, &SocketServerFlowView::serverSeen, this, [this] { showServerFlow(true); });
}

QScrollArea *LiveViewsPanel::scrolled(QWidget *view)
{
    auto *area = new QScrollArea;
    area->setWidget(view);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

void LiveViewsPanel::showServerFlow(bool shown)
{
    const bool wasShown = m_tabs->isTabVisible(m_flowTab);
    m_tabs->setTabVisible(m_flowTab, shown);
    if (shown && !wasShown)
        m_tabs->setCurrentIndex(m_flowTab);  // a socketserver lab is about the flow
}

bool LiveViewsPanel::serverFlowShown() const
{
    return m_tabs->isTabVisible(m_flowTab);
}

void LiveViewsPanel::setRegistry(std::shared_ptr<socketlab::SocketRegistry> registry)
{
    m_acceptQueues->setRegistry(registry);
    m_receiveBuffers->setRegistry(registry);
    m_serverFlow->setRegistry(std::move(registry));
    showServerFlow(false);
}

void LiveViewsPanel::addEvents(const std::vector<socketlab::TraceEvent> &events)
{
    m_acceptQueues->addEvents(events);
    m_receiveBuffers->addEvents(events);
    m_serverFlow->addEvents(events);
}

void LiveViewsPanel::refresh()
{
    m_acceptQueues->refresh();
    m_receiveBuffers->refresh();
    m_serverFlow->refresh();
}

void LiveViewsPanel::clear()
{
    m_acceptQueues->clear();
    m_receiveBuffers->clear();
    m_serverFlow->clear();
    showServerFlow(false);
}
