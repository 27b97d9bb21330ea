// tsTserv and tsTclnt on the core, line for line as in the tutorials (Python 3 edition).
#include "TimestampDemo.h"

#include "Ctime.h"

#include <Socket.h>

#include <QMetaObject>

using namespace socketlab;

namespace {
constexpr std::size_t kBufferSize = 1024;  // BUFSIZ in the tutorials
}

TimestampDemo::TimestampDemo(QObject *parent)
    : QObject(parent), m_registry(std::make_shared<SocketRegistry>()), m_trace(std::make_shared<TraceStream>()),
      m_cancel(CancelToken::create()), m_input(m_cancel)
{
}

TimestampDemo::~TimestampDemo()
{
    stop();
}

void TimestampDemo::post(bool fromServer, const std::string &line)
{
    const QString text = QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()));
    QMetaObject::invokeMethod(
        this, [this, fromServer, text] { emit fromServer ? serverOutput(text) : clientOutput(text); },
        Qt::QueuedConnection);
}

void TimestampDemo::start()
{
    if (isRunning())
        return;
    m_cancel->reset();
    m_input.clear();
    m_registry->clear();
    m_serverPort = 0;
    m_serverStage = ServerStage::Starting;
    m_server = std::thread([this] { runServer(); });
    m_client = std::thread([this] { runClient(); });
    emit runningChanged(true);
}

void TimestampDemo::stop()
{
    if (!isRunning())
        return;
    m_cancel->cancel();
    m_input.stop();
    // Every wait in both programs wakes on the token, so these joins are short.
    if (m_server.joinable())
        m_server.join();
    if (m_client.joinable())
        m_client.join();
    emit runningChanged(false);
}

void TimestampDemo::sendLine(const QString &line)
{
    m_input.push(line.toStdString());
}

void TimestampDemo::runServer()
{
    SocketContext context{m_trace, m_cancel, m_registry, "server"};
    auto created = Socket::create(AF_INET, SOCK_STREAM, 0, context);
    if (!created) {
        m_serverStage = ServerStage::Failed;
        post(true, created.error().pythonString());
        return;
    }
    Socket tcpSerSock = std::move(created).value();
    Status ok = tcpSerSock.bind(SocketAddress::loopback(AF_INET, 0));
    if (ok)
        ok = tcpSerSock.listen(5);
    if (!ok) {
        m_serverStage = ServerStage::Failed;
        post(true, ok.error().pythonString());
        return;
    }
    m_serverPort = tcpSerSock.getSockName()->port();
    m_serverStage = ServerStage::Listening;

    for (;;) {
        post(true, "waiting for connection...");
        auto accepted = tcpSerSock.accept();
        if (!accepted) {
            if (accepted.error().kind() != ErrorKind::Cancelled)
                post(true, accepted.error().pythonString());
            return;
        }
        Socket &tcpCliSock = accepted->socket;
        post(true, "...connected from: " + accepted->address.pythonRepr());
        for (;;) {
            auto data = tcpCliSock.recv(kBufferSize);
            if (!data) {
                if (data.error().kind() == ErrorKind::Cancelled)
                    return;
                post(true, data.error().pythonString());
                break;
            }
            if (data->empty())
                break;
            auto sent = tcpCliSock.send("[" + pythonCtimeNow() + "] " + *data);
            if (!sent) {
                post(true, sent.error().pythonString());
                break;
            }
        }
        (void)tcpCliSock.close();
    }
}

void TimestampDemo::runClient()
{
    // The server picks a free port; its bind and listen take microseconds.
    while (m_serverStage == ServerStage::Starting)
        std::this_thread::yield();
    if (m_serverStage == ServerStage::Failed)
        return;
    SocketContext context{m_trace, m_cancel, m_registry, "client"};
    auto created = Socket::create(AF_INET, SOCK_STREAM, 0, context);
    if (!created) {
        post(false, created.error().pythonString());
        return;
    }
    Socket tcpCliSock = std::move(created).value();
    if (Status ok = tcpCliSock.connect(SocketAddress::loopback(AF_INET, m_serverPort)); !ok) {
        post(false, ok.error().pythonString());
        return;
    }
    for (;;) {
        const std::optional<std::string> line = m_input.next();  // input('> ')
        if (!line)
            break;
        post(false, "> " + *line);
        if (line->empty())
            break;  // an empty line ends the client, as in the tutorial
        if (auto sent = tcpCliSock.send(*line); !sent) {
            post(false, sent.error().pythonString());
            break;
        }
        auto reply = tcpCliSock.recv(kBufferSize);
        if (!reply) {
            if (reply.error().kind() != ErrorKind::Cancelled)
                post(false, reply.error().pythonString());
            break;
        }
        if (reply->empty())
            break;
        post(false, *reply);
    }
    (void)tcpCliSock.close();
}
