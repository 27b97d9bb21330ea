// ForkingMixIn<Server>: Python's ForkingMixIn - a new process for each request. The app is
// multi-threaded, so the fork happens in the fork helper (ForkHelper.h), which must have been
// started first thing in main(); without it each request fails with a clear error through
// handle_error. The handler class must be registered by name (registerHandler) so the child
// can make it. Children are counted in activeChildren(), limited by maxChildren, and
// collected (reaped) by collect_children from service_actions, handle_timeout and
// server_close, as in Python; their pids and exits are traced (child started / child exited).
#pragma once

#include "ForkChannel.h"
#include "TCPServer.h"

#include <cstddef>
#include <mutex>
#include <set>
#include <utility>

namespace socketlab::socketserver {

template <typename Base>
class ForkingMixIn : public Base {
public:
    // The servers' constructor (every server class has this one).
    ForkingMixIn(SocketAddress serverAddress, RequestHandlerClass handlerClass, SocketContext context = {},
                 bool bindAndActivate = true)
        : Base(std::move(serverAddress), std::move(handlerClass), std::move(context), bindAndActivate),
          m_channel(*this)
    {
        this->timeout = 300;  // Python's ForkingMixIn.timeout: handle_request collects after 5 idle minutes
    }

    // Python's class variables.
    std::size_t maxChildren = 40;  // collect_children waits while this many children run
    bool blockOnClose = true;      // server_close waits for every child

    // SocketLab: told of each child's start and exit, on the serving thread.
    void setChildObserver(ChildObserver observer) { m_channel.setChildObserver(std::move(observer)); }

    std::set<std::int64_t> activeChildren() const
    {
        std::lock_guard lock(m_mutex);
        return m_active;
    }

    // Python's collect_children: reaps the children that have exited; first waits while
    // maxChildren or more are running; with blocking, waits until none runs. Waits end early
    // if the server's CancelToken is cancelled (the Cancelled error is returned).
    Status collectChildren(bool blocking = false)
    {
        m_channel.readAvailable();
        if (activeCount() == 0)
            return {};
        Stage stage(*this, TraceCall::CollectChildren, nullptr);
        std::int64_t reaped = reapExited();
        Status status;
        while (status && activeCount() > 0 && (blocking || activeCount() >= maxChildren)) {
            status = m_channel.waitForMessage();
            m_channel.readAvailable();
            reaped += reapExited();
        }
        if (status)
            stage.returned(reaped);
        else
            stage.failed(status.error());
        return status;
    }

    void handleTimeout() override { (void)collectChildren(); }
    void serviceActions() override { (void)collectChildren(); }

    void processRequest(Request &request, const SocketAddress &) override
    {
        const Socket &server = this->socket();
        const std::int64_t pid = m_channel.startChild(request, server.family(), server.type());
        {
            std::lock_guard lock(m_mutex);
            m_active.insert(pid);
        }
        this->tracedCloseRequest(request);  // the parent's copy: the child has its own
    }

    void serverClose() override
    {
        Base::serverClose();
        (void)collectChildren(blockOnClose);
    }

protected:
    int serviceDescriptor() const override { return m_channel.descriptor(); }

private:
    std::size_t activeCount() const
    {
        std::lock_guard lock(m_mutex);
        return m_active.size();
    }

    std::int64_t reapExited()
    {
        std::int64_t n = 0;
        for (const ChildExit &exit : m_channel.takeExits()) {
            m_channel.reap(exit.pid);
            std::lock_guard lock(m_mutex);
            n += static_cast<std::int64_t>(m_active.erase(exit.pid));
        }
        return n;
    }

    mutable std::mutex m_mutex;  // m_active is read by other threads (views, tests)
    std::set<std::int64_t> m_active;
    ForkChannel m_channel;
};

using ForkingTCPServer = ForkingMixIn<TCPServer>;
using ForkingUDPServer = ForkingMixIn<UDPServer>;
using ForkingUnixStreamServer = ForkingMixIn<UnixStreamServer>;
using ForkingUnixDatagramServer = ForkingMixIn<UnixDatagramServer>;

} // namespace socketlab::socketserver
