// What happened in one run of a lab, as an exercise's check or a prediction needs it: each
// pane's console and errors, what it published, the calls its sockets made (from the
// trace), and the most connections any of its listening sockets held waiting. Conditions
// (Exercise.h) are asked against it, together with the panes' state now.
#pragma once

#include "Exercise.h"
#include "RunFeed.h"

#include <TraceEvent.h>

#include <QHash>
#include <QObject>
#include <QStringList>

#include <vector>

class LabSession;
class PaneRunner;

class RunRecord : public QObject, private RunListener {
    Q_OBJECT
public:
    explicit RunRecord(LabSession &session, QObject *parent = nullptr);
    ~RunRecord() override;

    // Ticks the session's feed: what was traced since the last tick, and the listening
    // sockets' queues. The owner of a check calls it as often as it asks conditions.
    void poll();

    bool holds(const Condition &condition) const;
    // Why a condition does not hold, in plain words for a failure's detail ("client2 printed: ...").
    QString whatHappened(const Condition &condition) const;

    QStringList printed(const QString &pane) const { return m_printed.value(pane); }
    QStringList errors(const QString &pane) const { return m_errors.value(pane); }
    const std::vector<socketlab::TraceEvent> &events() const { return m_events; }
    QString ownerOf(std::uint32_t socketId) const { return m_owners.value(socketId); }

private:
    void watch(PaneRunner *pane);
    void runTicked(const RunTick &tick) override;
    int countCalls(const Condition &condition) const;
    bool stateHolds(const Condition &condition) const;

    LabSession &m_session;
    QHash<QString, QStringList> m_printed;
    QHash<QString, QStringList> m_errors;
    QHash<QString, QSet<QString>> m_published;
    std::vector<socketlab::TraceEvent> m_events;
    QHash<std::uint32_t, QString> m_owners;      // socket id -> pane
    QHash<QString, quint32> m_mostWaiting;       // pane -> most connections waiting for accept()
    QHash<QString, bool> m_queueWasFull;         // pane -> a listening socket's queue was full
};
