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

#include <RunFeed.h>

#include <QSplitter>

#include <memory>
#include <vector>

class PaneFilterButton;
class QTabWidget;

class LiveViews : public QSplitter, private RunListener {
    Q_OBJECT
public:
    enum class Area { Main, Side };  // the wide tabs, the narrow tabs (scrolled)
    explicit LiveViews(QWidget *parent = nullptr);

    // Registers a view, shown as a tab of the area. Returns the view.
    template <typename View>
    View *add(View *view, Area area, const QString &title, const QString &toolTip = {})
    {
        addView(view, view, area, title, toolTip);
        return view;
    }
    void addView(LiveView *view, QWidget *widget, Area area, const QString &title, const QString &toolTip = {});

    void open(RunFeed &feed);  // follows a lab's run; every view starts afresh
    void close();              // forgets the lab; every view reset
    void tick();               // one tick of the feed: every follower, these views among them, is fed
    void reset();              // every view forgets the run (the feed's Reset does this too)

    QTabWidget *tabs(Area area) const { return area == Area::Main ? m_mainTabs : m_sideTabs; }
    PaneFilterButton *paneFilter() const { return m_paneFilter; }  // whose sockets the views show
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
    void runTicked(const RunTick &tick) override;
    void runReset() override { reset(); }
    void showTabsWithContent();

    QTabWidget *m_mainTabs;
    QTabWidget *m_sideTabs;
    PaneFilterButton *m_paneFilter;
    std::vector<Entry> m_entries;
    RunFeed *m_feed = nullptr;
};
