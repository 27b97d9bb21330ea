// serve_forever()'s waits for a request, told by its stage events: the wait begins with its
// Blocked event (one per wait) and ends when the serving thread goes on to get_request,
// verify_request ... The server socket's own "blocked" mark cannot tell it: serve_forever
// polls every poll_interval (0.5 s) and the mark restarts with each poll, so a count from it
// would never pass half a second.
#pragma once

#include <TraceEvent.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

class ServingWaits {
public:
    void add(const std::vector<socketlab::TraceEvent> &events);
    // Since when the server with this socket has been waiting for a request; nullopt if it is not.
    std::optional<std::int64_t> since(std::uint32_t serverSocketId) const;
    const std::map<std::uint32_t, std::int64_t> &all() const { return m_since; }
    void clear() { m_since.clear(); }

private:
    std::map<std::uint32_t, std::int64_t> m_since;  // server socket -> when its wait began
};
