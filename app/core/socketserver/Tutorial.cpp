// The tutorials' handlers, and the few Python str/bytes operations they use.
#include "Tutorial.h"

#include "Console.h"
#include "SocketException.h"

#include <cstdio>
#include <ctime>

namespace socketlab::socketserver::tutorial {

const char kTimestampHandlerName[] = "tutorial.timestamp";
const char kUpperEchoHandlerName[] = "tutorial.upper_echo";

namespace {

// Registered before main() runs, so the fork helper (started in main) knows them.
const RequestHandlerClass kForkableTimestamp = registerHandler<TimestampHandler>(kTimestampHandlerName);
const RequestHandlerClass kForkableUpperEcho = registerHandler<UpperEchoHandler>(kUpperEchoHandlerName);

void print(const Console &console, const std::string &line)
{
    if (console)
        console(line);
    else
        printLine(line);  // stdout, or a forked child's server pane
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}

} // namespace

std::string ctime()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    // Python's time.ctime() is asctime(): English names whatever the locale.
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[64] = {};
    std::snprintf(text, sizeof text, "%s %s %2d %02d:%02d:%02d %d", days[local.tm_wday], months[local.tm_mon],
                  local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec, local.tm_year + 1900);
    return text;
}

std::string pythonBytesRepr(const Bytes &data)
{
    // Python uses single quotes unless the bytes contain ' and no ".
    const bool doubleQuotes = data.find('\'') != Bytes::npos && data.find('"') == Bytes::npos;
    const char quote = doubleQuotes ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (const char c : data) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == quote || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20 || byte >= 0x7f) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += quote;
    return out;
}

std::string pythonStr(const SocketAddress &address)
{
    return address.family() == AF_UNIX ? address.host() : address.pythonRepr();
}

Bytes strip(const Bytes &data)
{
    std::size_t begin = 0;
    std::size_t end = data.size();
    while (begin < end && isSpace(data[begin]))
        ++begin;
    while (end > begin && isSpace(data[end - 1]))
        --end;
    return data.substr(begin, end - begin);
}

Bytes upper(const Bytes &data)
{
    Bytes out = data;
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

TimestampHandler::TimestampHandler(Console console, CtimeClock clock)
    : m_console(std::move(console)), m_clock(std::move(clock))
{
}

void TimestampHandler::handle()
{
    print(m_console, "...connected from: " + pythonStr(clientAddress()));
    const Bytes line = orRaise(rfile().readline());
    const std::string now = m_clock ? m_clock() : ctime();
    orRaise(wfile().write("[" + now + "] " + line));
}

UpperEchoHandler::UpperEchoHandler(Console console) : m_console(std::move(console)) {}

void UpperEchoHandler::handle()
{
    const Bytes data = strip(orRaise(request().socket().recv(1024)));
    print(m_console, clientAddress().host() + " wrote:");
    print(m_console, pythonBytesRepr(data));
    orRaise(request().socket().sendAll(upper(data)));
}

RequestHandlerClass timestampHandler(Console console, CtimeClock clock)
{
    return RequestHandlerClass(
        [console, clock] { return std::unique_ptr<BaseRequestHandler>(new TimestampHandler(console, clock)); },
        kTimestampHandlerName);
}

RequestHandlerClass upperEchoHandler(Console console)
{
    return RequestHandlerClass(
        [console] { return std::unique_ptr<BaseRequestHandler>(new UpperEchoHandler(console)); },
        kUpperEchoHandlerName);
}

} // namespace socketlab::socketserver::tutorial
