// Encoding of the fork helper's messages: fixed-size fields copied as bytes, strings with a
// length in front; one message per SOCK_SEQPACKET packet, its type in the first four bytes.
#include "ForkProtocol.h"

#include "sys/ForkSyscalls.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <vector>

namespace socketlab::socketserver {
namespace {

// Larger than any datagram (65507 bytes) plus the order's other fields.
constexpr std::size_t kMaxMessage = 72 * 1024;

static_assert(std::is_trivially_copyable_v<TraceEvent>, "TraceEvent is sent as bytes");
static_assert(std::is_trivially_copyable_v<SocketAddress>, "SocketAddress is sent as bytes");

class Writer {
public:
    template <typename T>
    Writer &put(const T &value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_out.append(reinterpret_cast<const char *>(&value), sizeof value);
        return *this;
    }
    Writer &putString(std::string_view s)
    {
        put(static_cast<std::uint32_t>(s.size()));
        m_out.append(s);
        return *this;
    }
    Writer &putEvents(const TraceEvent *events, std::size_t count)
    {
        m_out.append(reinterpret_cast<const char *>(events), count * sizeof(TraceEvent));
        return *this;
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

class Reader {
public:
    explicit Reader(const std::string &in) : m_in(in) {}
    template <typename T>
    bool get(T &value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (m_in.size() - m_pos < sizeof value)
            return false;
        std::memcpy(&value, m_in.data() + m_pos, sizeof value);
        m_pos += sizeof value;
        return true;
    }
    bool getString(std::string &s)
    {
        std::uint32_t n = 0;
        if (!get(n) || m_in.size() - m_pos < n)
            return false;
        s.assign(m_in, m_pos, n);
        m_pos += n;
        return true;
    }
    // The rest of the message as whole events; false if it does not divide into them.
    bool getEvents(std::vector<TraceEvent> &events)
    {
        if ((m_in.size() - m_pos) % sizeof(TraceEvent) != 0)
            return false;
        while (!atEnd()) {
            TraceEvent e;
            get(e);
            events.push_back(e);
        }
        return true;
    }
    bool atEnd() const { return m_pos == m_in.size(); }

private:
    const std::string &m_in;
    std::size_t m_pos = 0;
};

} // namespace

std::string encode(const ForkOrder &o)
{
    return Writer()
        .put(o.requestId).put(o.connectionId).put(o.serverSocketId).put(o.family).put(o.type)
        .put(static_cast<std::uint8_t>(o.datagram)).put(o.clientAddress).put(o.serverAddress)
        .putString(o.handlerName).putString(o.packet)
        .take();
}

bool decode(const std::string &body, ForkOrder &o)
{
    Reader r(body);
    std::uint8_t datagram = 0;
    const bool ok = r.get(o.requestId) && r.get(o.connectionId) && r.get(o.serverSocketId) && r.get(o.family)
        && r.get(o.type) && r.get(datagram) && r.get(o.clientAddress) && r.get(o.serverAddress)
        && r.getString(o.handlerName) && r.getString(o.packet) && r.atEnd();
    o.datagram = datagram != 0;
    return ok;
}

std::string encode(const ChildNotice &n)
{
    return Writer().put(n.requestId).put(n.pid).put(n.code).put(n.timeNs).take();
}

bool decode(const std::string &body, ChildNotice &n)
{
    Reader r(body);
    return r.get(n.requestId) && r.get(n.pid) && r.get(n.code) && r.get(n.timeNs) && r.atEnd();
}

const std::size_t kMaxEventsPerMessage = (kMaxMessage - sizeof(ForkMessageType)) / sizeof(TraceEvent);

std::string encode(const TraceEvent *events, std::size_t count)
{
    return Writer().putEvents(events, count).take();
}

bool decode(const std::string &body, std::vector<TraceEvent> &events)
{
    Reader r(body);
    return !body.empty() && r.getEvents(events);
}

const std::size_t kMaxConsoleLine = 64 * 1024;

std::string encodeConsole(std::string_view line, const TraceEvent *events, std::size_t count)
{
    return Writer().putString(line).putEvents(events, count).take();
}

bool decodeConsole(const std::string &body, std::string &line, std::vector<TraceEvent> &events)
{
    Reader r(body);
    return r.getString(line) && r.getEvents(events);
}

std::size_t maxEventsBeside(std::size_t lineSize)
{
    const std::size_t header = sizeof(ForkMessageType) + sizeof(std::uint32_t);
    return (kMaxMessage - header - std::min(lineSize, kMaxConsoleLine)) / sizeof(TraceEvent);
}

int sendForkMessage(int fd, ForkMessageType type, const std::string &body, const std::vector<int> &fds, bool dontWait)
{
    std::string packet = Writer().put(type).take();
    packet += body;
    const sys::SysResult r = sys::sendWithDescriptors(fd, packet.data(), packet.size(), fds.data(), fds.size(), dontWait);
    return r.ok() ? 0 : r.error;
}

int receiveForkMessage(int fd, ForkMessage &message, bool dontWait)
{
    thread_local std::vector<char> buffer(kMaxMessage);
    const sys::SysResult r = sys::receiveWithDescriptors(fd, buffer.data(), buffer.size(), message.fds, dontWait);
    if (!r.ok())
        return r.error;
    if (r.value == 0)
        return -1;  // SOCK_SEQPACKET: zero bytes means the other end closed
    const std::size_t size = static_cast<std::size_t>(r.value);
    if (size < sizeof(ForkMessageType)) {
        for (int f : message.fds)
            (void)sys::close(f);
        message.fds.clear();
        return EBADMSG;
    }
    std::memcpy(&message.type, buffer.data(), sizeof(ForkMessageType));
    message.body.assign(buffer.data() + sizeof(ForkMessageType), size - sizeof(ForkMessageType));
    return 0;
}

} // namespace socketlab::socketserver
