// ForkHelper: starting the helper process, keeping one running, and attaching servers to it
// (the app's side).
#include "ForkHelper.h"

#include "ForkProtocol.h"
#include "ForkZygote.h"

#include <Clock.h>
#include <SocketError.h>

#include "sys/ForkSyscalls.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <poll.h>
#include <system_error>
#include <thread>
#include <vector>

namespace socketlab::socketserver {
namespace {

// A helper is this program started again with its control channel's descriptor named here:
// startFromMain() then becomes the helper instead of the app.
constexpr const char *kHelperFdVariable = "SOCKETLAB_FORK_HELPER_FD";
constexpr int kFreshHelperControlFd = 3;
constexpr const char *kHelperName = "socketlab-fork-helper";  // its argv[0]: what ps shows
// Set for a helper whose starter waits for HelperReady (a replacement; not the first one).
constexpr const char *kAnnounceVariable = "SOCKETLAB_FORK_HELPER_ANNOUNCE";
// Set when LD_BIND_NOW was added for the helper alone: it removes it again.
constexpr const char *kAddedBindNowVariable = "SOCKETLAB_FORK_HELPER_ADDED_BIND_NOW";
// A helper that keeps dying is not restarted for ever: after this many ends within the
// window, forking stays unavailable and the learner is told why.
constexpr std::size_t kEndsBeforeGivingUp = 3;
constexpr std::int64_t kEndsWindowNs = 10'000'000'000;
// How long a fresh helper may take to say it serves (a sanitizer build starts slowly).
constexpr std::int64_t kReadyTimeoutNs = 20'000'000'000;

struct HelperState {
    std::atomic<int> controlFd{-1};
    std::atomic<std::int64_t> pid{0};
    std::mutex mutex;  // one Attach message at a time; guards what follows
    std::string reason = "ForkingMixIn needs the fork helper: call socketserver::ForkHelper::startFromMain() "
                         "first thing in main(), before any thread starts";
    std::string previousEnd;
    bool watched = false;  // a thread waits for the helper's end, to reap it and start another
    std::deque<std::int64_t> endsNs;
};

// Never destroyed: the watching thread may still read it while the app's statics go.
HelperState &helper()
{
    static HelperState *state = new HelperState;
    return *state;
}

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

// "was killed by signal 9 (SIGKILL)", "exited with status 1": code as waitpid gave it.
std::string howItEnded(int code)
{
    if (code >= 0)
        return "exited with status " + std::to_string(code);
    const char *abbrev = ::sigabbrev_np(-code);
    return "was killed by signal " + std::to_string(-code) + (abbrev ? std::string(" (SIG") + abbrev + ")" : "");
}

// Every helper is a fresh start of this program with LD_BIND_NOW set, so the dynamic linker
// binds every call into a library (libstdc++'s, libc's) before the helper serves, and each
// child inherits them bound. A child forked from a lazily bound process binds again, at its
// first use, every call its parent never made: symbol lookups across all of Qt's libraries,
// for a process that lives one request (about a quarter of a child's page faults).
std::vector<std::string> helperEnvironment(bool announce)
{
    std::vector<std::string> env{std::string(kHelperFdVariable) + "=" + std::to_string(kFreshHelperControlFd)};
    if (announce)
        env.push_back(std::string(kAnnounceVariable) + "=1");
    if (!std::getenv("LD_BIND_NOW")) {
        env.emplace_back("LD_BIND_NOW=1");
        env.push_back(std::string(kAddedBindNowVariable) + "=1");
    }
    return env;
}

bool takeFlag(const char *name)
{
    const bool set = std::getenv(name) != nullptr;
    ::unsetenv(name);
    return set;
}

// In a process started as a helper: what it inherits is the app's, not its children's (the
// environment the app had, only the control channel), then it serves.
[[noreturn]] void becomeFreshHelper(int controlFd)
{
    // Started through /proc/self/exe, the kernel named it "exe": take back the program's name,
    // which its children inherit and which ps and the views show for them.
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error)
        (void)sys::setProcessName(program.filename().string());
    const bool announce = takeFlag(kAnnounceVariable);
    if (takeFlag(kAddedBindNowVariable))
        ::unsetenv("LD_BIND_NOW");
    (void)sys::closeAllExcept({controlFd});
    if (announce)
        (void)sendForkMessage(controlFd, ForkMessageType::HelperReady, {});
    runForkHelper(controlFd);
}

// Starts this program again as a helper - exec, unlike fork, is safe from a process that
// runs threads - and waits until it serves. Returns its control channel, or -1 and why not.
int spawnFreshHelper(std::int64_t &pid, std::string &whyNot)
{
    int fds[2] = {-1, -1};
    if (const sys::SysResult pair = sys::seqpacketPair(fds); !pair.ok()) {
        whyNot = "socketpair() failed: " + SocketError::fromErrno(pair.error).pythonString();
        return -1;
    }
    const sys::SysResult spawned = sys::spawnSelf({kHelperName}, helperEnvironment(true), fds[1], kFreshHelperControlFd);
    (void)sys::close(fds[1]);
    if (!spawned.ok()) {
        (void)sys::close(fds[0]);
        whyNot = "it could not be started: " + SocketError::fromErrno(spawned.error).pythonString();
        return -1;
    }
    const std::int64_t deadline = steadyNowNs() + kReadyTimeoutNs;
    for (;;) {
        pollfd ready{fds[0], POLLIN, 0};
        const std::int64_t leftMs = (deadline - steadyNowNs()) / 1'000'000;
        const sys::SysResult polled = leftMs > 0 ? sys::poll(&ready, 1, static_cast<int>(leftMs)) : sys::SysResult{0, 0};
        if (!polled.ok() && polled.error == EINTR)
            continue;
        ForkMessage message;
        if (polled.ok() && polled.value == 1 && receiveForkMessage(fds[0], message, true) == 0
            && message.type == ForkMessageType::HelperReady) {
            pid = spawned.value;
            return fds[0];
        }
        break;
    }
    int code = 0;
    (void)sys::kill(static_cast<pid_t>(spawned.value), SIGKILL);
    (void)sys::waitpid(static_cast<pid_t>(spawned.value), &code, true);
    (void)sys::close(fds[0]);
    whyNot = "the new one did not start serving";
    return -1;
}

// The watching thread: reaps each helper as it ends, so none is left a zombie, and starts
// the next. It is also the new helper's parent thread, which lives as long as the app: a
// helper dies with its parent thread (PR_SET_PDEATHSIG), never before the app.
void watchHelper()
{
    HelperState &h = helper();
    for (;;) {
        const std::int64_t pid = h.pid.load();
        int code = 0;
        const sys::SysResult reaped = sys::waitpid(static_cast<pid_t>(pid), &code, true);
        const std::string ended = "the helper process that forks the children (pid " + std::to_string(pid) + ") "
            + (reaped.ok() ? howItEnded(code) : std::string("has ended"));
        bool restart = false;
        {
            std::lock_guard lock(h.mutex);
            (void)sys::close(h.controlFd.exchange(-1));
            h.pid.store(0);
            const std::int64_t now = steadyNowNs();
            h.endsNs.push_back(now);
            while (now - h.endsNs.front() > kEndsWindowNs)
                h.endsNs.pop_front();
            restart = h.endsNs.size() < kEndsBeforeGivingUp;
            h.previousEnd = ended;
            h.reason = restart ? "forking is not available for a moment: " + ended + "; a new one is starting"
                               : "forking is no longer available: " + ended + ", and it ended "
                    + std::to_string(kEndsBeforeGivingUp) + " times within 10 seconds, so no new one is started";
        }
        if (!restart)
            return;
        std::int64_t newPid = 0;
        std::string whyNot;
        const int control = spawnFreshHelper(newPid, whyNot);
        std::lock_guard lock(h.mutex);
        if (control < 0) {
            h.reason = "forking is no longer available: " + ended + ", and " + whyNot;
            return;
        }
        h.pid.store(newPid);
        h.controlFd.store(control);
        h.reason.clear();
    }
}

} // namespace

bool ForkHelper::startFromMain()
{
    // Started by spawnFreshHelper: this process is the helper, not the app.
    if (const int control = sys::takeDescriptorFromEnvironment(kHelperFdVariable); control >= 0)
        becomeFreshHelper(control);

    HelperState &h = helper();
    std::lock_guard lock(h.mutex);
    if (h.watched || h.controlFd.load() >= 0)
        return h.controlFd.load() >= 0;  // started before (and kept running, if it can be)
    const int threads = threadCount();
    if (threads > kThreadsAllowed) {
        h.reason = "the fork helper was not started: the process already ran " + std::to_string(threads)
            + " threads when ForkHelper::startFromMain() was called; call it first thing in main()";
        return false;
    }
    int fds[2] = {-1, -1};
    const sys::SysResult pair = sys::seqpacketPair(fds);
    if (!pair.ok()) {
        h.reason = "the fork helper was not started: socketpair() failed: "
            + SocketError::fromErrno(pair.error).pythonString();
        return false;
    }
    // Made before the fork: the child only execs (or, should exec fail, serves as it is).
    const std::vector<std::string> env = helperEnvironment(false);
    const sys::SysResult pid = sys::fork();
    if (!pid.ok()) {
        (void)sys::close(fds[0]);
        (void)sys::close(fds[1]);
        h.reason = "the fork helper was not started: fork() failed: " + SocketError::fromErrno(pid.error).pythonString();
        return false;
    }
    if (pid.value == 0) {
        (void)sys::close(fds[0]);
        // The same pid and parent thread; returns only if exec failed: then serve from this copy.
        (void)sys::execSelf({kHelperName}, env, fds[1], kFreshHelperControlFd);
        runForkHelper(fds[1]);  // never returns
    }
    (void)sys::close(fds[1]);
    h.pid.store(pid.value);
    h.controlFd.store(fds[0]);
    h.reason.clear();
    try {
        std::thread(watchHelper).detach();
        h.watched = true;
    } catch (const std::system_error &) {
        // No thread: the helper still serves; only its end would go unnoticed (and unreaped).
    }
    return true;
}

bool ForkHelper::isRunning()
{
    return helper().controlFd.load() >= 0;
}

std::int64_t ForkHelper::pid()
{
    return helper().pid.load();
}

std::string ForkHelper::unavailableReason()
{
    HelperState &h = helper();
    std::lock_guard lock(h.mutex);
    return h.reason;
}

std::string ForkHelper::previousEnd()
{
    HelperState &h = helper();
    std::lock_guard lock(h.mutex);
    return h.previousEnd;
}

int ForkHelper::attachChannel(int *error)
{
    HelperState &h = helper();
    std::lock_guard lock(h.mutex);
    const int control = h.controlFd.load();
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
