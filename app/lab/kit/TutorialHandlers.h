// The request handlers of the tutorials' socketserver programs, each written once and
// stepped through its own listing lines by whichever thread runs it: serve_forever's under
// TCPServer, a request thread under ThreadingMixIn. A ForkingMixIn child makes the same
// handler by its registered name, with a context that prints back to the pane and does not
// step (a child cannot reach the pane's gate).
#pragma once

#include "../Program.h"

#include <socketserver/BaseRequestHandler.h>
#include <socketserver/RequestHandlerClass.h>
#include <socketserver/StreamRequestHandler.h>

// The lines of a handle() that prints where the request came from, then replies.
struct HandlerSteps {
    ProgramStep print;
    ProgramStep reply;
};

// tsTservSS.py's MyRequestHandler(StreamRequestHandler):
//     print('...connected from:', self.client_address)
//     self.wfile.write(b'[%s] %s' % (bytes(ctime(), 'utf-8'), self.rfile.readline()))
class TimestampHandler : public socketlab::socketserver::StreamRequestHandler {
public:
    TimestampHandler(ProgramContext &ctx, const HandlerSteps &steps) : m_ctx(ctx), m_steps(steps) {}
    static HandlerSteps declareSteps(StepTable &program);  // "handle-print", "handle-reply"
    void handle() override;

private:
    ProgramContext &m_ctx;
    const HandlerSteps &m_steps;
};

// tsUservSS's MyRequestHandler(DatagramRequestHandler): the same two lines on a datagram.
class DatagramTimestampHandler : public socketlab::socketserver::DatagramRequestHandler {
public:
    DatagramTimestampHandler(ProgramContext &ctx, const HandlerSteps &steps) : m_ctx(ctx), m_steps(steps) {}
    static HandlerSteps declareSteps(StepTable &program);  // "handle-print", "handle-reply"
    void handle() override;

private:
    ProgramContext &m_ctx;
    const HandlerSteps &m_steps;
};

// The socketserver documentation's MyTCPHandler(BaseRequestHandler):
//     self.data = self.request.recv(1024).strip()
//     print("{} wrote:".format(self.client_address[0])); print(self.data)
//     self.request.sendall(self.data.upper())
struct UpperEchoSteps {
    ProgramStep recv;
    ProgramStep print;
    ProgramStep sendall;
};
class UpperEchoHandler : public socketlab::socketserver::BaseRequestHandler {
public:
    UpperEchoHandler(ProgramContext &ctx, const UpperEchoSteps &steps) : m_ctx(ctx), m_steps(steps) {}
    static UpperEchoSteps declareSteps(StepTable &program);  // "handle-recv", "handle-print", "handle-sendall"
    void handle() override;

private:
    ProgramContext &m_ctx;
    const UpperEchoSteps &m_steps;
};

// RequestHandlerClass for a server in this pane: the handler steps with ctx.
template <typename Handler, typename Steps>
socketlab::socketserver::RequestHandlerClass handlerClass(ProgramContext &ctx, const Steps &steps, const char *pythonName)
{
    return socketlab::socketserver::RequestHandlerClass(
        [&ctx, &steps] { return std::unique_ptr<socketlab::socketserver::BaseRequestHandler>(new Handler(ctx, steps)); },
        pythonName);
}

// The timestamp handler for a ForkingMixIn server: made by name in each child, where it
// prints back to the server's pane.
socketlab::socketserver::RequestHandlerClass forkedTimestampHandlerClass();
