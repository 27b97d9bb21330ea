// The sockets of another process, as SocketLab sees those of a learner's program: no
// descriptor of ours refers to them, so TCP_INFO and SIOCINQ cannot be asked. The process's
// descriptors (/proc/PID/fd, "socket:[inode]") say which sockets it holds; the kernel's TCP
// table (sock_diag, KernelSockets) gives each one's state and queues by the same inode, as
// `ss -tan` shows them.
#pragma once

#include "KernelProbe.h"
#include "KernelSockets.h"

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace socketlab {

struct SocketSample;

// The inodes of the sockets process pid holds open now; empty when it is gone (or is not
// ours to look at).
std::unordered_set<std::uint64_t> socketInodesOfProcess(long pid);

// What probeDescriptor would have read, from the kernel's row for the socket.
KernelSample kernelSampleOf(const KernelTcpSocket &socket);

// Fills the kernel sample of each open TCP socket among samples that has an inode and no
// descriptor of ours, from one sock_diag dump filtered to their ports. Samples of sockets
// the kernel no longer lists keep an unavailable sample.
void sampleForeignTcpSockets(std::vector<SocketSample> &samples);

} // namespace socketlab
