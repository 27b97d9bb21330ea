// Building and printing socket addresses (no system calls: pure conversions).
#include "SocketAddress.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <sys/un.h>

namespace socketlab {

std::optional<SocketAddress> SocketAddress::ipv4(const std::string &host, std::uint16_t port)
{
    SocketAddress a;
    auto *in = reinterpret_cast<sockaddr_in *>(&a.m_storage);
    in->sin_family = AF_INET;
    in->sin_port = htons(port);
    if (host.empty())
        in->sin_addr.s_addr = htonl(INADDR_ANY);
    else if (::inet_pton(AF_INET, host.c_str(), &in->sin_addr) != 1)
        return std::nullopt;
    a.m_length = sizeof(sockaddr_in);
    return a;
}

std::optional<SocketAddress> SocketAddress::ipv6(const std::string &host, std::uint16_t port)
{
    SocketAddress a;
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(&a.m_storage);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(port);
    if (host.empty())
        in6->sin6_addr = in6addr_any;
    else if (::inet_pton(AF_INET6, host.c_str(), &in6->sin6_addr) != 1)
        return std::nullopt;
    a.m_length = sizeof(sockaddr_in6);
    return a;
}

std::optional<SocketAddress> SocketAddress::unixPath(const std::string &path)
{
    SocketAddress a;
    auto *un = reinterpret_cast<sockaddr_un *>(&a.m_storage);
    if (path.empty() || path.size() >= sizeof un->sun_path)
        return std::nullopt;
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, path.data(), path.size());
    a.m_length = static_cast<unsigned>(offsetof(sockaddr_un, sun_path) + path.size() + 1);
    return a;
}

SocketAddress SocketAddress::loopback(int family, std::uint16_t port)
{
    return *(family == AF_INET6 ? ipv6("::1", port) : ipv4("127.0.0.1", port));
}

SocketAddress SocketAddress::fromRaw(const sockaddr *addr, unsigned len)
{
    SocketAddress a;
    if (addr && len > 0) {
        a.m_length = len < sizeof a.m_storage ? len : static_cast<unsigned>(sizeof a.m_storage);
        std::memcpy(&a.m_storage, addr, a.m_length);
    }
    return a;
}

std::uint16_t SocketAddress::port() const
{
    switch (family()) {
    case AF_INET: return ntohs(reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_port);
    case AF_INET6: return ntohs(reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_port);
    default: return 0;
    }
}

std::string SocketAddress::host() const
{
    char text[INET6_ADDRSTRLEN] = {};
    switch (family()) {
    case AF_INET:
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_addr, text, sizeof text);
        return text;
    case AF_INET6:
        ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_addr, text, sizeof text);
        return text;
    case AF_UNIX: {
        const auto *un = reinterpret_cast<const sockaddr_un *>(&m_storage);
        const unsigned offset = offsetof(sockaddr_un, sun_path);
        if (m_length <= offset)
            return {};  // unnamed (an unbound or socketpair end)
        return std::string(un->sun_path, ::strnlen(un->sun_path, m_length - offset));
    }
    default:
        return {};
    }
}

std::string SocketAddress::toString() const
{
    switch (family()) {
    case AF_INET: return host() + ":" + std::to_string(port());
    case AF_INET6: return "[" + host() + "]:" + std::to_string(port());
    case AF_UNIX: {
        const std::string path = host();
        return path.empty() ? std::string("(unnamed)") : path;
    }
    default: return "-";
    }
}

std::string SocketAddress::pythonRepr() const
{
    switch (family()) {
    case AF_INET: return "('" + host() + "', " + std::to_string(port()) + ")";
    case AF_INET6: {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&m_storage);
        return "('" + host() + "', " + std::to_string(port()) + ", " + std::to_string(ntohl(in6->sin6_flowinfo))
            + ", " + std::to_string(in6->sin6_scope_id) + ")";
    }
    case AF_UNIX: return "'" + host() + "'";
    default: return "None";
    }
}

bool operator==(const SocketAddress &a, const SocketAddress &b)
{
    return a.family() == b.family() && a.host() == b.host() && a.port() == b.port();
}

} // namespace socketlab
