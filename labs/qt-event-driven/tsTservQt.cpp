// tsTservQt.cpp: tsTserv.py's timestamp server, written the way a Qt developer writes it.
// No call here blocks: QTcpServer and QTcpSocket say by signals when there is something to
// do, and one thread serves every client. Build with Qt 6 (Core, Network).
#include <QCoreApplication>
#include <QDebug>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <ctime>

const QHostAddress HOST(QStringLiteral("{{host}}"));
const quint16 PORT = {{port}};

// b'[%s] %s' % (ctime(), data): the same reply as tsTserv.py
static QByteArray timestamped(const QByteArray &data)
{
    const std::time_t now = std::time(nullptr);
    return '[' + QByteArray(std::ctime(&now)).trimmed() + "] " + data;
}

class TimestampServer : public QObject
{
public:
    TimestampServer()
    {
        connect(&server, &QTcpServer::newConnection, this, &TimestampServer::onNewConnection);
        if (!server.listen(HOST, PORT))                 // C: socket(), setsockopt(), bind(), listen()
            qFatal("%s", qPrintable(server.errorString()));
        qInfo() << "waiting for connection...";
    }

private:
    void onNewConnection()                              // signal: the listening socket is readable
    {
        while (QTcpSocket *client = server.nextPendingConnection()) {   // C: accept(), done by Qt
            qInfo().noquote() << "...connected from:" << client->peerAddress().toString() << client->peerPort();
            connect(client, &QTcpSocket::readyRead, this, [this, client] { onReadyRead(client); });
            connect(client, &QTcpSocket::disconnected, this, [this, client] { onDisconnected(client); });
        }
    }

    void onReadyRead(QTcpSocket *client)                // signal: bytes arrived; Qt has read them
    {
        const QByteArray data = client->readAll();      // C: recv(), done by Qt: this empties its buffer
        client->write(timestamped(data));               // C: send(), done by Qt when the socket is writable
        client->flush();                                // C: send() now: at a FIN Qt closes and drops what it holds
    }

    void onDisconnected(QTcpSocket *client)             // signal: recv() returned 0 and Qt closed the socket
    {
        qInfo() << "...disconnected";
        client->deleteLater();                          // the object goes once the signal is over
    }

    QTcpServer server;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TimestampServer timestampServer;
    return app.exec();                                  // C: poll() on every socket, then the signals
}
