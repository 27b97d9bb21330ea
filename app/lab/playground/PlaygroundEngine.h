// The socket playground of the socket-object lesson, for the window: makes the calls the
// learner chooses and keeps their history. The calls do not run here: each goes as one line
// of input to the lab's "socket-playground" pane, whose program thread runs it on the core's
// Socket (so a blocked accept() never blocks the GUI, the sockets appear in the socket table
// like every lab's, and Stop or Reset end a blocked call at once), and its outcome comes
// back by the pane's queued signals.
#pragma once

#include "PlaygroundCall.h"

#include <LabSession.h>
#include <PaneRunner.h>

#include <QList>
#include <QObject>
#include <QPointer>

class PlaygroundEngine : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kProgram = "socket-playground";

    struct Entry {
        playground::Call call;
        QString pythonLine;
        enum class State { Running, Done, Stopped } state = State::Running;
        playground::Outcome outcome;
        int seq = 0;
    };
    struct SocketInfo {
        QString name;
        int family = 0;
        int type = 0;
        bool closed = false;
    };

    // The session's playground pane, or nullptr when the lab has none.
    static PaneRunner *playgroundPane(const LabSession &session);
    explicit PlaygroundEngine(LabSession *session, QObject *parent = nullptr);

    // Runs a call on one of the playground's sockets; "" once it is on its way, else why it
    // was refused (nothing is sent then).
    QString call(const QString &method, const QString &socket, const QStringList &args);
    QString makeSocket(const QString &family, const QString &type);

    const QList<Entry> &history() const { return m_history; }
    const QList<SocketInfo> &sockets() const { return m_sockets; }
    // Addresses that fit a socket of this family: the peers, the other sockets, literals.
    QStringList addressSuggestions(int family) const;
    bool isBusy() const;  // a call has not come back yet (it may be blocked)
    PaneRunner *pane() const { return m_pane; }

    QString pythonScript() const;  // the history as a Python 3 script (PlaygroundScript.h)
    bool saveScript(const QString &file, QString *error) const;

public slots:
    void stop();  // ends a blocked call; the program ends and its sockets close

signals:
    void historyChanged();
    void socketsChanged();

private:
    QString send(playground::Call call);
    void onPublished(const QString &name, const QString &value);
    void onProgramEnded();
    void noteSockets(const Entry &e);  // the sockets a finished call made or closed
    void forget();

    QPointer<LabSession> m_session;
    QPointer<PaneRunner> m_pane;
    QList<Entry> m_history;
    QList<SocketInfo> m_sockets;
    int m_nextSeq = 1;
    int m_madeSockets = 0;
    int m_accepted = 0;
};
