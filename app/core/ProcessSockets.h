// Which process holds a socket, as `ss -p` finds it: every process's descriptors under
// /proc/PID/fd name the sockets they refer to ("socket:[inode]"), and /proc/PID/comm names
// the process. Processes of other users cannot be read by an ordinary user: their sockets
// stay without an owner, which is an answer, not an error.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace socketlab {

// True while /proc/PID exists (a zombie included: it still has a number, no descriptors).
bool processExists(long pid);
// The process's command name (/proc/PID/comm, at most 15 characters); "" when gone or unreadable.
std::string processName(long pid);
// For each of the wanted inodes held by a process whose descriptors we may read: that
// process (the first found when several share it, as after fork). Reads every /proc/PID/fd:
// a few milliseconds on a desktop, so callers do it off the GUI thread and only when a
// socket they do not know yet appears.
std::unordered_map<std::uint64_t, long> socketOwners(const std::unordered_set<std::uint64_t> &wanted);

} // namespace socketlab
