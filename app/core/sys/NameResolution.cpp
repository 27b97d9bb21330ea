// Name and address functions of the socket module, on the C library's reentrant calls.
#include "../NameResolution.h"

#include "../CancelToken.h"
#include "../CancellableCall.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <memory>
#include <netdb.h>
#include <unistd.h>

namespace socketlab {
namespace {

// The *_r lookups want a scratch buffer and say ERANGE when it is too small.
template <typename Lookup>
int withGrowingBuffer(std::vector<char> &buffer, Lookup lookup)
{
    buffer.resize(1024);
    for (;;) {
        const int rc = lookup(buffer.data(), buffer.size());
        if (rc != ERANGE || buffer.size() >= (1u << 20))
            return rc;
        buffer.resize(buffer.size() * 2);
    }
}

HostEntry entryFromHostent(const hostent &h)
{
    HostEntry e;
    e.name = h.h_name ? h.h_name : "";
    for (char **a = h.h_aliases; a && *a; ++a)
        e.aliases.emplace_back(*a);
    char text[INET6_ADDRSTRLEN];
    for (char **a = h.h_addr_list; a && *a; ++a) {
        if (::inet_ntop(h.h_addrtype, *a, text, sizeof text))
            e.addresses.emplace_back(text);
    }
    return e;
}

SocketError hostError(int herr)
{
    // Python reports gethostbyname_ex failures as gaierror / herror; both read as "not known".
    return SocketError(ErrorKind::Resolver, herr == TRY_AGAIN ? EAI_AGAIN : EAI_NONAME);
}

} // namespace

Result<std::string> gethostname()
{
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) < 0)
        return SocketError::fromErrno(errno);
    return std::string(name);
}

Result<std::vector<AddressInfo>> getaddrinfo(const std::optional<std::string> &host, const std::string &port,
                                             int family, int type, int protocol, int flags)
{
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = type;
    hints.ai_protocol = protocol;
    hints.ai_flags = flags;
    addrinfo *list = nullptr;
    const int rc = ::getaddrinfo(host ? host->c_str() : nullptr, port.empty() ? nullptr : port.c_str(), &hints, &list);
    if (rc != 0)
        return rc == EAI_SYSTEM ? SocketError::fromErrno(errno) : SocketError(ErrorKind::Resolver, rc);
    std::unique_ptr<addrinfo, void (*)(addrinfo *)> owner(list, ::freeaddrinfo);
    std::vector<AddressInfo> out;
    for (const addrinfo *ai = list; ai; ai = ai->ai_next) {
        AddressInfo info;
        info.family = ai->ai_family;
        info.type = ai->ai_socktype;
        info.protocol = ai->ai_protocol;
        info.canonicalName = ai->ai_canonname ? ai->ai_canonname : "";
        info.address = SocketAddress::fromRaw(ai->ai_addr, ai->ai_addrlen);
        out.push_back(std::move(info));
    }
    return out;
}

Result<std::vector<AddressInfo>> getaddrinfo(const CancelToken *cancel, const std::optional<std::string> &host,
                                             const std::string &port, int family, int type, int protocol, int flags)
{
    if (!cancel)
        return getaddrinfo(host, port, family, type, protocol, flags);
    if (cancel->isCancelled())  // a stopped program does not start a lookup on its way out
        return SocketError(ErrorKind::Cancelled, ECANCELED);
    // A numeric host needs no lookup and cannot block: no thread for it.
    if (!host || SocketAddress::ipv4(*host, 0) || SocketAddress::ipv6(*host, 0))
        return getaddrinfo(host, port, family, type, protocol, flags);
    return callCancellably<std::vector<AddressInfo>>(cancel, [=] { return getaddrinfo(host, port, family, type, protocol, flags); });
}

Result<std::string> gethostbyname(const std::string &name)
{
    const auto list = getaddrinfo(name, {}, AF_INET, SOCK_STREAM);
    if (!list)
        return list.error();
    if (list->empty())
        return SocketError(ErrorKind::Resolver, EAI_NONAME);
    return list->front().address.host();
}

Result<HostEntry> gethostbynameEx(const std::string &name)
{
    hostent h{};
    hostent *found = nullptr;
    int herr = 0;
    std::vector<char> buffer;
    const int rc = withGrowingBuffer(buffer, [&](char *buf, std::size_t len) {
        return ::gethostbyname2_r(name.c_str(), AF_INET, &h, buf, len, &found, &herr);
    });
    if (rc != 0 || !found)
        return hostError(herr);
    return entryFromHostent(h);
}

Result<HostEntry> gethostbyaddr(const std::string &address)
{
    in6_addr raw{};
    int family = AF_INET;
    socklen_t rawLength = sizeof(in_addr);
    if (::inet_pton(AF_INET, address.c_str(), &raw) != 1) {
        family = AF_INET6;
        rawLength = sizeof(in6_addr);
        if (::inet_pton(AF_INET6, address.c_str(), &raw) != 1)
            return SocketError(ErrorKind::Resolver, EAI_NONAME);
    }
    hostent h{};
    hostent *found = nullptr;
    int herr = 0;
    std::vector<char> buffer;
    const int rc = withGrowingBuffer(buffer, [&](char *buf, std::size_t len) {
        return ::gethostbyaddr_r(&raw, rawLength, family, &h, buf, len, &found, &herr);
    });
    if (rc != 0 || !found)
        return hostError(herr);
    return entryFromHostent(h);
}

Result<std::pair<std::string, std::string>> getnameinfo(const SocketAddress &address, int flags)
{
    char host[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};
    const int rc = ::getnameinfo(address.raw(), address.length(), host, sizeof host, service, sizeof service, flags);
    if (rc != 0)
        return SocketError(ErrorKind::Resolver, rc);
    return std::make_pair(std::string(host), std::string(service));
}

Result<int> getservbyname(const std::string &service, const std::string &protocol)
{
    servent s{};
    servent *found = nullptr;
    std::vector<char> buffer;
    const int rc = withGrowingBuffer(buffer, [&](char *buf, std::size_t len) {
        return ::getservbyname_r(service.c_str(), protocol.empty() ? nullptr : protocol.c_str(), &s, buf, len, &found);
    });
    if (rc != 0 || !found)
        return SocketError(ErrorKind::ServiceNotFound, 0);
    return static_cast<int>(::ntohs(static_cast<std::uint16_t>(s.s_port)));
}

Result<std::string> getservbyport(int port, const std::string &protocol)
{
    if (port < 0 || port > 65535)
        return SocketError::fromErrno(EINVAL);  // Python: OverflowError
    servent s{};
    servent *found = nullptr;
    std::vector<char> buffer;
    const int rc = withGrowingBuffer(buffer, [&](char *buf, std::size_t len) {
        return ::getservbyport_r(static_cast<int>(::htons(static_cast<std::uint16_t>(port))),
                                 protocol.empty() ? nullptr : protocol.c_str(), &s, buf, len, &found);
    });
    if (rc != 0 || !found)
        return SocketError(ErrorKind::ServiceNotFound, 0);
    return std::string(s.s_name);
}

Result<int> getprotobyname(const std::string &name)
{
    protoent p{};
    protoent *found = nullptr;
    std::vector<char> buffer;
    const int rc = withGrowingBuffer(buffer, [&](char *buf, std::size_t len) {
        return ::getprotobyname_r(name.c_str(), &p, buf, len, &found);
    });
    if (rc != 0 || !found)
        return SocketError(ErrorKind::ProtocolNotFound, 0);
    return p.p_proto;
}

Result<std::string> inetPton(int family, const std::string &text)
{
    unsigned char packed[sizeof(in6_addr)] = {};
    const int rc = ::inet_pton(family, text.c_str(), packed);
    if (rc < 0)
        return SocketError::fromErrno(errno);  // EAFNOSUPPORT
    if (rc == 0)
        return SocketError(ErrorKind::IllegalAddress, 0);
    return std::string(reinterpret_cast<const char *>(packed), family == AF_INET6 ? 16 : 4);
}

Result<std::string> inetNtop(int family, const std::string &packed)
{
    const std::size_t expected = family == AF_INET6 ? 16 : family == AF_INET ? 4 : 0;
    if (expected == 0)
        return SocketError::fromErrno(EAFNOSUPPORT);
    if (packed.size() != expected)
        return SocketError::fromErrno(EINVAL);  // Python: ValueError "invalid length of packed IP address string"
    char text[INET6_ADDRSTRLEN] = {};
    if (!::inet_ntop(family, packed.data(), text, sizeof text))
        return SocketError::fromErrno(errno);
    return std::string(text);
}

Result<std::string> inetAton(const std::string &text)
{
    in_addr packed{};
    if (::inet_aton(text.c_str(), &packed) == 0)
        return SocketError(ErrorKind::IllegalAddress, kIllegalForInetAton);
    return std::string(reinterpret_cast<const char *>(&packed), sizeof packed);
}

Result<std::string> inetNtoa(const std::string &packed)
{
    if (packed.size() != 4)
        return SocketError::fromErrno(EINVAL);  // Python: OSError "packed IP wrong length for inet_ntoa"
    return inetNtop(AF_INET, packed);
}

std::uint16_t hostToNetwork16(std::uint16_t value) { return ::htons(value); }
std::uint16_t networkToHost16(std::uint16_t value) { return ::ntohs(value); }
std::uint32_t hostToNetwork32(std::uint32_t value) { return ::htonl(value); }
std::uint32_t networkToHost32(std::uint32_t value) { return ::ntohl(value); }

} // namespace socketlab
