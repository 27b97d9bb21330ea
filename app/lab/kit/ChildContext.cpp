#include "ChildContext.h"

#include <socketserver/Console.h>

namespace {

class ChildContext final : public ProgramContext {
public:
    bool step(std::string_view) override { return true; }
    void print(std::string_view line) override { socketlab::socketserver::printLine(std::string(line)); }
    std::optional<std::string> input(std::string_view) override { return std::nullopt; }
    void error(const socketlab::SocketError &error) override { print(error.pythonString()); }
    std::string param(std::string_view) const override { return {}; }
    void publish(std::string_view, std::string) override {}
    socketlab::SocketContext socketContext() const override { return {}; }
    bool isStopped() const override { return false; }
};

} // namespace

ProgramContext &childContext()
{
    static ChildContext context;  // a child is single-threaded: one is enough
    return context;
}
