// A ForkingMixIn child: forked by the helper, it runs Python's child branch of
// ForkingMixIn.process_request - finish_request, handle_error if that raised, shutdown_request,
// os._exit(status) - and sends its stage and socket events back to the server's process.
#include "ForkZygote.h"

#include "BaseRequestHandler.h"
#include "BaseServer.h"
#include "Console.h"

#include <TraceStream.h>

#include "sys/ForkSyscalls.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <sys/socket.h>

namespace socketlab::socketserver {
namespace {

bool isFileCall(TraceCall call)
{
    return call >= TraceCall::RfileRead && call <= TraceCall::WfileFlush;
}

// The server as the child sees it. Python's child has a copy of the whole server object; here
// the server lives in another process, so this stand-in has its address, its socket's id and
// its handler class, and does what Python's TCPServer / UDPServer do with a request.
class ForkedServer final : public BaseServer {
public:
    ForkedServer(const ForkOrder &order, PlainFactory factory, int channelFd, SocketContext context)
        : BaseServer(order.serverAddress, RequestHandlerClass([factory] { return factory(); }, order.handlerName),
                     std::move(context), NoLoop{}),
          m_order(order), m_channel(channelFd)
    {
        setErrorOutput([channelFd](const std::string &text) {
            (void)sendForkMessage(channelFd, ForkMessageType::ChildReport, text);
        });
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
        m_localSocketId = localSocketId;
        const SocketAddress client = request.clientAddress;
        int status = 1;
        try {
            tracedFinishRequest(request, client);
            status = 0;
        } catch (...) {
            tracedHandleError(request, client);
        }
        tracedShutdownRequest(request);
        forward();
        return status;
    }

    // Sends what the child traced since the last stage to the server's process, with the
    // child's socket ids replaced by the ids the server's process knows them by.
    void forward() const
    {
        std::vector<TraceEvent> events;
        context().trace->drain(events);
        for (TraceEvent &e : events) {
            if (!isServerStage(e.call) || isFileCall(e.call))
                e.socketId = appId(e.socketId);
            e.relatedSocketId = appId(e.relatedSocketId);
        }
        for (std::size_t sent = 0; sent < events.size(); sent += kMaxEventsPerMessage) {
            const std::size_t count = std::min(kMaxEventsPerMessage, events.size() - sent);
            (void)sendForkMessage(m_channel, ForkMessageType::ChildEvents, encode(events.data() + sent, count));
        }
    }

protected:
    void stageTraced() const override { forward(); }

private:
    std::uint32_t appId(std::uint32_t localId) const
    {
        if (localId == 0 || localId != m_localSocketId)
            return 0;  // sockets the handler made itself have no id in the server's process
        return m_order.datagram ? m_order.serverSocketId : m_order.connectionId;
    }

    ForkOrder m_order;
    int m_channel;
    std::uint32_t m_localSocketId = 0;
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

int runChild(const ForkOrder &order, int requestFd, int channelFd)
{
    SocketContext context;
    context.trace = std::make_shared<TraceStream>(4096);
    Result<Socket> socket = adopt(requestFd, order, context);
    if (!socket) {
        (void)sendForkMessage(channelFd, ForkMessageType::ChildReport,
                              "child could not take over the request's socket: " + socket.error().pythonString() + "\n");
        return 1;
    }
    std::vector<TraceEvent> setupNoise;  // the stand-in socket's creation is not the learner's call
    context.trace->drain(setupNoise);

    const PlainFactory factory = findHandlerFactory(order.handlerName);  // the helper checked; be safe anyway
    if (!factory)
        return 1;
    ForkedServer server(order, factory, channelFd, context);
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
    // print() in the handler goes to the server's pane, not to the helper's stdout.
    setProcessConsole([channelFd](const std::string &line) {
        (void)sendForkMessage(channelFd, ForkMessageType::ChildConsole, line);
    });
    sys::exitNow(runChild(order, requestFd, channelFd));
}

} // namespace socketlab::socketserver
