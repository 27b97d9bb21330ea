// How serve_forever waits when accept() fails for want of a descriptor (EMFILE: the process
// is at its RLIMIT_NOFILE; ENFILE: the whole system is) or of kernel memory (ENOBUFS, ENOMEM).
//
// The listening socket stays readable while its queue holds clients the process cannot take,
// so polling it again at once spins at 100 % CPU - which Python's socketserver does, silently.
// Instead the loop leaves the listening socket out of its poll for a pause that doubles from
// kFirstPauseMs to kLongestPauseMs, then asks accept() again; the clients wait in the kernel's
// accept queue meanwhile and are served as soon as a descriptor is free. shutdown() and Stop
// still wake the loop at once. (muduo's Acceptor keeps a spare descriptor instead, to accept
// and close such clients at once; a lesson server would rather serve them a moment later.)
#pragma once

#include <Result.h>

#include <cstdint>

namespace socketlab::socketserver {

class AcceptBackoff {
public:
    static constexpr int kFirstPauseMs = 10;
    static constexpr int kLongestPauseMs = 250;

    // accept() ran short of descriptors or memory: a reason to pause rather than retry.
    static bool isExhaustion(const SocketError &error);

    // get_request failed with error. True the first time exhaustion is met, which the server
    // reports (handle_error); later failures are only traced: under steady pressure every
    // client that leaves lets one in and the next accept() fails again, which is no news.
    bool failed(const SocketError &error, std::int64_t nowNs);
    void succeeded();  // a request came: the pauses start short again

    // Whether the listening socket is left out of the loop's poll right now; a pause that is
    // over ends here, so the next poll asks the listening socket again.
    bool pausing(std::int64_t nowNs);
    // The longest the loop may wait in poll while pausing: until the pause ends.
    int waitMs(std::int64_t nowNs, int pollMs) const;

private:
    int m_pauseMs = 0;           // the current pause; 0 while accept() works
    std::int64_t m_resumeAtNs = 0;  // when the pause ends; 0: not pausing
    bool m_reported = false;  // once per server: see failed()
};

} // namespace socketlab::socketserver
