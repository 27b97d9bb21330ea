// Observe mode's engine: the sockets on a port or of a process, any process on this machine,
// kept as one SocketRecord per inode in a registry so the socket table, gauges and
// receive-buffer view show them as they show a lab's own. Read-only: it only reads the
// kernel's tables (sock_diag) and /proc, never opens, connects to or writes to a socket it
// observes. A thread of its own refreshes the records at a steady rate, so the GUI thread
// never reads /proc; sockets that vanish become closed.
#pragma once

#include "ObserveTarget.h"

#include <SocketRecord.h>
#include <SocketRegistry.h>

#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

struct ObserverTimings {
    std::uint64_t refreshes = 0;
    std::uint64_t ownerScans = 0;      // reads of every process's /proc/PID/fd
    std::int64_t lastOwnerScanNs = 0;  // how long the last one took
    std::int64_t longestOwnerScanNs = 0;
    std::int64_t lastRefreshNs = 0;    // one refresh, scans included
};

class SocketObserver : public QObject {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 250;

    SocketObserver(ObserveTarget target, std::shared_ptr<socketlab::SocketRegistry> registry, QObject *parent = nullptr);
    ~SocketObserver() override;

    const ObserveTarget &target() const { return m_target; }
    // Refreshes every intervalMs on the observer's thread until stop() or destruction.
    void start(int intervalMs = kRefreshMs);
    void stop();
    // One refresh on the calling thread (the command line's --list, tests); not while started.
    void refreshNow();

    std::size_t openCount() const { return m_openCount.load(std::memory_order_acquire); }
    bool targetGone() const { return m_gone.load(std::memory_order_acquire); }
    QString problem() const;  // why the kernel's tables could not be read; "" when they could
    ObserverTimings timings() const;

    // The name a process's sockets are shown under: "python3 (1234)"; a socket no process
    // we may read holds: "another user's process".
    static QString ownerText(long pid);

signals:
    void processExited();  // the observed process is gone (emitted once, from the observer's thread)

private:
    void refresh();
    void run(int intervalMs);

    const ObserveTarget m_target;
    const std::shared_ptr<socketlab::SocketRegistry> m_registry;
    // Touched by the refreshing thread only (start() or refreshNow(), never both).
    std::unordered_map<std::uint64_t, std::shared_ptr<socketlab::SocketRecord>> m_records;  // open, by inode

    std::atomic<std::size_t> m_openCount{0};
    std::atomic<bool> m_gone{false};
    mutable std::mutex m_mutex;  // guards what follows
    QString m_problem;
    ObserverTimings m_timings;
    bool m_stopping = false;
    std::condition_variable m_wake;
    std::thread m_thread;
};
