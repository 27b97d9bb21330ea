#include "ProgramAddress.h"

#include <NameResolution.h>

#include <sys/socket.h>

using namespace socketlab;

Result<SocketAddress> ipv4Address(const std::string &host, long long port)
{
    const auto p = static_cast<std::uint16_t>(port);
    if (auto numeric = SocketAddress::ipv4(host, p))
        return *numeric;
    auto found = getaddrinfo(host, std::to_string(p), AF_INET, SOCK_STREAM);
    if (!found)
        return found.error();
    if (found->empty())
        return SocketError(ErrorKind::Resolver, -2);  // EAI_NONAME
    return found->front().address;
}
