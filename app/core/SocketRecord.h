// The live, shareable facts about one socket: identity, our state, counters, and the
// descriptor under a lock so another thread can probe the kernel without racing close().
// The owning Socket updates it; views read it from any thread.
#pragma once

#include "KernelProbe.h"
#include "TraceEvent.h"

#include <atomic>
#include <cstdint>
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

class SocketRecord {
public:
    SocketRecord(int fd, int family, int type, std::string owner);

    const std::uint32_t id;
    const int family;
    const int type;
    const std::string owner;  // the pane or program that made it

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

    // Called by the owning Socket only: closes the descriptor with the probe lock held.
    int closeDescriptor();
    std::string localAddress() const;
    std::string peerAddress() const;
    void setAddresses(std::string local, std::string peer);

private:
    mutable std::mutex m_mutex;  // guards m_fd against close during a probe, and the addresses
    int m_fd;
    std::string m_local;
    std::string m_peer;
};

} // namespace socketlab
