// The socket module's functions that are not methods of a socket: host and service names,
// address conversion and byte order (gethostname, getaddrinfo, htons, inet_pton ...).
#pragma once

#include "Result.h"
#include "SocketAddress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace socketlab {

class CancelToken;

struct AddressInfo {  // one entry of getaddrinfo's list, in the order to try them
    int family = 0;
    int type = 0;
    int protocol = 0;
    std::string canonicalName;
    SocketAddress address;
};

struct HostEntry {  // gethostbyname_ex / gethostbyaddr: (hostname, aliaslist, ipaddrlist)
    std::string name;
    std::vector<std::string> aliases;
    std::vector<std::string> addresses;
};

Result<std::string> gethostname();
Result<std::string> gethostbyname(const std::string &name);  // first IPv4 address
Result<HostEntry> gethostbynameEx(const std::string &name);
Result<HostEntry> gethostbyaddr(const std::string &address);
// host nullopt means Python's None: the wildcard address with AI_PASSIVE, loopback without.
Result<std::vector<AddressInfo>> getaddrinfo(const std::optional<std::string> &host, const std::string &port,
                                             int family = 0, int type = 0, int protocol = 0, int flags = 0);
// The same lookup, as a pane's connect or bind to a name such as "localhost" makes it: Stop,
// Reset or quit (cancel) end the wait at once with ErrorKind::Cancelled, though the C
// library's lookup cannot be interrupted - it is abandoned and cleans up on its own thread
// when it ends (CancellableCall.h). A null token waits as the plain call does.
Result<std::vector<AddressInfo>> getaddrinfo(const CancelToken *cancel, const std::optional<std::string> &host,
                                             const std::string &port, int family = 0, int type = 0, int protocol = 0,
                                             int flags = 0);
Result<std::pair<std::string, std::string>> getnameinfo(const SocketAddress &address, int flags = 0);
Result<int> getservbyname(const std::string &service, const std::string &protocol = {});
Result<std::string> getservbyport(int port, const std::string &protocol = {});
Result<int> getprotobyname(const std::string &name);

Result<std::string> inetPton(int family, const std::string &text);  // packed bytes
Result<std::string> inetNtop(int family, const std::string &packed);
// inet_aton / inet_ntoa: IPv4 only, and inet_aton takes the old forms too ('127.1').
Result<std::string> inetAton(const std::string &text);  // 4 packed bytes
Result<std::string> inetNtoa(const std::string &packed);

// htons / ntohs / htonl / ntohl. (Not named so: glibc may define those as macros.)
std::uint16_t hostToNetwork16(std::uint16_t value);
std::uint16_t networkToHost16(std::uint16_t value);
std::uint32_t hostToNetwork32(std::uint32_t value);
std::uint32_t networkToHost32(std::uint32_t value);

} // namespace socketlab
