// The playground's sockets, on the pane's program thread: runs one Call on the core's
// Socket (traced, listed in the registry, stoppable like every lab's sockets) and says what
// happened as Python would (repr() of the result, or the exception's text) with the system
// call beneath. A call that Stop woke raises the cancellation, so the program ends.
#pragma once

#include "PlaygroundCall.h"

#include <Socket.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace playground {

class PlaygroundSockets {
public:
    struct Setting {
        socketlab::SocketContext context;
        std::string folder;           // where 'name.sock' files go (FOLDER in the listing)
        std::uint16_t peerTcp = 0;    // the built-in peers' ports on 127.0.0.1 (0: not started)
        std::uint16_t peerUdp = 0;
        std::optional<double> defaultTimeout;  // socket.setdefaulttimeout()
    };
    explicit PlaygroundSockets(Setting setting) : m_setting(std::move(setting)) {}

    // Raises socketserver::SocketException when Stop woke the call.
    Outcome run(const Call &call);

private:
    Outcome make(const Call &call, const Args &args);
    Outcome apply(const Call &call, const Args &args, socketlab::Socket &s);
    // The address a call names, or the error Python raises for it on a socket of this family.
    std::optional<socketlab::SocketAddress> resolve(const Call &call, const Address &a, int family, Outcome &failed);

    Setting m_setting;
    std::map<QString, socketlab::Socket> m_sockets;
};

} // namespace playground
