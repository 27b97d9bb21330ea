// Thin wrappers over fork, wait, SCM_RIGHTS and signalfd; see ForkSyscalls.h.
#include "ForkSyscalls.h"

#include "SyscallResult.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace socketlab::sys {
using detail::fromReturn;
using detail::retryOnEintr;
namespace {



// Python's os.waitstatus_to_exitcode: the exit code, or minus the signal that killed it.
int exitCodeOf(int waitStatus)
{
    if (WIFEXITED(waitStatus))
        return WEXITSTATUS(waitStatus);
    if (WIFSIGNALED(waitStatus))
        return -WTERMSIG(waitStatus);
    return 0;
}

constexpr std::size_t kMaxPassedFds = 4;

} // namespace

SysResult fork()
{
    return fromReturn(::fork());
}

void exitNow(int status)
{
    ::_exit(status);
}

SysResult getpid()
{
    return fromReturn(::getpid());
}

SysResult gettid()
{
    return fromReturn(::syscall(SYS_gettid));
}

SysResult kill(pid_t pid, int signal)
{
    return fromReturn(::kill(pid, signal));
}

SysResult peekExited(pid_t pid, int *status)
{
    siginfo_t info;
    std::memset(&info, 0, sizeof info);  // si_pid stays 0 when WNOHANG finds nothing
    const SysResult r = retryOnEintr([&] {
        return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    });
    if (!r.ok())
        return r;
    if (info.si_pid == 0)
        return SysResult{0, 0};
    *status = info.si_code == CLD_EXITED ? info.si_status : -info.si_status;
    return SysResult{1, 0};
}

SysResult waitpid(pid_t pid, int *status, bool block)
{
    int raw = 0;
    const SysResult r = retryOnEintr([&] { return ::waitpid(pid, &raw, block ? 0 : WNOHANG); });
    if (r.ok() && r.value > 0)
        *status = exitCodeOf(raw);
    return r;
}

SysResult seqpacketPair(int fds[2])
{
    return fromReturn(::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds));
}

SysResult sendWithDescriptors(int fd, const void *data, std::size_t len, const int *fds, std::size_t fdCount,
                              bool dontWait)
{
    if (fdCount > kMaxPassedFds)
        return SysResult{-1, EINVAL};
    iovec iov{const_cast<void *>(data), len};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxPassedFds)];
    std::memset(control, 0, sizeof control);
    if (fdCount > 0) {
        msg.msg_control = control;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * fdCount);
        cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * fdCount);
        std::memcpy(CMSG_DATA(c), fds, sizeof(int) * fdCount);
    }
    const int flags = MSG_NOSIGNAL | (dontWait ? MSG_DONTWAIT : 0);
    return retryOnEintr([&] { return ::sendmsg(fd, &msg, flags); });
}

SysResult receiveWithDescriptors(int fd, void *buf, std::size_t len, std::vector<int> &fds, bool dontWait)
{
    fds.clear();
    iovec iov{buf, len};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxPassedFds)];
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    const int flags = MSG_CMSG_CLOEXEC | (dontWait ? MSG_DONTWAIT : 0);
    const SysResult r = retryOnEintr([&] { return ::recvmsg(fd, &msg, flags); });
    if (!r.ok())
        return r;
    for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
            continue;
        const std::size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (std::size_t i = 0; i < n; ++i) {
            int received = -1;
            std::memcpy(&received, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            fds.push_back(received);
        }
    }
    if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
        for (int f : fds)
            (void)::close(f);
        fds.clear();
        return SysResult{-1, EMSGSIZE};
    }
    return r;
}

SysResult childSignalDescriptor()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    if (::sigprocmask(SIG_BLOCK, &set, nullptr) < 0)
        return SysResult{-1, errno};
    return fromReturn(::signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC));
}

SysResult drainSignalDescriptor(int fd)
{
    signalfd_siginfo info;
    for (;;) {
        const ssize_t n = ::read(fd, &info, sizeof info);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return SysResult{0, 0};
        if (n <= 0)
            return fromReturn(n);
    }
}

SysResult unblockAllSignals()
{
    sigset_t none;
    sigemptyset(&none);
    return fromReturn(::sigprocmask(SIG_SETMASK, &none, nullptr));
}

SysResult resetChildSignal()
{
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return fromReturn(::sigaction(SIGCHLD, &action, nullptr));
}

SysResult duplicateOnto(int oldFd, int newFd)
{
    return retryOnEintr([&] { return ::dup3(oldFd, newFd, O_CLOEXEC); });
}

SysResult closeAllExcept(std::vector<int> keep)
{
    keep.erase(std::remove_if(keep.begin(), keep.end(), [](int fd) { return fd < 3; }), keep.end());
    std::sort(keep.begin(), keep.end());
    keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
    unsigned first = 3;
    for (int fd : keep) {
        const unsigned kept = static_cast<unsigned>(fd);
        if (kept > first && ::close_range(first, kept - 1, 0) < 0)
            return SysResult{-1, errno};
        first = kept + 1;
    }
    return fromReturn(::close_range(first, UINT_MAX, 0));
}

SysResult setParentDeathSignal(int signal)
{
    return fromReturn(::prctl(PR_SET_PDEATHSIG, static_cast<unsigned long>(signal), 0, 0, 0));
}

SysResult setProcessName(const std::string &name)
{
    char comm[16] = {};  // TASK_COMM_LEN
    name.copy(comm, sizeof comm - 1);
    return fromReturn(::prctl(PR_SET_NAME, comm, 0, 0, 0));
}

namespace {

// argv and envp for exec: the strings stay owned by the caller's vectors.
struct ExecArguments {
    std::vector<char *> argv;
    std::vector<char *> envp;
};

ExecArguments execArguments(const std::vector<std::string> &argv, const std::vector<std::string> &extraEnv)
{
    ExecArguments a;
    for (const std::string &arg : argv)
        a.argv.push_back(const_cast<char *>(arg.c_str()));
    a.argv.push_back(nullptr);
    for (char **e = environ; e && *e; ++e)
        a.envp.push_back(*e);
    for (const std::string &e : extraEnv)
        a.envp.push_back(const_cast<char *>(e.c_str()));
    a.envp.push_back(nullptr);
    return a;
}

} // namespace

SysResult spawnSelf(const std::vector<std::string> &argv, const std::vector<std::string> &extraEnv, int passFd,
                    int asFd)
{
    ExecArguments args = execArguments(argv, extraEnv);
    // dup2 onto itself would keep close-on-exec set: move the descriptor out of the way first.
    int source = passFd;
    if (source == asFd) {
        source = ::fcntl(passFd, F_DUPFD_CLOEXEC, asFd + 1);
        if (source < 0)
            return SysResult{-1, errno};
    }
    posix_spawn_file_actions_t actions;
    int rc = ::posix_spawn_file_actions_init(&actions);
    if (rc == 0)
        rc = ::posix_spawn_file_actions_adddup2(&actions, source, asFd);  // clears close-on-exec on asFd
    pid_t pid = -1;
    if (rc == 0)
        rc = ::posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, args.argv.data(), args.envp.data());
    ::posix_spawn_file_actions_destroy(&actions);
    if (source != passFd)
        (void)::close(source);
    return rc == 0 ? SysResult{pid, 0} : SysResult{-1, rc};
}

SysResult execSelf(const std::vector<std::string> &argv, const std::vector<std::string> &extraEnv, int passFd, int asFd)
{
    ExecArguments args = execArguments(argv, extraEnv);
    // dup2 clears close-on-exec on its target; onto itself it would not, so clear it directly.
    const int rc = passFd == asFd ? ::fcntl(asFd, F_SETFD, 0) : ::dup2(passFd, asFd);
    if (rc < 0)
        return SysResult{-1, errno};
    ::execve("/proc/self/exe", args.argv.data(), args.envp.data());
    return SysResult{-1, errno};
}

SysResult spawnGroupLeader(const std::string &file, const std::vector<std::string> &argv, const std::vector<int> &fdMap)
{
    std::vector<char *> args;
    for (const std::string &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    // Sources are first moved above every target, so no dup2 overwrites a source still needed.
    const int above = static_cast<int>(fdMap.size()) + 3;
    std::vector<int> moved;
    for (const int fd : fdMap) {
        const int copy = fd < 0 ? -1 : ::fcntl(fd, F_DUPFD_CLOEXEC, above);
        if (fd >= 0 && copy < 0) {
            const int error = errno;
            for (const int m : moved)
                (void)::close(m);
            return SysResult{-1, error};
        }
        moved.push_back(copy);
    }
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int rc = ::posix_spawn_file_actions_init(&actions);
    if (rc == 0)
        rc = ::posix_spawnattr_init(&attributes);
    for (std::size_t target = 0; rc == 0 && target < moved.size(); ++target) {
        rc = moved[target] < 0 ? ::posix_spawn_file_actions_addclose(&actions, static_cast<int>(target))
                               : ::posix_spawn_file_actions_adddup2(&actions, moved[target], static_cast<int>(target));
        if (rc == EBADF && moved[target] < 0)
            rc = 0;  // nothing open there to close
    }
    sigset_t none;
    sigset_t defaults;
    sigemptyset(&none);
    sigfillset(&defaults);
    if (rc == 0)
        rc = ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    if (rc == 0)
        rc = ::posix_spawnattr_setpgroup(&attributes, 0);
    if (rc == 0)
        rc = ::posix_spawnattr_setsigmask(&attributes, &none);
    if (rc == 0)
        rc = ::posix_spawnattr_setsigdefault(&attributes, &defaults);
    pid_t pid = -1;
    if (rc == 0)
        rc = ::posix_spawnp(&pid, file.c_str(), &actions, &attributes, args.data(), environ);
    ::posix_spawnattr_destroy(&attributes);
    ::posix_spawn_file_actions_destroy(&actions);
    for (const int m : moved) {
        if (m >= 0)
            (void)::close(m);
    }
    return rc == 0 ? SysResult{pid, 0} : SysResult{-1, rc};
}

SysResult killGroup(pid_t group, int signal)
{
    return fromReturn(::killpg(group, signal));
}

SysResult waitExited(pid_t pid, int *status)
{
    siginfo_t info;
    std::memset(&info, 0, sizeof info);
    const SysResult r = retryOnEintr([&] { return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT); });
    if (r.ok())
        *status = info.si_code == CLD_EXITED ? info.si_status : -info.si_status;
    return r;
}

SysResult pipe(int fds[2])
{
    return fromReturn(::pipe2(fds, O_CLOEXEC));
}

SysResult setNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    return flags < 0 ? SysResult{-1, errno} : fromReturn(::fcntl(fd, F_SETFL, flags | O_NONBLOCK));
}

SysResult read(int fd, void *buf, std::size_t len)
{
    return retryOnEintr([&] { return ::read(fd, buf, len); });
}

SysResult write(int fd, const void *data, std::size_t len)
{
    // A pipe's reader gone raises SIGPIPE: blocked in this thread for the write, and a
    // pending one taken back, so the caller sees EPIPE and the app lives on.
    sigset_t pipeSignal;
    sigset_t before;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipeSignal, &before);
    const SysResult r = retryOnEintr([&] { return ::write(fd, data, len); });
    if (r.error == EPIPE) {
        const timespec now{0, 0};
        (void)::sigtimedwait(&pipeSignal, nullptr, &now);
    }
    ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
    return r;
}

int takeDescriptorFromEnvironment(const char *name)
{
    const char *value = std::getenv(name);
    if (!value)
        return -1;
    char *end = nullptr;
    const long fd = std::strtol(value, &end, 10);
    ::unsetenv(name);
    return end != value && *end == '\0' && fd >= 0 && fd < INT_MAX ? static_cast<int>(fd) : -1;
}

} // namespace socketlab::sys
