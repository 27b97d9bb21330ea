// The registry of handler classes a forked child can create by name.
#include "RequestHandlerClass.h"

#include "BaseRequestHandler.h"

#include <map>
#include <mutex>

namespace socketlab::socketserver {
namespace {

struct Registry {
    std::mutex mutex;
    std::map<std::string, PlainFactory> factories;
};

Registry &registry()
{
    static Registry r;  // built on first use: registrations run from other files' static initialisers
    return r;
}

} // namespace

std::unique_ptr<BaseRequestHandler> RequestHandlerClass::create() const
{
    return m_factory ? m_factory() : nullptr;
}

void registerHandlerFactory(const std::string &name, PlainFactory factory)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    r.factories[name] = factory;
}

PlainFactory findHandlerFactory(const std::string &name)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    const auto it = r.factories.find(name);
    return it == r.factories.end() ? nullptr : it->second;
}

} // namespace socketlab::socketserver
