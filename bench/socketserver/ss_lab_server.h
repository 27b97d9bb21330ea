// Our side of the socketserver runs: the socketserver-concurrency lab's server pane -
// tsTservSS's MyRequestHandler under the chosen class - run as the window runs it: a
// PaneRunner of a LabSession at full speed (Run), its console lines delivered to this
// (the GUI) thread, and the session's RunFeed ticking at the window's 20 Hz, draining the
// trace and snapshotting the sockets. Only the widgets are missing.
#pragma once

#include <LabDefinition.h>

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>

class LabSession;
class PaneRunner;

namespace bench {

class LabTimestampServer {
public:
    // Starts the pane with server=serverClass on a free port and waits (running the event
    // loop) until it publishes the port. Dies if it does not within 10 s.
    LabTimestampServer(const LabDefinition &lab, const QString &serverClass);
    ~LabTimestampServer();  // stops the pane

    std::uint16_t port() const { return m_port; }
    // Runs work on its own thread while this thread runs the event loop, as the GUI does.
    void runWhileServing(const std::function<void()> &work);

    std::uint64_t consoleLines() const { return m_consoleLines; }
    std::uint64_t traceDrained() const { return m_traceEvents; }  // what the feed handed the views
    std::uint64_t tracePushed() const;   // what the pane's calls and stages traced
    std::uint64_t traceDropped() const;  // overwritten before the feed took them

private:
    std::unique_ptr<LabSession> m_session;
    PaneRunner *m_server = nullptr;
    std::uint16_t m_port = 0;
    std::uint64_t m_consoleLines = 0;
    std::uint64_t m_traceEvents = 0;
};

} // namespace bench
