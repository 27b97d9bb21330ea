// The kernel's rows of every kind (TCP and UDP of both families, Unix) picked out for one
// question an observer asks: which sockets use this port, which sockets have these inodes.
#pragma once

#include "KernelSockets.h"
#include "KernelUnixSockets.h"
#include "Result.h"

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace socketlab {

struct KernelSocketRows {
    std::vector<KernelTcpSocket> inetSockets;  // TCP and UDP (KernelTcpSocket::protocol says which)
    std::vector<KernelUnixSocket> unixSockets;
};

// The TCP and UDP sockets, both families, with the port at either end, held by a process
// (rows with no inode, such as TIME_WAIT, left out: nothing holds them to observe).
Result<KernelSocketRows> kernelSocketsOnPort(std::uint16_t port);
// The TCP, UDP and Unix sockets whose inodes are given.
Result<KernelSocketRows> kernelSocketsWithInodes(const std::unordered_set<std::uint64_t> &inodes);

} // namespace socketlab
