// The sockets of another process, as SocketLab sees those of a learner's program: no
// descriptor of ours refers to them, so TCP_INFO and SIOCINQ cannot be asked. The process's
// descriptors (/proc/PID/fd, "socket:[inode]") say which sockets it holds; the kernel's TCP,
// UDP and Unix tables (sock_diag: KernelSockets, KernelUnixSockets) give each one's state and
// queues by the same inode, as `ss -tuxan` shows them.
#pragma once

#include "KernelProbe.h"
#include "KernelSockets.h"
#include "KernelUnixSockets.h"

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace socketlab {

struct SocketSample;

// The inodes of the sockets process pid holds open now; empty when it is gone (or is not
// ours to look at).
std::unordered_set<std::uint64_t> socketInodesOfProcess(long pid);

// What probeDescriptor would have read, from the kernel's row for the socket. A UDP row's
// receive queue is the memory its datagrams take (ss's Recv-Q), not the next one's size.
KernelSample kernelSampleOf(const KernelTcpSocket &socket);
KernelSample kernelSampleOf(const KernelUnixSocket &socket);

// Fills the kernel sample of each open socket among samples that has an inode and no
// descriptor of ours: TCP and UDP from sock_diag dumps filtered to their ports, Unix from one
// dump of the Unix table (only when there is such a sample), which also names a connected
// Unix socket's peer inode when its record does not. Samples of sockets the kernel no longer
// lists keep an unavailable sample.
void sampleForeignSockets(std::vector<SocketSample> &samples);

} // namespace socketlab
