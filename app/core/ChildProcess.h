// Another program run as a child of the app, in a process group of its own, talking over
// pipes: its stdin, stdout and stderr, and any extra channels (descriptor 3, 4 ... in the
// child). One SIGKILL to the group ends it and everything it started, also while it is
// blocked in a call or busy in a loop; wait() reaps it, so no zombie stays behind.
//
// Thread use: one thread may block in wait() while another calls killGroup(); killGroup()
// never signals a group whose leader has been reaped (its id could belong to somebody else
// by then). The owner destroys it only once no thread uses it any more.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <vector>

namespace socketlab {

class CancelToken;

class ChildProcess {
public:
    enum class Channel { ToChild, FromChild };

    // Starts file (looked up on PATH) with argv. extra[i] is descriptor 3 + i in the child.
    // Returns null and sets *error (an errno value: ENOENT when there is no such program)
    // when it cannot start.
    static std::unique_ptr<ChildProcess> start(const std::string &file, const std::vector<std::string> &argv,
                                               const std::vector<Channel> &extra, int *error);
    ~ChildProcess();  // kills the group and reaps the child if that has not happened; closes our ends
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    pid_t pid() const { return m_pid; }
    // Our ends of the pipes; -1 once closed.
    int stdinFd() const { return m_stdin; }
    int stdoutFd() const { return m_stdout; }
    int stderrFd() const { return m_stderr; }
    int channelFd(std::size_t i) const { return m_extra.at(i); }
    void closeStdin();  // end of input: the child reads EOF

    void killGroup();  // SIGKILL to the whole group; harmless after the end
    // Blocks until the child exits, then ends what it left running in its group and reaps
    // it. Returns its exit code, or minus the signal that killed it.
    int wait();
    bool hasEnded() const;

    // Pipe helpers for the threads that talk to it. waitReadable() waits until one of fds
    // (-1 entries are skipped) is readable or at its end, and returns its index; -1 once
    // cancel fires. readSome() returns bytes read, 0 at the end, -1 on an error.
    static int waitReadable(const std::vector<int> &fds, const CancelToken &cancel);
    static long readSome(int fd, char *buffer, std::size_t size);
    // Writes all of data; false when the reader is gone (or, on a non-blocking end, full).
    static bool writeAll(int fd, const std::string &data);
    static void setNonBlocking(int fd);

private:
    ChildProcess() = default;
    pid_t m_pid = -1;
    int m_stdin = -1;
    int m_stdout = -1;
    int m_stderr = -1;
    std::vector<int> m_extra;
    mutable std::mutex m_mutex;  // guards m_reaped against killGroup() racing the reaping
    bool m_reaped = false;
    int m_exitCode = 0;
};

} // namespace socketlab
