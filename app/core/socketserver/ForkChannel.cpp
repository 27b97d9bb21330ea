// ForkChannel: the server's conversation with the fork helper and its children.
#include "ForkChannel.h"

#include "BaseServer.h"
#include "ForkHelper.h"
#include "ForkProtocol.h"
#include "SocketException.h"

#include <BlockingWait.h>
#include <CancelToken.h>
#include <Clock.h>
#include <TraceStream.h>

#include "sys/Syscalls.h"

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <utility>

namespace socketlab::socketserver {
namespace {

// The helper answers a Fork order as soon as fork() returns; this only guards against a
// helper that was stopped (SIGSTOP) or wedged.
constexpr std::int64_t kAnswerTimeoutNs = 10'000'000'000;

} // namespace

ForkChannel::ForkChannel(BaseServer &server) : m_server(server)
{
    (void)attach();
}

bool ForkChannel::attach()
{
    if (!ForkHelper::isRunning()) {
        m_unavailable = ForkHelper::unavailableReason();
        return false;
    }
    int error = 0;
    m_fd = ForkHelper::attachChannel(&error);
    if (m_fd < 0) {
        m_unavailable = "forking is not available: the helper process that forks the children gave no channel: "
            + SocketError::fromErrno(error).pythonString();
        return false;
    }
    const std::int64_t before = std::exchange(m_helperPid, ForkHelper::pid());
    if (before != 0 && before != m_helperPid)
        m_server.writeError(ForkHelper::previousEnd() + "; a new one (pid " + std::to_string(m_helperPid)
                            + ") forks the children now\n");
    return true;
}

void ForkChannel::helperGone()
{
    (void)sys::close(m_fd);
    m_fd = -1;  // also out of the server loop's poll, which would otherwise see the hang-up for ever
    // Its children were killed with it (PR_SET_PDEATHSIG), their exits unreported: report them,
    // so collect_children does not wait for them.
    for (const auto &[pid, subject] : m_running) {
        traceChild(TraceCall::ChildExited, subject, pid, -SIGKILL, steadyNowNs());
        m_exits.push_back(ChildExit{pid, -SIGKILL});
        if (m_observer)
            m_observer(ChildLifecycle{pid, true, -SIGKILL});
    }
    m_running.clear();
    m_earlyConsole.clear();
}

ForkChannel::~ForkChannel()
{
    if (m_fd >= 0)
        (void)sys::close(m_fd);
}

void ForkChannel::traceChild(TraceCall call, const StageSubject &subject, std::int64_t pid, int code,
                             std::int64_t timeNs) const
{
    TraceEvent e;
    e.timeNs = timeNs;
    e.call = call;
    e.phase = TracePhase::Returned;
    e.arg = static_cast<std::int64_t>(subject.requestId);
    e.relatedSocketId = subject.connectionId;
    e.address = subject.clientAddress;
    e.result = pid;
    e.errorCode = code;
    m_server.traceEvent(std::move(e));
}

std::int64_t ForkChannel::startChild(const Request &request, int family, int type)
{
    if (m_fd < 0 && !attach())
        throw ForkError(m_unavailable);
    const std::string &name = m_server.requestHandlerClass().name();
    if (name.empty())
        throw ForkError("ForkingMixIn needs a handler class registered by name, so that the child process can make "
                        "one: socketserver::registerHandler<Handler>(\"name\") before ForkHelper::startFromMain()");
    ForkOrder order;
    order.requestId = request.id;
    order.connectionId = request.connectionId();
    order.serverSocketId = m_server.serverSocketId();
    order.family = family;
    order.type = type;
    order.datagram = request.isDatagram();
    order.clientAddress = request.clientAddress;
    order.serverAddress = m_server.serverAddress();
    order.handlerName = name;
    order.packet = request.packet;
    const int fd = request.isDatagram() ? request.serverSocket->fileno() : request.connection.fileno();
    int sent = sendForkMessage(m_fd, ForkMessageType::Fork, encode(order), {fd});
    if (sent == EPIPE || sent == ECONNRESET) {
        // The helper ended since we last heard from it: the order reached nobody, so it goes
        // to the helper that replaced it.
        helperGone();
        if (!attach())
            throw ForkError(m_unavailable);
        sent = sendForkMessage(m_fd, ForkMessageType::Fork, encode(order), {fd});
    }
    if (sent != 0) {
        if (sent == EPIPE || sent == ECONNRESET)
            helperGone();
        throw SocketException(SocketError::fromErrno(sent));
    }
    m_awaited = StageSubject::of(&request);
    const std::int64_t deadline = steadyNowNs() + kAnswerTimeoutNs;
    for (;;) {
        const WaitOutcome outcome = waitUntilReady(m_fd, POLLIN, deadline, m_server.context().cancel.get());
        if (outcome == WaitOutcome::TimedOut)
            throw ForkError("the fork helper did not answer within 10 seconds");
        if (outcome == WaitOutcome::Cancelled)
            throw SocketException(SocketError(ErrorKind::Cancelled, ECANCELED));
        ForkMessage message;
        Answer answer;
        if (dispatch(receiveForkMessage(m_fd, message, true), message, order.requestId, answer)) {
            if (answer.failure == kUnknownHandler)
                throw ForkError("the fork helper does not know the handler class \"" + name
                                + "\": register it before ForkHelper::startFromMain() runs (at namespace scope)");
            if (answer.failure != 0) {
                m_earlyConsole.clear();
                throw SocketException(SocketError::fromErrno(answer.failure));  // os.fork's OSError
            }
            for (const std::string &line : m_earlyConsole)
                m_server.writeConsole(line);
            m_earlyConsole.clear();
            return answer.pid;
        }
        if (m_fd < 0)
            throw ForkError("forking failed for this request: the helper process that forks the children ended "
                            "before it started the child");
    }
}

bool ForkChannel::dispatch(int rc, ForkMessage &message, std::uint64_t awaitedRequest, Answer &answer)
{
    if (rc == EAGAIN)
        return false;
    if (rc != 0) {
        helperGone();
        return false;
    }
    for (int fd : message.fds)  // nothing sends descriptors this way; never keep stray ones
        (void)sys::close(fd);
    ChildNotice notice;
    switch (message.type) {
    case ForkMessageType::Started:
        if (!decode(message.body, notice) || notice.requestId != awaitedRequest)
            return false;
        answer.pid = notice.pid;
        m_running[notice.pid] = m_awaited;
        traceChild(TraceCall::ChildStarted, m_awaited, notice.pid, 0, notice.timeNs);
        if (m_observer)
            m_observer(ChildLifecycle{notice.pid, false, 0});
        return true;
    case ForkMessageType::ForkFailed:
        if (!decode(message.body, notice) || notice.requestId != awaitedRequest)
            return false;
        answer.failure = notice.code;
        return true;
    case ForkMessageType::Exited:
        if (decode(message.body, notice)) {
            const auto it = m_running.find(notice.pid);
            const StageSubject subject = it != m_running.end() ? it->second : StageSubject{};
            if (it != m_running.end())
                m_running.erase(it);
            traceChild(TraceCall::ChildExited, subject, notice.pid, notice.code, notice.timeNs);
            m_exits.push_back(ChildExit{notice.pid, notice.code});
            if (m_observer)
                m_observer(ChildLifecycle{notice.pid, true, notice.code});
        }
        return false;
    case ForkMessageType::ChildEvents: {
        std::vector<TraceEvent> events;
        if (decode(message.body, events))
            pushChildEvents(events);
        return false;
    }
    case ForkMessageType::ChildReport:
        m_server.writeError(message.body);
        return false;
    case ForkMessageType::ChildConsole: {
        std::string line;
        std::vector<TraceEvent> events;
        if (!decodeConsole(message.body, line, events))
            return false;
        pushChildEvents(events);  // what the child did before it printed, first
        if (awaitedRequest != 0)
            m_earlyConsole.push_back(std::move(line));  // the child may print before Started arrives
        else
            m_server.writeConsole(line);
        return false;
    }
    default:
        return false;
    }
}

void ForkChannel::pushChildEvents(const std::vector<TraceEvent> &events) const
{
    if (const std::shared_ptr<TraceStream> &trace = m_server.context().trace)
        for (const TraceEvent &e : events)
            trace->push(e);  // already in the server's terms (ForkChild.cpp)
}

void ForkChannel::readAvailable()
{
    while (m_fd >= 0) {
        ForkMessage message;
        Answer unused;
        const int rc = receiveForkMessage(m_fd, message, true);
        if (rc == EAGAIN)
            return;
        dispatch(rc, message, 0, unused);
    }
}

Status ForkChannel::waitForMessage()
{
    if (m_fd < 0)
        return SocketError::fromErrno(ECHILD);
    const WaitOutcome outcome = waitUntilReady(m_fd, POLLIN, -1, m_server.context().cancel.get());
    if (outcome == WaitOutcome::Cancelled)
        return SocketError(ErrorKind::Cancelled, ECANCELED);
    return {};
}

std::vector<ChildExit> ForkChannel::takeExits()
{
    std::vector<ChildExit> exits;
    exits.swap(m_exits);
    return exits;
}

void ForkChannel::reap(std::int64_t pid)
{
    if (m_fd < 0)
        return;  // its helper has gone, and reaped it on its way
    ChildNotice notice;
    notice.pid = pid;
    (void)sendForkMessage(m_fd, ForkMessageType::Reap, encode(notice));
}

} // namespace socketlab::socketserver
