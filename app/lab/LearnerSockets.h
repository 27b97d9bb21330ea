// The sockets of a learner's program, as the tracer reports its calls: one SocketRecord per
// socket (known by its inode; no descriptor of ours), kept in the lab's registry with its
// state, endpoints and byte counts, and the calls as TraceEvents in the lab's trace, so the
// socket table, the sequence diagram and the trace log show them as they show built-in ones.
// Used by the thread that reads the tracer's reports.
#pragma once

#include "LearnerReport.h"

#include <SocketRecord.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

class LearnerSockets {
public:
    LearnerSockets(std::shared_ptr<socketlab::TraceStream> trace, std::shared_ptr<socketlab::SocketRegistry> registry,
                   std::string owner);
    void callBegins(const LearnerReport &report);
    void callEnds(const LearnerReport &report);
    void processEnded();  // the process is gone, and every socket it held with it
    // The inodes of the sockets the process holds now (/proc/PID/fd): any other socket of it
    // was closed without a traced close() (garbage-collected, os.close()) and is closed here.
    void keepOnlyHeld(const std::unordered_set<std::uint64_t> &held);

    static socketlab::TraceCall callNamed(const QString &name);  // None for one the trace does not know

private:
    std::shared_ptr<socketlab::SocketRecord> record(quint64 inode, int family, int type);
    void push(const LearnerReport &report, socketlab::TracePhase phase, const socketlab::SocketRecord *record);

    const std::shared_ptr<socketlab::TraceStream> m_trace;
    const std::shared_ptr<socketlab::SocketRegistry> m_registry;
    const std::string m_owner;
    std::unordered_map<quint64, std::shared_ptr<socketlab::SocketRecord>> m_open;  // by inode
    // Closed by keepOnlyHeld: a report still on its way (close() returning) finds them here.
    static constexpr std::size_t kDroppedKept = 256;
    std::unordered_map<quint64, std::shared_ptr<socketlab::SocketRecord>> m_dropped;
};
