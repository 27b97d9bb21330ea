#include "LiveViews.h"

#include "AcceptQueueGauge.h"
#include "BufferGauge.h"
#include "PaneFilterButton.h"
#include "ReceiveBufferView.h"
#include "SequenceDiagramView.h"
#include "SocketServerFlowView.h"
#include "SocketTableView.h"
#include "TraceLogView.h"

#include <Clock.h>
#include <SocketSnapshot.h>

#include <QScrollArea>
#include <QTabWidget>

using namespace socketlab;

LiveViews::LiveViews(QWidget *parent)
    : QSplitter(Qt::Horizontal, parent), m_mainTabs(new QTabWidget), m_sideTabs(new QTabWidget),
      m_paneFilter(new PaneFilterButton)
{
    m_mainTabs->setDocumentMode(true);
    m_mainTabs->setCornerWidget(m_paneFilter);
    connect(m_paneFilter, &PaneFilterButton::changed, this, &LiveViews::reset);
    addWidget(m_mainTabs);
    addWidget(m_sideTabs);
    setSizes({700, 300});

    // Every live view of the window, in tab order.
    add(new SocketTableView, Area::Main, tr("Sockets"));
    add(new SequenceDiagramView, Area::Main, tr("Sequence diagram"));
    add(new TraceLogView, Area::Main, tr("Trace of every socket call"));
    add(new AcceptQueueGauge, Area::Side, tr("Accept queue"), tr("Connections waiting for accept(), per listening socket"));
    add(new ReceiveBufferView, Area::Side, tr("Receive buffers"),
        tr("Bytes waiting in the kernel until recv() takes them, split by the sends that wrote them"));
    add(new BufferGauge, Area::Side, tr("Kernel buffers"),
        tr("Each TCP connection's send and receive queues against SO_SNDBUF and SO_RCVBUF"));
    add(new SocketServerFlowView, Area::Side, tr("SocketServer"),
        tr("The socketserver stages as they run, and its request threads or processes"));
}

void LiveViews::addView(LiveView *view, QWidget *widget, Area area, const QString &title, const QString &toolTip)
{
    QWidget *page = widget;
    if (area == Area::Side) {  // narrow: a view taller than the panel scrolls
        auto *scroll = new QScrollArea;
        scroll->setWidget(widget);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        page = scroll;
    }
    QTabWidget *t = tabs(area);
    const int index = t->addTab(page, title);
    if (!toolTip.isEmpty())
        t->setTabToolTip(index, toolTip);
    m_entries.push_back(Entry{view, page, area, true});
    showTabsWithContent();
}

void LiveViews::open(RunFeed &feed)
{
    close();
    m_paneFilter->forgetLab();
    m_feed = &feed;
    m_feed->follow(this);
    reset();
}

void LiveViews::close()
{
    if (m_feed)
        m_feed->unfollow(this);
    m_feed = nullptr;
    reset();
}

void LiveViews::reset()
{
    for (const Entry &e : m_entries)
        e.view->forgetRun();
    showTabsWithContent();
}

void LiveViews::tick()
{
    if (m_feed)
        m_feed->tick();
}

void LiveViews::runTicked(const RunTick &tick)
{
    PaneFilter &filter = m_paneFilter->filter();
    const RunTick &shown = filter.apply(tick);
    if (filter.takeHiddenByItself())
        reset();  // a crowded pane was just hidden: its rows and lifelines go at once
    for (const Entry &e : m_entries)
        e.view->feed(shown);
    m_paneFilter->refresh();
    showTabsWithContent();
}

// A view with nothing to show for this lab keeps its tab hidden; when it finds something
// (a socketserver lab's first stage), its tab appears in front: the lab is about it.
void LiveViews::showTabsWithContent()
{
    for (Entry &e : m_entries) {
        const bool shown = e.view->hasContent();
        if (shown == e.shown)
            continue;
        e.shown = shown;
        QTabWidget *t = tabs(e.area);
        const int index = t->indexOf(e.page);
        t->setTabVisible(index, shown);
        if (shown)
            t->setCurrentIndex(index);
    }
}

bool LiveViews::isShown(const LiveView *view) const
{
    for (const Entry &e : m_entries)
        if (e.view == view)
            return e.shown;
    return false;
}
