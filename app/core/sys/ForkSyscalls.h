// The process calls behind socketserver's ForkingMixIn and its fork helper: fork, waitpid,
// _exit, descriptors passed over a Unix socket (SCM_RIGHTS), SIGCHLD as a descriptor, and
// descriptor hygiene for forked children. Like Syscalls.h, one thin wrapper per system call,
// errno captured in the result, EINTR retried where that is safe.
#pragma once

#include "Syscalls.h"

#include <cstddef>
#include <string>
#include <sys/types.h>
#include <vector>

namespace socketlab::sys {

SysResult fork();
[[noreturn]] void exitNow(int status);  // _exit: no atexit handlers, no static destructors
SysResult getpid();
SysResult gettid();   // the kernel's thread id, as /proc/self/task and `ps -L` list it
SysResult kill(pid_t pid, int signal);

// waitid(P_PID, pid, WEXITED | WNOHANG | WNOWAIT): value is 1 and *status the exit status
// (exit code, or -signal) when the child has exited, 0 when it still runs. The child stays
// a zombie until waitpid() reaps it, as it would under Python's ForkingMixIn.
SysResult peekExited(pid_t pid, int *status);
// Reaps the child: value is its pid, or 0 when !block and it has not exited yet. *status as above.
SysResult waitpid(pid_t pid, int *status, bool block);

// A connected pair of SOCK_SEQPACKET Unix sockets (message boundaries kept), close-on-exec.
SysResult seqpacketPair(int fds[2]);
// One message with descriptors attached (SCM_RIGHTS). Never raises SIGPIPE.
SysResult sendWithDescriptors(int fd, const void *data, std::size_t len, const int *fds, std::size_t fdCount,
                              bool dontWait);
// Receives one message; received descriptors are close-on-exec (MSG_CMSG_CLOEXEC). value is
// the message length; 0 means the peer closed. A message cut short (MSG_TRUNC or MSG_CTRUNC)
// is an EMSGSIZE error, with any descriptors it carried closed.
SysResult receiveWithDescriptors(int fd, void *buf, std::size_t len, std::vector<int> &fds, bool dontWait);

// SIGCHLD delivered as a readable descriptor (the signal is blocked for the calling thread).
SysResult childSignalDescriptor();
SysResult drainSignalDescriptor(int fd);
SysResult unblockAllSignals();   // in a forked child, before running user code
SysResult resetChildSignal();    // SIGCHLD back to its default disposition

// dup3(oldFd, newFd, O_CLOEXEC): puts oldFd's open socket in place of newFd.
SysResult duplicateOnto(int oldFd, int newFd);
// Closes every descriptor >= 3 not listed in keep (a forked child keeps only what it needs).
SysResult closeAllExcept(std::vector<int> keep);
SysResult setParentDeathSignal(int signal);  // prctl(PR_SET_PDEATHSIG)
SysResult setProcessName(const std::string &name);  // prctl(PR_SET_NAME): /proc/PID/comm, cut to 15 bytes

// A fresh copy of this program (/proc/self/exe), safe to start from a multi-threaded
// process (posix_spawn: nothing runs between fork and exec): argv as given, this process's
// environment plus extraEnv ("NAME=value"), and passFd open in the new process as asFd (every
// other descriptor of ours is close-on-exec). value is the new process's pid.
SysResult spawnSelf(const std::vector<std::string> &argv, const std::vector<std::string> &extraEnv, int passFd,
                    int asFd);
// Another program (file looked up on PATH, as execvp does) in a new process group that it
// leads, so one signal to the group ends it and everything it starts; safe from a
// multi-threaded process (posix_spawn). fdMap[i] becomes descriptor i in the new process
// (-1: left closed); every other descriptor of ours is close-on-exec. Its signals start
// unblocked and at their defaults. value is the new process's pid, which is the group's id.
SysResult spawnGroupLeader(const std::string &file, const std::vector<std::string> &argv, const std::vector<int> &fdMap);
SysResult killGroup(pid_t group, int signal);
// waitid(P_PID, pid, WEXITED | WNOWAIT), blocking: returns once the child has exited and
// leaves it a zombie (its pid, and so its group's id, cannot be reused until waitpid()).
SysResult waitExited(pid_t pid, int *status);
SysResult pipe(int fds[2]);  // close-on-exec at both ends
SysResult setNonBlocking(int fd);  // a pipe end a thread that must never wait writes to
SysResult read(int fd, void *buf, std::size_t len);          // EINTR retried
SysResult write(int fd, const void *data, std::size_t len);  // EINTR retried; EPIPE, not SIGPIPE, once the reader is gone

// The same, in place of this process: for a freshly forked, single-threaded child. Returns only
// on failure (the errno in error).
SysResult execSelf(const std::vector<std::string> &argv, const std::vector<std::string> &extraEnv, int passFd, int asFd);

// The descriptor number an environment variable names (the fresh process's side of
// spawnSelf), and the variable removed; -1 when it is not set or not a number.
int takeDescriptorFromEnvironment(const char *name);

} // namespace socketlab::sys
