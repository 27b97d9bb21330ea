// ForeignSockets: another process's sockets, by inode, from /proc and sock_diag.
#include "ForeignSockets.h"

#include "SocketSnapshot.h"

#include <algorithm>
#include <filesystem>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unordered_map>

namespace socketlab {

std::unordered_set<std::uint64_t> socketInodesOfProcess(long pid)
{
    std::unordered_set<std::uint64_t> inodes;
    std::error_code ec;
    const std::filesystem::path folder = "/proc/" + std::to_string(pid) + "/fd";
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code linkError;
        const std::string target = std::filesystem::read_symlink(it->path(), linkError).string();
        constexpr std::string_view prefix = "socket:[";
        if (linkError || target.compare(0, prefix.size(), prefix) != 0 || target.back() != ']')
            continue;  // a file, a pipe, or a descriptor closed meanwhile
        try {
            inodes.insert(std::stoull(target.substr(prefix.size(), target.size() - prefix.size() - 1)));
        } catch (const std::exception &) {
            // not a number: not a socket link as the kernel writes them
        }
    }
    return inodes;
}

namespace {

// A listener's queues are its accept queue and its limit; any other socket's, its bytes.
KernelSample sampleOfQueues(bool listening, std::uint32_t receiveQueue, std::uint32_t sendQueue)
{
    KernelSample sample;
    sample.available = true;
    sample.listening = listening;
    if (listening) {
        sample.acceptQueueLength = receiveQueue;
        sample.acceptQueueLimit = sendQueue;
    } else {
        sample.receiveQueue = receiveQueue;
        sample.sendQueue = sendQueue;
    }
    return sample;
}

} // namespace

KernelSample kernelSampleOf(const KernelTcpSocket &socket)
{
    KernelSample sample = sampleOfQueues(socket.isListening(), socket.receiveQueue, socket.sendQueue);
    sample.tcpState = socket.protocol == IPPROTO_UDP ? -1 : socket.tcpState;  // UDP has no TCP state to show
    return sample;
}

KernelSample kernelSampleOf(const KernelUnixSocket &socket)
{
    return sampleOfQueues(socket.isListening(), socket.receiveQueue, socket.sendQueue);
}

namespace {

bool isForeign(const SocketSample &s)
{
    return s.fd < 0 && s.inode != 0 && s.isOpen();
}

bool isInet(const SocketSample &s)
{
    return s.record->family == AF_INET || s.record->family == AF_INET6;
}

// The rows of one protocol on the ports of the foreign samples of that type, by inode.
template <typename Dump>
void sampleInet(std::vector<SocketSample> &samples, int type, Dump dump)
{
    std::vector<std::uint16_t> ports;
    for (const SocketSample &s : samples) {
        if (isForeign(s) && isInet(s) && s.record->type == type && s.local.port() != 0)
            ports.push_back(s.local.port());
    }
    if (ports.empty())
        return;
    std::sort(ports.begin(), ports.end());
    ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
    constexpr std::size_t kMostPorts = 256;  // what one filter takes
    if (ports.size() > kMostPorts)
        ports.resize(kMostPorts);
    const Result<std::vector<KernelTcpSocket>> rows = dump(ports);
    if (!rows)
        return;  // no sock_diag here: the rows show no kernel state, as a closed socket's
    std::unordered_map<std::uint64_t, const KernelTcpSocket *> byInode;
    for (const KernelTcpSocket &row : *rows) {
        if (!row.heldByNoProcess())
            byInode.emplace(row.inode, &row);
    }
    for (SocketSample &s : samples) {
        if (!isForeign(s) || !isInet(s) || s.record->type != type)
            continue;
        if (const auto found = byInode.find(s.inode); found != byInode.end())
            s.kernel = kernelSampleOf(*found->second);
    }
}

void sampleUnix(std::vector<SocketSample> &samples)
{
    const bool any = std::any_of(samples.begin(), samples.end(),
                                 [](const SocketSample &s) { return isForeign(s) && s.record->family == AF_UNIX; });
    if (!any)
        return;
    const Result<std::vector<KernelUnixSocket>> rows = kernelUnixSockets();
    if (!rows)
        return;
    std::unordered_map<std::uint64_t, const KernelUnixSocket *> byInode;
    for (const KernelUnixSocket &row : *rows)
        byInode.emplace(row.inode, &row);
    for (SocketSample &s : samples) {
        if (!isForeign(s) || s.record->family != AF_UNIX)
            continue;
        const auto found = byInode.find(s.inode);
        if (found == byInode.end())
            continue;
        s.kernel = kernelSampleOf(*found->second);
        if (s.peerInode == 0)
            s.peerInode = found->second->peerInode;
        if (!s.local.isValid() && !found->second->path.empty()) {
            if (const std::optional<SocketAddress> bound = SocketAddress::unixPath(found->second->path))
                s.local = *bound;
        }
    }
}

} // namespace

void sampleForeignSockets(std::vector<SocketSample> &samples)
{
    sampleInet(samples, SOCK_STREAM, [](const std::vector<std::uint16_t> &ports) { return kernelTcpSocketsOnPorts(ports); });
    sampleInet(samples, SOCK_DGRAM, [](const std::vector<std::uint16_t> &ports) { return kernelUdpSocketsOnPorts(ports); });
    sampleUnix(samples);
}

} // namespace socketlab
