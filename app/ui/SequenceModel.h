// The sequence diagram as data: trace events turned into lifelines (one per socket, grouped
// by pane), call boxes on rows that run top to bottom in trace order, blocked bars, and the
// arrows between sockets: connect -> accept, and every send -> recv with the bytes it
// carried (found by SequenceMatcher). No painting here (SequenceRenderer draws it), so tests
// can assert on it. Fed a tick at a time: the tick's events, then the tick's SocketSnapshot.
//
// Rows, not clock time, lay the diagram out: a row is one moment worth drawing (a call's
// start, a wait, an end), so a burst of calls in a microsecond stays readable and a
// two-second wait does not eat the screen; the blocked bar says how long it was.
//
// Memory stays bounded in a long run: at most kMaxCalls calls are kept (the oldest closed
// ones and their rows, arrows and stage marks are dropped in chunks), lifelines go with
// their last row once closed, and every queue waiting for a partner is capped.
#pragma once

#include "SequenceMatcher.h"

#include <SocketSnapshot.h>
#include <TraceEvent.h>

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <vector>

class SequenceModel {
    Q_DECLARE_TR_FUNCTIONS(SequenceModel)
public:
    static constexpr std::size_t kMaxCalls = 3000;
    static constexpr std::size_t kPruneChunk = 500;      // dropped at once, so pruning is rare
    static constexpr std::size_t kMaxWaiting = SequenceMatcher::kMaxWaiting;
    static constexpr int kMaxStageText = 90;             // characters of socketserver stages per mark
    // A wait shorter than this is not drawn as blocking: a loopback connect() that waits
    // 0.05 ms for its handshake did not block in any sense a learner means.
    static constexpr std::int64_t kShortestWaitShownNs = 1'000'000;

    struct Lifeline {
        std::uint32_t socketId = 0;
        int fd = -1;
        int family = 0;
        int type = 0;
        QString owner;            // the pane that made the socket
        std::int64_t firstRow = 0;
        std::int64_t endRow = -1;  // the close() row; -1 while open
        std::uint32_t peerId = 0;  // the other end of the connection, once known
        QString local;             // its address, "127.0.0.1:21567", once bound
        QString header() const;    // "server · fd 4 · TCP"
    };

    struct Call {
        std::uint64_t serial = 0;  // increasing in start order
        std::uint32_t socketId = 0;
        socketlab::TraceCall call = socketlab::TraceCall::None;
        std::uint64_t parent = 0;  // sendall around its send()s
        int depth = 0;             // nesting, or calls running at once on one socket
        std::int64_t startRow = 0;
        std::int64_t endRow = -1;      // -1 while running
        std::int64_t blockedRow = -1;  // where it started waiting; -1 if it never did
        std::int64_t beginNs = 0;
        std::int64_t blockedAtNs = 0;
        std::int64_t blockedNs = 0;    // on end: time spent waiting
        std::int64_t arg = 0;
        std::int64_t result = 0;
        std::uint32_t flags = 0;
        bool failed = false;
        QString address;  // bind/connect/sendto target, accept/recvfrom peer
        QString error;    // "ConnectionRefusedError", "socket.timeout"
        bool open() const { return endRow < 0; }
        bool blocked() const { return blockedRow >= 0; }
        // Drawn as blocked: still waiting, or it waited long enough to matter.
        bool waitShown() const { return blocked() && (open() || blockedNs >= kShortestWaitShownNs); }
    };

    using ArrowKind = SequenceMatcher::Kind;
    struct Arrow {
        ArrowKind kind = ArrowKind::Stream;
        std::uint64_t from = 0;  // call serials: connect, send, sendto ...
        std::uint64_t to = 0;    // accept, recv, recvfrom ...
        std::int64_t bytes = 0;  // bytes of `from` that `to` took; Connect: 0
        bool truncated = false;  // a datagram longer than the receiver's buffer
    };

    // A connect() the kernel has completed (or is still trying) that no accept() took yet:
    // the connection waits in the listener's accept queue, so its arrow ends at the listener.
    struct PendingConnect {
        std::uint64_t connect = 0;     // the connect call's serial
        std::uint32_t listenerId = 0;  // the listening socket's lifeline
        bool completed = false;        // connect() returned: queued; else still waiting for room
    };

    // socketserver stages drawn as a thin label on a row: "get_request › verify_request".
    struct StageMark {
        std::int64_t row = 0;
        std::uint32_t socketId = 0;
        QString text;
    };

    SequenceModel();
    SequenceModel(const SequenceModel &) = delete;  // its matcher reports arrows to this object
    SequenceModel &operator=(const SequenceModel &) = delete;
    // The tick's events in order; `sockets` is the snapshot taken after they were traced.
    void addEvents(const std::vector<socketlab::TraceEvent> &events, const socketlab::SocketSnapshot &sockets);
    // Once per tick, after addEvents: pairs what the snapshot now pairs, re-reads addresses
    // and states; true if anything changed.
    bool refresh(const socketlab::SocketSnapshot &sockets);
    void clear();

    const std::vector<Lifeline> &lifelines() const { return m_lifelines; }  // in column order
    int column(std::uint32_t socketId) const;  // -1 if none
    const Lifeline *lifeline(std::uint32_t socketId) const;
    const std::deque<Call> &calls() const { return m_calls; }
    const Call *call(std::uint64_t serial) const;
    const std::deque<Arrow> &arrows() const { return m_arrows; }
    const std::deque<StageMark> &stageMarks() const { return m_stages; }
    std::vector<PendingConnect> pendingConnects() const;
    std::int64_t firstRow() const { return m_firstRow; }
    std::int64_t endRow() const { return m_firstRow + static_cast<std::int64_t>(m_rowTimes.size()); }  // one past
    std::int64_t rowCount() const { return static_cast<std::int64_t>(m_rowTimes.size()); }
    std::int64_t rowTimeNs(std::int64_t row) const;
    std::int64_t originNs() const { return m_originNs; }  // the first event's time: time labels count from it
    std::uint64_t revision() const { return m_revision; }  // changes whenever the diagram does
    std::uint64_t droppedCalls() const { return m_droppedCalls; }
    std::size_t waitingCount() const { return m_matcher.waitingCount(); }  // calls still waiting for a partner

    QString callLabel(const Call &call) const;  // "recv(1024) → 5 B"
    static QString bytesText(std::int64_t bytes);

private:
    void addEvent(const socketlab::TraceEvent &e);
    void addStage(const socketlab::TraceEvent &e);
    void addSocketCreated(const socketlab::TraceEvent &e);
    void beginCall(const socketlab::TraceEvent &e);
    void blockCall(const socketlab::TraceEvent &e);
    void endCall(const socketlab::TraceEvent &e);
    void callEnded(Call &c, const socketlab::TraceEvent &e);
    void dataMoved(const Call &c, const socketlab::TraceEvent &e);
    Lifeline &ensureLifeline(std::uint32_t socketId, int fd, std::int64_t row, const Lifeline *like = nullptr);
    const socketlab::SocketSample *sample(std::uint32_t socketId) const;
    bool isStream(std::uint32_t socketId) const;
    Call *findCall(std::uint64_t serial);
    std::int64_t newRow(std::int64_t timeNs);
    std::int64_t lastRow() const { return endRow() - 1; }

    void joinKnownPeer(std::uint32_t socketId);
    void matchAccepts();
    void addArrow(ArrowKind kind, std::uint64_t from, std::uint64_t to, std::int64_t bytes, bool truncated);
    void prune();
    void reindex();

    const socketlab::SocketSnapshot *m_sockets = nullptr;  // during one addEvents() / refresh()

    std::vector<Lifeline> m_lifelines;
    std::unordered_map<std::uint32_t, int> m_columns;
    std::unordered_map<std::uint32_t, std::vector<std::uint64_t>> m_running;  // per socket, innermost last
    std::deque<Call> m_calls;
    std::deque<Arrow> m_arrows;
    std::deque<StageMark> m_stages;
    std::deque<std::int64_t> m_rowTimes;
    std::int64_t m_firstRow = 0;
    std::int64_t m_originNs = -1;
    std::uint64_t m_nextSerial = 1;
    std::uint64_t m_revision = 0;
    std::uint64_t m_droppedCalls = 0;
    // Row sharing: a call that nothing interrupted ends (or starts waiting) on its own start
    // row, so simple calls are one row tall; sendall may end on its last send's row.
    std::uint64_t m_rowOpenForEndOf = 0;
    SequenceMatcher m_matcher;
};
