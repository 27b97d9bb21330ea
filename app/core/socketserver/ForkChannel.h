// A ForkingMixIn server's end of its channel to the fork helper: asks for a child per
// request, learns the child's pid and exit, forwards the children's trace events and
// handle_error reports into the server's own trace and error output. Used by the server's
// thread only (process_request, collect_children, server_close).
#pragma once

#include "StageTrace.h"

#include <Result.h>

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace socketlab::socketserver {

class BaseServer;
struct ForkMessage;
struct Request;

// Why a child could not be started: os.fork's OSError in Python, or SocketLab's own reasons
// (no fork helper, a handler class without a registered name). what() is a sentence for the
// learner; handle_error prints it as it is, without a C++ type name.
class ForkError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ChildExit {
    std::int64_t pid = 0;
    int code = 0;  // exit code, or minus the signal that killed it
};

// A child's start or exit, for a pane that says it in words ("child 12345 started").
struct ChildLifecycle {
    std::int64_t pid = 0;
    bool exited = false;
    int code = 0;  // when exited: exit code, or minus the signal that killed it
};
using ChildObserver = std::function<void(const ChildLifecycle &)>;

class ForkChannel {
public:
    // Attaches to the helper, if it runs. Should the helper end, its children end with it (they
    // are reported as killed) and the next startChild() attaches to the one that replaced it.
    explicit ForkChannel(BaseServer &server);
    ~ForkChannel();  // the helper then kills this server's children that still run
    ForkChannel(const ForkChannel &) = delete;
    ForkChannel &operator=(const ForkChannel &) = delete;

    int descriptor() const { return m_fd; }  // readable when the helper or a child says something; -1: none

    // Forks a child that runs the server's handler class on the request; returns its pid.
    // Throws ForkError or SocketException (the server's handle_error reports it).
    std::int64_t startChild(const Request &request, int family, int type);
    // Reads every message waiting, without blocking. Exits pile up for takeExits().
    void readAvailable();
    // Blocks until a message comes (cancellable by the server's CancelToken).
    Status waitForMessage();
    std::vector<ChildExit> takeExits();
    void reap(std::int64_t pid);  // the zombie goes (Python: waitpid in collect_children)
    void setChildObserver(ChildObserver observer) { m_observer = std::move(observer); }

private:
    struct Answer {  // the helper's answer to a Fork order
        std::int64_t pid = 0;
        int failure = 0;  // errno, or kUnknownHandler
    };
    // Handles one received message (rc as receiveForkMessage returns it); true when it is
    // the answer about awaitedRequest.
    bool dispatch(int rc, ForkMessage &message, std::uint64_t awaitedRequest, Answer &answer);
    bool attach();      // to the helper running now; false (m_unavailable says why) if none
    void helperGone();  // the channel broke: the helper has ended, and its children with it
    void traceChild(TraceCall call, const StageSubject &subject, std::int64_t pid, int code, std::int64_t timeNs) const;
    void pushChildEvents(const std::vector<TraceEvent> &events) const;  // to the server's trace stream

    BaseServer &m_server;
    int m_fd = -1;
    std::string m_unavailable;  // why there is no channel
    std::int64_t m_helperPid = 0;  // the helper this channel is attached to
    std::vector<ChildExit> m_exits;
    std::map<std::int64_t, StageSubject> m_running;  // pid -> its request, for the exit's event
    StageSubject m_awaited;                          // the request whose fork is being answered
    ChildObserver m_observer;
    // Lines a child printed before the helper's Started answer reached us: shown after
    // "started", in the order the learner expects.
    std::vector<std::string> m_earlyConsole;
};

} // namespace socketlab::socketserver
