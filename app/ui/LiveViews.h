// The window's live views, in one list, and the area under the panes that shows them: the
// wide tabs on the left (socket table, sequence diagram, trace log) and the narrow ones on
// the right (accept queues, receive buffers, SocketServer flow).
//
// A view is registered here once, with its tab; the window then only opens, ticks, resets
// and closes the list. Each tick drains the lab's trace, takes one SocketSnapshot of its
// registry (every socket read and probed once, connected peers paired) and feeds the same
// LiveTick to every view. The standard views are added in the constructor: a new view is
// one more line there.
#pragma once

#include "LiveView.h"

#include <SocketRegistry.h>
#include <TraceStream.h>

#include <QSplitter>

#include <memory>
#include <vector>

class QTabWidget;

class LiveViews : public QSplitter {
    Q_OBJECT
public:
    enum class Area { Main, Side };  // the wide tabs, the narrow tabs (scrolled)
    static constexpr std::size_t kEventsPerTick = 2000;          // the GUI takes the trace at its own pace
    static constexpr std::int64_t kClosedLingerNs = 3'000'000'000;  // closed sockets stay shown 3 s, then go

    explicit LiveViews(QWidget *parent = nullptr);

    // Registers a view, shown as a tab of the area. Returns the view.
    template <typename View>
    View *add(View *view, Area area, const QString &title, const QString &toolTip = {})
    {
        addView(view, view, area, title, toolTip);
        return view;
    }
    void addView(LiveView *view, QWidget *widget, Area area, const QString &title, const QString &toolTip = {});

    void open(std::shared_ptr<socketlab::TraceStream> trace, std::shared_ptr<socketlab::SocketRegistry> registry);
    void close();  // forgets the lab; every view reset
    void tick();   // drains the trace, takes the snapshot, feeds every view
    void reset();  // after the lab's Reset: every view forgets the run

    QTabWidget *tabs(Area area) const { return area == Area::Main ? m_mainTabs : m_sideTabs; }
    bool isShown(const LiveView *view) const;  // its tab is visible
    template <typename View>
    View *view() const  // the registered view of that type, if any
    {
        for (const Entry &e : m_entries)
            if (auto *v = dynamic_cast<View *>(e.view))
                return v;
        return nullptr;
    }

private:
    struct Entry {
        LiveView *view;
        QWidget *page;  // the tab's widget: the view, or the scroll area around it
        Area area;
        bool shown;
    };
    void feed(const LiveTick &tick);
    void showTabsWithContent();

    QTabWidget *m_mainTabs;
    QTabWidget *m_sideTabs;
    std::vector<Entry> m_entries;
    std::shared_ptr<socketlab::TraceStream> m_trace;
    std::shared_ptr<socketlab::SocketRegistry> m_registry;
    std::vector<socketlab::TraceEvent> m_events;  // reused each tick
};
