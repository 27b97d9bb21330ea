#include "ObserveSession.h"

ObserveSession::ObserveSession(const ObserveTarget &target, QObject *parent)
    : QObject(parent), m_trace(std::make_shared<socketlab::TraceStream>(16)), m_registry(std::make_shared<socketlab::SocketRegistry>()),
      m_observer(target, m_registry), m_feed(m_trace, m_registry)
{
    m_observer.start();  // the first refresh at once, on the observer's thread: the GUI never waits for /proc
}

ObserveSession::~ObserveSession()
{
    m_observer.stop();
}
