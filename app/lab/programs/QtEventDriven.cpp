// tsTservQt.cpp of the qt-event-driven lesson: the timestamp server on QTcpServer and
// QTcpSocket, one thread serving every client through signals. Each signal and each call of
// the listing is a step. Qt makes and uses the descriptors itself, so the program observes
// each one (ObservedSocket): the socket table, gauges and sequence diagram show them beside
// the blocking clients' sockets, and what Qt did underneath (accept, recv, send, close) is
// traced under its BSD name. While the event loop waits, every socket it watches is marked
// "blocked in poll()": what Qt hides.
//
// The pane's program runs on a thread of its own, so it runs its own event loop there, which
// Stop wakes. An exception must not cross Qt's signal delivery: a slot's (Stop at a step, a
// failed call) is kept and raised again once the loop is out.
#include <Program.h>
#include <kit/PythonText.h>

#include <CancelToken.h>
#include <ObservedSocket.h>

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <exception>
#include <functional>
#include <map>
#include <stdexcept>

using namespace socketlab;
using socketlab::socketserver::orRaise;
using socketlab::socketserver::SocketException;

namespace {

const struct : StepTable {
    ProgramStep connectNewConnection = add("connect-new-connection", "&QTcpServer::newConnection");
    ProgramStep listen = add("listen", "server.listen(");
    ProgramStep printWaiting = add("print-waiting", "qInfo()");
    ProgramStep newConnection = add("new-connection", "void onNewConnection()");
    ProgramStep nextPending = add("next-pending", ".nextPendingConnection(");
    ProgramStep printConnected = add("print-connected", "qInfo()");
    ProgramStep connectReadyRead = add("connect-ready-read", "&QTcpSocket::readyRead");
    ProgramStep connectDisconnected = add("connect-disconnected", "&QTcpSocket::disconnected");
    ProgramStep readyRead = add("ready-read", "void onReadyRead(");
    ProgramStep readAll = add("read-all", "->readAll(");
    ProgramStep write = add("write", "->write(");
    ProgramStep flush = add("flush", "->flush(");
    ProgramStep disconnected = add("disconnected", "void onDisconnected(");
    ProgramStep printDisconnected = add("print-disconnected", "qInfo()");
    ProgramStep deleteLater = add("delete-later", "->deleteLater(");
    ProgramStep exec = add("exec", "app.exec(");
} Server;

// The pane thread's own event loop: delivers Qt's signals until Stop or a slot raises.
class PaneEventLoop {
public:
    explicit PaneEventLoop(ProgramContext &ctx) : m_ctx(ctx)
    {
        if (!QCoreApplication::instance())
            throw std::logic_error("a Qt program needs a QCoreApplication");
        const int wake = ctx.socketContext().cancel ? ctx.socketContext().cancel->wakeDescriptor() : -1;
        if (wake >= 0) {
            m_stopNotifier = std::make_unique<QSocketNotifier>(wake, QSocketNotifier::Read);
            QObject::connect(m_stopNotifier.get(), &QSocketNotifier::activated, &m_loop, [this] { m_stopNotifier->setEnabled(false); });
        } else {  // no descriptor to wake on (EMFILE): look at the token in short slices
            m_stopTimer.start(50);
        }
    }

    // A slot's body: runs unless an earlier slot raised; what it raises is kept for run().
    void guard(const std::function<void()> &body)
    {
        if (m_raised || m_ctx.isStopped())
            return;
        m_delivered = true;
        m_poll.end();  // the loop woke: this signal is why
        try {
            body();
        } catch (...) {
            m_raised = std::current_exception();
        }
    }

    // Waits and delivers until Stop or a slot raises (raised here). aboutToWait runs before
    // the first wait and whenever signals were delivered since the last one.
    [[noreturn]] void run(const std::function<void()> &aboutToWait, const std::function<std::vector<const ObservedSocket *>()> &watched)
    {
        m_delivered = true;
        for (;;) {
            if (m_delivered) {
                m_delivered = false;
                aboutToWait();
                m_poll.begin(watched());
            }
            m_loop.processEvents(QEventLoop::WaitForMoreEvents);
            if (m_raised)
                std::rethrow_exception(std::exchange(m_raised, nullptr));
            if (m_ctx.isStopped())
                throw stopped();
        }
    }

private:
    ProgramContext &m_ctx;
    QEventLoop m_loop;
    std::unique_ptr<QSocketNotifier> m_stopNotifier;
    QTimer m_stopTimer;
    ObservedPoll m_poll{m_ctx.socketContext()};
    std::exception_ptr m_raised;
    bool m_delivered = false;
};

// What Qt's listen() failure means, as the error a blocking bind() or listen() would raise.
int errnoOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::AddressInUseError: return EADDRINUSE;
    case QAbstractSocket::SocketAccessError: return EACCES;
    case QAbstractSocket::SocketAddressNotAvailableError: return EADDRNOTAVAIL;
    case QAbstractSocket::SocketResourceError: return EMFILE;
    default: return EINVAL;
    }
}

// The listing's TimestampServer, member for member.
class TimestampServer {
public:
    TimestampServer(ProgramContext &ctx, PaneEventLoop &loop) : m_ctx(ctx), m_loop(loop)
    {
        const SocketAddress address = ctx.address("host", "port");
        ctx.at(Server.connectNewConnection);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_slots, [this] { m_loop.guard([this] { onNewConnection(); }); });
        ctx.at(Server.listen);
        if (!m_server.listen(QHostAddress(QString::fromStdString(address.host())), address.port())) {
            ctx.print(m_server.errorString().toStdString());  // what qFatal() prints
            throw SocketException(SocketError::fromErrno(errnoOf(m_server.serverError())));
        }
        m_listening = ObservedSocket::observe(int(m_server.socketDescriptor()), ctx.socketContext());
        m_listening.listened(m_server.listenBacklogSize());
        ctx.publish("port", std::to_string(m_server.serverPort()));
        ctx.at(Server.printWaiting);
        ctx.print("waiting for connection...");
    }

    std::vector<const ObservedSocket *> sockets() const
    {
        std::vector<const ObservedSocket *> all{&m_listening};
        for (const auto &[client, observed] : m_clients)
            all.push_back(&observed);
        return all;
    }

private:
    void onNewConnection()
    {
        m_ctx.at(Server.newConnection);
        for (;;) {
            m_ctx.at(Server.nextPending);
            QTcpSocket *client = m_server.nextPendingConnection();
            if (!client)
                break;
            m_clients.emplace(client, m_listening.accepted(int(client->socketDescriptor())));
            m_ctx.at(Server.printConnected);
            m_ctx.print("...connected from: " + client->peerAddress().toString().toStdString() + " "
                        + std::to_string(client->peerPort()));
            m_ctx.at(Server.connectReadyRead);
            QObject::connect(client, &QTcpSocket::readyRead, &m_slots,
                             [this, client] { m_loop.guard([this, client] { onReadyRead(client); }); });
            m_ctx.at(Server.connectDisconnected);
            QObject::connect(client, &QTcpSocket::disconnected, &m_slots,
                             [this, client] { m_loop.guard([this, client] { onDisconnected(client); }); });
        }
    }

    void onReadyRead(QTcpSocket *client)
    {
        m_ctx.at(Server.readyRead);
        m_ctx.at(Server.readAll);
        const QByteArray data = client->readAll();
        if (ObservedSocket *observed = observedOf(client))
            observed->received(std::size_t(data.size()));
        m_ctx.at(Server.write);
        const std::string reply = timestamped(data.toStdString());
        client->write(reply.data(), qint64(reply.size()));
        m_ctx.at(Server.flush);
        client->flush();  // a client that sent its line and its FIN together still gets the reply
        // A peer that reset makes flush() fail and emit disconnected() at once: onDisconnected
        // has then closed and forgotten the socket: nothing is left to count on.
        if (ObservedSocket *observed = observedOf(client))
            observed->sent(reply.size());
    }

    ObservedSocket *observedOf(QTcpSocket *client)
    {
        const auto found = m_clients.find(client);
        return found == m_clients.end() ? nullptr : &found->second;
    }

    void onDisconnected(QTcpSocket *client)
    {
        m_ctx.at(Server.disconnected);
        if (auto found = m_clients.find(client); found != m_clients.end()) {
            found->second.received(0);  // Qt's read returned 0 (or failed), and it closed the socket
            found->second.closed();
            m_clients.erase(found);
        }
        m_ctx.at(Server.printDisconnected);
        m_ctx.print("...disconnected");
        m_ctx.at(Server.deleteLater);
        client->deleteLater();
    }

    ProgramContext &m_ctx;
    PaneEventLoop &m_loop;
    QTcpServer m_server;  // its sockets go with it, after the observed ones below say so
    ObservedSocket m_listening;
    std::map<QTcpSocket *, ObservedSocket> m_clients;
    // The signals' receiver, gone first: the sockets' last signals, while m_server deletes
    // them, reach nobody.
    QObject m_slots;
};

void tsTservQt(ProgramContext &ctx)
{
    PaneEventLoop loop(ctx);
    TimestampServer timestampServer(ctx, loop);
    loop.run([&] { ctx.at(Server.exec); }, [&] { return timestampServer.sockets(); });
}

} // namespace

SOCKETLAB_PROGRAMS(QtEventDriven)
{
    programs.add({"qt-timestamp-server",
                  "tsTservQt.cpp: the timestamp server on QTcpServer and QTcpSocket (newConnection, readyRead, "
                  "disconnected), one thread and its event loop serving every client; its sockets are observed, "
                  "and marked blocked in poll() while the loop waits.",
                  Server,
                  {{"host", "address to listen on"}, {"port", "port to listen on (0: the kernel chooses; published as \"port\")"}},
                  tsTservQt});
}
