// What a pane program is and what it may do. A program is C++ on the socket core that
// mirrors a listing of the tutorials line by line: before each socket call (or listing
// line) it calls step("accept"), which reports the line and waits at the pane's gate
// (step-by-step, slow motion or free running). It prints to the pane's console and reads
// the pane's input as Python's print() and input() do.
#pragma once

#include <Result.h>
#include <SocketContext.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class ProgramContext {
public:
    virtual ~ProgramContext() = default;

    // Reports the step about to run and waits at the gate. False once the pane is stopped:
    // the program must then return at once.
    virtual bool step(std::string_view stepId) = 0;
    virtual void print(std::string_view line) = 0;  // one console line (print())
    // input(prompt): the next line typed in the pane; nullopt when stopped or at end of input.
    virtual std::optional<std::string> input(std::string_view prompt) = 0;
    // A failed call as the learner sees it in Python; the program then ends (exit status 1).
    virtual void error(const socketlab::SocketError &error) = 0;
    virtual std::string param(std::string_view name) const = 0;
    // Makes a fact known to other panes, e.g. the port the server really bound.
    virtual void publish(std::string_view name, std::string value) = 0;
    virtual socketlab::SocketContext socketContext() const = 0;

    long long intParam(std::string_view name) const;
    int fail(const socketlab::SocketError &e) { error(e); return 1; }  // `return ctx.fail(e);`
};

// How a program declares itself: its steps (each with the call its listing line makes),
// and the parameters it reads. Lab files are checked against this.
struct ProgramStep {
    std::string id;    // "accept"
    std::string call;  // text the listing line must contain: "accept("
};

struct ProgramInfo {
    std::string name;  // "tcp-timestamp-server"
    std::vector<ProgramStep> steps;
    std::vector<std::string> params;
    std::function<int(ProgramContext &)> run;  // exit status: 0 ok

    const ProgramStep *findStep(std::string_view id) const;
};

// The programs the engine knows; lab files name them.
const std::vector<ProgramInfo> &builtInPrograms();
const ProgramInfo *findProgram(std::string_view name);
