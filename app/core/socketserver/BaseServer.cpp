// BaseServer: serve_forever, handle_request, shutdown and the per-request flow of Python's
// _handle_request_noblock, each step traced as a stage.
#include "BaseServer.h"

#include "BaseRequestHandler.h"
#include "StageTrace.h"

#include <CancelToken.h>
#include <Clock.h>
#include <TraceStream.h>

#include "sys/Syscalls.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <poll.h>
#include <stdexcept>

namespace socketlab::socketserver {
namespace {

// Without an eventfd in the cancel token (EMFILE) the loop checks it this often.
constexpr int kFallbackSliceMs = 20;

int toPollMs(double seconds)
{
    if (seconds < 0)
        return -1;
    return static_cast<int>(std::min(std::ceil(seconds * 1000.0), 86'400'000.0));  // round up: never wake early
}

StageSubject argumentSubject(std::int64_t arg)
{
    StageSubject s;
    s.requestId = static_cast<std::uint64_t>(arg);
    return s;
}

} // namespace

BaseServer::BaseServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context)
    : m_serverAddress(std::move(serverAddress)), m_handlerClass(std::move(handlerClass)),
      m_context(std::move(context)), m_wake(CancelToken::create())
{
}

BaseServer::BaseServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context, NoLoop)
    : m_serverAddress(std::move(serverAddress)), m_handlerClass(std::move(handlerClass)),
      m_context(std::move(context))
{
}

BaseServer::~BaseServer() = default;

void BaseServer::writeError(const std::string &text) const
{
    if (m_errorOutput)
        m_errorOutput(text);
    else
        std::fputs(text.c_str(), stderr);  // one call, so concurrent reports do not interleave mid-line
}

void BaseServer::writeConsole(const std::string &line) const
{
    if (m_consoleOutput)
        m_consoleOutput(line);
    else
        std::fputs((line + "\n").c_str(), stdout);
}

void BaseServer::traceEvent(TraceEvent &&event) const
{
    if (event.socketId == 0)
        event.socketId = serverSocketId();
    if (event.fd < 0) {
        // Handler threads trace too, while server_close() may be closing the socket (Python
        // closes it before joining them): the record reads the descriptor under its lock.
        const SocketRecord *record = serverRecord();
        event.fd = record ? record->fd() : fileno();
    }
    if (event.timeNs == 0)
        event.timeNs = steadyNowNs();
    if (m_context.trace)
        m_context.trace->push(event);
    stageTraced();
}

void BaseServer::traceStage(TraceCall call, TracePhase phase, const StageSubject &subject, std::int64_t result,
                            SocketError error) const
{
    if (!m_context.trace)
        return;
    TraceEvent e;
    e.call = call;
    e.phase = phase;
    e.relatedSocketId = subject.connectionId;
    e.arg = static_cast<std::int64_t>(subject.requestId);
    e.address = subject.clientAddress;
    e.result = result;
    e.errorKind = error.kind();
    e.errorCode = error.code();
    traceEvent(std::move(e));
}

void BaseServer::markWaiting(bool waiting) const
{
    SocketRecord *record = serverRecord();
    if (!record)
        return;
    if (waiting)
        record->blockedSinceNs.store(steadyNowNs(), std::memory_order_relaxed);
    record->blockedIn.store(waiting ? TraceCall::ServeForever : TraceCall::None, std::memory_order_release);
}

BaseServer::Wake BaseServer::waitForRequest(int timeoutMs, bool forLoop, bool watchServer) const
{
    const CancelToken *cancel = m_context.cancel.get();
    if (cancel && cancel->isCancelled())
        return Wake::Cancelled;
    if (fileno() < 0)
        return Wake::Closed;
    pollfd fds[4] = {{watchServer ? fileno() : -1, POLLIN, 0}, {-1, POLLIN, 0}, {-1, POLLIN, 0}, {-1, POLLIN, 0}};
    if (cancel)
        fds[1].fd = cancel->wakeDescriptor();
    if (forLoop && m_wake) {
        fds[2].fd = m_wake->wakeDescriptor();
        fds[3].fd = serviceDescriptor();
    }
    if (cancel && cancel->wakeDescriptor() < 0 && (timeoutMs < 0 || timeoutMs > kFallbackSliceMs))
        timeoutMs = kFallbackSliceMs;
    // poll() skips entries whose fd is negative, so unused slots cost nothing.
    const sys::SysResult rc = sys::poll(fds, 4, timeoutMs);
    if (cancel && cancel->isCancelled())
        return Wake::Cancelled;
    if (!rc.ok() || rc.value == 0)
        return Wake::Idle;  // EINTR or time up: the caller decides what comes next
    if (fds[0].revents & POLLNVAL)
        return Wake::Closed;
    if (fds[0].revents != 0)
        return Wake::Ready;
    if (fds[2].revents != 0)
        return Wake::Shutdown;
    if (fds[3].revents != 0)
        return Wake::Service;
    return Wake::Idle;
}

Status BaseServer::serveForever(double pollInterval)
{
    if (!m_wake)
        return SocketError::fromErrno(EINVAL);
    {
        std::lock_guard lock(m_mutex);
        m_isShutDown = false;
        m_servingThread = std::this_thread::get_id();
    }
    const int pollMs = toPollMs(pollInterval);
    Stage stage(*this, TraceCall::ServeForever, argumentSubject(pollMs));
    Status status;
    bool announcedWait = false;
    while (!m_shutdownRequest.load(std::memory_order_acquire)) {
        if (!announcedWait) {  // once per wait for a request, not per poll_interval tick
            traceStage(TraceCall::ServeForever, TracePhase::Blocked, argumentSubject(pollMs));
            announcedWait = true;
        }
        markWaiting(true);
        const std::int64_t now = steadyNowNs();
        const bool pausing = m_acceptBackoff.pausing(now);
        const Wake wake = waitForRequest(pausing ? m_acceptBackoff.waitMs(now, pollMs) : pollMs, true, !pausing);
        markWaiting(false);
        if (m_shutdownRequest.load(std::memory_order_acquire))
            break;
        if (wake == Wake::Cancelled) {
            status = SocketError(ErrorKind::Cancelled, ECANCELED);
            break;
        }
        if (wake == Wake::Closed) {
            status = SocketError(ErrorKind::Closed, EBADF);  // Python: select() on a closed socket raises
            break;
        }
        if (wake == Wake::Shutdown)
            m_wake->reset();  // a late wake-up from a shutdown() that an earlier loop already obeyed
        if (wake == Wake::Ready) {
            handleRequestNoBlock();
            announcedWait = false;
        }
        tracedServiceActions();
    }
    m_shutdownRequest.store(false, std::memory_order_release);
    m_wake->reset();
    if (status)
        stage.returned();
    else
        stage.failed(status.error());
    {
        std::lock_guard lock(m_mutex);
        m_isShutDown = true;
        m_servingThread = {};
    }
    m_shutDownChanged.notify_all();
    return status;
}

void BaseServer::shutdown()
{
    traceStage(TraceCall::ServerShutdown, TracePhase::Begin, nullptr);
    m_shutdownRequest.store(true, std::memory_order_release);
    if (m_wake)
        m_wake->cancel();
    std::unique_lock lock(m_mutex);
    if (m_servingThread != std::this_thread::get_id())
        m_shutDownChanged.wait(lock, [this] { return m_isShutDown; });
    lock.unlock();
    traceStage(TraceCall::ServerShutdown, TracePhase::Returned, nullptr);
}

Status BaseServer::handleRequest()
{
    // Python: the smaller of the socket's timeout and self.timeout; None when both are None.
    std::optional<double> wait = socketTimeout();
    if (!wait)
        wait = timeout;
    else if (timeout)
        wait = std::min(*wait, *timeout);
    Stage stage(*this, TraceCall::HandleRequest, argumentSubject(wait ? toPollMs(*wait) : -1));
    const std::int64_t deadline = wait ? steadyNowNs() + static_cast<std::int64_t>(*wait * 1e9) : -1;
    for (;;) {
        int waitMs = -1;
        if (deadline >= 0)
            waitMs = static_cast<int>(std::max<std::int64_t>(0, (deadline - steadyNowNs() + 999'999) / 1'000'000));
        const Wake wake = waitForRequest(waitMs, false);
        if (wake == Wake::Ready) {
            handleRequestNoBlock();
            stage.returned(1);
            return {};
        }
        if (wake == Wake::Cancelled || wake == Wake::Closed) {
            const SocketError error = wake == Wake::Cancelled ? SocketError(ErrorKind::Cancelled, ECANCELED)
                                                              : SocketError(ErrorKind::Closed, EBADF);
            stage.failed(error);
            return error;
        }
        if (deadline >= 0 && steadyNowNs() >= deadline) {
            tracedHandleTimeout();
            stage.returned(0);
            return {};
        }
    }
}

void BaseServer::handleRequestNoBlock() noexcept
{
    Request request;
    {
        StageSubject subject;
        subject.requestId = nextRequestId();
        Stage stage(*this, TraceCall::GetRequest, subject);
        try {
            Result<Request> got = getRequest();
            if (!got) {
                stage.failed(got.error());  // Python: an OSError here means "no request after all"
                getRequestFailed(got.error());
                return;
            }
            request = std::move(got).value();
            m_acceptBackoff.succeeded();
        } catch (...) {
            stage.failed(currentSocketError());
            writeError("Exception in get_request: " + describeCurrentException() + "\n");
            return;
        }
        request.id = subject.requestId;
        stage.setSubject(StageSubject::of(&request));
        stage.returned();
    }
    const SocketAddress client = request.clientAddress;
    bool accepted = false;
    try {
        Stage stage(*this, TraceCall::VerifyRequest, &request);
        try {
            accepted = verifyRequest(request, client);
        } catch (...) {
            stage.failed(currentSocketError());
            throw;
        }
        stage.returned(accepted ? 1 : 0);
    } catch (...) {
        // Python would let this end serve_forever; SocketLab reports it and goes on serving.
        tracedHandleError(request, client);
        tracedShutdownRequest(request);
        return;
    }
    if (accepted)
        processVerified(request, client);
    else
        tracedShutdownRequest(request);
}

void BaseServer::getRequestFailed(const SocketError &error) noexcept
{
    // Out of descriptors: pause accept() rather than spin on a listening socket that stays
    // readable. Python says nothing here; the learner is told the first time, through
    // handle_error as Python would call it with request and client_address None.
    if (!m_acceptBackoff.failed(error, steadyNowNs()))
        return;
    Request none;
    try {
        throw SocketException(error);
    } catch (...) {
        tracedHandleError(none, SocketAddress());
    }
}

void BaseServer::processVerified(Request &request, const SocketAddress &clientAddress) noexcept
{
    try {
        runStage(*this, TraceCall::ProcessRequest, &request, [&] { processRequest(request, clientAddress); });
    } catch (...) {
        tracedHandleError(request, clientAddress);
        tracedShutdownRequest(request);
    }
}

bool BaseServer::verifyRequest(Request &, const SocketAddress &)
{
    return true;
}

void BaseServer::processRequest(Request &request, const SocketAddress &clientAddress)
{
    tracedFinishRequest(request, clientAddress);
    tracedShutdownRequest(request);
}

void BaseServer::finishRequest(Request &request, const SocketAddress &clientAddress)
{
    std::unique_ptr<BaseRequestHandler> handler = m_handlerClass.create();
    if (!handler)
        throw std::logic_error("the server has no RequestHandlerClass");
    handler->run(request, clientAddress, *this);
}

void BaseServer::shutdownRequest(Request &request)
{
    tracedCloseRequest(request);
}

void BaseServer::closeRequest(Request &)
{
}

void BaseServer::handleError(Request &, const SocketAddress &clientAddress)
{
    // Stop / Reset woke a blocked call: the trace says "cancelled"; it is not the program's error.
    if (currentSocketError().kind() == ErrorKind::Cancelled)
        return;
    const std::string rule(40, '-');
    std::string report = rule + "\nException occurred during processing of request from " + clientAddress.pythonRepr()
        + "\n" + describeCurrentException() + "\n";
    if (m_context.explain) {  // SocketLab's word on it, under Python's text
        if (const std::string why = m_context.explain(currentSocketError()); !why.empty())
            report += "\u2192 " + why + "\n";
    }
    writeError(report + rule + "\n");
}

void BaseServer::tracedFinishRequest(Request &request, const SocketAddress &clientAddress)
{
    runStage(*this, TraceCall::FinishRequest, &request, [&] { finishRequest(request, clientAddress); });
}

void BaseServer::tracedShutdownRequest(Request &request) noexcept
{
    try {
        runStage(*this, TraceCall::ShutdownRequest, &request, [&] { shutdownRequest(request); });
    } catch (...) {
        writeError("Exception ignored in shutdown_request: " + describeCurrentException() + "\n");
    }
}

void BaseServer::tracedCloseRequest(Request &request)
{
    runStage(*this, TraceCall::CloseRequest, &request, [&] { closeRequest(request); });
}

void BaseServer::tracedHandleError(Request &request, const SocketAddress &clientAddress) noexcept
{
    // Called inside a catch block: handleError sees the exception through std::current_exception.
    try {
        const StageSubject subject = StageSubject::of(&request);
        traceStage(TraceCall::HandleError, TracePhase::Begin, subject, 0, currentSocketError());
        handleError(request, clientAddress);
        traceStage(TraceCall::HandleError, TracePhase::Returned, subject);
    } catch (...) {
        // An exception from handle_error itself is dropped: nothing may leave the server's loop.
    }
}

void BaseServer::tracedServiceActions() noexcept
{
    try {
        runStage(*this, TraceCall::ServiceActions, nullptr, [this] { serviceActions(); });
    } catch (...) {
        writeError("Exception ignored in service_actions: " + describeCurrentException() + "\n");
    }
}

void BaseServer::tracedHandleTimeout() noexcept
{
    try {
        runStage(*this, TraceCall::HandleTimeout, nullptr, [this] { handleTimeout(); });
    } catch (...) {
        writeError("Exception ignored in handle_timeout: " + describeCurrentException() + "\n");
    }
}

} // namespace socketlab::socketserver
