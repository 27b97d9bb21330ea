// BaseServer: the loop of Python's socketserver.BaseServer - serve_forever, handle_request,
// shutdown - and the methods it calls for every request, which subclasses override as in
// Python (camelCase names: verify_request is verifyRequest). Each call is traced as a stage
// (StageTrace.h) into the context's trace, so a view can light up the flow
// get_request -> verify_request -> process_request -> finish_request -> setup/handle/finish
// -> shutdown_request while it happens.
//
// Exceptions: a handler may throw (Python raises); the server catches it in the thread that
// ran the request, calls handle_error and keeps serving. Nothing is thrown out of
// serveForever, handleRequest, or a handler thread.
//
// Lifetime: destroy a server only after serve_forever has returned, and call serverClose()
// first (Python's `with` block does) so mixins wait for their threads and children while the
// whole object, overrides included, still exists.
#pragma once

#include "AcceptBackoff.h"
#include "Request.h"
#include "RequestHandlerClass.h"
#include "StageTrace.h"

#include <Result.h>
#include <SocketContext.h>
#include <TraceEvent.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace socketlab {
class CancelToken;
}

namespace socketlab::socketserver {

class BaseServer {
public:
    virtual ~BaseServer();
    BaseServer(const BaseServer &) = delete;
    BaseServer &operator=(const BaseServer &) = delete;

    // Python's `timeout`: how long handle_request waits for a request (nullopt: None, forever).
    std::optional<double> timeout;

    // Handles requests until shutdown() (from another thread) or the context's CancelToken
    // stops it; returns the Cancelled error in the latter case. pollInterval is how often the
    // loop runs service_actions when idle; shutdown() and Stop wake it at once.
    Status serveForever(double pollInterval = 0.5);
    // Stops serve_forever and waits until it has returned. Unlike Python it neither hangs when
    // no serve_forever runs nor when called from the serving thread itself (it then only asks).
    void shutdown();
    // Handles one request, waiting at most `timeout` (and the socket's timeout) for it;
    // calls handle_timeout if none came. Cancelled by the context's CancelToken.
    Status handleRequest();

    virtual int fileno() const = 0;
    const SocketAddress &serverAddress() const { return m_serverAddress; }
    const RequestHandlerClass &requestHandlerClass() const { return m_handlerClass; }
    const SocketContext &context() const { return m_context; }

    // Where handle_error writes (Python: sys.stderr); stderr by default. Handler threads call
    // it concurrently, so it must be thread-safe. Set it before serving.
    void setErrorOutput(std::function<void(const std::string &)> output) { m_errorOutput = std::move(output); }
    void writeError(const std::string &text) const;
    // Where the lines a ForkingMixIn child prints arrive (Python: the terminal the child
    // shares with its parent); stdout by default. Called on the serving thread. Set it before serving.
    void setConsoleOutput(std::function<void(const std::string &line)> output) { m_consoleOutput = std::move(output); }
    void writeConsole(const std::string &line) const;

    // --- Methods that may be overridden (Python's list) ---
    virtual Status serverBind() { return {}; }
    virtual Status serverActivate() { return {}; }
    virtual void serverClose() {}
    virtual Result<Request> getRequest() = 0;
    virtual void handleTimeout() {}
    virtual bool verifyRequest(Request &request, const SocketAddress &clientAddress);
    virtual void processRequest(Request &request, const SocketAddress &clientAddress);
    virtual void shutdownRequest(Request &request);
    virtual void closeRequest(Request &request);
    virtual void serviceActions() {}
    // Reports the exception being handled (call it from a catch block, as the server does).
    virtual void handleError(Request &request, const SocketAddress &clientAddress);
    // --- Methods for derived classes ---
    // Instantiates RequestHandlerClass, which runs setup, handle and finish.
    virtual void finishRequest(Request &request, const SocketAddress &clientAddress);

    // --- SocketLab: the stage events (StageTrace.h describes their fields) ---
    void traceStage(TraceCall call, TracePhase phase, const StageSubject &subject, std::int64_t result = 0,
                    SocketError error = {}) const;
    void traceStage(TraceCall call, TracePhase phase, const Request *request, std::int64_t result = 0,
                    SocketError error = {}) const
    {
        traceStage(call, phase, StageSubject::of(request), result, error);
    }
    // Fills socketId and fd if unset, pushes, forwards; completes the caller's event in place
    // rather than copying it (a threading request traces some 30 stages).
    void traceEvent(TraceEvent &&event) const;
    virtual std::uint32_t serverSocketId() const { return 0; }

protected:
    BaseServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context);
    // A server that never loops (a forked child's stand-in) needs no wake-up descriptor.
    struct NoLoop {};
    BaseServer(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context, NoLoop);
    void setServerAddress(SocketAddress address) { m_serverAddress = std::move(address); }

    virtual std::optional<double> socketTimeout() const { return std::nullopt; }
    // The server socket's record, marked as blocked in serve_forever while the loop waits.
    virtual SocketRecord *serverRecord() const { return nullptr; }
    // A descriptor whose readiness should wake the loop so service_actions runs at once
    // (ForkingMixIn: its channel to the fork helper, so children are collected as they exit).
    virtual int serviceDescriptor() const { return -1; }
    // Called after each stage event (a forked child forwards them to the server's process).
    virtual void stageTraced() const {}

    // The overridable methods, called with their stage events around them: the loop and the
    // mixins call these, so the flow is traced whichever class implements each step.
    void tracedFinishRequest(Request &request, const SocketAddress &clientAddress);
    void tracedShutdownRequest(Request &request) noexcept;
    void tracedCloseRequest(Request &request);
    void tracedHandleError(Request &request, const SocketAddress &clientAddress) noexcept;
    void tracedServiceActions() noexcept;
    void tracedHandleTimeout() noexcept;

private:
    enum class Wake { Ready, Idle, Service, Shutdown, Cancelled, Closed };
    // Waits for the server's socket (unless !watchServer: accept() is paused, AcceptBackoff.h);
    // the loop also wakes for shutdown() and the service descriptor.
    Wake waitForRequest(int timeoutMs, bool forLoop, bool watchServer = true) const;
    void markWaiting(bool waiting) const;
    void handleRequestNoBlock() noexcept;
    void getRequestFailed(const SocketError &error) noexcept;
    void processVerified(Request &request, const SocketAddress &clientAddress) noexcept;

    SocketAddress m_serverAddress;
    RequestHandlerClass m_handlerClass;
    SocketContext m_context;
    std::function<void(const std::string &)> m_errorOutput;
    std::function<void(const std::string &)> m_consoleOutput;

    std::shared_ptr<CancelToken> m_wake;  // shutdown() wakes the loop's poll through its eventfd
    std::atomic<bool> m_shutdownRequest{false};
    std::mutex m_mutex;
    std::condition_variable m_shutDownChanged;
    bool m_isShutDown = true;        // no serve_forever running
    std::thread::id m_servingThread;
    AcceptBackoff m_acceptBackoff;  // the serving thread's own
};

} // namespace socketlab::socketserver
