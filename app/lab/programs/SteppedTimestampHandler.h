// tsTservSS's MyRequestHandler with its listing lines stepped: the timestamp handler of the
// socketserver and socketserver-concurrency labs. It steps on whatever thread runs it: the
// serving thread under TCPServer, a request thread of its own under ThreadingMixIn (the
// pane's gate and context are safe for that: see PaneRunner.cpp).
#pragma once

#include "../Program.h"
#include "ProgramSupport.h"

#include <socketserver/SocketException.h>
#include <socketserver/StreamRequestHandler.h>
#include <socketserver/Tutorial.h>

// class MyRequestHandler(SRH): def handle(self): ...
class SteppedTimestampHandler : public socketlab::socketserver::StreamRequestHandler {
public:
    explicit SteppedTimestampHandler(ProgramContext &ctx) : m_ctx(ctx) {}

    void handle() override
    {
        using namespace socketlab;
        using namespace socketlab::socketserver;
        if (!m_ctx.step("handle-print"))
            return;
        m_ctx.print("...connected from: " + tutorial::pythonStr(clientAddress()));
        if (!m_ctx.step("handle-reply"))
            return;
        const Bytes line = orRaise(rfile().readline());  // waits for the "\r\n" the client sends
        orRaise(wfile().write(timestamped(line)));
    }

private:
    ProgramContext &m_ctx;
};
