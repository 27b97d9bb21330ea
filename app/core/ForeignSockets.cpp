// ForeignSockets: another process's sockets, by inode, from /proc and sock_diag.
#include "ForeignSockets.h"

#include "SocketSnapshot.h"

#include <filesystem>
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

KernelSample kernelSampleOf(const KernelTcpSocket &socket)
{
    KernelSample sample;
    sample.available = true;
    sample.tcpState = socket.tcpState;
    sample.listening = socket.isListening();
    if (sample.listening) {
        sample.acceptQueueLength = socket.receiveQueue;
        sample.acceptQueueLimit = socket.sendQueue;
    } else {
        sample.receiveQueue = socket.receiveQueue;
        sample.sendQueue = socket.sendQueue;
    }
    return sample;
}

void sampleForeignTcpSockets(std::vector<SocketSample> &samples)
{
    std::vector<std::uint16_t> ports;
    for (const SocketSample &s : samples) {
        const bool foreign = s.fd < 0 && s.inode != 0 && s.isOpen() && s.record->type == SOCK_STREAM
                             && (s.record->family == AF_INET || s.record->family == AF_INET6) && s.local.port() != 0;
        if (foreign)
            ports.push_back(s.local.port());
    }
    if (ports.empty())
        return;
    constexpr std::size_t kMostPorts = 256;  // what one filter takes
    if (ports.size() > kMostPorts)
        ports.resize(kMostPorts);
    const Result<std::vector<KernelTcpSocket>> rows = kernelTcpSocketsOnPorts(ports);
    if (!rows)
        return;  // no sock_diag here: the rows show no kernel state, as a closed socket's
    std::unordered_map<std::uint64_t, const KernelTcpSocket *> byInode;
    for (const KernelTcpSocket &row : *rows) {
        if (!row.heldByNoProcess())
            byInode.emplace(row.inode, &row);
    }
    for (SocketSample &s : samples) {
        if (s.fd >= 0 || s.inode == 0 || !s.isOpen())
            continue;
        if (const auto found = byInode.find(s.inode); found != byInode.end())
            s.kernel = kernelSampleOf(*found->second);
    }
}

} // namespace socketlab
