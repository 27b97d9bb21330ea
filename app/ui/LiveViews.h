// The window's live views, in one list, and the area under the panes that shows them: the
// wide tabs on the left (socket table, sequence diagram, trace log) and the narrow ones on
// the right (accept queues, receive buffers, SocketServer flow).
//
// A view is registered here once, with its tab; the window then only opens, ticks, resets
// and closes the list. Each tick drains the lab's trace, takes one SocketSnapshot of its
// registry (every socket read and probed once, connected peers paired), works out what
// only the kernel holds and the run's request numbers, and feeds the same LiveTick to every
// view (and to the window's panes, through the tick listener). The standard views are added
// in the constructor: a new view is one more line there.
//
// In the classroom layout one view, the one the teacher picks, takes the whole area.
#pragma once

#include "LiveView.h"

#include <RunFeed.h>

#include <QSplitter>

#include <functional>
#include <vector>

class PaneFilterButton;
class QTabWidget;

class LiveViews : public QSplitter, private RunListener {
    Q_OBJECT
public:
    enum class Area { Main, Side };  // the wide tabs, the narrow tabs (scrolled)
    // Where a view goes when it is the one view of the classroom layout: under the panes
    // (wide: a table, a log) or beside them (tall: a diagram, gauges).
    enum class Place { Below, Beside };
    explicit LiveViews(QWidget *parent = nullptr);

    // Registers a view, shown as a tab of the area. title and toolTip are untranslated
    // (QT_TR_NOOP): the tab says them in the window's language, also after a switch.
    template <typename View>
    View *add(View *view, Area area, Place place, const char *title, const char *toolTip = nullptr)
    {
        addView(view, view, area, place, title, toolTip);
        return view;
    }
    void addView(LiveView *view, QWidget *widget, Area area, Place place, const char *title, const char *toolTip = nullptr);

    // Follows a lab's run; every view starts afresh (and hears which lab it is, when given).
    void open(RunFeed &feed, const LabDefinition *lab = nullptr);
    void close();              // forgets the lab; every view reset
    void tick();               // one tick of the feed: every follower, these views among them, is fed
    void reset();              // every view forgets the run (the feed's Reset does this too)
    // Called with every tick after the views: the window feeds its panes the same tick.
    void setTickListener(std::function<void(const LiveTick &)> listener) { m_tickListener = std::move(listener); }
    // Looking back at a recorded run (ReplayController): while detached the lab's ticks pass
    // the views by (the panes still get them), and replayTick feeds the views a recorded tick
    // instead, with the kernel-only rows and request numbers worked out from the recording
    // alone, through the same pane filter as the live ticks; resetReplay makes the views
    // forget what they were fed, not the live run.
    void setDetached(bool detached) { m_detached = detached; }
    bool isDetached() const { return m_detached; }
    void replayTick(const RunTick &tick);
    void resetReplay();

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

    // The views in registration order, for a chooser: their titles and where they go.
    int count() const { return int(m_entries.size()); }
    QString title(int index) const;
    QWidget *widget(int index) const { return m_entries.at(std::size_t(index)).widget; }
    Place place(int index) const { return m_entries.at(std::size_t(index)).place; }
    int indexOf(const LiveView *view) const;
    // The classroom layout: only view `index` is shown, without tabs (-1: the usual tabs).
    void showOnly(int index);
    int shownOnly() const { return m_only; }
    const KernelOnlyRows &kernelRows() const { return m_live.kernelRows; }

signals:
    void titlesChanged();  // after a language switch
    // The panes whose sockets the views show changed (the learner's choice, or a crowded pane
    // hidden by itself while a recording was fed): what was fed must be fed again.
    void paneFilterChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Entry {
        LiveView *view;
        QWidget *widget;  // the view itself
        QWidget *page;    // the tab's widget: the view, or the scroll area around it
        Area area;
        Place place;
        const char *title;
        const char *toolTip;
        bool shown;
    };
    void runTicked(const RunTick &tick) override;
    void feedViews(const LiveTick &tick);
    void forgetRun();  // every view
    void runReset() override { reset(); }
    void showTabsWithContent();
    void retranslate();

    QTabWidget *m_mainTabs;
    QTabWidget *m_sideTabs;
    PaneFilterButton *m_paneFilter;
    std::vector<Entry> m_entries;
    RunFeed *m_feed = nullptr;
    // What LiveViews works out from the ticks for every view (LiveTick), kept apart for the
    // live run and for a replay, so looking back never disturbs the live run's numbering.
    struct Derived {
        KernelOnlyRows kernelRows;
        RequestNumbers requests;
        LiveTick add(const RunTick &tick);
        void clear();
    };
    bool m_detached = false;
    Derived m_live;
    Derived m_replay;
    std::function<void(const LiveTick &)> m_tickListener;
    int m_only = -1;
};
