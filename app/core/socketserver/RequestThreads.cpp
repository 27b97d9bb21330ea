// RequestThreads: start, reap, join.
#include "RequestThreads.h"

#include "sys/Syscalls.h"
#include "sys/ForkSyscalls.h"

#include <utility>
#include <vector>

namespace socketlab::socketserver {

std::int64_t currentThreadId()
{
    return sys::gettid().value;
}

void RequestThreads::start(std::function<void()> work, bool daemon)
{
    auto done = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([work = std::move(work), done] {
        work();
        done->store(true, std::memory_order_release);
    });
    std::lock_guard lock(m_mutex);
    reapLocked();
    m_threads.push_back(Entry{std::move(thread), std::move(done), daemon});
}

void RequestThreads::reapLocked()
{
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if (it->done->load(std::memory_order_acquire)) {
            it->thread.join();  // returns at once: the work has ended
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
}

void RequestThreads::joinNonDaemon()
{
    std::vector<std::thread> waiting;
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_threads.begin(); it != m_threads.end();) {
            if (!it->daemon) {
                waiting.push_back(std::move(it->thread));
                it = m_threads.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (std::thread &t : waiting)  // joined without the lock, so running() can still answer meanwhile
        t.join();
}

void RequestThreads::joinAll()
{
    std::list<Entry> all;
    {
        std::lock_guard lock(m_mutex);
        all.swap(m_threads);
    }
    for (Entry &e : all)
        e.thread.join();
}

std::size_t RequestThreads::running() const
{
    std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const Entry &e : m_threads)
        n += e.done->load(std::memory_order_acquire) ? 0u : 1u;
    return n;
}

} // namespace socketlab::socketserver
