// The reference: the same traffic with plain blocking BSD calls and no core involved.
// Its figures are the denominators of the *_ratio lines. The helpers are shared with
// traced_loop.cpp where one end of a connection stays plain.
#pragma once

#include "bench_support.h"

#include <cstdint>
#include <utility>

namespace bench {

// Owns a descriptor; closes it on every path out.
class PlainFd {
public:
    PlainFd() = default;
    explicit PlainFd(int fd) : m_fd(fd) {}
    ~PlainFd();
    PlainFd(PlainFd &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    PlainFd &operator=(PlainFd &&other) noexcept;
    PlainFd(const PlainFd &) = delete;
    PlainFd &operator=(const PlainFd &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd = -1;
};

struct PlainPair {
    PlainFd client;
    PlainFd server;
};
// A connected blocking loopback pair, both ends configured as plainConnectLoopback's.
PlainPair plainLoopbackPair(bool noDelay);

// A blocking TCP client connected to 127.0.0.1:port, with SO_RCVTIMEO / SO_SNDTIMEO so a
// dead peer ends the run with an error instead of a hang. Dies on failure (main thread).
PlainFd plainConnectLoopback(std::uint16_t port, bool noDelay);

// Sends plan.totalBytes in chunks with send(MSG_NOSIGNAL); false after recording a failure.
bool plainSendBulk(int fd, const BulkPlan &plan);

RoundTripResult plainRoundTrips(const RoundTripPlan &plan);
BulkResult plainBulk(const BulkPlan &plan);

} // namespace bench
