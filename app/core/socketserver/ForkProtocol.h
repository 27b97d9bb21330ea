// The messages between the app, the fork helper and its children, on SOCK_SEQPACKET Unix
// sockets (one message per packet, descriptors attached with SCM_RIGHTS). Internal to the
// socketserver; both ends are the same binary, so the encoding is plain host-order bytes.
//
//   control channel (app -> helper):  Attach [fd: a new server channel]
//   control channel (helper -> app):  HelperReady (a helper started by exec, once it serves)
//   server channel (server -> helper): Fork [fd: the connection or the datagram server socket], Reap
//   server channel (helper -> server): Started, ForkFailed, Exited
//   server channel (child -> server):  ChildEvents (TraceEvents, in order), ChildReport (handle_error's text),
//                                      ChildConsole (a line the handler printed, after the events
//                                      traced before it)
#pragma once

#include <Result.h>
#include <Socket.h>
#include <TraceEvent.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace socketlab::socketserver {

enum class ForkMessageType : std::uint32_t {
    Attach = 1,
    Fork,
    Reap,
    Started,
    ForkFailed,
    Exited,
    ChildEvents,  // a batch: one message per stage, not per event, keeps a request's cost near plain fork
    ChildReport,
    ChildConsole,
    HelperReady,  // a freshly started helper, on its control channel: it serves from now on
};

// Fork: what the child needs to run one request as the server would.
struct ForkOrder {
    std::uint64_t requestId = 0;
    std::uint32_t connectionId = 0;    // the app's id of the connection socket (stream servers)
    std::uint32_t serverSocketId = 0;  // the app's id of the server socket
    std::int32_t family = 0;
    std::int32_t type = 0;
    bool datagram = false;
    SocketAddress clientAddress;
    SocketAddress serverAddress;
    std::string handlerName;
    Bytes packet;  // datagram servers: the request's data
};

// Started / ForkFailed / Exited / Reap.
struct ChildNotice {
    std::uint64_t requestId = 0;
    std::int64_t pid = 0;
    std::int32_t code = 0;    // ForkFailed: errno (kUnknownHandler: no such handler); Exited: exit code
    std::int64_t timeNs = 0;  // when the helper forked it or saw it exit
};
constexpr std::int32_t kUnknownHandler = -1;

struct ForkMessage {
    ForkMessageType type = ForkMessageType::Attach;
    std::string body;
    std::vector<int> fds;  // received descriptors; the receiver owns (closes) them
};

std::string encode(const ForkOrder &order);
std::string encode(const ChildNotice &notice);
// A batch of at most kMaxEventsPerMessage events, back to back.
std::string encode(const TraceEvent *events, std::size_t count);
bool decode(const std::string &body, ForkOrder &order);
bool decode(const std::string &body, ChildNotice &notice);
bool decode(const std::string &body, std::vector<TraceEvent> &events);  // appends; false if malformed
extern const std::size_t kMaxEventsPerMessage;
// ChildConsole: the line, then the events traced before it (none or more), so that a handler
// that prints before it replies - every tutorial's handler - costs one message there, not two.
std::string encodeConsole(std::string_view line, const TraceEvent *events, std::size_t count);
bool decodeConsole(const std::string &body, std::string &line, std::vector<TraceEvent> &events);  // appends
// How many events fit in one ChildConsole message beside a line this long (at most kMaxConsoleLine).
std::size_t maxEventsBeside(std::size_t lineSize);
extern const std::size_t kMaxConsoleLine;  // a longer line is cut to this many bytes

// One message; dontWait gives EAGAIN instead of waiting for room. Returns 0 or the errno.
int sendForkMessage(int fd, ForkMessageType type, const std::string &body, const std::vector<int> &fds = {},
                    bool dontWait = false);
// One message; returns 0, EAGAIN (dontWait and nothing there), another errno, or -1 when the
// other end has closed.
int receiveForkMessage(int fd, ForkMessage &message, bool dontWait);

} // namespace socketlab::socketserver
