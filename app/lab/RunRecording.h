// A lab run as it was seen: every tick of its RunFeed (the calls traced, the sockets as the
// views showed them) and every report of its panes (steps, states, console lines, input,
// published values), each with its time. Going back to any moment is feeding the views what
// was recorded up to it: nothing touches a socket. Memory is bounded: past the limit the
// oldest frames go, and droppedBeforeNs() says from when history is whole.
#pragma once

#include "LabDefinition.h"
#include "RunFeed.h"

#include <SocketSnapshot.h>
#include <TraceEvent.h>

#include <QString>

#include <cstdint>
#include <deque>
#include <functional>
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
};

class RunRecording {
public:
    static constexpr std::size_t kDefaultBudgetBytes = 64u << 20;

    explicit RunRecording(std::size_t budgetBytes = kDefaultBudgetBytes);

    void setLab(const LabDefinition &lab) { m_lab = lab; }
    const LabDefinition &lab() const { return m_lab; }

    void addFrame(std::int64_t timeNs, const std::vector<socketlab::TraceEvent> &events, const socketlab::SocketSnapshot &sockets);
    void addReport(PaneReport report);
    // For a loaded run: frames and reports as they were saved, in time order.
    void restore(std::deque<RecordedFrame> frames, std::deque<PaneReport> reports, std::int64_t droppedBeforeNs);
    void clear();

    const std::deque<RecordedFrame> &frames() const { return m_frames; }
    const std::deque<PaneReport> &reports() const { return m_reports; }
    bool isEmpty() const { return m_frames.empty() && m_reports.empty(); }
    std::int64_t startNs() const;  // the first moment recorded (0 when empty)
    std::int64_t endNs() const;    // the last
    std::int64_t droppedBeforeNs() const { return m_droppedBeforeNs; }  // 0: nothing was dropped
    std::size_t approximateBytes() const { return m_bytes; }
    std::size_t budgetBytes() const { return m_budget; }

    // Calls onFrame with each recorded tick up to and including timeNs, in order: what views
    // fed from the start show then.
    void feedUntil(std::int64_t timeNs, const std::function<void(const RunTick &)> &onFrame) const;
    // The reports up to and including timeNs, in order.
    std::vector<const PaneReport *> reportsUntil(std::int64_t timeNs) const;

private:
    void keepWithinBudget();
    std::size_t frameBytes(const RecordedFrame &frame, bool countSockets) const;

    LabDefinition m_lab;
    std::deque<RecordedFrame> m_frames;
    std::deque<PaneReport> m_reports;
    std::size_t m_budget;
    std::size_t m_bytes = 0;
    std::int64_t m_droppedBeforeNs = 0;
};

// A sample frozen as it is now, with a record of its own holding the counters and state.
socketlab::SocketSample frozenSample(const socketlab::SocketSample &live);
// Whether two samples of the same socket would show the same in every view.
bool sameSample(const socketlab::SocketSample &a, const socketlab::SocketSample &b);
