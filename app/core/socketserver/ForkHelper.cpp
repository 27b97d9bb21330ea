// ForkHelper: starting the helper process and attaching servers to it (the app's side).
#include "ForkHelper.h"

#include "ForkProtocol.h"
#include "ForkZygote.h"

#include <SocketError.h>

#include "sys/ForkSyscalls.h"

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <mutex>
#include <system_error>

namespace socketlab::socketserver {
namespace {

std::atomic<int> g_controlFd{-1};
std::atomic<std::int64_t> g_pid{0};
std::mutex g_mutex;  // one Attach message at a time; guards g_reason
std::string g_reason = "ForkingMixIn needs the fork helper: call socketserver::ForkHelper::startFromMain() "
                       "first thing in main(), before any thread starts";

int threadCount()
{
    std::error_code error;
    int n = 0;
    for (std::filesystem::directory_iterator it("/proc/self/task", error), end; !error && it != end;
         it.increment(error))
        ++n;
    return n;
}

// ThreadSanitizer runs a background thread of its own from the start; it holds none of our locks.
#if defined(__SANITIZE_THREAD__)
constexpr int kThreadsAllowed = 2;
#else
constexpr int kThreadsAllowed = 1;
#endif

} // namespace

bool ForkHelper::startFromMain()
{
    std::lock_guard lock(g_mutex);
    if (g_controlFd.load() >= 0)
        return true;
    const int threads = threadCount();
    if (threads > kThreadsAllowed) {
        g_reason = "the fork helper was not started: the process already ran " + std::to_string(threads)
            + " threads when ForkHelper::startFromMain() was called; call it first thing in main()";
        return false;
    }
    int fds[2] = {-1, -1};
    const sys::SysResult pair = sys::seqpacketPair(fds);
    if (!pair.ok()) {
        g_reason = "the fork helper was not started: socketpair() failed: "
            + SocketError::fromErrno(pair.error).pythonString();
        return false;
    }
    const sys::SysResult pid = sys::fork();
    if (!pid.ok()) {
        (void)sys::close(fds[0]);
        (void)sys::close(fds[1]);
        g_reason = "the fork helper was not started: fork() failed: " + SocketError::fromErrno(pid.error).pythonString();
        return false;
    }
    if (pid.value == 0) {
        (void)sys::close(fds[0]);
        runForkHelper(fds[1]);  // never returns
    }
    (void)sys::close(fds[1]);
    g_pid.store(pid.value);
    g_controlFd.store(fds[0]);
    g_reason.clear();
    return true;
}

bool ForkHelper::isRunning()
{
    return g_controlFd.load() >= 0;
}

std::int64_t ForkHelper::pid()
{
    return g_pid.load();
}

std::string ForkHelper::unavailableReason()
{
    std::lock_guard lock(g_mutex);
    return g_reason;
}

int ForkHelper::attachChannel(int *error)
{
    std::lock_guard lock(g_mutex);
    const int control = g_controlFd.load();
    if (control < 0) {
        *error = ECHILD;
        return -1;
    }
    int fds[2] = {-1, -1};
    const sys::SysResult pair = sys::seqpacketPair(fds);
    if (!pair.ok()) {
        *error = pair.error;
        return -1;
    }
    const int rc = sendForkMessage(control, ForkMessageType::Attach, {}, {fds[1]});
    (void)sys::close(fds[1]);  // the helper has its own copy now
    if (rc != 0) {
        (void)sys::close(fds[0]);
        *error = rc;
        return -1;
    }
    return fds[0];
}

} // namespace socketlab::socketserver
