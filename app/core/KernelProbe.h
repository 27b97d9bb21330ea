// What the kernel knows about one socket: TCP state and RTT (TCP_INFO), bytes waiting
// in the receive and send queues (SIOCINQ / SIOCOUTQ), buffer sizes, and for a listening
// TCP socket its accept queue (what `ss -ltn` prints as Recv-Q and Send-Q).
#pragma once

#include <cstdint>

namespace socketlab {

struct KernelSample {
    bool available = false;         // the descriptor was open and probed
    int tcpState = -1;              // TCP_ESTABLISHED ...; -1 when not a TCP socket
    bool listening = false;
    std::uint32_t acceptQueueLength = 0;  // listening: connections waiting for accept()
    std::uint32_t acceptQueueLimit = 0;   // listening: the limit listen(backlog) set
    std::int64_t receiveQueue = -1;  // bytes the kernel holds for recv(); -1 if unknown
    std::int64_t sendQueue = -1;     // bytes sent by us and not yet acknowledged / sent
    int receiveBuffer = 0;           // SO_RCVBUF
    int sendBuffer = 0;              // SO_SNDBUF
    std::uint32_t rttUs = 0;         // smoothed round-trip time, TCP only

    // A reader blocked on this socket is about to wake: a connection waits for accept(),
    // bytes wait for recv(), or the peer closed (recv returns b'').
    bool readable() const;
};

// Probes an open descriptor. The caller guarantees fd stays open meanwhile
// (SocketRecord::probe holds the record's lock for that).
KernelSample probeDescriptor(int fd, int family, int type);

// "ESTABLISHED", "LISTEN", "TIME_WAIT" ... as ss prints them; "" for -1.
const char *tcpStateName(int tcpState);

} // namespace socketlab
