// The one interface of the window's live views (socket table, sequence diagram, trace log,
// accept queues, receive buffers, SocketServer flow). LiveViews registers each view once
// and feeds all of them on the GUI thread; a view never reads the registry or probes a
// socket itself, so every socket is probed once per tick and all views agree.
//
// To add a view: implement LiveView on a widget and add it in LiveViews' constructor.
#pragma once

#include "KernelOnlyRows.h"
#include "RequestNumbers.h"

#include <RunFeed.h>

struct LabDefinition;

// What every view gets once per tick: the lab's RunFeed tick (events and one snapshot), and
// what LiveViews works out from it once for all of them: the kernel-only rows with their panes
// (a connection not accepted yet, a forked child's end) and the run's request numbers.
struct LiveTick : RunTick {
    const KernelOnlyRows &kernelRows;
    const RequestNumbers &requests;
};

class LiveView {
public:
    virtual ~LiveView() = default;
    virtual void feed(const LiveTick &tick) = 0;  // once per tick: take the events, then show the sockets
    virtual void forgetRun() = 0;                 // forget the run: after Reset, and when a lab opens or closes
    // Whether the view has something to show for this lab; while false its tab is hidden,
    // and it is brought to the front when it turns true (the SocketServer flow, say).
    virtual bool hasContent() const { return true; }
    // The lab just opened (before forgetRun): for a view whose use depends on the lab.
    virtual void labOpened(const LabDefinition &) {}
};
