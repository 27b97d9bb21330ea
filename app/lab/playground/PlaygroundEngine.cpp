#include "PlaygroundEngine.h"
#include "PlaygroundScript.h"

#include "LabSession.h"
#include "PaneRunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <sys/socket.h>

using playground::Call;
using playground::Outcome;

PaneRunner *PlaygroundEngine::playgroundPane(const LabSession &session)
{
    for (PaneRunner *p : session.panes()) {
        if (p->definition().program == QLatin1String(kProgram))
            return p;
    }
    return nullptr;
}

PlaygroundEngine::PlaygroundEngine(LabSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_pane(session ? playgroundPane(*session) : nullptr)
{
    if (!m_pane)
        return;
    m_pane->setEchoInput(false);  // the program prints each call as its Python line, not the JSON it came as
    connect(m_pane, &PaneRunner::published, this, &PlaygroundEngine::onPublished);
    connect(m_pane, &PaneRunner::stateChanged, this, [this](PaneRunner::State state) {
        if (state == PaneRunner::State::Finished || state == PaneRunner::State::Failed || state == PaneRunner::State::Stopped)
            onProgramEnded();
    });
    connect(session, &LabSession::resetDone, this, &PlaygroundEngine::forget);
}

QString PlaygroundEngine::makeSocket(const QString &family, const QString &type)
{
    Call c;
    c.method = QStringLiteral("socket");
    c.socket = QStringLiteral("s%1").arg(m_madeSockets + 1);
    c.args = {family, type};
    return send(c);
}

QString PlaygroundEngine::call(const QString &method, const QString &socket, const QStringList &args)
{
    if (method == QLatin1String("socket"))
        return args.size() == 2 ? makeSocket(args.at(0), args.at(1)) : tr("socket() takes a family and a type.");
    const auto known = std::find_if(m_sockets.begin(), m_sockets.end(), [&](const SocketInfo &s) { return s.name == socket; });
    if (known == m_sockets.end())
        return tr("Make a socket first: there is no socket \"%1\".").arg(socket);
    Call c;
    c.method = method;
    c.socket = socket;
    c.args = args;
    if (method == QLatin1String("accept"))
        c.result = QStringLiteral("conn%1").arg(m_accepted + 1);
    return send(c);
}

QString PlaygroundEngine::send(Call c)
{
    if (!m_pane || !m_session)
        return tr("This lab has no playground pane.");
    QString why;
    const std::optional<playground::Args> args = c.parse(&why);
    if (!args)
        return why;
    const auto peer = [&](const char *param) { return m_pane->paramValues().value(QLatin1String(param)).toInt(); };
    // Only a call with an address can name a peer; its port is known once the peer listens.
    const bool peerUnknown = (args->address.kind == playground::Address::Kind::PeerTcp && peer("tcppeer") == 0)
                             || (args->address.kind == playground::Address::Kind::PeerUdp && peer("udppeer") == 0);
    if (peerUnknown) {
        m_session->runAll();  // the peers publish their ports once they listen
        return tr("The peers are starting: call again once their ports show in their panes.");
    }
    Entry e;
    e.call = c;
    e.pythonLine = c.pythonLine();
    e.seq = m_nextSeq++;
    QJsonObject json = c.toJson();
    json.insert(QStringLiteral("seq"), e.seq);
    m_history.append(e);
    // Typed ahead, the line waits for the program's input(); Run all starts the program (after
    // the peers it follows) or lets it run on from a pause.
    m_pane->sendInput(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    m_session->runAll();
    emit historyChanged();
    return {};
}

void PlaygroundEngine::onPublished(const QString &name, const QString &value)
{
    if (name != QLatin1String("call"))
        return;
    const QJsonObject json = QJsonDocument::fromJson(value.toUtf8()).object();
    const int seq = json.value(QLatin1String("seq")).toInt();
    auto entry = std::find_if(m_history.begin(), m_history.end(),
                              [seq](const Entry &e) { return seq > 0 && e.seq == seq && e.state == Entry::State::Running; });
    if (entry == m_history.end()) {
        // A call the panel did not send (typed into the pane, a check's script, --send): listed too.
        Entry e;
        e.call = Call::fromJson(json.value(QLatin1String("call")).toObject());
        e.pythonLine = e.call.pythonLine();
        if (e.pythonLine.isEmpty())
            return;  // not a call: the pane said why
        m_history.append(e);
        entry = m_history.end() - 1;
    }
    entry->outcome = Outcome::fromJson(json);
    entry->state = Entry::State::Done;
    noteSockets(*entry);
    emit historyChanged();
}

void PlaygroundEngine::noteSockets(const Entry &e)
{
    if (!e.outcome.ok)
        return;
    if (playground::findMethod(e.call.method)->makesSocket) {
        const bool accepted = e.call.method == QLatin1String("accept");
        const QString made = accepted ? e.call.result : e.call.socket;
        // The next name follows the highest one made, whoever chose it.
        int &count = accepted ? m_accepted : m_madeSockets;
        count = std::max(count, QStringView(made).mid(accepted ? 4 : 1).toInt());
        m_sockets.append({made, e.outcome.family, e.outcome.type, false});
        emit socketsChanged();
    } else if (e.call.method == QLatin1String("close")) {
        for (SocketInfo &s : m_sockets) {
            if (s.name == e.call.socket)
                s.closed = true;
        }
        emit socketsChanged();
    }
}

void PlaygroundEngine::onProgramEnded()
{
    bool changed = false;
    for (Entry &e : m_history) {
        if (e.state == Entry::State::Running) {
            e.state = Entry::State::Stopped;
            changed = true;
        }
    }
    if (!m_sockets.isEmpty()) {
        m_sockets.clear();  // they closed with the program
        emit socketsChanged();
    }
    if (changed)
        emit historyChanged();
}

void PlaygroundEngine::forget()
{
    m_history.clear();
    m_sockets.clear();
    m_madeSockets = 0;
    m_accepted = 0;
    emit socketsChanged();
    emit historyChanged();
}

void PlaygroundEngine::stop()
{
    if (m_pane)
        m_pane->stop();
}

bool PlaygroundEngine::isBusy() const
{
    return std::any_of(m_history.begin(), m_history.end(), [](const Entry &e) { return e.state == Entry::State::Running; });
}

QStringList PlaygroundEngine::addressSuggestions(int family) const
{
    QStringList out;
    if (family == AF_UNIX) {
        out << QStringLiteral("'a.sock'") << QStringLiteral("'b.sock'");
    } else {
        const QString loopback = family == AF_INET6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
        out << QStringLiteral("('%1', 0)").arg(loopback);
        if (family == AF_INET)
            out << QStringLiteral("peer_tcp") << QStringLiteral("peer_udp");
        out << QStringLiteral("('%1', 1)").arg(loopback);
    }
    for (const SocketInfo &s : m_sockets) {
        if (s.family == family && !s.closed)
            out << s.name + QStringLiteral(".getsockname()");
    }
    return out;
}

QString PlaygroundEngine::pythonScript() const
{
    return playground::pythonScript(m_history, m_pane ? m_pane->paramValues().value(QStringLiteral("defaulttimeout")) : QString());
}

bool PlaygroundEngine::saveScript(const QString &file, QString *error) const
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text) || out.write(pythonScript().toUtf8()) < 0 || !out.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(file, out.errorString());
        return false;
    }
    QFile::setPermissions(file, QFile::permissions(file) | QFileDevice::ExeOwner);
    return true;
}
