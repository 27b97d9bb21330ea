// ChildProcess: pipes, spawning in a new group, the group's end and the reaping.
#include "ChildProcess.h"

#include "CancelToken.h"
#include "sys/ForkSyscalls.h"

#include <cerrno>
#include <csignal>
#include <poll.h>

namespace socketlab {
namespace {

void closeQuietly(int &fd)
{
    if (fd >= 0)
        (void)sys::close(fd);
    fd = -1;
}

} // namespace

std::unique_ptr<ChildProcess> ChildProcess::start(const std::string &file, const std::vector<std::string> &argv,
                                                  const std::vector<Channel> &extra, int *error)
{
    std::unique_ptr<ChildProcess> child(new ChildProcess);
    std::vector<int> theirs;  // the child's ends, by descriptor number there
    auto failed = [&](int e) {
        for (int &fd : theirs)
            closeQuietly(fd);
        *error = e;
        return nullptr;
    };
    // stdin, stdout, stderr, then the extra channels: a pipe each, one end ours.
    std::vector<Channel> all{Channel::ToChild, Channel::FromChild, Channel::FromChild};
    all.insert(all.end(), extra.begin(), extra.end());
    for (const Channel direction : all) {
        int fds[2];
        const sys::SysResult r = sys::pipe(fds);
        if (!r.ok())
            return failed(r.error);
        const bool toChild = direction == Channel::ToChild;
        theirs.push_back(toChild ? fds[0] : fds[1]);
        const int ours = toChild ? fds[1] : fds[0];
        switch (theirs.size()) {
        case 1: child->m_stdin = ours; break;
        case 2: child->m_stdout = ours; break;
        case 3: child->m_stderr = ours; break;
        default: child->m_extra.push_back(ours); break;
        }
    }
    const sys::SysResult spawned = sys::spawnGroupLeader(file, argv, theirs);
    if (!spawned.ok())
        return failed(spawned.error);
    for (int &fd : theirs)
        closeQuietly(fd);
    child->m_pid = static_cast<pid_t>(spawned.value);
    return child;
}

ChildProcess::~ChildProcess()
{
    if (!hasEnded()) {
        killGroup();
        (void)wait();
    }
    closeQuietly(m_stdin);
    closeQuietly(m_stdout);
    closeQuietly(m_stderr);
    for (int &fd : m_extra)
        closeQuietly(fd);
}

void ChildProcess::closeStdin()
{
    closeQuietly(m_stdin);
}

void ChildProcess::killGroup()
{
    std::lock_guard lock(m_mutex);
    if (!m_reaped && m_pid > 0)
        (void)sys::killGroup(m_pid, SIGKILL);
}

int ChildProcess::wait()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_reaped)
            return m_exitCode;
    }
    int status = 0;
    (void)sys::waitExited(m_pid, &status);  // the child stays a zombie: its group id stays ours
    std::lock_guard lock(m_mutex);
    if (m_reaped)
        return m_exitCode;
    // What it started and left running ends with it: a learner's program owns nothing
    // beyond its own life.
    (void)sys::killGroup(m_pid, SIGKILL);
    (void)sys::waitpid(m_pid, &status, true);
    m_reaped = true;
    m_exitCode = status;
    return status;
}

int ChildProcess::waitReadable(const std::vector<int> &fds, const CancelToken &cancel)
{
    std::vector<pollfd> watched;
    std::vector<int> index;
    for (std::size_t i = 0; i < fds.size(); ++i) {
        if (fds[i] >= 0) {
            watched.push_back(pollfd{fds[i], POLLIN, 0});
            index.push_back(static_cast<int>(i));
        }
    }
    const int wake = cancel.wakeDescriptor();
    watched.push_back(pollfd{wake, POLLIN, 0});  // a -1 descriptor is ignored by poll
    for (;;) {
        if (cancel.isCancelled())
            return -1;
        // Without a wake descriptor (EMFILE), cancellation is noticed in short slices.
        const sys::SysResult r = sys::poll(watched.data(), static_cast<unsigned>(watched.size()), wake >= 0 ? -1 : 50);
        if (!r.ok() && r.error != EINTR)
            return -1;
        for (std::size_t i = 0; i + 1 < watched.size(); ++i) {
            if (watched[i].revents != 0)
                return index[i];
        }
    }
}

long ChildProcess::readSome(int fd, char *buffer, std::size_t size)
{
    const sys::SysResult r = sys::read(fd, buffer, size);
    return r.ok() ? static_cast<long>(r.value) : -1;
}

bool ChildProcess::writeAll(int fd, const std::string &data)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const sys::SysResult r = sys::write(fd, data.data() + done, data.size() - done);
        if (!r.ok())
            return false;
        done += static_cast<std::size_t>(r.value);
    }
    return true;
}

void ChildProcess::setNonBlocking(int fd)
{
    (void)sys::setNonBlocking(fd);
}

bool ChildProcess::hasEnded() const
{
    std::lock_guard lock(m_mutex);
    return m_reaped;
}

} // namespace socketlab
