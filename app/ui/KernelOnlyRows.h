// The tick's kernel-only rows (core KernelOnlySockets, taken by RunFeed: TIME_WAIT, an orphan
// still ending, a handshake, a connection queued for accept(), a socket another process holds)
// as the views show them: which pane each belongs to, and which forked child holds one.
//
// The kernel cannot say which process holds a socket; the trace can. A ForkingMixIn child's
// end of a connection is, to the kernel, a socket some process holds that the lab does not
// (OtherProcess) once the parent closed its copy; the trace's ChildStarted names the child's
// pid and the connection it serves, so a row on that connection's endpoints is the child's.
#pragma once

#include <KernelOnlySockets.h>
#include <SocketAddress.h>
#include <TraceEvent.h>

#include <QString>

#include <cstdint>
#include <map>
#include <vector>

namespace socketlab {
class SocketSnapshot;
}

class KernelOnlyRows {
public:
    static constexpr std::size_t kMaxChildren = 256;  // children followed at once; more show as another process's

    struct Row {
        socketlab::KernelOnlySocket kernel;
        QString owner;              // the pane whose socket it belongs with (the listener's, else the peer's); may be empty
        std::int64_t childPid = 0;  // a forked child of the lab holds it (kernel.kind is OtherProcess)
        bool inChild() const { return childPid != 0; }
        bool notAccepted() const { return kernel.kind == socketlab::KernelOnlySocket::Kind::NotAccepted; }
    };

    // The tick's events (children started and exited) and rows, the snapshot naming their panes.
    void update(const std::vector<socketlab::TraceEvent> &events, const socketlab::SocketSnapshot &sockets,
                const std::vector<socketlab::KernelOnlySocket> &kernelOnly);
    void clear();

    const std::vector<Row> &rows() const { return m_rows; }
    // Connections queued for this listener that the kernel already completed, and the bytes
    // their clients sent into them.
    int notAccepted(std::uint32_t listenerId) const;
    std::int64_t bytesNotAccepted(std::uint32_t listenerId) const;

private:
    struct Child {
        std::uint32_t connectionId = 0;        // the parent's record of the connection it serves
        socketlab::SocketAddress local, peer;  // from that record, once seen
    };
    std::int64_t childHolding(const socketlab::KernelTcpSocket &socket) const;

    std::map<std::int64_t, Child> m_children;  // by pid, while alive
    std::vector<Row> m_rows;
};
