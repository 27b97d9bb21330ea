// Building and printing socket addresses (no system calls: pure conversions).
#include "SocketAddress.h"

#include <arpa/inet.h>
#include <charconv>
#include <cstring>
#include <functional>
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

SocketAddress SocketAddress::unnamedUnix()
{
    SocketAddress a;
    reinterpret_cast<sockaddr_un *>(&a.m_storage)->sun_family = AF_UNIX;
    a.m_length = static_cast<unsigned>(sizeof(sa_family_t));
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

std::string SocketAddress::host() const
{
    char text[INET6_ADDRSTRLEN] = {};
    switch (family()) {
    case AF_INET: {
        // Four numbers by hand: glibc's inet_ntop formats them with sprintf, a tenth of a
        // ThreadingTCPServer request's instructions (print(self.client_address) every request).
        const auto *bytes = reinterpret_cast<const unsigned char *>(
            &reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_addr);
        std::string dotted;
        dotted.reserve(15);
        for (int i = 0; i < 4; ++i) {
            const unsigned b = bytes[i];
            if (i > 0)
                dotted += '.';
            if (b >= 100)
                dotted += static_cast<char>('0' + b / 100);
            if (b >= 10)
                dotted += static_cast<char>('0' + b / 10 % 10);
            dotted += static_cast<char>('0' + b % 10);
        }
        return dotted;
    }
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
    // Appended into one string made once: a threading server prints its client's address
    // once a request.
    std::string out;
    const auto number = [&out](std::uint32_t n) {
        char digits[10];
        out.append(", ").append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
    };
    switch (family()) {
    case AF_INET:
    case AF_INET6: {
        out.reserve(64);
        out.append("('").append(host()).append("'");
        number(port());
        if (family() == AF_INET6) {
            const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&m_storage);
            number(ntohl(in6->sin6_flowinfo));
            number(in6->sin6_scope_id);
        }
        out += ')';
        return out;
    }
    case AF_UNIX: return "'" + host() + "'";
    default: return "None";
    }
}

namespace {

const sockaddr_in &ipv4Of(const SocketAddress &a) { return *reinterpret_cast<const sockaddr_in *>(a.raw()); }
const sockaddr_in6 &ipv6Of(const SocketAddress &a) { return *reinterpret_cast<const sockaddr_in6 *>(a.raw()); }

bool isIp(int family)
{
    return family == AF_INET || family == AF_INET6;
}

// An IPv6 socket talking to an IPv4 peer sees it as ::ffff:a.b.c.d: the same host.
bool isV4Mapped(const SocketAddress &a)
{
    return a.family() == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&ipv6Of(a).sin6_addr);
}

bool isIpv4Host(const SocketAddress &a)
{
    return a.family() == AF_INET || isV4Mapped(a);
}

// The IPv4 host of an IPv4 or IPv4-mapped address, in network order.
std::uint32_t ipv4Host(const SocketAddress &a)
{
    if (a.family() == AF_INET)
        return ipv4Of(a).sin_addr.s_addr;
    std::uint32_t v4 = 0;
    std::memcpy(&v4, ipv6Of(a).sin6_addr.s6_addr + 12, sizeof v4);
    return v4;
}

bool sameIpv6Host(const SocketAddress &a, const SocketAddress &b)
{
    return std::memcmp(&ipv6Of(a).sin6_addr, &ipv6Of(b).sin6_addr, sizeof(in6_addr)) == 0;
}

bool sameHost(const SocketAddress &a, const SocketAddress &b)
{
    if (isIpv4Host(a) || isIpv4Host(b))
        return isIpv4Host(a) && isIpv4Host(b) && ipv4Host(a) == ipv4Host(b);
    return sameIpv6Host(a, b);
}

// A wildcard receives for every local address of its family; IPv6's (dual stack) for IPv4 too.
bool wildcardCovers(const SocketAddress &wildcard, const SocketAddress &other)
{
    return wildcard.isWildcard() && (wildcard.family() == AF_INET6 || isIpv4Host(other));
}

} // namespace

std::string SocketAddress::path() const
{
    return family() == AF_UNIX ? host() : std::string();
}

bool SocketAddress::isNamed() const
{
    return isValid() && (family() != AF_UNIX || !path().empty());
}

bool SocketAddress::isLoopback() const
{
    switch (family()) {
    case AF_INET: return (ntohl(ipv4Of(*this).sin_addr.s_addr) >> 24) == 127;
    case AF_INET6: {
        const in6_addr &a = ipv6Of(*this).sin6_addr;
        return IN6_IS_ADDR_LOOPBACK(&a) || (IN6_IS_ADDR_V4MAPPED(&a) && a.s6_addr[12] == 127);
    }
    default: return false;
    }
}

bool SocketAddress::isWildcard() const
{
    switch (family()) {
    case AF_INET: return ipv4Of(*this).sin_addr.s_addr == htonl(INADDR_ANY);
    case AF_INET6: return IN6_IS_ADDR_UNSPECIFIED(&ipv6Of(*this).sin6_addr);
    default: return false;
    }
}

std::size_t SocketAddress::hash() const
{
    std::size_t h = static_cast<std::size_t>(family());
    const auto mix = [&h](std::size_t v) { h = h * 1000003u ^ v; };
    switch (family()) {
    case AF_INET: mix(ipv4Of(*this).sin_addr.s_addr); break;
    case AF_INET6: {
        std::uint64_t halves[2];
        std::memcpy(halves, &ipv6Of(*this).sin6_addr, sizeof halves);
        mix(std::hash<std::uint64_t>()(halves[0]));
        mix(std::hash<std::uint64_t>()(halves[1]));
        break;
    }
    case AF_UNIX: mix(std::hash<std::string>()(host())); break;
    default: break;
    }
    mix(port());
    return h;
}

bool operator==(const SocketAddress &a, const SocketAddress &b)
{
    if (a.family() != b.family() || a.port() != b.port())
        return false;
    switch (a.family()) {
    case AF_INET: return ipv4Of(a).sin_addr.s_addr == ipv4Of(b).sin_addr.s_addr;
    case AF_INET6: return sameIpv6Host(a, b);
    case AF_UNIX: return a.host() == b.host();
    default: return true;  // two "no address"es
    }
}

bool SocketAddress::sameEndpoint(const SocketAddress &a, const SocketAddress &b)
{
    if (a.family() == AF_UNIX || b.family() == AF_UNIX) {
        const std::string path = a.path();
        return !path.empty() && path == b.path();
    }
    if (!isIp(a.family()) || !isIp(b.family()) || a.port() != b.port())
        return false;
    return sameHost(a, b) || wildcardCovers(a, b) || wildcardCovers(b, a);
}

} // namespace socketlab
