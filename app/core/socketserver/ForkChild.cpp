// A ForkingMixIn child: forked by the helper, it runs Python's child branch of
// ForkingMixIn.process_request - finish_request, handle_error if that raised, shutdown_request,
// os._exit(status) - and sends its stage and socket events back to the server's process.
#include "ForkZygote.h"

#include "BaseRequestHandler.h"
#include "BaseServer.h"
#include "Console.h"

#include <Clock.h>
#include <TraceStream.h>

#include "sys/ForkSyscalls.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <string_view>
#include <sys/socket.h>

namespace socketlab::socketserver {
namespace {

// A handler that runs this long without waiting still shows its stages while it runs.
constexpr std::int64_t kForwardAfterNs = 20'000'000;

bool isFileCall(TraceCall call)
{
    return call >= TraceCall::RfileRead && call <= TraceCall::WfileFlush;
}

// What the child traces and prints, relayed to the server's process. Each message wakes the
// server's thread, so events wait in the child's own stream and go together (ChildEvents):
// when the child is about to wait (a blocked recv() shows in the server's views while it
// lasts), before a console line or an error report (everything arrives in the order it
// happened), at a stage once kForwardAfterNs have passed since the last batch, and at the end.
// A request that never waits costs two or three messages instead of one per stage.
class ChildRelay {
public:
    ChildRelay(const ForkOrder &order, int channelFd, std::shared_ptr<TraceStream> trace)
        : m_order(order), m_channel(channelFd), m_trace(std::move(trace))
    {
        m_trace->setWaitListener([this] { forwardEvents(); });
    }
    ~ChildRelay() { m_trace->setWaitListener({}); }  // the stream may outlive the relay
    ChildRelay(const ChildRelay &) = delete;
    ChildRelay &operator=(const ChildRelay &) = delete;

    void setLocalSocketId(std::uint32_t id) { m_localSocketId = id; }
    void dropEvents()  // the stand-in socket's creation is not the learner's call
    {
        std::vector<TraceEvent> noise;
        m_trace->drain(noise);
    }

    // Sends what the child traced since the last batch, with the child's socket ids replaced by
    // the ids the server's process knows them by.
    void forwardEvents() { sendEvents(takeEvents()); }
    void stageTraced()
    {
        if (steadyNowNs() - m_lastForwardNs >= kForwardAfterNs)
            forwardEvents();
    }
    // The line goes with the events traced before it: one message and one wake-up of the
    // server's thread, not two, before the reply of a handler that prints first.
    void console(const std::string &line)
    {
        const std::string_view cut = std::string_view(line).substr(0, kMaxConsoleLine);
        const std::size_t beside = std::min(maxEventsBeside(cut.size()), takeEvents());
        sendEvents(m_events.size() - beside);
        (void)sendForkMessage(m_channel, ForkMessageType::ChildConsole,
                              encodeConsole(cut, m_events.data() + m_events.size() - beside, beside));
    }
    void report(const std::string &text)
    {
        forwardEvents();
        (void)sendForkMessage(m_channel, ForkMessageType::ChildReport, text);
    }

private:
    // Drains the stream into m_events in the server's terms; returns how many there are.
    std::size_t takeEvents()
    {
        m_lastForwardNs = steadyNowNs();
        m_events.clear();
        m_trace->drain(m_events);
        for (TraceEvent &e : m_events) {
            if (!isServerStage(e.call) || isFileCall(e.call))
                e.socketId = appId(e.socketId);
            e.relatedSocketId = appId(e.relatedSocketId);
        }
        return m_events.size();
    }
    // Sends the first count of m_events as ChildEvents messages.
    void sendEvents(std::size_t count)
    {
        for (std::size_t sent = 0; sent < count; sent += kMaxEventsPerMessage) {
            const std::size_t n = std::min(kMaxEventsPerMessage, count - sent);
            (void)sendForkMessage(m_channel, ForkMessageType::ChildEvents, encode(m_events.data() + sent, n));
        }
    }

    std::uint32_t appId(std::uint32_t localId) const
    {
        if (localId == 0 || localId != m_localSocketId)
            return 0;  // sockets the handler made itself have no id in the server's process
        return m_order.datagram ? m_order.serverSocketId : m_order.connectionId;
    }

    const ForkOrder &m_order;
    const int m_channel;
    const std::shared_ptr<TraceStream> m_trace;
    std::uint32_t m_localSocketId = 0;
    std::int64_t m_lastForwardNs = steadyNowNs();
    std::vector<TraceEvent> m_events;  // reused: a batch allocates once
};

// The server as the child sees it. Python's child has a copy of the whole server object; here
// the server lives in another process, so this stand-in has its address, its socket's id and
// its handler class, and does what Python's TCPServer / UDPServer do with a request.
class ForkedServer final : public BaseServer {
public:
    ForkedServer(const ForkOrder &order, PlainFactory factory, ChildRelay &relay, SocketContext context)
        : BaseServer(order.serverAddress, RequestHandlerClass([factory] { return factory(); }, order.handlerName),
                     std::move(context), NoLoop{}),
          m_order(order), m_relay(relay)
    {
        setErrorOutput([&relay](const std::string &text) { relay.report(text); });
    }

    int fileno() const override { return -1; }
    Result<Request> getRequest() override { return SocketError(ErrorKind::Closed, EBADF); }
    std::uint32_t serverSocketId() const override { return m_order.serverSocketId; }

    void shutdownRequest(Request &request) override
    {
        if (!request.isDatagram())
            (void)request.connection.shutdown(SHUT_WR);
        tracedCloseRequest(request);
    }
    void closeRequest(Request &request) override
    {
        if (!request.isDatagram())
            (void)request.connection.close();
    }

    int serve(Request &request, std::uint32_t localSocketId)
    {
        m_relay.setLocalSocketId(localSocketId);
        const SocketAddress client = request.clientAddress;
        int status = 1;
        try {
            tracedFinishRequest(request, client);
            status = 0;
        } catch (...) {
            tracedHandleError(request, client);
        }
        tracedShutdownRequest(request);
        m_relay.forwardEvents();
        return status;
    }

protected:
    void stageTraced() const override { m_relay.stageTraced(); }

private:
    const ForkOrder &m_order;
    ChildRelay &m_relay;
};

// The descriptor the server passed, as a Socket: a new socket of the same kind whose
// descriptor is then replaced by the passed one (the core's Socket has no way to adopt one).
Result<Socket> adopt(int fd, const ForkOrder &order, const SocketContext &context)
{
    Result<Socket> socket = Socket::create(order.family, order.type, 0, context);
    if (socket) {
        const sys::SysResult r = sys::duplicateOnto(fd, socket->fileno());
        if (!r.ok())
            socket = SocketError::fromErrno(r.error);
    }
    (void)sys::close(fd);
    return socket;
}

int runChild(const ForkOrder &order, int requestFd, ChildRelay &relay, const SocketContext &context)
{
    Result<Socket> socket = adopt(requestFd, order, context);
    if (!socket) {
        relay.report("child could not take over the request's socket: " + socket.error().pythonString() + "\n");
        return 1;
    }
    relay.dropEvents();

    const PlainFactory factory = findHandlerFactory(order.handlerName);  // the helper checked; be safe anyway
    if (!factory)
        return 1;
    ForkedServer server(order, factory, relay, context);
    Request request;
    request.id = order.requestId;
    request.clientAddress = order.clientAddress;
    Socket serverSocket;
    if (order.datagram) {
        serverSocket = std::move(socket).value();
        request.serverSocket = &serverSocket;
        request.packet = order.packet;
        return server.serve(request, serverSocket.id());
    }
    request.connection = std::move(socket).value();
    return server.serve(request, request.connection.id());
}

} // namespace

void runForkedRequest(const ForkOrder &order, int requestFd, int channelFd)
{
    // The helper blocks SIGCHLD for its signalfd; user code expects the usual signals.
    (void)sys::resetChildSignal();
    (void)sys::unblockAllSignals();
    (void)sys::setParentDeathSignal(SIGKILL);
    // Keep only the request and the channel: not the helper's control channel, nor other
    // servers' channels, nor its signalfd.
    (void)sys::closeAllExcept({requestFd, channelFd});
    SocketContext context;
    context.trace = std::make_shared<TraceStream>(4096);
    int status = 1;
    {
        ChildRelay relay(order, channelFd, context.trace);
        // print() in the handler goes to the server's pane, not to the helper's stdout.
        setProcessConsole([&relay](const std::string &line) { relay.console(line); });
        status = runChild(order, requestFd, relay, context);
        relay.forwardEvents();
        setProcessConsole({});
    }
    sys::exitNow(status);
}

} // namespace socketlab::socketserver
