// The lab's server pane under the bench; see ss_lab_server.h.
#include "ss_lab_server.h"

#include "../bench_support.h"

#include <LabSession.h>
#include <PaneRunner.h>
#include <RunFeed.h>

#include <QCoreApplication>
#include <QTimer>

#include <atomic>
#include <thread>

namespace bench {
namespace {

constexpr int kRefreshMs = 50;  // MainWindow's kRefreshMs: the views' 20 Hz
constexpr double kStartSeconds = 10;

// Counts what the views would be handed each tick.
class EventCounter : public RunListener {
public:
    explicit EventCounter(std::uint64_t &events) : m_events(events) {}
    void runTicked(const RunTick &tick) override { m_events += tick.events.size(); }

private:
    std::uint64_t &m_events;
};

// Runs the event loop - sleeping between events, as the GUI's does - until done() holds
// after some event, or the time is up.
void processEventsFor(double seconds, const std::function<bool()> &done)
{
    const double deadline = nowSeconds() + seconds;
    QTimer poke;  // wakes the loop to look at done() and the deadline
    poke.start(10);
    while (!done() && nowSeconds() < deadline)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

} // namespace

LabTimestampServer::LabTimestampServer(const LabDefinition &lab, const QString &serverClass)
    : m_session(std::make_unique<LabSession>(lab))
{
    m_server = m_session->pane(QStringLiteral("server"));
    if (!m_server)
        die("the socketserver-concurrency lab has no server pane");
    for (const auto &[name, value] : {std::pair{QStringLiteral("server"), serverClass},
                                      std::pair{QStringLiteral("port"), QStringLiteral("0")},
                                      std::pair{QStringLiteral("allowed"), QString()}}) {
        const QString problem = m_server->setParam(name, value);
        if (!problem.isEmpty())
            die("server pane: " + problem.toStdString());
    }
    QObject::connect(m_server, &PaneRunner::output, [this] { ++m_consoleLines; });
    QObject::connect(m_server, &PaneRunner::published, [this](const QString &name, const QString &value) {
        if (name == QLatin1String("port"))
            m_port = static_cast<std::uint16_t>(value.toUInt());
    });
    m_server->gate().setMode(StepGate::Mode::Run);  // full speed, as "Run" in class
    m_server->start();
    processEventsFor(kStartSeconds, [this] { return m_port != 0 || m_server->state() == PaneRunner::State::Failed; });
    if (m_port == 0)
        die("the server pane did not publish its port: " + m_server->lastError().toStdString());
}

LabTimestampServer::~LabTimestampServer()
{
    m_server->stop();
}

std::uint64_t LabTimestampServer::tracePushed() const
{
    return m_session->trace()->pushed();
}

std::uint64_t LabTimestampServer::traceDropped() const
{
    return m_session->trace()->dropped();
}

void LabTimestampServer::runWhileServing(const std::function<void()> &work)
{
    EventCounter counter(m_traceEvents);
    m_session->feed().follow(&counter);
    QTimer refresh;
    QObject::connect(&refresh, &QTimer::timeout, [this] { m_session->feed().tick(); });
    refresh.start(kRefreshMs);
    std::atomic<bool> finished{false};
    {
        JoiningThread worker([&] {
            work();
            finished = true;
        });
        processEventsFor(1e9, [&] { return finished.load(); });
    }
    refresh.stop();
    m_session->feed().tick();  // what the last interval brought
    m_session->feed().unfollow(&counter);
}

} // namespace bench
