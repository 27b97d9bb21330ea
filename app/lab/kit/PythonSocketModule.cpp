#include "PythonSocketModule.h"

#include "PythonText.h"

#include <cerrno>
#include <charconv>
#include <sys/socket.h>

using namespace socketlab;

namespace python {

std::string strListRepr(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + strRepr(items[i]);
    return out + "]";
}

std::string hostEntryRepr(const HostEntry &entry)
{
    return "(" + strRepr(entry.name) + ", " + strListRepr(entry.aliases) + ", " + strListRepr(entry.addresses) + ")";
}

std::string floatRepr(double value)
{
    char text[32] = {};
    const auto [end, ec] = std::to_chars(text, text + sizeof text - 1, value);  // shortest round trip
    std::string out(text, ec == std::errc() ? end : text);
    if (out.find_first_of(".ein") == std::string::npos)
        out += ".0";  // a float always shows a point: 2.0
    return out;
}

std::string hex(const std::string &bytes, char separator)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (i > 0)
            out += separator;
        out += digits[byte >> 4];
        out += digits[byte & 0xf];
    }
    return out;
}

std::vector<std::string> split(const std::string &text)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

std::string familyName(int family)
{
    switch (family) {
    case AF_INET: return "AF_INET";
    case AF_INET6: return "AF_INET6";
    case AF_UNIX: return "AF_UNIX";
    default: return std::to_string(family);
    }
}

std::string typeName(int type)
{
    switch (type) {
    case SOCK_STREAM: return "SOCK_STREAM";
    case SOCK_DGRAM: return "SOCK_DGRAM";
    case SOCK_RAW: return "SOCK_RAW";
    case SOCK_SEQPACKET: return "SOCK_SEQPACKET";
    default: return std::to_string(type);
    }
}

bool matches(const SocketError &error, Except clause)
{
    switch (clause) {
    case Except::PermissionError:
        return error.kind() == ErrorKind::Os && error.pythonException() == "PermissionError";
    case Except::gaierror:
        return error.kind() == ErrorKind::Resolver;
    case Except::OSError:
        return error.isError() && error.kind() != ErrorKind::Cancelled;  // Stop is not the program's error
    }
    return false;
}

SocketAddress ipAddress(const std::string &host, int port)
{
    const auto p = static_cast<std::uint16_t>(port);
    if (auto v4 = SocketAddress::ipv4(host, p))
        return *v4;
    if (auto v6 = SocketAddress::ipv6(host, p))
        return *v6;
    throw socketserver::SocketException(SocketError::fromErrno(EINVAL));
}

SocketAddress unixAddress(const std::string &path)
{
    if (auto a = SocketAddress::unixPath(path))
        return *a;
    throw socketserver::SocketException(SocketError::fromErrno(path.empty() ? EINVAL : ENAMETOOLONG));
}

Result<HostEntry> gethostbyaddr(const std::string &hostOrAddress)
{
    if (SocketAddress::ipv4(hostOrAddress, 0) || SocketAddress::ipv6(hostOrAddress, 0))
        return socketlab::gethostbyaddr(hostOrAddress);
    const auto found = socketlab::getaddrinfo(hostOrAddress, {});
    if (!found)
        return found.error();
    if (found->empty())
        return SocketError(ErrorKind::Resolver, -2);  // EAI_NONAME
    return socketlab::gethostbyaddr(found->front().address.host());
}

std::string getfqdn()
{
    const auto hostname = socketlab::gethostname();
    if (!hostname)
        return {};
    const auto entry = gethostbyaddr(*hostname);
    if (!entry)
        return *hostname;
    if (entry->name.find('.') != std::string::npos)
        return entry->name;
    for (const std::string &alias : entry->aliases) {
        if (alias.find('.') != std::string::npos)
            return alias;
    }
    return entry->name;
}

} // namespace python
