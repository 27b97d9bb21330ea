// What a running lab shows, taken once per tick on the GUI thread and handed to everyone who
// follows the run: the calls traced since the last tick and one SocketSnapshot (every socket
// read and probed once, peers paired). The window's live views, the predictions and a check
// all see the same tick, so they agree, and the trace has one reader.
#pragma once

#include <KernelOnlySockets.h>
#include <SocketRegistry.h>
#include <SocketSnapshot.h>
#include <TraceStream.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

inline const std::vector<socketlab::KernelOnlySocket> &noKernelRows()
{
    static const std::vector<socketlab::KernelOnlySocket> none;
    return none;
}

struct RunTick {
    const std::vector<socketlab::TraceEvent> &events;  // traced since the last tick, in order
    const socketlab::SocketSnapshot &sockets;          // every socket now
    std::int64_t nowNs;                                // steady clock, when the snapshot was taken
    // The TCP sockets the kernel keeps on the lab's addresses that no open socket of the lab
    // holds (a TIME_WAIT after the server exited, its timer counted down; a connection queued
    // for accept()), each with its kind: KernelOnlySockets.h.
    const std::vector<socketlab::KernelOnlySocket> &kernelOnly = noKernelRows();
};

class RunListener {
public:
    virtual ~RunListener() = default;
    virtual void runTicked(const RunTick &tick) = 0;
    virtual void runReset() {}  // the lab was Reset: what was seen so far is gone
};

class RunFeed {
public:
    static constexpr std::size_t kEventsPerTick = 2000;             // the GUI takes the trace at its own pace
    static constexpr std::int64_t kClosedLingerNs = 3'000'000'000;  // closed sockets stay listed 3 s, then go
    // ... the newest of them: a server making thousands of connections a second would leave
    // tens of thousands listed, more than a view can show, each walked at every tick.
    static constexpr std::size_t kClosedKept = 512;

    RunFeed(std::shared_ptr<socketlab::TraceStream> trace, std::shared_ptr<socketlab::SocketRegistry> registry);

    void follow(RunListener *listener);
    void unfollow(RunListener *listener);
    void tick();      // drains the trace, takes the snapshot, tells every listener
    void resetRun();  // drops what waits in the trace, tells every listener
    // For a picture of one moment: waits (at most limit) for the kernel's answer to the last
    // tick's question, so that the next tick shows the kernel's rows of this moment. Whether
    // it came. A window being used never waits: its rows come one answer later.
    bool waitForKernelRows(std::chrono::milliseconds limit) const { return m_kernelOnly.waitForAnswer(limit); }

private:
    std::shared_ptr<socketlab::TraceStream> m_trace;
    std::shared_ptr<socketlab::SocketRegistry> m_registry;
    std::vector<RunListener *> m_listeners;
    std::vector<socketlab::TraceEvent> m_events;  // reused each tick
    socketlab::KernelOnlySockets m_kernelOnly;    // kept over Reset: the kernel still holds what it held
};
