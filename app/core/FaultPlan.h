// Faults a teacher or an exercise injects into one pane's sockets, so that loopback's luck
// (every small message arrives whole, in one recv; every connect is accepted; no datagram is
// lost) cannot pass a program that would fail on a real network. The sockets of a context
// with a plan consult it in their calls; every call a fault changed is marked in the trace
// (TraceFlagInjected), so a learner can tell what the network did from what SocketLab did.
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>

namespace socketlab {

class CancelToken;

struct FaultSettings {
    std::size_t recvMax = 0;     // every recv on a stream returns at most this many bytes (0: off)
    std::size_t nextRecvMax = 0; // only the next recv on a stream does (0: off)
    std::size_t sendPiece = 0;   // every send() takes at most this many bytes, each piece after a
                                 // short pause, so a waiting reader gets them apart (0: off)
    int coalesceMs = 0;          // every recv first waits this long, so what is sent meanwhile
                                 // arrives together in one recv (0: off)
    int delayMs = 0;             // every send and sendto waits this long first (0: off)
    int refuseConnects = 0;      // the next this many connects fail with ECONNREFUSED
    int dropDatagrams = 0;       // the next this many datagrams sent are lost on the way

    bool any() const
    {
        return recvMax || nextRecvMax || sendPiece || coalesceMs || delayMs || refuseConnects || dropDatagrams;
    }
    friend bool operator==(const FaultSettings &a, const FaultSettings &b);
};

class FaultPlan {
public:
    static constexpr int kSplitPauseMs = 30;  // between the pieces of a split send

    void set(const FaultSettings &settings);
    FaultSettings settings() const;
    bool isActive() const { return m_active.load(std::memory_order_acquire); }  // any fault set

    // What a socket call asks; each "take" uses up a one-time fault. Thread-safe.
    std::size_t recvLimit(std::size_t asked, bool *injected);  // for a stream recv
    std::size_t sendLimit(std::size_t length, bool *injected);
    int pauseBeforeSend() const;  // ms: the delay, plus the split pause
    int pauseBeforeRecv() const;  // ms: the coalescing wait
    bool takeRefusedConnect();
    bool takeDroppedDatagram();

private:
    mutable std::mutex m_mutex;
    FaultSettings m_settings;
    std::atomic<bool> m_active{false};  // lets a socket skip the lock when nothing is injected
};

// Sleeps ms unless the token is cancelled first (Stop): false when cancelled.
bool pauseUnlessCancelled(int ms, const CancelToken *cancel);

} // namespace socketlab
