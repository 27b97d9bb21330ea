// The fork helper: a small process, forked from the app before it starts any thread and
// at once exec'd as a fresh start of this program with every library call bound (LD_BIND_NOW:
// see helperEnvironment in ForkHelper.cpp), that never starts Qt, stays single-threaded and
// forks ForkingMixIn's children on the servers' behalf. Forking
// the multi-threaded app itself would copy every lock other threads hold at that instant
// (malloc's, the trace's, Qt's) into a child that can never release them.
//
// Each ForkingMixIn server gets its own channel to the helper (a SOCK_SEQPACKET socket pair);
// it sends each request's descriptor there (SCM_RIGHTS) with the name of its registered
// handler class; the helper forks a child that runs the handler and exits, reports the pid,
// and reports the exit while leaving the child a zombie until the server's collect_children
// reaps it, as waitpid would. Children send their stage events back on the same channel.
// Children never outlive their server object, and the helper never outlives the app.
//
// Should the helper end (killed, crashed), a thread of the app reaps it at once and starts a
// fresh one - by exec'ing this program again, which unlike fork is safe from a process that
// runs threads; startFromMain() in that process makes it the helper, so handler classes must
// be registered by the time it runs there too. Its children ended with it; servers attach to
// the new helper at their next request. A helper that ends three times within ten seconds is
// not replaced: forking then stays unavailable, and unavailableReason() says why.
#pragma once

#include <cstdint>
#include <string>

namespace socketlab::socketserver {

class ForkHelper {
public:
    // Starts the helper. Call it first thing in main(), before QApplication, threads or sockets;
    // handler classes must be registered by then (registerHandler at namespace scope is). In a
    // process started as a fresh helper it never returns: it serves as the helper.
    // Returns false, with unavailableReason() saying why, if the process already runs threads
    // or the helper could not be forked. Calling it again is harmless.
    static bool startFromMain();
    static bool isRunning();
    static std::int64_t pid();  // the helper's pid; 0 if not running
    static std::string unavailableReason();  // plain words, for the learner
    // How the last helper ended ("the helper process that forks the children (pid 4242) was
    // killed by signal 9 (SIGKILL)"); "" while the first one still runs.
    static std::string previousEnd();

    // A new channel to the helper for one server: the app's end, or -1 with errno set in *error.
    static int attachChannel(int *error);
};

} // namespace socketlab::socketserver
