// The tutorials' socketserver programs as plain classes, for the labs to wrap and the tests
// to run: tsTservSS's timestamp StreamRequestHandler, the docs' upper-case echo
// BaseRequestHandler, and a server whose verify_request lets one client host in.
// Their handler classes are registered by name, so ForkingMixIn servers can use them too.
#pragma once

#include "BaseRequestHandler.h"
#include "RequestHandlerClass.h"
#include "StreamRequestHandler.h"

#include <functional>
#include <string>

namespace socketlab::socketserver::tutorial {

using Console = std::function<void(const std::string &line)>;  // print(): one line, no newline
using CtimeClock = std::function<std::string()>;               // time.ctime()

std::string ctime();                                 // "Sat Jun  6 16:11:23 2020", local time, English names
std::string pythonBytesRepr(const Bytes &data);      // print(b'...') as Python 3 shows bytes
Bytes strip(const Bytes &data);                      // bytes.strip(): ASCII whitespace
Bytes upper(const Bytes &data);                      // bytes.upper(): ASCII letters
// print(client_address): a tuple prints as its repr, a Unix path (a str) prints bare.
std::string pythonStr(const SocketAddress &address);

// tsTservSS.py's MyRequestHandler(StreamRequestHandler):
//     print('...connected from:', self.client_address)
//     self.wfile.write('[%s] %s' % (ctime(), self.rfile.readline()))
class TimestampHandler : public StreamRequestHandler {
public:
    explicit TimestampHandler(Console console = {}, CtimeClock clock = {});
    void handle() override;

private:
    Console m_console;
    CtimeClock m_clock;
};

// The socketserver docs' MyTCPHandler(BaseRequestHandler):
//     self.data = self.request.recv(1024).strip()
//     print("{} wrote:".format(self.client_address[0])); print(self.data)
//     self.request.sendall(self.data.upper())
class UpperEchoHandler : public BaseRequestHandler {
public:
    explicit UpperEchoHandler(Console console = {});
    void handle() override;

private:
    Console m_console;
};

// With a console and clock of the caller's (the forked children's use the defaults:
// stdout and the real clock).
RequestHandlerClass timestampHandler(Console console = {}, CtimeClock clock = {});
RequestHandlerClass upperEchoHandler(Console console = {});
extern const char kTimestampHandlerName[];  // "tutorial.timestamp"
extern const char kUpperEchoHandlerName[];  // "tutorial.upper_echo"

// verify_request(self, request, client_address): return client_address[0] == allowedHost
template <typename Server>
class AllowOneHost : public Server {
public:
    using Server::Server;
    std::string allowedHost = "127.0.0.1";
    bool verifyRequest(Request &, const SocketAddress &clientAddress) override
    {
        return clientAddress.host() == allowedHost;
    }
};

} // namespace socketlab::socketserver::tutorial
