// A socket address of any family (IPv4, IPv6, Unix path), held by value: the typed endpoint
// every socket record keeps (family, address, port or path), compared without text, with the
// text forms learners read: "127.0.0.1:21567" and Python's tuple "('127.0.0.1', 21567)".
#pragma once

#include <arpa/inet.h>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <netinet/in.h>
#include <sys/socket.h>

namespace socketlab {

class SocketAddress {
public:
    SocketAddress() = default;  // family AF_UNSPEC: "no address"

    // Numeric addresses only; names go through NameResolution. An empty IPv4 host is
    // INADDR_ANY, as Python's bind(('', port)) means.
    static std::optional<SocketAddress> ipv4(const std::string &host, std::uint16_t port);
    static std::optional<SocketAddress> ipv6(const std::string &host, std::uint16_t port);
    static std::optional<SocketAddress> unixPath(const std::string &path);
    static SocketAddress unnamedUnix();  // a Unix socket with no name: a socketpair's end, an unbound client
    static SocketAddress loopback(int family, std::uint16_t port);  // 127.0.0.1 or ::1
    static SocketAddress fromRaw(const sockaddr *addr, unsigned len);

    int family() const { return m_storage.ss_family; }
    bool isValid() const { return family() != AF_UNSPEC; }
    // 0 for Unix addresses. Inline: the live views compare ports of thousands of rows a tick.
    std::uint16_t port() const
    {
        switch (family()) {
        case AF_INET: return ntohs(reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_port);
        case AF_INET6: return ntohs(reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_port);
        default: return 0;
        }
    }
    std::string host() const;            // numeric address, or the Unix path
    std::string path() const;            // a Unix socket's path; "" for an unnamed one or another family
    bool isWildcard() const;             // 0.0.0.0 or ::, as bind(('', port)) leaves it
    bool isLoopback() const;             // 127.0.0.0/8 or ::1 (or ::ffff:127.x): only this machine reaches it
    bool isNamed() const;                // valid, and for a Unix socket bound to a path
    std::size_t hash() const;            // consistent with ==, for hash maps keyed by address
    std::string toString() const;        // "127.0.0.1:21567", "[::1]:21567", "/tmp/x.sock"
    std::string pythonRepr() const;      // "('127.0.0.1', 21567)", "('::1', 21567, 0, 0)", "'/tmp/x.sock'"

    const sockaddr *raw() const { return reinterpret_cast<const sockaddr *>(&m_storage); }
    sockaddr *raw() { return reinterpret_cast<sockaddr *>(&m_storage); }
    unsigned length() const { return m_length; }
    static constexpr unsigned capacity() { return sizeof(sockaddr_storage); }
    void setLength(unsigned length) { m_length = length; }

    friend bool operator==(const SocketAddress &a, const SocketAddress &b);
    friend bool operator!=(const SocketAddress &a, const SocketAddress &b) { return !(a == b); }

    // The same endpoint as the kernel delivers: equal addresses (an IPv4-mapped IPv6 address
    // "::ffff:127.0.0.1" is its IPv4 address), or a wildcard address on the other's port -
    // a socket bound to 0.0.0.0:P receives what is sent to 127.0.0.1:P, and one bound to
    // [::]:P (dual stack) receives IPv4 too. False when either is invalid or unnamed.
    static bool sameEndpoint(const SocketAddress &a, const SocketAddress &b);

private:
    sockaddr_storage m_storage{};
    unsigned m_length = 0;
};

} // namespace socketlab
