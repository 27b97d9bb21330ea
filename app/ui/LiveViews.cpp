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

#include <QEvent>
#include <QScrollArea>
#include <QTabBar>
#include <QTabWidget>

using namespace socketlab;

LiveViews::LiveViews(QWidget *parent)
    : QSplitter(Qt::Horizontal, parent), m_mainTabs(new QTabWidget), m_sideTabs(new QTabWidget),
      m_paneFilter(new PaneFilterButton)
{
    m_mainTabs->setDocumentMode(true);
    m_mainTabs->setCornerWidget(m_paneFilter);
    connect(m_paneFilter, &PaneFilterButton::changed, this, [this] {
        reset();
        emit paneFilterChanged();
    });
    addWidget(m_mainTabs);
    addWidget(m_sideTabs);
    setSizes({700, 300});

    // Every live view of the window, in tab order.
    add(new SocketTableView, Area::Main, Place::Below, QT_TR_NOOP("Sockets"));
    add(new SequenceDiagramView, Area::Main, Place::Beside, QT_TR_NOOP("Sequence diagram"));
    add(new TraceLogView, Area::Main, Place::Below, QT_TR_NOOP("Trace of every socket call"));
    add(new AcceptQueueGauge, Area::Side, Place::Beside, QT_TR_NOOP("Accept queue"),
        QT_TR_NOOP("Connections waiting for accept(), per listening socket"));
    add(new ReceiveBufferView, Area::Side, Place::Beside, QT_TR_NOOP("Receive buffers"),
        QT_TR_NOOP("Bytes waiting in the kernel until recv() takes them, split by the sends that wrote them"));
    add(new BufferGauge, Area::Side, Place::Beside, QT_TR_NOOP("Kernel buffers"),
        QT_TR_NOOP("Each TCP connection's send and receive queues against SO_SNDBUF and SO_RCVBUF"));
    add(new SocketServerFlowView, Area::Side, Place::Beside, QT_TR_NOOP("SocketServer"),
        QT_TR_NOOP("The socketserver stages as they run, and its request threads or processes"));
}

void LiveViews::addView(LiveView *view, QWidget *widget, Area area, Place place, const char *title, const char *toolTip)
{
    QWidget *page = widget;
    if (area == Area::Side) {  // narrow: a view taller than the panel scrolls
        auto *scroll = new QScrollArea;
        scroll->setWidget(widget);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        page = scroll;
    }
    tabs(area)->addTab(page, QString());
    m_entries.push_back(Entry{view, widget, page, area, place, title, toolTip, true});
    retranslate();
    showTabsWithContent();
}

QString LiveViews::title(int index) const
{
    return tr(m_entries.at(std::size_t(index)).title);
}

int LiveViews::indexOf(const LiveView *view) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].view == view)
            return int(i);
    return -1;
}

void LiveViews::retranslate()
{
    for (const Entry &e : m_entries) {
        QTabWidget *t = tabs(e.area);
        const int index = t->indexOf(e.page);
        t->setTabText(index, tr(e.title));
        t->setTabToolTip(index, e.toolTip ? tr(e.toolTip) : QString());
        e.widget->setAccessibleName(tr(e.title));  // what a screen reader announces for the view
    }
}

void LiveViews::changeEvent(QEvent *event)
{
    QSplitter::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        emit titlesChanged();
    }
}

void LiveViews::open(RunFeed &feed, const LabDefinition *lab)
{
    close();
    m_paneFilter->forgetLab();
    if (lab) {
        for (const Entry &e : m_entries)
            e.view->labOpened(*lab);
    }
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
    m_live.clear();
    m_replay.clear();
    forgetRun();
}

void LiveViews::resetReplay()
{
    m_replay.clear();
    forgetRun();
}

void LiveViews::forgetRun()
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

LiveTick LiveViews::Derived::add(const RunTick &tick)
{
    requests.add(tick.events);
    kernelRows.update(tick.events, tick.sockets, tick.kernelOnly);
    return LiveTick{tick, kernelRows, requests};
}

void LiveViews::Derived::clear()
{
    kernelRows.clear();
    requests.clear();
}

// The live run goes on while the window looks back: its panes (the tick listener) keep up
// with it, and only the views wait for it.
void LiveViews::runTicked(const RunTick &tick)
{
    // The views see the panes shown (a crowded load pane hidden, with what is connected to
    // it); the window's panes get the whole tick, each its own events.
    PaneFilter &filter = m_paneFilter->filter();
    const RunTick &shown = filter.apply(tick);
    if (filter.takeHiddenByItself()) {
        // A crowded pane was just hidden: its rows and lifelines go at once (when the views
        // come back from looking back, they are fed the recording afresh anyway).
        if (m_detached) {
            m_live.clear();
            emit paneFilterChanged();  // the moment looked back at, without that pane too
        } else {
            reset();
        }
    }
    const LiveTick live = m_live.add(shown);
    if (!m_detached)
        feedViews(live);
    m_paneFilter->refresh();
    if (m_tickListener)
        m_tickListener(LiveTick{tick, m_live.kernelRows, m_live.requests});
}

void LiveViews::replayTick(const RunTick &tick)
{
    // The recorded tick is the whole run's: the views see the panes shown, as live.
    PaneFilter &filter = m_paneFilter->filter();
    const RunTick &shown = filter.apply(tick);
    feedViews(m_replay.add(shown));
    m_paneFilter->refresh();
    if (filter.takeHiddenByItself())
        emit paneFilterChanged();  // the rows of the pane just hidden were fed already
}

void LiveViews::feedViews(const LiveTick &tick)
{
    for (const Entry &e : m_entries)
        e.view->feed(tick);
    showTabsWithContent();
}

// A view with nothing to show for this lab keeps its tab hidden; when it finds something
// (a socketserver lab's first stage), its tab appears in front: the lab is about it. In the
// classroom layout the teacher's choice stands: nothing comes to the front by itself.
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
        if (shown && m_only < 0)
            t->setCurrentIndex(index);
    }
}

void LiveViews::showOnly(int index)
{
    m_only = index >= 0 && index < count() ? index : -1;
    for (Area area : {Area::Main, Area::Side}) {
        QTabWidget *t = tabs(area);
        const bool holdsIt = m_only >= 0 && m_entries[std::size_t(m_only)].area == area;
        t->setVisible(m_only < 0 || holdsIt);
        t->tabBar()->setVisible(m_only < 0);
        if (holdsIt)
            t->setCurrentWidget(m_entries[std::size_t(m_only)].page);
    }
}

bool LiveViews::isShown(const LiveView *view) const
{
    for (const Entry &e : m_entries)
        if (e.view == view)
            return e.shown;
    return false;
}
