// The tutorials' TCP timestamp server and client (tsTserv / tsTclnt) running on the
// socket core, each on its own thread, on 127.0.0.1. The window's first demonstration;
// the lab engine will generalise it into stepped pane programs.
//
// Threads never wait for the GUI: console lines travel by queued signals. stop() cancels
// every blocked call through the shared CancelToken and joins both threads.
#pragma once

#include "LineInput.h"

#include <CancelToken.h>
#include <SocketRegistry.h>
#include <TraceStream.h>

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

class TimestampDemo : public QObject {
    Q_OBJECT
public:
    explicit TimestampDemo(QObject *parent = nullptr);
    ~TimestampDemo() override;

    const std::shared_ptr<socketlab::SocketRegistry> &registry() const { return m_registry; }
    const std::shared_ptr<socketlab::TraceStream> &trace() const { return m_trace; }
    bool isRunning() const { return m_server.joinable() || m_client.joinable(); }

public slots:
    void start();
    void stop();
    void sendLine(const QString &line);  // what the learner types at the client's "> " prompt

signals:
    void serverOutput(const QString &line);
    void clientOutput(const QString &line);
    void runningChanged(bool running);

private:
    void runServer();
    void runClient();
    void post(bool fromServer, const std::string &line);

    std::shared_ptr<socketlab::SocketRegistry> m_registry;
    std::shared_ptr<socketlab::TraceStream> m_trace;
    std::shared_ptr<socketlab::CancelToken> m_cancel;
    LineInput m_input;
    std::atomic<std::uint16_t> m_serverPort{0};
    enum class ServerStage { Starting, Listening, Failed };
    std::atomic<ServerStage> m_serverStage{ServerStage::Starting};
    std::thread m_server;
    std::thread m_client;
};
