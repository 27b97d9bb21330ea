#include "PythonText.h"

#include <charconv>
#include <cstring>
#include <ctime>

namespace python {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}

} // namespace

namespace {

void appendCtime(std::string &out, std::time_t when)
{
    std::tm local{};
    localtime_r(&when, &local);
    // Python's time.ctime() is asctime(): English names whatever the locale, the day of the
    // month padded with a space. Formatted by hand rather than with snprintf, which cost a
    // sixth of a ThreadingTCPServer request's instructions: every timestamp server stamps
    // each reply.
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto twoDigits = [](char *at, int value, char pad) {
        at[0] = value >= 10 ? static_cast<char>('0' + value / 10) : pad;
        at[1] = static_cast<char>('0' + value % 10);
    };
    char text[40] = "Www Mmm dd hh:mm:ss ";
    std::memcpy(text, days[local.tm_wday], 3);
    std::memcpy(text + 4, months[local.tm_mon], 3);
    twoDigits(text + 8, local.tm_mday, ' ');
    twoDigits(text + 11, local.tm_hour, '0');
    twoDigits(text + 14, local.tm_min, '0');
    twoDigits(text + 17, local.tm_sec, '0');
    char *const end = std::to_chars(text + 20, text + sizeof text, local.tm_year + 1900).ptr;
    out.append(text, end);
}

} // namespace

std::string ctime()
{
    return ctime(std::time(nullptr));
}

std::string ctime(std::time_t when)
{
    std::string text;
    appendCtime(text, when);
    return text;
}

namespace {

// The quoted body of a bytes or str repr: ' unless the text has a ' and no ", and the
// escapes Python writes. A str keeps its non-ASCII characters (UTF-8 here); bytes show
// every byte from 0x7f up as \xNN.
std::string quotedRepr(const std::string &data, bool isBytes)
{
    const bool doubleQuotes = data.find('\'') != std::string::npos && data.find('"') == std::string::npos;
    const char quote = doubleQuotes ? '"' : '\'';
    std::string out(1, quote);
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
        } else if (byte < 0x20 || byte == 0x7f || (isBytes && byte > 0x7f)) {
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

} // namespace

std::string bytesRepr(const Bytes &data)
{
    return "b" + quotedRepr(data, true);
}

std::string strRepr(const std::string &text)
{
    return quotedRepr(text, false);
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

std::vector<std::string> splitlines(const std::string &text)
{
    // The length of the line boundary that starts at i, or 0.
    const auto boundary = [&text](std::size_t i) -> std::size_t {
        const char c = text[i];
        if (c == '\r')
            return i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
        if (c == '\n' || c == '\x0b' || c == '\x0c' || c == '\x1c' || c == '\x1d' || c == '\x1e')
            return 1;
        if (text.compare(i, 2, "\xc2\x85") == 0)
            return 2;
        if (text.compare(i, 3, "\xe2\x80\xa8") == 0 || text.compare(i, 3, "\xe2\x80\xa9") == 0)
            return 3;
        return 0;
    };
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = boundary(i)) {
            lines.push_back(text.substr(start, i - start));
            i += n;
            start = i;
        } else {
            ++i;
        }
    }
    if (start < text.size())
        lines.push_back(text.substr(start));
    return lines;
}

Bytes upper(const Bytes &data)
{
    Bytes out = data;
    for (char &c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string str(const socketlab::SocketAddress &address)
{
    return address.family() == AF_UNIX ? address.host() : address.pythonRepr();
}

std::string str(const socketlab::SocketError &error)
{
    if (error.kind() == socketlab::ErrorKind::Timeout)
        return "timed out";
    return "[Errno " + std::to_string(error.code()) + "] " + error.message();
}

std::string listRepr(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (const std::string &item : items) {
        if (out.size() > 1)
            out += ", ";
        out += '\'' + item + '\'';
    }
    return out + "]";
}

} // namespace python

std::string timestamped(const std::string &data)
{
    // One string, sized once: ctime's 24 characters alone are past the small-string buffer,
    // and a ThreadingTCPServer request's thread pays dearly for each malloc.
    std::string reply;
    reply.reserve(sizeof "[Sat Jun  6 16:11:23 2020] " + data.size());
    reply += '[';
    python::appendCtime(reply, std::time(nullptr));
    reply += "] ";
    reply += data;
    return reply;
}
