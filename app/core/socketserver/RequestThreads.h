// The threads of a ThreadingMixIn server, like Python's _Threads: finished threads are
// reaped (joined) whenever a new one starts, so 1000 requests leave no 1000 thread objects;
// server_close joins the rest. A C++ thread may not outlive the server object it uses, so
// unlike Python's daemon threads, joinAll() (the destructor's) waits for every thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace socketlab::socketserver {

// The kernel's id of the calling thread (gettid), as /proc/self/task and `ps -L` list it.
std::int64_t currentThreadId();

class RequestThreads {
public:
    RequestThreads() = default;
    ~RequestThreads() { joinAll(); }
    RequestThreads(const RequestThreads &) = delete;
    RequestThreads &operator=(const RequestThreads &) = delete;

    // Starts work on a new thread; throws std::system_error if none can be made, as Python's
    // Thread.start raises RuntimeError.
    void start(std::function<void()> work, bool daemon);
    void joinNonDaemon();  // server_close with block_on_close
    void joinAll();
    std::size_t running() const;

private:
    struct Entry {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
        bool daemon = false;
    };
    void reapLocked();

    mutable std::mutex m_mutex;
    std::list<Entry> m_threads;
};

} // namespace socketlab::socketserver
