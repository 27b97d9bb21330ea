#include "ServeInPane.h"

#include <CancelToken.h>

#include <socketserver/SocketException.h>

using namespace socketlab;

ServeSteps ServeSteps::declareIn(StepTable &program)
{
    return {program.add("print-waiting", "print("), program.add("serve-forever", ".serve_forever(")};
}

ProgramStep declareReuseAddressStep(StepTable &program)
{
    return program.add("reuse-address", "allow_reuse_address = True");
}

void serveForeverInPane(ProgramContext &ctx, socketserver::BaseServer &server, Socket &serverSocket,
                        const ServeSteps &steps, const char *waitingLine)
{
    ctx.publishPort(serverSocket);
    server.setErrorOutput([&ctx](const std::string &text) {
        if (!ctx.isStopped())
            ctx.print(text);
    });
    struct CloseAtEnd {  // server_close() waits for request threads or children, as Python's does
        socketserver::BaseServer &server;
        ~CloseAtEnd() { server.serverClose(); }
    } closeAtEnd{server};
    ctx.at(steps.printWaiting);
    ctx.print(waitingLine);
    ctx.at(steps.serveForever);
    socketserver::orRaise(server.serveForever());  // a Stop ends it quietly
}
