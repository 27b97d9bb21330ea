#include "ListeningPorts.h"

#include "SocketObserver.h"

#include <KernelSockets.h>
#include <ProcessSockets.h>

#include <map>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unordered_set>

using namespace socketlab;

QList<ListeningPort> listeningPorts()
{
    std::map<quint16, std::uint64_t> inodeByPort;  // the first listener seen on each port
    for (const int family : {AF_INET, AF_INET6}) {
        const auto rows = kernelTcpSockets(family, tcpStateBit(TCP_LISTEN));
        if (!rows)
            return {};
        for (const KernelTcpSocket &row : *rows)
            inodeByPort.emplace(row.local.port(), row.inode);
    }
    std::unordered_set<std::uint64_t> inodes;
    for (const auto &[port, inode] : inodeByPort)
        inodes.insert(inode);
    const auto owners = socketOwners(inodes);
    QList<ListeningPort> ports;
    for (const auto &[port, inode] : inodeByPort) {
        const auto owner = owners.find(inode);
        ports.append({port, SocketObserver::ownerText(owner == owners.end() ? 0 : owner->second)});
    }
    return ports;
}
