#include "RunFeed.h"

#include <Clock.h>

#include <algorithm>

using namespace socketlab;

RunFeed::RunFeed(std::shared_ptr<TraceStream> trace, std::shared_ptr<SocketRegistry> registry)
    : m_trace(std::move(trace)), m_registry(std::move(registry))
{
    m_kernelOnly.spaceAsksByCost(true);  // tick() passes the steady clock
    m_kernelOnly.askInBackground(true);  // the GUI thread never waits for a sock_diag dump
}

void RunFeed::follow(RunListener *listener)
{
    if (std::find(m_listeners.begin(), m_listeners.end(), listener) == m_listeners.end())
        m_listeners.push_back(listener);
}

void RunFeed::unfollow(RunListener *listener)
{
    m_listeners.erase(std::remove(m_listeners.begin(), m_listeners.end(), listener), m_listeners.end());
}

void RunFeed::tick()
{
    const std::int64_t now = steadyNowNs();
    m_registry->pruneClosedBefore(now - kClosedLingerNs, kClosedKept);
    m_events.clear();
    m_trace->drain(m_events, kEventsPerTick);
    // After the drain: every socket the events name is in the registry, with its endpoints.
    const SocketSnapshot sockets = SocketSnapshot::take(*m_registry);
    const RunTick tick{m_events, sockets, now, m_kernelOnly.update(sockets, now)};
    for (RunListener *l : std::vector<RunListener *>(m_listeners))  // a listener may unfollow meanwhile
        l->runTicked(tick);
}

void RunFeed::resetRun()
{
    std::vector<TraceEvent> discarded;
    m_trace->drain(discarded);
    for (RunListener *l : std::vector<RunListener *>(m_listeners))
        l->runReset();
}
