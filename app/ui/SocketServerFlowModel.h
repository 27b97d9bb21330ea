// What the SocketServer model is doing, from its stage events (socketserver/StageTrace.h):
// which of the request-handling stages is running now, which ran recently, the order they
// began in, and the request threads or child processes alive. Plain C++; the widget is
// SocketServerFlowView.
//
// Bounded: the order of visits keeps the last kMaxVisits stages, the workers list at most
// kMaxWorkers rows (ended ones go first, after lingering kEndedShownNs), the per-request
// stage map the newest kMaxRequests requests.
#pragma once

#include <TraceEvent.h>

#include "RequestNumbers.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

class SocketServerFlowModel {
public:
    // The boxes, in the order a request passes them. The first is the loop that drives them:
    // serve_forever, or handle_request when the program calls that instead.
    enum Box { Loop, GetRequest, VerifyRequest, ProcessRequest, FinishRequest, Setup, Handle, Finish, ShutdownRequest, BoxCount };
    static int boxOf(socketlab::TraceCall call);  // -1: not one of the boxes
    static constexpr std::size_t kMaxVisits = 512;
    static constexpr std::size_t kMaxWorkers = 64;
    static constexpr std::size_t kMaxRequests = 256;
    static constexpr std::int64_t kFadeNs = 1'500'000'000;       // a passed stage fades this long
    static constexpr std::int64_t kEndedShownNs = 1'500'000'000;  // an ended thread stays listed this long

    struct StageBox {
        socketlab::TraceCall call = socketlab::TraceCall::None;  // Loop: the last of serve_forever / handle_request
        int active = 0;                  // begun and not yet ended (threads may overlap)
        std::uint64_t entered = 0;       // times it began
        std::int64_t lastBeginNs = 0;
        std::int64_t lastEndNs = 0;
        bool lastFailed = false;         // its last end was Failed (an exception)
    };
    struct Visit {
        socketlab::TraceCall call;
        std::uint64_t requestId;
        std::int64_t timeNs;
    };
    struct Worker {
        bool process = false;            // a child process (ForkingMixIn), else a thread
        std::int64_t id = 0;             // thread id or pid
        std::uint64_t requestId = 0;     // the core's id (stageOf takes it)
        std::uint64_t number = 0;        // the run's number of the request, as shown (RequestNumbers)
        std::string client;
        std::int64_t startedNs = 0;
        bool ended = false;
        std::int64_t endedNs = 0;
        int exitCode = 0;                // child processes: negative when killed by that signal
    };

    SocketServerFlowModel();
    // true if any were stages. numbers: the run's request numbers, to show (else the core's ids).
    bool addEvents(const std::vector<socketlab::TraceEvent> &events, const RequestNumbers *numbers = nullptr);
    bool prune(std::int64_t nowNs);  // drops ended workers shown long enough; true if any went
    void clear();

    bool seenServer() const { return m_seen; }
    const std::array<StageBox, BoxCount> &boxes() const { return m_boxes; }
    int currentBox() const;  // the active box begun most recently; -1 when none is active
    // 1 while active, fading to 0 over kFadeNs after it last ended.
    double intensity(int box, std::int64_t nowNs) const;
    const std::deque<Visit> &visits() const { return m_visits; }
    const std::vector<Worker> &workers() const { return m_workers; }
    std::size_t workersDropped() const { return m_workersDropped; }
    // The stage a request is in now (or last began); None if unknown.
    socketlab::TraceCall stageOf(std::uint64_t requestId) const;

private:
    void onWorker(const socketlab::TraceEvent &e, const RequestNumbers *numbers);
    void addWorker(Worker w);
    void recordVisit(const socketlab::TraceEvent &e);

    bool m_seen = false;
    std::array<StageBox, BoxCount> m_boxes{};
    std::deque<Visit> m_visits;
    std::vector<Worker> m_workers;
    std::size_t m_workersDropped = 0;
    std::map<std::uint64_t, socketlab::TraceCall> m_requestStage;
};
