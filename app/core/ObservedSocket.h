// A socket another library owns, listed beside the core's own. Qt's QTcpServer and
// QTcpSocket make their descriptors and call the BSD API themselves; to show them in the
// same socket table, gauges and sequence diagram as the core's sockets, a program observes
// each descriptor: its SocketRecord joins the context's registry and is probed through the
// descriptor like any other.
//
// Read-only: the core never reads, writes or closes an observed descriptor. It asks the
// kernel what the socket is (its family, type and endpoints) and what it holds (the probes),
// and traces what the owner reports its library did, under the BSD names of the calls the
// library made underneath (QTcpServer::listen() is socket(), bind() and listen()). The
// owner also reports when the descriptor closes; since a library may close it before it
// says so, the record is probed only while the descriptor still names this socket.
#pragma once

#include "SocketContext.h"
#include "SocketRecord.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace socketlab {

class ObservedSocket {
public:
    ObservedSocket() = default;
    ~ObservedSocket();  // closed(), unless the owner said so already
    ObservedSocket(ObservedSocket &&other) noexcept;
    ObservedSocket &operator=(ObservedSocket &&other) noexcept;
    ObservedSocket(const ObservedSocket &) = delete;
    ObservedSocket &operator=(const ObservedSocket &) = delete;

    // Starts observing an open socket descriptor, listed under context.owner in its state
    // now (listening, connected or bound). Not a socket (closed, or a file): nothing is
    // listed and isObserved() is false. Nothing is traced.
    static ObservedSocket observe(int fd, SocketContext context);

    bool isObserved() const { return m_record != nullptr; }
    std::uint32_t id() const { return m_record ? m_record->id : 0; }
    const std::shared_ptr<SocketRecord> &record() const { return m_record; }

    // What the owner's library did, traced as the calls it made underneath:
    void listened(int backlog);  // socket(), bind() and listen(backlog): a listening socket made in one call
    // accept() on this listening socket returned connectionFd: the new socket, observed in the same context.
    ObservedSocket accepted(int connectionFd);
    void received(std::size_t bytes);  // recv() returned these bytes; 0: b'', the peer closed its side
    void sent(std::size_t bytes);      // send() took these bytes
    // close(): the descriptor is closed (or about to be); the record forgets its number.
    void closed();

private:
    ObservedSocket(std::shared_ptr<SocketRecord> record, SocketContext context);
    void traceReturned(TraceCall call, std::int64_t arg, std::int64_t result, std::uint32_t flags = 0,
                       const SocketAddress *address = nullptr, std::uint32_t related = 0);

    SocketContext m_context;
    std::shared_ptr<SocketRecord> m_record;
};

// An event loop's wait: it waits in poll() on every descriptor it watches at once, and
// wakes when one of them (or anything else it watches) is ready. begin() marks each socket
// "blocked in poll()" and traces the wait on the first; end() when the loop woke. A wait
// that has begun ends at the latest with this object.
class ObservedPoll {
public:
    explicit ObservedPoll(SocketContext context) : m_context(std::move(context)) {}
    ~ObservedPoll() { end(); }
    ObservedPoll(const ObservedPoll &) = delete;
    ObservedPoll &operator=(const ObservedPoll &) = delete;

    void begin(const std::vector<const ObservedSocket *> &watched);
    void end();
    bool isWaiting() const { return !m_watched.empty(); }

private:
    SocketContext m_context;
    std::vector<std::shared_ptr<SocketRecord>> m_watched;
    std::int64_t m_beganNs = 0;
};

} // namespace socketlab
