// A lab run as it was seen: every tick of its RunFeed (the calls traced, the sockets as the
// views showed them) and every report of its panes (steps, states, console lines, input,
// published values), each with its time. Going back to any moment is feeding the views what
// was recorded up to it: nothing touches a socket. Memory is bounded: past the limit the
// oldest frames go, and droppedBeforeNs() says from when history is whole.
#pragma once

#include "LabDefinition.h"
#include "RunFeed.h"

#include <KernelOnlySockets.h>
#include <SocketSnapshot.h>
#include <TraceEvent.h>

#include <QString>

#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

struct PaneReport {
    enum class Kind : std::uint8_t {
        Listing,         // text: the listing as the pane shows it (parameters in place), lines joined by \n
        Step,            // text: step id; number: its line
        State,           // number: PaneRunner::State
        Output,          // text: a console line
        Error,           // text: the error as Python prints it
        InputRequested,  // text: the prompt
        Published,       // text: name; detail: value
        Finished,        // number: exit code
    };
    std::int64_t timeNs = 0;
    QString pane;
    Kind kind = Kind::Output;
    QString text;
    QString detail;
    int number = 0;
};

struct RecordedFrame {
    std::int64_t timeNs = 0;
    std::vector<socketlab::TraceEvent> events;
    // The sockets at that tick, each with a record of its own (counters, state as they were);
    // shared with the frame before when nothing changed.
    std::shared_ptr<const std::vector<socketlab::SocketSample>> sockets;
    // The kernel-only rows (RunTick::kernelOnly) at that tick: the rows last stored (shared
    // with the frames before while only their timers counted down; null: none), their timers
    // counted down by kernelAgeMs. A TIME_WAIT ticking away is one stored list, not one a tick.
    std::shared_ptr<const std::vector<socketlab::KernelOnlySocket>> kernelOnly;
    std::int64_t kernelAgeMs = 0;
    // The rows as the live views were given them.
    std::vector<socketlab::KernelOnlySocket> kernelRows() const;
};

class RunRecording {
public:
    static constexpr std::size_t kDefaultBudgetBytes = 64u << 20;

    explicit RunRecording(std::size_t budgetBytes = kDefaultBudgetBytes);

    void setLab(const LabDefinition &lab) { m_lab = lab; }
    const LabDefinition &lab() const { return m_lab; }

    void addFrame(std::int64_t timeNs, const std::vector<socketlab::TraceEvent> &events, const socketlab::SocketSnapshot &sockets,
                  const std::vector<socketlab::KernelOnlySocket> &kernelOnly = noKernelRows());
    void addReport(PaneReport report);
    // For a loaded run: frames and reports as they were saved, in time order.
    void restore(std::deque<RecordedFrame> frames, std::deque<PaneReport> reports, std::int64_t droppedBeforeNs);
    void clear();

    const std::deque<RecordedFrame> &frames() const { return m_frames; }
    const std::deque<PaneReport> &reports() const;
    bool isEmpty() const { return m_frames.empty() && m_reports.empty() && m_lateReports.empty(); }
    std::int64_t startNs() const;  // the first moment recorded (0 when empty)
    std::int64_t endNs() const;    // the last
    std::int64_t droppedBeforeNs() const { return m_droppedBeforeNs; }  // 0: nothing was dropped
    std::size_t approximateBytes() const { return m_bytes; }
    std::size_t budgetBytes() const { return m_budget; }

    // Calls onFrame with each recorded tick up to and including timeNs, in order: what views
    // fed from the start show then. With afterNs, only the ticks after it: views that show an
    // earlier moment move on to this one.
    void feedUntil(std::int64_t timeNs, const std::function<void(const RunTick &)> &onFrame,
                   std::int64_t afterNs = std::numeric_limits<std::int64_t>::min()) const;
    // The reports up to and including timeNs, in order.
    std::vector<const PaneReport *> reportsUntil(std::int64_t timeNs) const;

private:
    void keepWithinBudget();
    // A frame's own bytes: what it shares with the frame before (`before`) is counted there.
    static std::size_t frameBytes(const RecordedFrame &frame, const RecordedFrame *before);
    void shareKernelRows(RecordedFrame &frame, const std::vector<socketlab::KernelOnlySocket> &live) const;
    void settleReports() const;

    LabDefinition m_lab;
    std::deque<RecordedFrame> m_frames;
    // In time order. A report older than the newest one stored waits in m_lateReports until
    // the next read merges them all in one pass: panes deliver a batch each, so under load a
    // whole batch is late, and inserting each in the middle of the deque moved the newer
    // reports once per late one (the window's largest cost under a 200-client classroom).
    mutable std::deque<PaneReport> m_reports;
    mutable std::vector<PaneReport> m_lateReports;  // in arrival order
    std::size_t m_budget;
    std::size_t m_bytes = 0;
    std::int64_t m_droppedBeforeNs = 0;
};

// A sample frozen as it is now, with a record of its own holding the counters and state.
socketlab::SocketSample frozenSample(const socketlab::SocketSample &live);
// Whether two samples of the same socket would show the same in every view.
bool sameSample(const socketlab::SocketSample &a, const socketlab::SocketSample &b);
// Whether two kernel-only rows would show the same in every view.
bool sameKernelRow(const socketlab::KernelOnlySocket &a, const socketlab::KernelOnlySocket &b);
// The rows with their timers counted down by ms, as KernelOnlySockets counts them between asks.
std::vector<socketlab::KernelOnlySocket> countedDown(const std::vector<socketlab::KernelOnlySocket> &rows, std::int64_t ms);
