// What a pane program is and what it may do. A program is C++ on the socket core that
// mirrors a listing line by line: `ctx.at(Server.accept)` reports the listing line about to
// run and waits at the pane's gate (step-by-step, slow motion or free running), then the
// call follows on the same line. A failed call raises (orRaise) and ends the program with
// the error Python would print; Stop ends it from inside at() or the blocked call.
//
// Adding a program is one file under programs/ (see docs/authoring-labs.md):
//
//     const struct : StepTable {
//         ProgramStep socket = add("socket", "socket(");   // id, and the call its listing line makes
//         ProgramStep accept = add("accept", ".accept(");
//     } Server;
//
//     void tsTserv(ProgramContext &ctx)
//     {
//         ctx.at(Server.socket);  Socket tcpSerSock = ctx.socket(AF_INET, SOCK_STREAM);
//         ...
//     }
//
//     SOCKETLAB_PROGRAMS(TcpTimestamp)  // the file's name: the build lists every file of programs/
//     {
//         programs.add({"tcp-timestamp-server", "tsTserv.py ...", Server, {{"host", "..."}}, tsTserv});
//     }
#pragma once

#include <Result.h>
#include <Socket.h>
#include <SocketAddress.h>
#include <SocketContext.h>

#include <socketserver/SocketException.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// One listing line a program stops at: the id lab files use, and text of the call that line
// makes ("accept(") so the loader can find the line and check a lab's anchor.
struct ProgramStep {
    const char *id;
    const char *call;
};

// A program's steps, each declared once as a member of a table derived from this one; code
// names them by member (a typo does not compile), lab files by id.
class StepTable {
public:
    const std::vector<ProgramStep> &steps() const { return m_steps; }
    const ProgramStep *find(std::string_view id) const;
    // Declares a step (at start-up, in member initializers); a second id raises logic_error.
    ProgramStep add(const char *id, const char *call);

protected:
    StepTable() = default;
    ~StepTable() = default;

private:
    std::vector<ProgramStep> m_steps;
};

class ProgramContext {
public:
    virtual ~ProgramContext() = default;

    // --- What the host (a pane, a forked child, a test) provides.
    // Reports the step about to run and waits at the gate. False once the pane is stopped.
    virtual bool step(std::string_view stepId) = 0;
    virtual void print(std::string_view line) = 0;  // one console line (print())
    // input(prompt): the next line typed in the pane; nullopt when stopped or at end of input.
    virtual std::optional<std::string> input(std::string_view prompt) = 0;
    // A failed call as the learner sees it in Python (the host shows it; the program has ended).
    virtual void error(const socketlab::SocketError &error) = 0;
    virtual std::string param(std::string_view name) const = 0;
    // Makes a fact known to other panes, e.g. the port the server really bound.
    virtual void publish(std::string_view name, std::string value) = 0;
    virtual socketlab::SocketContext socketContext() const = 0;
    virtual bool isStopped() const = 0;

    // --- What program code calls: one line each, as the listing reads.
    void at(const ProgramStep &step);  // step(); raises Stopped once the pane is stopped
    // input(): the line, or nullopt at the end of input; raises Stopped when stopped.
    std::optional<std::string> readLine(std::string_view prompt);
    long long integer(std::string_view name) const;  // an int parameter (validated when set)
    std::size_t size(std::string_view name) const;   // an int parameter used as a size (BUFSIZ)
    // socket.socket(family, type) in this pane: traced, listed and stoppable.
    socketlab::Socket socket(int family, int type);
    // (HOST, PORT) from two parameters; a name such as "localhost" is resolved (IPv4).
    socketlab::SocketAddress address(std::string_view hostParam, std::string_view portParam);
    // Tells the other panes the port the kernel gave (after listen() for TCP, bind() for UDP).
    void publishPort(socketlab::Socket &socket);
};

// What at() raises when the pane is stopped: the blocked call's own "cancelled" error, so
// handler code under socketserver unwinds the same way whether Stop caught it in a call or
// at a step, and no host reports it as the program's error.
socketlab::socketserver::SocketException stopped();

struct ProgramParam {
    const char *name;
    const char *meaning;  // for the authoring reference: what the program does with it
};

struct ProgramInfo {
    std::string name;     // "tcp-timestamp-server": what lab files name
    std::string summary;  // one sentence for the authoring reference
    const StepTable &steps;
    std::vector<ProgramParam> params;
    std::function<void(ProgramContext &)> run;

    const ProgramStep *findStep(std::string_view id) const { return steps.find(id); }
};

// Runs a program to its end: 0 when it returned or was stopped, 1 when it raised (the error
// goes to ctx.error() first, unless it is a Stop).
int runProgram(const ProgramInfo &program, ProgramContext &ctx);

// The programs the engine knows, filled by each file of programs/ in its SOCKETLAB_PROGRAMS.
class ProgramRegistry {
public:
    void add(ProgramInfo program);
    const std::vector<ProgramInfo> &programs() const { return m_programs; }

private:
    std::vector<ProgramInfo> m_programs;
};

#define SOCKETLAB_PROGRAMS(File) void socketlabRegisterPrograms_##File(ProgramRegistry &programs)

const std::vector<ProgramInfo> &builtInPrograms();
// Adds a program beside the built-in ones, for a test that needs a program of its own; its
// name must be new. Call it before any lab names it.
void registerProgram(ProgramInfo program);
const ProgramInfo *findProgram(std::string_view name);  // built-in or registered
