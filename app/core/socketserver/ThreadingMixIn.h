// ThreadingMixIn<Server>: Python's ThreadingMixIn - a new thread for each request, so a slow
// client no longer holds up the others. ThreadingTCPServer, ThreadingUDPServer and the Unix
// ones are this mixin over the plain servers, as in Python. Each thread's start and end are
// traced (thread started / thread ended, with the thread's id) around the request's stages.
#pragma once

#include "RequestThreads.h"
#include "TCPServer.h"

#include <memory>
#include <type_traits>

namespace socketlab::socketserver {

template <typename Base>
class ThreadingMixIn : public Base {
public:
    using Base::Base;
    ~ThreadingMixIn() override { m_threads.joinAll(); }

    // Python's class variables.
    bool daemonThreads = false;  // server_close does not wait for daemon threads
    bool blockOnClose = true;    // server_close waits for the (non-daemon) threads

    void processRequest(Request &request, const SocketAddress &clientAddress) override
    {
        auto owned = std::make_shared<Request>(std::move(request));
        try {
            m_threads.start([this, owned, clientAddress] { processRequestThread(*owned, clientAddress); },
                            daemonThreads);
        } catch (...) {
            request = std::move(*owned);  // no thread: the loop's handle_error and shutdown_request get it back
            throw;
        }
    }

    void serverClose() override
    {
        if constexpr (std::is_base_of_v<UDPServer, Base>) {
            // The threads answer on the server's own socket: they end before it closes, or a
            // reply could go to whatever socket next gets the descriptor number.
            m_threads.joinAll();
            Base::serverClose();
        } else {
            Base::serverClose();
            if (blockOnClose)
                m_threads.joinNonDaemon();
        }
    }

    std::size_t runningThreads() const { return m_threads.running(); }

protected:
    // Python's process_request_thread: finish_request, handle_error if it raised, and always
    // shutdown_request. Nothing leaves the thread.
    virtual void processRequestThread(Request &request, const SocketAddress &clientAddress)
    {
        const std::int64_t tid = currentThreadId();
        const StageSubject subject = StageSubject::of(&request);
        this->traceStage(TraceCall::ThreadStarted, TracePhase::Returned, subject, tid);
        try {
            this->tracedFinishRequest(request, clientAddress);
        } catch (...) {
            this->tracedHandleError(request, clientAddress);
        }
        this->tracedShutdownRequest(request);
        this->traceStage(TraceCall::ThreadEnded, TracePhase::Returned, subject, tid);
    }

private:
    RequestThreads m_threads;
};

using ThreadingTCPServer = ThreadingMixIn<TCPServer>;
using ThreadingUDPServer = ThreadingMixIn<UDPServer>;
using ThreadingUnixStreamServer = ThreadingMixIn<UnixStreamServer>;
using ThreadingUnixDatagramServer = ThreadingMixIn<UnixDatagramServer>;

} // namespace socketlab::socketserver
