// Request handlers for the core's socketserver tests, in the shape of the tutorials' (the
// timestamp StreamRequestHandler, the docs' upper-case echo), with the console and clock a
// test can watch. The lessons' own handlers live in the lab layer (app/lab/kit); the core is
// tested here without it. Both are registered by name, so a ForkingMixIn child can make them.
#pragma once

#include <socketserver/BaseRequestHandler.h>
#include <socketserver/Console.h>
#include <socketserver/RequestHandlerClass.h>
#include <socketserver/SocketException.h>
#include <socketserver/StreamRequestHandler.h>

#include <cstdio>
#include <ctime>
#include <functional>
#include <string>

namespace tutorial {

using socketlab::Bytes;
using Console = std::function<void(const std::string &line)>;
using Clock = std::function<std::string()>;

inline Bytes strip(const Bytes &data)
{
    const char *space = " \t\n\r\x0b\x0c";
    const std::size_t begin = data.find_first_not_of(space);
    return begin == Bytes::npos ? Bytes() : data.substr(begin, data.find_last_not_of(space) - begin + 1);
}

inline Bytes upper(Bytes data)
{
    for (char &c : data)
        c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return data;
}

inline void print(const Console &console, const std::string &line)
{
    if (console)
        console(line);
    else
        socketlab::socketserver::printLine(line);  // stdout, or a forked child's server
}

inline std::string realCtime()
{
    const std::time_t now = std::time(nullptr);
    char text[64] = {};
    std::strftime(text, sizeof text, "%a %b %e %H:%M:%S %Y", std::localtime(&now));
    return text;
}

// print('...connected from:', self.client_address); self.wfile.write(b'[%s] %s' % (ctime(), readline()))
class TimestampHandler : public socketlab::socketserver::StreamRequestHandler {
public:
    explicit TimestampHandler(Console console = {}, Clock clock = {}) : m_console(std::move(console)), m_clock(std::move(clock)) {}
    void handle() override
    {
        // print(address): a tuple prints as its repr, a Unix path (a str) bare
        const socketlab::SocketAddress &from = clientAddress();
        print(m_console, "...connected from: " + (from.family() == AF_UNIX ? from.host() : from.pythonRepr()));
        const Bytes line = socketlab::socketserver::orRaise(rfile().readline());
        socketlab::socketserver::orRaise(wfile().write("[" + (m_clock ? m_clock() : realCtime()) + "] " + line));
    }

private:
    Console m_console;
    Clock m_clock;
};

// data = request.recv(1024).strip(); print(...); request.sendall(data.upper())
class UpperEchoHandler : public socketlab::socketserver::BaseRequestHandler {
public:
    explicit UpperEchoHandler(Console console = {}) : m_console(std::move(console)) {}
    void handle() override
    {
        const Bytes data = strip(socketlab::socketserver::orRaise(request().socket().recv(1024)));
        print(m_console, clientAddress().host() + " wrote:");
        print(m_console, "b'" + data + "'");
        socketlab::socketserver::orRaise(request().socket().sendAll(upper(data)));
    }

private:
    Console m_console;
};

inline const socketlab::socketserver::RequestHandlerClass kForkableTimestamp =
    socketlab::socketserver::registerHandler<TimestampHandler>("test.timestamp");
inline const socketlab::socketserver::RequestHandlerClass kForkableUpperEcho =
    socketlab::socketserver::registerHandler<UpperEchoHandler>("test.upper_echo");

inline socketlab::socketserver::RequestHandlerClass timestampHandler(Console console = {}, Clock clock = {})
{
    return socketlab::socketserver::RequestHandlerClass(
        [console, clock] { return std::unique_ptr<socketlab::socketserver::BaseRequestHandler>(new TimestampHandler(console, clock)); },
        kForkableTimestamp.name());
}

inline socketlab::socketserver::RequestHandlerClass upperEchoHandler(Console console = {})
{
    return socketlab::socketserver::RequestHandlerClass(
        [console] { return std::unique_ptr<socketlab::socketserver::BaseRequestHandler>(new UpperEchoHandler(console)); },
        kForkableUpperEcho.name());
}

// verify_request(self, request, client_address): return client_address[0] == allowedHost
template <typename Server>
class AllowOneHost : public Server {
public:
    using Server::Server;
    std::string allowedHost = "127.0.0.1";
    bool verifyRequest(socketlab::socketserver::Request &, const socketlab::SocketAddress &clientAddress) override
    {
        return clientAddress.host() == allowedHost;
    }
};

} // namespace tutorial
