// Describing the exception a handler raised, the way Python's traceback ends.
#include "SocketException.h"

#include "ForkChannel.h"

#include <cstdlib>
#include <cxxabi.h>
#include <exception>
#include <memory>
#include <typeinfo>

namespace socketlab::socketserver {
namespace {

// "std::runtime_error" rather than "St13runtime_error".
std::string typeName(const std::type_info &type)
{
    int status = 0;
    std::unique_ptr<char, void (*)(void *)> name(abi::__cxa_demangle(type.name(), nullptr, nullptr, &status),
                                                 std::free);
    return status == 0 && name ? std::string(name.get()) : std::string(type.name());
}

} // namespace

std::string describeCurrentException()
{
    if (!std::current_exception())
        return "no exception";
    try {
        throw;
    } catch (const SocketException &e) {
        return e.what();  // already "ConnectionResetError: [Errno 104] Connection reset by peer"
    } catch (const ForkError &e) {
        return e.what();  // a sentence for the learner; a C++ type name would mean nothing to them
    } catch (const std::exception &e) {
        return typeName(typeid(e)) + ": " + e.what();
    } catch (...) {
        const std::type_info *type = abi::__cxa_current_exception_type();
        return type ? typeName(*type) + " (not a std::exception)" : std::string("unknown exception");
    }
}

SocketError currentSocketError()
{
    if (!std::current_exception())
        return {};
    try {
        throw;
    } catch (const SocketException &e) {
        return e.error();
    } catch (...) {
        return {};
    }
}

} // namespace socketlab::socketserver
