// The fork helper's process: a single-threaded loop over the control channel, one channel per
// ForkingMixIn server, and SIGCHLD (as a signalfd). It forks a child per Fork order, reports
// the pid, reports each exit while leaving the child a zombie, and reaps it on the server's
// Reap (collect_children) - or at once, and after SIGKILL, once that server has gone.
#include "ForkZygote.h"

#include "RequestHandlerClass.h"

#include <Clock.h>

#include "sys/ForkSyscalls.h"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <deque>
#include <map>
#include <poll.h>
#include <vector>

namespace socketlab::socketserver {
namespace {

// Without a signalfd (descriptors exhausted) exits are looked for this often.
constexpr int kExitScanMs = 100;

struct Channel {
    int fd = -1;
    std::uint64_t id = 0;  // children name their channel by id: a closed fd's number is reused
    std::deque<std::pair<ForkMessageType, std::string>> outbox;  // waiting for room in the socket
};

struct Child {
    std::uint64_t channelId = 0;  // 0: its server has gone
    std::uint64_t requestId = 0;
    bool exitReported = false;
};

class Helper {
public:
    explicit Helper(int controlFd) : m_control(controlFd) {}
    [[noreturn]] void run();

private:
    void onControl();
    bool onChannel(Channel &channel);  // false once the server's end has closed
    void startChild(Channel &channel, ForkMessage &message);
    void reap(std::uint64_t channelId, std::int64_t pid);
    void findExits();
    void dropChannel(Channel &channel);
    void send(Channel &channel, ForkMessageType type, std::string body);
    void flush(Channel &channel);
    Channel *channelById(std::uint64_t id);
    [[noreturn]] void exitAll();

    int m_control;
    int m_signals = -1;
    std::uint64_t m_nextChannelId = 1;
    std::deque<Channel> m_channels;
    std::map<std::int64_t, Child> m_children;
};

void closeAll(std::vector<int> &fds)
{
    for (int fd : fds)
        (void)sys::close(fd);
    fds.clear();
}

void Helper::run()
{
    (void)sys::setParentDeathSignal(SIGKILL);  // a killed app must not leave the helper behind
    // The time zone read once, here, as Python's time module does at import: children inherit
    // it. Otherwise every child read /etc/localtime again at its first localtime() (the
    // timestamp handlers' ctime()), six system calls before its reply.
    ::tzset();
    const sys::SysResult signals = sys::childSignalDescriptor();
    m_signals = signals.ok() ? static_cast<int>(signals.value) : -1;
    for (;;) {
        std::vector<pollfd> fds{{m_control, POLLIN, 0}, {m_signals, POLLIN, 0}};
        for (const Channel &c : m_channels)
            fds.push_back({c.fd, static_cast<short>(POLLIN | (c.outbox.empty() ? 0 : POLLOUT)), 0});
        const sys::SysResult rc = sys::poll(fds.data(), static_cast<unsigned>(fds.size()), m_signals < 0 ? kExitScanMs : -1);
        if (!rc.ok() && rc.error != EINTR)
            exitAll();
        if (fds[0].revents != 0)
            onControl();
        if (m_signals < 0 || fds[1].revents != 0) {
            (void)sys::drainSignalDescriptor(m_signals);
            findExits();
        }
        // Only the channels that were polled: onControl may have just attached another one.
        const std::size_t polled = fds.size() - 2;
        std::size_t i = 0;
        for (auto it = m_channels.begin(); it != m_channels.end() && i < polled; ++i) {
            const short revents = fds[i + 2].revents;
            if (revents & POLLOUT)
                flush(*it);
            if ((revents & (POLLIN | POLLHUP | POLLERR)) && !onChannel(*it)) {
                dropChannel(*it);
                it = m_channels.erase(it);
            } else {
                ++it;
            }
        }
    }
}

void Helper::onControl()
{
    ForkMessage message;
    const int rc = receiveForkMessage(m_control, message, true);
    if (rc == EAGAIN)
        return;
    if (rc != 0)
        exitAll();  // the app has gone (or its end broke): nothing left to serve
    if (message.type == ForkMessageType::Attach && message.fds.size() == 1) {
        m_channels.push_back(Channel{message.fds[0], m_nextChannelId++, {}});
        message.fds.clear();
    }
    closeAll(message.fds);
}

bool Helper::onChannel(Channel &channel)
{
    ForkMessage message;
    const int rc = receiveForkMessage(channel.fd, message, true);
    if (rc == EAGAIN)
        return true;
    if (rc != 0)
        return false;
    if (message.type == ForkMessageType::Fork) {
        startChild(channel, message);
    } else if (message.type == ForkMessageType::Reap) {
        ChildNotice notice;
        if (decode(message.body, notice))
            reap(channel.id, notice.pid);
    }
    closeAll(message.fds);
    return true;
}

void Helper::startChild(Channel &channel, ForkMessage &message)
{
    ForkOrder order;
    ChildNotice notice;
    if (message.fds.size() != 1 || !decode(message.body, order)) {
        notice.requestId = order.requestId;
        notice.code = EINVAL;
        send(channel, ForkMessageType::ForkFailed, encode(notice));
        return;
    }
    notice.requestId = order.requestId;
    if (!findHandlerFactory(order.handlerName)) {
        notice.code = kUnknownHandler;
        send(channel, ForkMessageType::ForkFailed, encode(notice));
        return;
    }
    notice.timeNs = steadyNowNs();
    const sys::SysResult pid = sys::fork();
    if (pid.ok() && pid.value == 0)
        runForkedRequest(order, message.fds[0], channel.fd);  // the child: never returns
    closeAll(message.fds);  // the child has its copy; the server closes its own (close_request)
    if (!pid.ok()) {
        notice.code = pid.error;
        send(channel, ForkMessageType::ForkFailed, encode(notice));
        return;
    }
    m_children[pid.value] = Child{channel.id, order.requestId, false};
    notice.pid = pid.value;
    send(channel, ForkMessageType::Started, encode(notice));
}

void Helper::reap(std::uint64_t channelId, std::int64_t pid)
{
    const auto it = m_children.find(pid);
    if (it == m_children.end() || it->second.channelId != channelId || !it->second.exitReported)
        return;  // only a zombie this server was told about: waitpid must not block here
    int code = 0;
    (void)sys::waitpid(static_cast<pid_t>(pid), &code, false);
    m_children.erase(it);
}

void Helper::findExits()
{
    for (auto it = m_children.begin(); it != m_children.end();) {
        Child &child = it->second;
        int code = 0;
        const sys::SysResult exited = child.exitReported ? sys::SysResult{0, 0}
                                                         : sys::peekExited(static_cast<pid_t>(it->first), &code);
        if (!exited.ok()) {  // not our child any more (ECHILD): forget it
            it = m_children.erase(it);
            continue;
        }
        if (exited.value == 1) {
            Channel *channel = channelById(child.channelId);
            if (!channel) {  // nobody will collect it: reap now
                (void)sys::waitpid(static_cast<pid_t>(it->first), &code, false);
                it = m_children.erase(it);
                continue;
            }
            ChildNotice notice{child.requestId, it->first, code, steadyNowNs()};
            send(*channel, ForkMessageType::Exited, encode(notice));
            child.exitReported = true;
        }
        ++it;
    }
}

void Helper::dropChannel(Channel &channel)
{
    // Its server object is gone: its children must not outlive it.
    for (auto it = m_children.begin(); it != m_children.end();) {
        if (it->second.channelId != channel.id) {
            ++it;
            continue;
        }
        int code = 0;
        if (it->second.exitReported) {
            (void)sys::waitpid(static_cast<pid_t>(it->first), &code, false);
            it = m_children.erase(it);
        } else {
            (void)sys::kill(static_cast<pid_t>(it->first), SIGKILL);
            it->second.channelId = 0;  // reaped when its exit is seen
            ++it;
        }
    }
    (void)sys::close(channel.fd);
}

Channel *Helper::channelById(std::uint64_t id)
{
    for (Channel &c : m_channels)
        if (c.id == id)
            return &c;
    return nullptr;
}

void Helper::send(Channel &channel, ForkMessageType type, std::string body)
{
    // Never wait for a server that does not read: queue, and send when poll says there is room.
    if (channel.outbox.empty()) {
        const int rc = sendForkMessage(channel.fd, type, body, {}, true);
        if (rc != EAGAIN)
            return;  // sent, or the channel is broken (its end will read as closed)
    }
    channel.outbox.emplace_back(type, std::move(body));
}

void Helper::flush(Channel &channel)
{
    while (!channel.outbox.empty()) {
        const auto &[type, body] = channel.outbox.front();
        if (sendForkMessage(channel.fd, type, body, {}, true) == EAGAIN)
            return;
        channel.outbox.pop_front();
    }
}

void Helper::exitAll()
{
    for (const auto &entry : m_children)
        (void)sys::kill(static_cast<pid_t>(entry.first), SIGKILL);
    for (const auto &entry : m_children) {
        int code = 0;
        (void)sys::waitpid(static_cast<pid_t>(entry.first), &code, true);
    }
    sys::exitNow(0);
}

} // namespace

void runForkHelper(int controlFd)
{
    Helper(controlFd).run();
}

} // namespace socketlab::socketserver
