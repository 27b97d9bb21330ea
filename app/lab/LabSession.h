// One lab running: a PaneRunner per pane, sharing the trace and the socket registry the
// views read. Run all, pause all, speed and Reset act on every pane. A pane whose
// parameter follows another pane's (the client's port follows the port the server bound)
// starts under "Run all" once that value is known, as a learner starts the server first.
#pragma once

#include "LabDefinition.h"
#include "PaneRunner.h"
#include "RunFeed.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class LabSession : public QObject {
    Q_OBJECT
public:
    explicit LabSession(LabDefinition lab, QObject *parent = nullptr);
    ~LabSession() override;

    const LabDefinition &lab() const { return m_lab; }
    const QList<PaneRunner *> &panes() const { return m_panes; }
    PaneRunner *pane(const QString &id) const;
    const std::shared_ptr<socketlab::TraceStream> &trace() const { return m_trace; }
    const std::shared_ptr<socketlab::SocketRegistry> &registry() const { return m_registry; }
    RunFeed &feed() { return m_feed; }  // the run's ticks: trace and socket snapshot (RunFeed.h)

    int delayMs() const { return m_delayMs; }

    // Advancing the lab one step at a time (the window's Step, --steps N): the first pane,
    // in the lab's order, that can move — waiting at its gate, or not started and not
    // waiting for another pane's value — is let through one step. Server first: it runs
    // until it blocks in accept(), then the client takes over, as the lesson tells it.
    // Returns the pane stepped, or nullptr when none can move (all blocked, waiting for
    // input or ended). Call it again once isSettled().
    PaneRunner *stepNext();
    bool canStep(const PaneRunner *pane) const;
    // Whether a start would use the values the pane follows (another pane has published them).
    bool isReadyToStart(const PaneRunner *pane) const { return pane && !waitsForAnotherPane(pane); }
    bool isSettled() const;  // every pane has finished its last step (PaneRunner::isSettled)

    // "Add client": another copy of a pane the lab allows several of (its "copies"), with
    // its own socket, console and input, following the same values (the server's port).
    // nullptr when the lab allows no more.
    bool canAddCopy(const QString &paneId) const;
    PaneRunner *addCopy(const QString &paneId);
    QString copyablePane() const;  // the first pane that may have another copy, or ""

public slots:
    void setDelayMs(int ms);  // 0: full speed; otherwise slow motion with this pause per step
    void runAll();
    void pauseAll();
    void stopAll();
    void reset();             // stop everything, forget sockets and trace: as freshly opened

signals:
    void resetDone();
    void paneAdded(PaneRunner *pane);

private:
    PaneRunner *adopt(const PaneDefinition &definition);
    int copiesOf(const QString &paneId) const;
    void onPublished(PaneRunner *from, const QString &name, const QString &value);
    void forgetPublished(PaneRunner *from);
    bool waitsForAnotherPane(const PaneRunner *pane) const;
    StepGate::Mode runMode() const { return m_delayMs > 0 ? StepGate::Mode::Slow : StepGate::Mode::Run; }

    LabDefinition m_lab;
    std::shared_ptr<socketlab::TraceStream> m_trace;
    std::shared_ptr<socketlab::SocketRegistry> m_registry;
    RunFeed m_feed;
    QList<PaneRunner *> m_panes;
    QSet<PaneRunner *> m_startWhenReady;
    QHash<QString, QString> m_publishedValues;  // "server.port" -> "21567"
    int m_delayMs = 0;
};
