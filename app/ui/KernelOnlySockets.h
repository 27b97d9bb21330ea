// Sockets of the lab that the kernel holds but no traced descriptor shows, found once per
// tick for every view (LiveViews):
//   - the server's end of a connection the kernel has completed and queued for accept():
//     the client's bytes already wait in it, before the program ever sees the connection;
//   - the end a ForkingMixIn child holds, after the parent closed its own copy.
// Each is looked up in the kernel by its endpoints (sock_diag, KernelConnection.h), so the
// numbers are the kernel's; the traced sockets around it (the client, the listener, the
// parent's closed record) say which ones to look for. Nothing here blocks.
#pragma once

#include <KernelConnection.h>
#include <SocketAddress.h>
#include <TraceEvent.h>

#include <QString>

#include <cstdint>
#include <map>
#include <vector>

namespace socketlab {
class SocketSnapshot;
}

class KernelOnlySockets {
public:
    static constexpr std::size_t kMaxChildren = 256;  // children followed at once; more are not shown

    enum class Kind { NotAccepted, InChild };
    struct Entry {
        Kind kind = Kind::NotAccepted;
        std::uint32_t listenerId = 0;   // NotAccepted: the listening socket whose queue holds it
        std::uint32_t clientId = 0;     // NotAccepted: our traced socket at the other end
        std::uint32_t connectionId = 0; // InChild: the parent's (closed) record of the connection
        std::int64_t childPid = 0;      // InChild
        QString owner;                  // the pane whose server it belongs to
        int family = 0, type = 0;       // as the traced socket at its other end (or the parent's copy)
        socketlab::SocketAddress local; // the kernel socket's own endpoint
        socketlab::SocketAddress peer;
        socketlab::KernelConnection kernel;
    };

    // The tick's events (children started and exited), then the kernel asked about the sockets
    // the snapshot implies. Returns whether the entries changed.
    bool update(const std::vector<socketlab::TraceEvent> &events, const socketlab::SocketSnapshot &sockets);
    void clear();

    const std::vector<Entry> &entries() const { return m_entries; }
    // Connections queued for this listener that the kernel already completed, and the bytes
    // their clients sent into them.
    int notAccepted(std::uint32_t listenerId) const;
    std::int64_t bytesNotAccepted(std::uint32_t listenerId) const;

private:
    struct Child {
        std::uint32_t connectionId = 0;
        QString owner;
        int family = 0, type = 0;
        socketlab::SocketAddress local, peer;  // from the parent's record, once seen
    };
    void addNotAccepted(const socketlab::SocketSnapshot &sockets, std::vector<Entry> &out) const;
    void addInChildren(const socketlab::SocketSnapshot &sockets, std::vector<Entry> &out);

    std::map<std::int64_t, Child> m_children;  // by pid, while alive
    std::vector<Entry> m_entries;
};
