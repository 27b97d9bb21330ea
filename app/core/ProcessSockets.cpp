// ProcessSockets: /proc read for socket owners, with std::filesystem (no socket call here).
#include "ProcessSockets.h"

#include "ForeignSockets.h"

#include <cctype>
#include <filesystem>
#include <fstream>

namespace socketlab {

bool processExists(long pid)
{
    std::error_code ec;
    return pid > 0 && std::filesystem::exists("/proc/" + std::to_string(pid), ec);
}

std::string processName(long pid)
{
    if (pid <= 0)
        return {};
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    std::getline(comm, name);
    return name;
}

std::unordered_map<std::uint64_t, long> socketOwners(const std::unordered_set<std::uint64_t> &wanted)
{
    std::unordered_map<std::uint64_t, long> owners;
    if (wanted.empty())
        return owners;
    std::error_code ec;
    for (std::filesystem::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || !std::isdigit(static_cast<unsigned char>(name.front())))
            continue;  // not a process: /proc/net, /proc/self ...
        long pid = 0;
        try {
            pid = std::stol(name);
        } catch (const std::exception &) {
            continue;
        }
        for (const std::uint64_t inode : socketInodesOfProcess(pid)) {
            if (wanted.count(inode))
                owners.emplace(inode, pid);
        }
        if (owners.size() == wanted.size())
            break;
    }
    return owners;
}

} // namespace socketlab
