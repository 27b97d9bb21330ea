// The live, shareable facts about one socket: identity, our state, counters, its typed
// endpoints, and the descriptor under a lock so another thread can probe the kernel without
// racing close(). The owning Socket updates it; views read it from any thread (once per tick,
// through a SocketSnapshot).
#pragma once

#include "KernelProbe.h"
#include "SocketAddress.h"
#include "TraceEvent.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace socketlab {

// Our view of the socket's life, as the tutorials name it.
enum class SocketState : std::uint8_t {
    Created,
    Bound,
    Listening,
    Connecting,
    Connected,
    PeerClosed,  // recv returned b'' on a stream: the peer shut down or closed its side
    ShutDown,    // we called shutdown()
    Closed,
};
const char *socketStateName(SocketState state);  // "created", "listening", "peer closed" ...

// What a (family, type) pair is called in class, so views need no socket headers.
enum class SocketKind : std::uint8_t { Tcp, Udp, Tcp6, Udp6, UnixStream, UnixDatagram, Other };
SocketKind socketKind(int family, int type);
bool isDatagramKind(SocketKind kind);  // UDP, UDP/IPv6, Unix datagram: messages keep their boundaries
bool isUnixFamily(int family);         // AF_UNIX, of any type (stream, datagram, seqpacket)

class SocketRecord {
public:
    SocketRecord(int fd, int family, int type, std::string owner);
    // A socket as a saved run recorded it: its identity, and no descriptor (a replay never
    // touches a socket). Counters and state are set by the caller.
    static std::shared_ptr<SocketRecord> replayed(std::uint32_t id, int family, int type, std::string owner,
                                                  std::uint64_t inode);
    // A socket of another process (a learner's program), known by its inode: a fresh id,
    // no descriptor of ours. Whoever watches that process sets its state and endpoints.
    static std::shared_ptr<SocketRecord> foreign(int family, int type, std::string owner, std::uint64_t inode);
    // Endpoints known without asking the kernel (an invalid one is left as it was): a foreign
    // socket's, from its program's report; an accepted TCP connection's, from its listener's
    // address and what accept() returned.
    void setEndpoints(const SocketAddress &local, const SocketAddress &peer);

    const std::uint32_t id;
    const int family;
    const int type;
    const std::string owner;  // the pane or program that made it
    const std::uint64_t inode;  // the kernel's inode of the socket (fstat), as ss prints it; 0 if unknown

    std::atomic<std::uint64_t> bytesSent{0};
    std::atomic<std::uint64_t> bytesReceived{0};
    std::atomic<std::uint64_t> messagesSent{0};
    std::atomic<std::uint64_t> messagesReceived{0};
    std::atomic<std::uint64_t> calls{0};
    std::atomic<SocketState> state{SocketState::Created};
    std::atomic<TraceCall> blockedIn{TraceCall::None};  // the call it is blocked in, if any
    std::atomic<std::int64_t> blockedSinceNs{0};
    std::atomic<std::int64_t> closedAtNs{0};

    int fd() const;
    KernelSample probe() const;  // empty sample once closed
    std::uint64_t probeCount() const { return m_probes.load(std::memory_order_relaxed); }  // probes that reached the kernel

    // Where the socket is, typed: invalid until bound (or connected, which binds). Closed
    // sockets keep their last endpoints, so late trace events can still be placed.
    SocketAddress localEndpoint() const;
    SocketAddress peerEndpoint() const;
    // A connected Unix stream socket: the inode of the socket at the other end, as the kernel
    // reports it (sock_diag UNIX_DIAG_PEER, `ss -x`'s peer column); 0 if none or unknown.
    // A client's is 0 until the server accepts; the accepted socket's names the client.
    std::uint64_t peerInode() const;
    // The descriptor and the three above, read together under one lock (a snapshot reads
    // every record each tick).
    struct Endpoints {
        int fd = -1;
        SocketAddress local, peer;
        std::uint64_t peerInode = 0;
    };
    Endpoints endpoints() const;
    bool isDatagram() const { return isDatagramKind(socketKind(family, type)); }
    // The endpoints as text, "127.0.0.1:21567", "/tmp/x.sock"; "" while there is none.
    std::string localAddress() const;
    std::string peerAddress() const;

    // Called by the owning Socket only. readEndpoints() after bind, listen, connect, accept,
    // socketpair and the first sendto: asks the kernel where the socket is now. A caller
    // that knows the peer's inode (socketpair) passes it, saving the kernel a question.
    void readEndpoints(std::uint64_t knownPeerInode = 0);
    int closeDescriptor();  // closes the descriptor with the probe lock held

    // A descriptor another library owns (ObservedSocket.h): never closed here, and probed only
    // while it still names this socket, since its owner may close it before saying so and the
    // kernel may give the number to the next socket. forgetDescriptor(): it is closed now.
    void markBorrowed() { m_borrowed.store(true, std::memory_order_release); }
    bool isBorrowed() const { return m_borrowed.load(std::memory_order_acquire); }
    // A socket only watched from outside (observe mode): no call of it is ever seen, so its
    // byte and call counters mean "unknown", not zero.
    void markCallsUnseen() { m_callsUnseen.store(true, std::memory_order_release); }
    bool callsUnseen() const { return m_callsUnseen.load(std::memory_order_acquire); }
    void forgetDescriptor();

private:
    struct Replayed {};
    SocketRecord(Replayed, std::uint32_t id, int family, int type, std::string owner, std::uint64_t inode);

    mutable std::mutex m_mutex;  // guards m_fd against close during a probe, and the endpoints
    // Changed only under m_mutex; atomic so fd() reads it without the lock: every trace event
    // of a server's stages names the server's descriptor, from each handler thread.
    std::atomic<int> m_fd;
    SocketAddress m_local;
    SocketAddress m_peer;
    std::uint64_t m_peerInode = 0;
    mutable std::atomic<std::uint64_t> m_probes{0};
    std::atomic<bool> m_borrowed{false};
    std::atomic<bool> m_callsUnseen{false};
};

} // namespace socketlab
