// tst_httpbyhandlab: the http-by-hand lab on real loopback sockets. Python's urllib (an
// independent HTTP client) gets the lesson's page and file with their types; the lab's own
// client gets them by a request typed by hand; what is not a request gets 400 (501 for
// another method) and the connection closes; a path that leads out of the folder (../,
// %2e%2e/, an absolute path, a symbolic link out) gets 403 or 404 with none of the outside
// file's bytes, and inotify shows that the outside file was never opened; a client that says
// nothing is dropped after its timeout without holding up the next; the server listens on
// 127.0.0.1 only. The Python listing itself refuses the same requests the same way.
#include "LabTestSupport.h"
#include "PythonProcess.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include <sys/inotify.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace socketlab;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;
constexpr double kReadTimeoutSeconds = 10.0;  // the server closes long before: a hang fails instead

// One request on a connection of its own, read until the server closes: the whole response.
QByteArray exchange(std::uint16_t port, const QByteArray &request, bool endWriting = false)
{
    auto created = Socket::create(AF_INET, SOCK_STREAM);
    if (!created)
        return "<no socket>";
    Socket s = std::move(created).value();
    (void)s.setTimeout(kReadTimeoutSeconds);
    if (!s.connect(SocketAddress::loopback(AF_INET, port)) || !s.sendAll(request.toStdString()))
        return "<not sent>";
    if (endWriting)
        (void)s.shutdown(SHUT_WR);
    QByteArray response;
    for (;;) {
        const Result<Bytes> data = s.recv(4096);
        if (!data)
            return response + "<" + QByteArray::fromStdString(data.error().pythonString()) + ">";
        if (data->empty())
            return response;  // the server closed: the response is complete
        response += QByteArray::fromStdString(*data);
    }
}

QByteArray statusOf(const QByteArray &response)
{
    return response.left(response.indexOf("\r\n"));
}

QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype blank = response.indexOf("\r\n\r\n");
    return blank < 0 ? QByteArray() : response.mid(blank + 4);
}

QByteArray contentLength(const QByteArray &response)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("\r\nContent-Length: (\\d+)\r\n")).match(QString::fromLatin1(response));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray("<none>");
}

QByteArray resource(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Whether any process opens or reads the files it watches, from inotify, the kernel's own
// account. Its own check (opened()) is read once the requests are over.
class OpenWatch {
public:
    OpenWatch() : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
    ~OpenWatch()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool watch(const QString &path)
    {
        return m_fd >= 0 && inotify_add_watch(m_fd, QFile::encodeName(path).constData(), IN_OPEN | IN_ACCESS) >= 0;
    }
    bool opened() const
    {
        alignas(inotify_event) char buffer[4096];
        return ::read(m_fd, buffer, sizeof buffer) > 0;
    }

private:
    int m_fd;
};

} // namespace

class TestHttpByHandLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;

    // The server on a free port, serving root (the lab's own folder unless given): its port.
    static std::uint16_t startServer(LabSession &session, const QString &root = {})
    {
        QHash<QString, QString> params;
        if (!root.isEmpty())
            params.insert(QStringLiteral("root"), root);
        return testsupport::startOnFreePort(session.pane(QStringLiteral("server")), params);
    }

    LabSession *newSession() { return new LabSession(*m_catalog.find(QStringLiteral("http-by-hand")), this); }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(m_catalog.find(QStringLiteral("http-by-hand")));
        QVERIFY(!resource(QStringLiteral(":/labs/http-by-hand/www/index.html")).isEmpty());
    }

    void pythonClientGetsThePageAndTheFile()
    {
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed (the lab's own client is tested below)");
        std::unique_ptr<LabSession> session(newSession());
        const std::uint16_t port = startServer(*session);
        QVERIFY(port != 0);
        testsupport::PythonProcess fetch(R"(
import sys, urllib.request
for path in ('/', '/hello.txt'):
    with urllib.request.urlopen('http://127.0.0.1:%s%s' % (sys.argv[1], path), timeout=10) as r:
        sys.stdout.buffer.write(b'%d %s %d\n' % (r.status, r.headers['Content-Type'].encode(), len(r.read())))
)", {QString::number(port)});
        QVERIFY(fetch.started());
        QVERIFY2(fetch.finish(), qPrintable(fetch.diagnostics()));
        const QByteArray page = resource(QStringLiteral(":/labs/http-by-hand/www/index.html"));
        const QByteArray file = resource(QStringLiteral(":/labs/http-by-hand/www/hello.txt"));
        QCOMPARE(fetch.out(), QByteArray("200 text/html; charset=utf-8 " + QByteArray::number(page.size()) + "\n"
                                         "200 text/plain; charset=utf-8 " + QByteArray::number(file.size()) + "\n"));
        // The server printed each request's bytes as Python shows them, blank line and all.
        QSignalSpy output(session->pane(QStringLiteral("server")), &PaneRunner::output);
        QCOMPARE(statusOf(exchange(port, "GET /hello.txt HTTP/1.0\r\n\r\n")), QByteArray("HTTP/1.0 200 OK"));
        QTRY_VERIFY_WITH_TIMEOUT(texts(output).contains(QStringLiteral("b'GET /hello.txt HTTP/1.0\\r\\n\\r\\n'")), kWaitMs);
    }

    void labClientSendsARequestByHand()
    {
        std::unique_ptr<LabSession> session(newSession());
        PaneRunner *client = session->pane(QStringLiteral("client"));
        QSignalSpy clientOutput(client, &PaneRunner::output);
        QSignalSpy finished(client, &PaneRunner::finished);
        QVERIFY(startServer(*session) != 0);
        client->sendInput(QStringLiteral("/hello.txt"));
        client->sendInput(QStringLiteral("HELLO"));
        client->sendInput(QString());
        session->runAll();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(client->state() == State::Finished, qPrintable(client->lastError()));
        const QStringList lines = texts(clientOutput);
        const QString file = QString::fromUtf8(resource(QStringLiteral(":/labs/http-by-hand/www/hello.txt")));
        QVERIFY2(lines.contains(QStringLiteral("HTTP/1.0 200 OK")), qPrintable(lines.join('\n')));
        QVERIFY(lines.contains(QStringLiteral("Content-Length: %1").arg(file.toUtf8().size())));
        QVERIFY(lines.contains(file.split('\n').first()));  // the body, decoded as UTF-8
        QVERIFY(lines.contains(QStringLiteral("HTTP/1.0 400 Bad Request")));
        // Served and back in accept(): the pane's marked step says so too.
        PaneRunner *server = session->pane(QStringLiteral("server"));
        QTRY_COMPARE_WITH_TIMEOUT(server->blockedIn(), TraceCall::Accept, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(server->currentStep(), QStringLiteral("accept"), kWaitMs);
    }

    void badRequestsGet400AndTheConnectionCloses_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("endWriting");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("ending");  // how the connection ends after the response
        const QByteArray closed = "", reset = "<ConnectionResetError: [Errno 104] Connection reset by peer>";
        QTest::newRow("no request line") << QByteArray("HELLO\r\n\r\n") << false << QByteArray("HTTP/1.0 400 Bad Request") << closed;
        QTest::newRow("two parts") << QByteArray("GET /\r\n\r\n") << false << QByteArray("HTTP/1.0 400 Bad Request") << closed;
        QTest::newRow("no slash") << QByteArray("GET index.html HTTP/1.0\r\n\r\n") << false << QByteArray("HTTP/1.0 400 Bad Request") << closed;
        QTest::newRow("not HTTP/1.x") << QByteArray("GET / SPDY/3\r\n\r\n") << false << QByteArray("HTTP/1.0 400 Bad Request") << closed;
        QTest::newRow("closed before the blank line") << QByteArray("GET / HTTP/1.0\r\n") << true << QByteArray("HTTP/1.0 400 Bad Request") << closed;
        QTest::newRow("a head of 9000 bytes") << QByteArray("GET /" + QByteArray(9000, 'a')) << false << QByteArray("HTTP/1.0 400 Bad Request") << reset;  // closed with bytes unread: the kernel resets
        QTest::newRow("a NUL in the path") << QByteArray("GET /a%00b HTTP/1.0\r\n\r\n") << false << QByteArray("HTTP/1.0 400 Bad Request") << closed;
        QTest::newRow("another method") << QByteArray("POST / HTTP/1.0\r\n\r\n") << false << QByteArray("HTTP/1.0 501 Not Implemented") << closed;
    }

    void badRequestsGet400AndTheConnectionCloses()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, endWriting);
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, ending);
        std::unique_ptr<LabSession> session(newSession());
        PaneRunner *server = session->pane(QStringLiteral("server"));
        QSignalSpy errors(server, &PaneRunner::errorOutput);
        const std::uint16_t port = startServer(*session);
        QVERIFY(port != 0);
        const QByteArray response = exchange(port, request, endWriting);  // returns once the server closed
        QCOMPARE(statusOf(response), status);
        // The whole response (as long as its Content-Length says), then the expected end.
        QVERIFY2(response.endsWith(ending), response.constData());
        const QByteArray whole = response.chopped(ending.size());
        QCOMPARE(QByteArray::number(bodyOf(whole).size()), contentLength(whole));
        // ... and the server goes on: the next request is served.
        QCOMPARE(statusOf(exchange(port, "GET / HTTP/1.0\r\n\r\n")), QByteArray("HTTP/1.0 200 OK"));
        QVERIFY(errors.isEmpty());
        QVERIFY(server->isActive());
    }

    void pathsOutOfTheFolderAreRefused_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("/../") << QByteArray("/../lab.json") << QByteArray("HTTP/1.0 403 Forbidden");
        QTest::newRow("%2e%2e/") << QByteArray("/%2e%2e/lab.json") << QByteArray("HTTP/1.0 403 Forbidden");
        QTest::newRow("%2E%2E%2F") << QByteArray("/%2E%2E%2Flab.json") << QByteArray("HTTP/1.0 403 Forbidden");
        QTest::newRow("deep ../") << QByteArray("/www/../../../../../../etc/passwd") << QByteArray("HTTP/1.0 403 Forbidden");
        QTest::newRow("absolute //") << QByteArray("//etc/passwd") << QByteArray("HTTP/1.0 404 Not Found");
        QTest::newRow("absolute %2f") << QByteArray("/%2fetc/passwd") << QByteArray("HTTP/1.0 404 Not Found");
        QTest::newRow("listing beside") << QByteArray("/../httpserver.py") << QByteArray("HTTP/1.0 403 Forbidden");
    }

    void pathsOutOfTheFolderAreRefused()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, status);
        std::unique_ptr<LabSession> session(newSession());
        const std::uint16_t port = startServer(*session);
        QVERIFY(port != 0);
        const QByteArray response = exchange(port, "GET " + path + " HTTP/1.0\r\n\r\n");
        QCOMPARE(statusOf(response), status);
        const QByteArray body = bodyOf(response);
        QVERIFY2(body.size() < 16, body.constData());  // the short error text, no file
        QVERIFY(!response.contains("http-by-hand") && !response.contains("root:") && !response.contains("import"));
    }

    // A folder on disk with symbolic links out: refused, and the outside file never opened.
    void symbolicLinksOutAreRefusedUnopened()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString www = dir.filePath(QStringLiteral("www")), secret = dir.filePath(QStringLiteral("secret"));
        QVERIFY(QDir().mkpath(www) && QDir().mkpath(secret));
        const auto write = [](const QString &path, const QByteArray &bytes) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(write(www + QStringLiteral("/index.html"), "<p>inside</p>\n"));
        QVERIFY(write(secret + QStringLiteral("/secret.txt"), "TOP SECRET\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("beside.txt")), "BESIDE\n"));
        QVERIFY(QFile::link(secret + QStringLiteral("/secret.txt"), www + QStringLiteral("/notes.txt")));
        QVERIFY(QFile::link(secret, www + QStringLiteral("/docs")));
        QVERIFY(QFile::link(www + QStringLiteral("/index.html"), www + QStringLiteral("/alias.html")));  // a link inside is fine
        OpenWatch watch;
        QVERIFY(watch.watch(secret + QStringLiteral("/secret.txt")) && watch.watch(dir.filePath(QStringLiteral("beside.txt"))));

        std::unique_ptr<LabSession> session(newSession());
        const std::uint16_t port = startServer(*session, www);
        QVERIFY(port != 0);
        for (const QByteArray path : {"/notes.txt", "/docs/secret.txt", "/%2e%2e/secret/secret.txt", "/../beside.txt",
                                      "/docs/../../beside.txt"}) {
            const QByteArray response = exchange(port, "GET " + path + " HTTP/1.0\r\n\r\n");
            QVERIFY2(statusOf(response) == "HTTP/1.0 403 Forbidden" || statusOf(response) == "HTTP/1.0 404 Not Found",
                     path.constData());
            QVERIFY2(!response.contains("SECRET") && !response.contains("BESIDE"), path.constData());
        }
        QCOMPARE(statusOf(exchange(port, "GET /alias.html HTTP/1.0\r\n\r\n")), QByteArray("HTTP/1.0 200 OK"));
        QCOMPARE(bodyOf(exchange(port, "GET / HTTP/1.0\r\n\r\n")), QByteArray("<p>inside</p>\n"));
        QVERIFY2(!watch.opened(), "a file outside the served folder was opened");
        // The watch itself works: opening the file is seen.
        QFile secretFile(secret + QStringLiteral("/secret.txt"));
        QVERIFY(secretFile.open(QIODevice::ReadOnly));
        QVERIFY(watch.opened());
    }

    void listensOnLoopbackOnly()
    {
        std::unique_ptr<LabSession> session(newSession());
        const std::uint16_t port = startServer(*session);
        QVERIFY(port != 0);
        int listening = 0;
        for (const auto &r : session->registry()->snapshot()) {
            if (r->owner == "server" && r->state.load() == SocketState::Listening) {
                ++listening;
                QCOMPARE(QString::fromStdString(r->localAddress()), QStringLiteral("127.0.0.1:%1").arg(port));
            }
        }
        QCOMPARE(listening, 1);
    }

    // A client that connects and says nothing is dropped after conn.settimeout(5), and the
    // one queued behind it is served then.
    void aSilentClientTimesOut()
    {
        std::unique_ptr<LabSession> session(newSession());
        QSignalSpy output(session->pane(QStringLiteral("server")), &PaneRunner::output);
        const std::uint16_t port = startServer(*session);
        QVERIFY(port != 0);
        auto silent = Socket::create(AF_INET, SOCK_STREAM);
        QVERIFY(silent && silent->connect(SocketAddress::loopback(AF_INET, port)));
        QTRY_VERIFY_WITH_TIMEOUT(texts(output).filter(QStringLiteral("...connected from:")).size() == 1, kWaitMs);
        QCOMPARE(statusOf(exchange(port, "GET / HTTP/1.0\r\n\r\n")), QByteArray("HTTP/1.0 200 OK"));
        QTRY_COMPARE_WITH_TIMEOUT(
            texts(output).filter(QRegularExpression(QStringLiteral(R"(^\('127\.0\.0\.1', \d+\) timed out$)"))).size(), 1, kWaitMs);
        (void)silent->setTimeout(kReadTimeoutSeconds);
        const Result<Bytes> closed = silent->recv(100);
        QVERIFY(closed && closed->empty());  // dropped without a response
    }

    // httpserver.py itself, run by python3 on the same folder: the same answers.
    void pythonListingRefusesTheSame()
    {
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("www"))));
        for (const char *name : {"www/index.html", "www/hello.txt", "lab.json"})
            QVERIFY(QFile::copy(QStringLiteral(":/labs/http-by-hand/") + QLatin1String(name), dir.filePath(QLatin1String(name))));
        const QString script = dir.filePath(QStringLiteral("httpserver.py"));
        QVERIFY(testsupport::writeListing(QStringLiteral("http-by-hand"), QStringLiteral("httpserver.py"),
                                          {{QStringLiteral("port"), QStringLiteral("0")}, {QStringLiteral("root"), QStringLiteral("www")}}, script));
        testsupport::PythonProcess server("import runpy, sys; runpy.run_path(sys.argv[1], run_name='__main__')", {script});
        QVERIFY(server.started());
        const QByteArray serving = server.readLine();  // "serving ROOT on http://127.0.0.1:PORT/"
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral(R"(:(\d+)/$)")).match(QString::fromUtf8(serving));
        QVERIFY2(m.hasMatch(), serving.constData());
        const auto port = static_cast<std::uint16_t>(m.captured(1).toUInt());
        QCOMPARE(statusOf(exchange(port, "GET /hello.txt HTTP/1.0\r\n\r\n")), QByteArray("HTTP/1.0 200 OK"));
        QCOMPARE(statusOf(exchange(port, "GET /%2e%2e/lab.json HTTP/1.0\r\n\r\n")), QByteArray("HTTP/1.0 403 Forbidden"));
        QCOMPARE(statusOf(exchange(port, "HELLO\r\n\r\n")), QByteArray("HTTP/1.0 400 Bad Request"));
        // The 400 names what it got, in the same words from the listing and from the lab's server.
        const QByteArray badRequest = "HELLO \xff\r\n\r\n";
        QCOMPARE(bodyOf(exchange(port, badRequest)), QByteArray("Bad request syntax: b'HELLO \\xff'\n"));
        {
            std::unique_ptr<LabSession> session(newSession());
            const std::uint16_t labPort = startServer(*session);
            QVERIFY(labPort != 0);
            QCOMPARE(bodyOf(exchange(labPort, badRequest)), bodyOf(exchange(port, badRequest)));
            session->stopAll();
        }
        QCOMPARE(statusOf(exchange(port, "GET /a%00b HTTP/1.0\r\n\r\n")), QByteArray("HTTP/1.0 400 Bad Request"));
        QCOMPARE(statusOf(exchange(port, "GET //etc/passwd HTTP/1.0\r\n\r\n")), QByteArray("HTTP/1.0 404 Not Found"));
    }
};

QTEST_GUILESS_MAIN(TestHttpByHandLab)
#include "tst_httpbyhandlab.moc"
