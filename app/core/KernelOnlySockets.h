// The TCP sockets the kernel keeps on a lab's addresses that no open socket of the lab holds:
// the connection a server closed first, in TIME_WAIT for a minute after its program ended
// (why a restart meets Errno 98); an orphan still ending (FIN_WAIT1/2, CLOSING, LAST_ACK); a
// handshake the kernel answers alone (SYN_RECV); a connection the kernel completed and queued
// for accept(), which no program has a socket for yet; or a socket some process holds that the
// lab does not (another program on the same address, or a child the lab forked).
//
// Fed each tick's snapshot, it learns where the lab's TCP sockets were (closed sockets leave
// the snapshot long before their TIME_WAIT ends): the addresses its listeners were bound to,
// and its connections (both ends). A kernel row is the lab's when it is on one of those
// listening addresses (the server side: accepted, queued, TIME_WAIT after the server exited,
// or another program listening there now) or is one of those connections (the client side:
// its TIME_WAIT when the client closed first). An ephemeral port alone says nothing: the
// kernel gives it to any number of connections to other peers. It asks the kernel (sock_diag,
// filtered to those ports) at most once an interval, or at once when the lab's open sockets
// changed (a live feed: once the last ask's cost allows), and counts the timers down in between. It never blocks: a dump is a few netlink
// messages.
//
// A new kind of kernel-only socket is a new Kind with its rule in kindOf() (or a refinement
// of OtherProcess from what the lab knows, e.g. the pid of a forked child), and the text the
// views give it; the rows, their order and their timers stay as they are.
#pragma once

#include "KernelPortAsker.h"
#include "KernelSockets.h"
#include "SocketAddress.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace socketlab {

class SocketSnapshot;

// One row: a kernel TCP socket, why no socket of the lab shows it, and the lab's sockets it
// belongs with.
struct KernelOnlySocket {
    enum class Kind {
        TimeWait,      // TIME_WAIT: closed first; the kernel keeps the pair until its timer ends
        Orphan,        // closed by its program and still ending: FIN_WAIT1/2, CLOSING, LAST_ACK
        Handshake,     // SYN_RECV: the kernel answered the client's SYN on the listener's behalf
        NotAccepted,   // ESTABLISHED or CLOSE_WAIT in a listener's accept queue: accept() makes its socket
        OtherProcess,  // a process holds it (it has an inode) but no open socket of the lab does
    };
    Kind kind = Kind::OtherProcess;
    KernelTcpSocket socket;        // the kernel's endpoints, state, queues and timer (counted down)
    std::uint32_t listenerId = 0;  // the lab's listening socket on its local port, if any
    std::uint32_t peerId = 0;      // the lab's open socket at its other end, if any (a client)
};

class KernelOnlySockets {
public:
    static constexpr std::int64_t kAskEveryNs = 250'000'000;  // timers are counted down in between
    static constexpr std::size_t kKept = 96;  // listening addresses, and connections, the most recent (the filter takes 256 ports)

    // Why a socket the kernel lists is not one of the lab's, from the kernel's row alone.
    static KernelOnlySocket::Kind kindOf(const KernelTcpSocket &socket);

    // The rows at nowNs (steady clock): from the kernel when an interval has passed since it
    // was last asked or the lab's open sockets changed, else the last answer, timers counted
    // down. Empty while the lab has had no TCP socket with an address, or when sock_diag is
    // unavailable.
    const std::vector<KernelOnlySocket> &update(const SocketSnapshot &snapshot, std::int64_t nowNs);
    // For a live feed, whose nowNs is the steady clock: no ask starts before kAskCostShare
    // times the last ask's own cost has passed since it. Asking costs well under a millisecond
    // on a quiet machine, so a change (a close, a Reset, a client connecting) is still asked
    // about at the next tick; but a server making connections flat out leaves tens of thousands
    // of TIME_WAIT rows on its port, each ask then costs tens of milliseconds, and its sockets
    // change at almost every tick: asked each time, the kernel's answers took a quarter of a core.
    static constexpr std::int64_t kAskCostShare = 20;  // asks take at most 1/20 of a core
    void spaceAsksByCost(bool on) { m_spaceAsksByCost = on; }
    // For the window: the kernel is asked on a thread of its own (KernelPortAsker), and an
    // update uses its latest answer, so a dump never holds up the caller's thread. The rows
    // then come one answer later: none until the first has come.
    void askInBackground(bool on);
    // Asking in the background: waits until the last ask's answer has come, or the limit;
    // whether no answer is awaited now. The next update() uses it.
    bool waitForAnswer(std::chrono::milliseconds limit) const;
    void forget();  // nothing learned, no rows: another lab

    struct Connection {
        SocketAddress local, peer;
    };
    const std::vector<SocketAddress> &listeningAddresses() const { return m_listening; }
    const std::vector<Connection> &connections() const { return m_connections; }

private:
    void learn(const SocketSnapshot &snapshot);
    void ask(std::int64_t nowNs, std::vector<std::uint64_t> held, std::vector<std::uint64_t> known);
    void takeAnswer();  // a background ask's answer, when it has come
    void keepAnswer(std::vector<KernelTcpSocket> found, std::int64_t costNs, std::int64_t askedNs);
    bool isLabs(const KernelTcpSocket &row) const;  // on a listening address of the lab, or one of its connections

    std::vector<SocketAddress> m_listening;  // where the lab's listeners were bound, oldest first
    std::vector<Connection> m_connections;   // the lab's TCP connections, oldest first
    std::vector<KernelTcpSocket> m_answer;   // the kernel's rows on them, when last asked
    std::vector<std::uint64_t> m_held;       // the lab's open sockets (inodes, sorted) when last asked
    std::vector<std::uint64_t> m_known;      // the lab's sockets, open or closed, when last asked
    std::int64_t m_askedNs = 0;              // the last ask (in the background: maybe unanswered yet)
    std::int64_t m_answerAskedNs = 0;        // the ask m_answer answers: its timers count from here
    std::int64_t m_askCostNs = 0;            // the last ask, on the steady clock
    bool m_spaceAsksByCost = false;
    bool m_asked = false;
    std::vector<KernelOnlySocket> m_rows;    // what update() returns
    std::unique_ptr<KernelPortAsker> m_asker;  // when asking in the background
    std::uint64_t m_question = 0;            // the background question update() waits for; 0: none
    std::vector<std::uint64_t> m_heldAsked;  // the lab's open sockets when it was asked
    std::vector<std::uint64_t> m_knownAsked; // and all its sockets then
};

} // namespace socketlab
