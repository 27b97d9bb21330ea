// How socketserver stages appear in the trace, and the scope guard that emits them.
//
// A stage is one of Python's server or handler methods (get_request, verify_request, setup,
// handle ...) or a moment of the server's life (thread started, child exited). Its TraceEvents:
//   call             the stage: TraceCall::ServeForever ... TraceCall::WfileFlush
//   phase            Begin when it starts, Returned or Failed when it ends; the one-shot
//                    stages (thread started/ended, child started/exited) are a single Returned
//   socketId         the server's socket (the listening TCP socket, the UDP socket)
//   relatedSocketId  the request's connection (stream servers); 0 for datagram requests
//   arg              the request number (Request::id, the same in every stage of one request,
//                    in threads and child processes too); serve_forever: poll_interval in ms;
//                    handle_request: its timeout in ms (-1: none)
//   result           verify_request: 1 accepted, 0 refused; thread started/ended: the thread
//                    id (gettid); child started/exited: the child's pid; collect_children:
//                    children reaped; rfile/wfile: bytes
//   errorKind/Code   Failed: the socket error it raised, or ErrorKind::None for another
//                    exception; child exited: errorCode is the exit code (negative: killed by
//                    that signal), errorKind None
//   address          the client's address
// Child processes' stages arrive with their own times, possibly after later server events:
// order a request's stages by timeNs.
#pragma once

#include "SocketException.h"

#include <TraceEvent.h>

#include <cstdint>
#include <exception>

namespace socketlab::socketserver {

class BaseServer;
struct Request;

bool isServerStage(TraceCall call);

// What a stage event says about its request, copied when the stage begins (a thread or child
// may take the request itself away before the stage ends).
struct StageSubject {
    std::uint64_t requestId = 0;
    std::uint32_t connectionId = 0;
    SocketAddress clientAddress;
    static StageSubject of(const Request *request);
};

inline std::uint64_t requestIdOf(const TraceEvent &e) { return static_cast<std::uint64_t>(e.arg); }
inline int exitCodeOf(const TraceEvent &e) { return e.errorCode; }  // TraceCall::ChildExited

// Emits Begin now and Returned at returned(); if an exception leaves the scope first, Failed.
class Stage {
public:
    Stage(const BaseServer &server, TraceCall call, const Request *request);
    Stage(const BaseServer &server, TraceCall call, StageSubject subject);
    ~Stage();
    Stage(const Stage &) = delete;
    Stage &operator=(const Stage &) = delete;

    void returned(std::int64_t result = 0);
    void failed(SocketError error);
    void setSubject(StageSubject subject) { m_subject = std::move(subject); }  // for the end event

private:
    const BaseServer &m_server;
    TraceCall m_call;
    StageSubject m_subject;
    int m_uncaught;
    bool m_ended = false;
};

// Runs work() as one stage: Returned when it returns, Failed (with the socket error, if the
// exception carries one) when it throws - and the exception goes on, as in Python.
template <typename Work>
void runStage(const BaseServer &server, TraceCall call, const Request *request, Work &&work)
{
    Stage stage(server, call, request);
    try {
        work();
    } catch (...) {
        stage.failed(currentSocketError());
        throw;
    }
    stage.returned();
}

} // namespace socketlab::socketserver
