// Which socket is at the other end of each connection, among the sockets of one snapshot:
// the one pairing every view uses (the sequence diagram's connect -> accept arrows and
// byte matching, the receive buffers' senders).
//
// IP stream sockets pair by address: my local endpoint is your peer endpoint and the
// reverse. Unix sockets pair by inode, since their addresses are often unnamed: the kernel
// tells an accepted socket its client's inode, and each end of a socketpair the other's
// (a datagram pair counts only when each names the other, as socketpair's ends do).
// Listening sockets and unconnected datagram sockets have no peer.
#pragma once

#include <vector>

namespace socketlab {

struct SocketSample;

// Fills each sample's peerId (0 where no traced socket is at the other end).
void pairPeers(std::vector<SocketSample> &sockets);

} // namespace socketlab
