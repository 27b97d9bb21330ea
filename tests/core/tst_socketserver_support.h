// Helpers shared by the tst_socketserver* suites: a serve_forever thread, loopback clients
// with deadlines, and a trace log to ask which stages ran. Header-only (the glob that makes
// test executables takes only tst_*.cpp).
#pragma once

#include <QtTest>

#include <TraceStream.h>
#include <socketserver/SocketServer.h>

#include "ProcessProbes.h"
#include "TestSupport.h"

#include <mutex>
#include <optional>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <vector>


namespace sstest {

using namespace socketlab;
using namespace socketlab::socketserver;

constexpr double kClientTimeout = 10.0;  // seconds: a deadline for every client call, never a wait

inline QString qs(const std::string &s) { return QString::fromStdString(s); }

// serve_forever on its own thread; stop() is shutdown() plus join, as a test's cleanup.
class ServerThread {
public:
    explicit ServerThread(BaseServer &server, double pollInterval = 0.5) : m_server(server)
    {
        m_thread = std::thread([this, pollInterval] { m_status = m_server.serveForever(pollInterval); });
    }
    ~ServerThread() { (void)stop(); }
    Status stop()
    {
        if (m_thread.joinable()) {
            m_server.shutdown();
            m_thread.join();
        }
        return m_status;
    }
    Status join()  // when something else (a CancelToken) ends serve_forever
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_status;
    }

private:
    BaseServer &m_server;
    std::thread m_thread;
    Status m_status;
};

// A connected client with a deadline on every call, or an empty Socket if that failed.
inline Socket connectTo(const SocketAddress &address, const char *bindHost = nullptr)
{
    auto s = Socket::create(address.family(), SOCK_STREAM);
    if (!s || !s->setTimeout(kClientTimeout))
        return {};
    if (bindHost && !s->bind(*SocketAddress::ipv4(bindHost, 0)))
        return {};
    if (!s->connect(address))
        return {};
    return std::move(s).value();
}

// Reads until the server closes its side (or the deadline): what a whole reply was.
inline std::string readAll(Socket &s)
{
    std::string all;
    for (;;) {
        auto chunk = s.recv(4096);
        if (!chunk || chunk->empty())
            return all;
        all += *chunk;
    }
}

inline std::string readLine(Socket &s)
{
    std::string line;
    while (line.empty() || line.back() != '\n') {
        auto c = s.recv(1);
        if (!c || c->empty())
            break;
        line += *c;
    }
    return line;
}

// One request the tsTclntSS way: connect, send, read the reply to the end.
inline std::string exchange(const SocketAddress &address, const std::string &data, const char *bindHost = nullptr)
{
    Socket s = connectTo(address, bindHost);
    if (!s.isOpen() || !s.sendAll(data))
        return "<no connection>";
    return readAll(s);
}

// Collects a server's trace so a test can ask which stages ran, and in what order.
class TraceLog {
public:
    explicit TraceLog(std::size_t capacity = 1 << 14) : m_stream(std::make_shared<TraceStream>(capacity)) {}
    std::shared_ptr<TraceStream> stream() const { return m_stream; }

    const std::vector<TraceEvent> &events()
    {
        std::lock_guard lock(m_mutex);
        m_stream->drain(m_events);
        return m_events;
    }
    std::vector<TraceEvent> stages(TraceCall call, TracePhase phase)
    {
        std::vector<TraceEvent> out;
        for (const TraceEvent &e : events())
            if (e.call == call && e.phase == phase)
                out.push_back(e);
        return out;
    }
    int count(TraceCall call, TracePhase phase) { return static_cast<int>(stages(call, phase).size()); }
    // The stages of one request, Begin events only, in the order they started.
    std::vector<std::string> flowOf(std::uint64_t requestId)
    {
        std::vector<const TraceEvent *> begun;
        for (const TraceEvent &e : events())
            if (isServerStage(e.call) && e.phase == TracePhase::Begin && requestIdOf(e) == requestId
                && e.call < TraceCall::RfileRead)
                begun.push_back(&e);
        std::stable_sort(begun.begin(), begun.end(),
                         [](const TraceEvent *a, const TraceEvent *b) { return a->timeNs < b->timeNs; });
        std::vector<std::string> names;
        for (const TraceEvent *e : begun)
            names.push_back(traceCallName(e->call));
        return names;
    }

private:
    std::shared_ptr<TraceStream> m_stream;
    std::mutex m_mutex;
    std::vector<TraceEvent> m_events;
};

inline QStringList toList(const std::vector<std::string> &v)
{
    QStringList l;
    for (const std::string &s : v)
        l << qs(s);
    return l;
}

// Error output (handle_error's text) gathered from any thread.
class ErrorText {
public:
    std::function<void(const std::string &)> sink()
    {
        return [this](const std::string &t) {
            std::lock_guard lock(m_mutex);
            m_text += t;
        };
    }
    std::string text()
    {
        std::lock_guard lock(m_mutex);
        return m_text;
    }

private:
    std::mutex m_mutex;
    std::string m_text;
};

using testsupport::threadCount;

} // namespace sstest
