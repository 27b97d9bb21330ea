// Observe mode as the window runs it: a SocketObserver refreshing its registry on its own
// thread, and a RunFeed over that registry that the live views follow as they follow a lab.
// Its trace stays empty: SocketLab sees no call of an observed process, and invents none.
#pragma once

#include "ObserveTarget.h"
#include "SocketObserver.h"

#include <RunFeed.h>

#include <QObject>

#include <memory>

class ObserveSession : public QObject {
    Q_OBJECT
public:
    explicit ObserveSession(const ObserveTarget &target, QObject *parent = nullptr);
    ~ObserveSession() override;  // the observer's thread stopped and joined

    const ObserveTarget &target() const { return m_observer.target(); }
    SocketObserver &observer() { return m_observer; }
    RunFeed &feed() { return m_feed; }
    std::shared_ptr<socketlab::SocketRegistry> registry() const { return m_registry; }

private:
    const std::shared_ptr<socketlab::TraceStream> m_trace;
    const std::shared_ptr<socketlab::SocketRegistry> m_registry;
    SocketObserver m_observer;
    RunFeed m_feed;
};
