// Python's RequestHandlerClass: what the server instantiates once per request. In C++ it is
// a factory; a name registered before the fork helper starts lets ForkingMixIn create the
// same handler in a child process (a function cannot be sent to another process, a name can).
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace socketlab::socketserver {

class BaseRequestHandler;

class RequestHandlerClass {
public:
    using Factory = std::function<std::unique_ptr<BaseRequestHandler>()>;

    RequestHandlerClass() = default;
    explicit RequestHandlerClass(Factory factory, std::string name = {})
        : m_factory(std::move(factory)), m_name(std::move(name)) {}

    // The usual case, like passing the class in Python: RequestHandlerClass::of<MyHandler>().
    template <typename Handler>
    static RequestHandlerClass of(std::string name = {})
    {
        return RequestHandlerClass([] { return std::unique_ptr<BaseRequestHandler>(new Handler); }, std::move(name));
    }

    std::unique_ptr<BaseRequestHandler> create() const;  // nullptr when empty
    const std::string &name() const { return m_name; }
    explicit operator bool() const { return static_cast<bool>(m_factory); }

private:
    Factory m_factory;
    std::string m_name;
};

// Handlers a forked child can create, by name. Register before ForkHelper::startFromMain()
// runs - at namespace scope is simplest - so the helper process has them too:
//     const auto kEcho = socketserver::registerHandler<EchoHandler>("tutorial.echo");
using PlainFactory = std::unique_ptr<BaseRequestHandler> (*)();
void registerHandlerFactory(const std::string &name, PlainFactory factory);
PlainFactory findHandlerFactory(const std::string &name);  // nullptr when unknown

template <typename Handler>
RequestHandlerClass registerHandler(const std::string &name)
{
    registerHandlerFactory(name, [] { return std::unique_ptr<BaseRequestHandler>(new Handler); });
    return RequestHandlerClass::of<Handler>(name);
}

} // namespace socketlab::socketserver
