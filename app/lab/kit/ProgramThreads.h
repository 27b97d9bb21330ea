// threading.Thread for pane programs: `t = threading.Thread(target=link_handler, args=(conn,
// address)); t.start()` is `threads.start("link_handler", [...] { linkHandler(...); })`.
//
// The thread's steps and prints go to the pane (ProgramContext is safe from several threads),
// so the pane's marked line moves between threads as each takes its turn at the gate. An
// exception that leaves the thread prints as Python prints it,
//     Exception in thread Thread-1 (link_handler):
//     ConnectionResetError: [Errno 104] Connection reset by peer
// and ends that thread only. Stop is not an exception of the thread: it ends quietly.
//
// No thread outlives its program: the destructor joins every thread, as Python waits for
// its non-daemon threads before the process ends. After a Stop that join is short, since
// Stop cancels every socket call and step of the pane. Own the object where the program's
// sockets are owned, so the threads are joined before those sockets close.
#pragma once

#include "../Program.h"

#include <socketserver/RequestThreads.h>

#include <atomic>
#include <functional>

class ProgramThreads {
public:
    explicit ProgramThreads(ProgramContext &ctx) : m_ctx(ctx) {}
    ~ProgramThreads() { m_threads.joinAll(); }
    ProgramThreads(const ProgramThreads &) = delete;
    ProgramThreads &operator=(const ProgramThreads &) = delete;

    // Starts target on a thread named as Python names it, "Thread-N (target)"; returns N.
    int start(const char *targetName, std::function<void()> target);
    std::size_t alive() const { return m_threads.running(); }  // threading.active_count() - 1

private:
    ProgramContext &m_ctx;
    socketlab::socketserver::RequestThreads m_threads;
    std::atomic<int> m_started{0};
};
