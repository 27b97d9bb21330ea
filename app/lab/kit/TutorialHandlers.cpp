#include "TutorialHandlers.h"

#include "ChildContext.h"
#include "PythonText.h"

#include <socketserver/SocketException.h>

using socketlab::socketserver::orRaise;

HandlerSteps TimestampHandler::declareSteps(StepTable &program)
{
    return {program.add("handle-print", "print("), program.add("handle-reply", "wfile.write(")};
}

void TimestampHandler::handle()
{
    m_ctx.at(m_steps.print);
    m_ctx.print("...connected from: " + python::str(clientAddress()));
    m_ctx.at(m_steps.reply);
    const python::Bytes line = orRaise(rfile().readline());  // up to and with the "\n", or the end of the stream
    orRaise(wfile().write(timestamped(line)));
}

HandlerSteps DatagramTimestampHandler::declareSteps(StepTable &program)
{
    return {program.add("handle-print", "print("), program.add("handle-reply", "wfile.write(")};
}

void DatagramTimestampHandler::handle()
{
    m_ctx.at(m_steps.print);
    m_ctx.print("...received from: " + python::str(clientAddress()));
    m_ctx.at(m_steps.reply);
    // readline() on a datagram: up to a newline or the datagram's end, never waiting.
    wfile().write(timestamped(rfile().readline()));
}

UpperEchoSteps UpperEchoHandler::declareSteps(StepTable &program)
{
    return {program.add("handle-recv", "request.recv("), program.add("handle-print", "print("),
            program.add("handle-sendall", ".sendall(")};
}

void UpperEchoHandler::handle()
{
    constexpr std::size_t kRecvSize = 1024;  // the listing's recv(1024)
    m_ctx.at(m_steps.recv);
    // One recv, no framing: whatever has arrived (up to 1024 bytes) is taken for "the message".
    const python::Bytes data = python::strip(orRaise(request().socket().recv(kRecvSize)));
    m_ctx.at(m_steps.print);
    m_ctx.print(clientAddress().host() + " wrote:");
    m_ctx.print(python::bytesRepr(data));
    m_ctx.at(m_steps.sendall);
    orRaise(request().socket().sendAll(python::upper(data)));
}

namespace {

// The steps a forked child passes (without stopping: see ChildContext).
const struct : StepTable {
    HandlerSteps handler = TimestampHandler::declareSteps(*this);
} ForkedTimestamp;

const char kForkedTimestampName[] = "tsTservSS.MyRequestHandler";

std::unique_ptr<socketlab::socketserver::BaseRequestHandler> makeForkedTimestampHandler()
{
    return std::unique_ptr<socketlab::socketserver::BaseRequestHandler>(new TimestampHandler(childContext(), ForkedTimestamp.handler));
}

// Registered before main() runs, so the fork helper process knows it too.
const bool kForkedTimestampRegistered = [] {
    socketlab::socketserver::registerHandlerFactory(kForkedTimestampName, makeForkedTimestampHandler);
    return true;
}();

} // namespace

socketlab::socketserver::RequestHandlerClass forkedTimestampHandlerClass()
{
    (void)kForkedTimestampRegistered;
    return socketlab::socketserver::RequestHandlerClass(makeForkedTimestampHandler, kForkedTimestampName);
}
