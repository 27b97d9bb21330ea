// tst_labwire: the panes of the socketserver, socketserver-echo, udp-socketserver and
// socketserver-concurrency labs against the Python listings the same labs show, run by python3:
// byte for byte on the wire, and line for line in the console.
//
// Servers: each request, sent by a plain BSD client of the test's own, gets the same bytes back
// from the pane and from the listing, up to the server's close (or the one reply datagram).
// The pane's timestamp must be now; the listing's time.ctime() is then fixed to that second,
// so every byte can be compared. Clients: a recording server of the test's own sees the same
// bytes on each connection (or datagram), from the same host, from the pane and from the
// listing. Both print the same console. Skipped without python3 outside CI.
//
// The panes are driven through the lab engine's public classes only (LabCatalog, PaneRunner).
// Own main(): the fork helper must start before Qt's threads.
#include "LabTestSupport.h"
#include "PythonListing.h"
#include "RawSockets.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <PaneRunner.h>

#include <socketserver/ForkHelper.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::texts;
namespace raw = testsupport::raw;
using Params = QHash<QString, QString>;  // a pane's parameters the test sets

namespace {

constexpr int kWaitMs = testsupport::PythonProcess::kTimeoutMs;
const QByteArray kFixedStamp = "[Sat Jun  6 16:11:23 2020] ";  // what the recording servers answer with

raw::Reply exchange(bool udp, std::uint16_t port, const QByteArray &request, const QByteArray &source)
{
    return udp ? raw::udpExchange(port, request) : raw::tcpExchange(port, request, source.constData());
}

// A console as text, with the client ports a server printed ("('127.0.0.1', 41234)")
// replaced by "PORT", since the pane's clients and the listing's used different ones.
QString withoutPorts(QString console, const QList<std::uint16_t> &ports)
{
    for (std::uint16_t port : ports)
        console.replace(QStringLiteral("', %1)").arg(port), QStringLiteral("', PORT)"));
    return console;
}

// The server pane's console: its lines, without the pane's own reports on forked children
// ("child 4242 started", "child 4242 exited 0"), which are SocketLab's, not the listing's.
QString serverConsole(const QSignalSpy &output)
{
    static const QRegularExpression childReport(QStringLiteral(R"(^child \d+ (started|exited .*)$)"));
    QString console;
    for (const QString &line : texts(output)) {
        if (!childReport.match(line).hasMatch())
            console += line + QLatin1Char('\n');
    }
    return console;
}

QByteArray asciiUpper(QByteArray bytes)
{
    for (char &c : bytes)
        c = c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
    return bytes;
}

} // namespace

class TestLabWire : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;
    PaneDefinition paneOf(const QString &lab, const QString &pane) const { return *m_catalog.find(lab)->pane(pane); }

private slots:
    void initTestCase()
    {
        REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 is not installed: the labs' Python listings cannot be run");
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
    }

    void serverPaneAnswersAsItsListing_data()
    {
        QTest::addColumn<QString>("labId");
        QTest::addColumn<Params>("params");
        QTest::addColumn<bool>("udp");
        QTest::addColumn<QByteArrayList>("requests");
        QTest::addColumn<QByteArrayList>("sources");  // the client's host for each request

        // readline(): up to the first "\n", or all there is at the end; UTF-8 untouched.
        const QByteArrayList lines{"hello\r\n", "h\xc3\xa9llo \xe4\xb8\x96\xe7\x95\x8c\r\n", "two\nlines\n", "no line end", ""};
        const QByteArrayList local(lines.size(), "127.0.0.1");
        QTest::newRow("socketserver") << QStringLiteral("socketserver") << Params() << false << lines << local;
        // recv(1024).strip(): the last request has nothing for strip() to hide.
        const QByteArrayList echo{"hello world\n", "  mixed Case  \n", "h\xc3\xa9llo \xe4\xb8\x96\xe7\x95\x8c\n", "", "abc"};
        QTest::newRow("socketserver-echo") << QStringLiteral("socketserver-echo") << Params() << false << echo
                                           << QByteArrayList(echo.size(), "127.0.0.1");
        const QByteArrayList datagrams{"hello", "two\nlines", "h\xc3\xa9llo\n", ""};
        QTest::newRow("udp-socketserver") << QStringLiteral("udp-socketserver") << Params() << true
                                          << datagrams << QByteArrayList(datagrams.size(), "127.0.0.1");
        for (const char *serverClass : {"TCPServer", "ThreadingTCPServer", "ForkingTCPServer"}) {
            QTest::addRow("socketserver-concurrency %s", serverClass)
                << QStringLiteral("socketserver-concurrency")
                << Params{{QStringLiteral("server"), QString::fromLatin1(serverClass)}} << false << lines << local;
        }
        // verify_request: a client from 127.0.0.2 is refused (closed, nothing sent), 127.0.0.1 served.
        QTest::newRow("socketserver-concurrency verify_request")
            << QStringLiteral("socketserver-concurrency")
            << Params{{QStringLiteral("server"), QStringLiteral("ThreadingTCPServer")},
                                       {QStringLiteral("allowed"), QStringLiteral("127.0.0.1")}}
            << false << QByteArrayList{"let me in\r\n", "me too\r\n"} << QByteArrayList{"127.0.0.2", "127.0.0.1"};
    }

    void serverPaneAnswersAsItsListing()
    {
        QFETCH(QString, labId);
        QFETCH(Params, params);
        QFETCH(bool, udp);
        QFETCH(QByteArrayList, requests);
        QFETCH(QByteArrayList, sources);

        const PaneDefinition pane = paneOf(labId, QStringLiteral("server"));
        PaneRunner server(pane, std::make_shared<TraceStream>(), std::make_shared<SocketRegistry>());
        params.insert(QStringLiteral("port"), QStringLiteral("0"));
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            QCOMPARE(server.setParam(it.key(), it.value()), QString());
        QSignalSpy published(&server, &PaneRunner::published);
        QSignalSpy output(&server, &PaneRunner::output);
        server.start();
        QVERIFY2(published.wait(kWaitMs), qPrintable(server.lastError()));
        const auto port = static_cast<std::uint16_t>(published.last().at(1).toString().toUInt());

        testsupport::PythonListing listing(pane, server.paramValues());
        QVERIFY2(listing.started(), qPrintable(listing.diagnostics()));
        const std::uint16_t listingPort = listing.waitForPort();
        QVERIFY2(listingPort != 0, qPrintable(listing.diagnostics()));

        QList<std::uint16_t> paneClients, listingClients;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const QDateTime from = QDateTime::currentDateTime();
            const raw::Reply ours = exchange(udp, port, requests.at(i), sources.at(i));
            const QDateTime to = QDateTime::currentDateTime();
            QVERIFY2(ours.ok, qPrintable(QStringLiteral("request %1: the pane did not answer and close").arg(i)));
            if (!ours.bytes.isEmpty() && ours.bytes.startsWith('[')) {
                // The pane's stamp must be now; python3 then writes the same second anew.
                const testsupport::Stamp stamp = testsupport::stampOf(QString::fromLatin1(ours.bytes.left(64)));
                QVERIFY2(stamp.within(from, to), ours.bytes.constData());
                listing.stampNext(stamp.time.toSecsSinceEpoch());
            }
            const raw::Reply theirs = exchange(udp, listingPort, requests.at(i), sources.at(i));
            QVERIFY2(theirs.ok, qPrintable(listing.diagnostics()));
            QCOMPARE(ours.bytes, theirs.bytes);
            paneClients << ours.clientPort;
            listingClients << theirs.clientPort;
        }
        // What each printed, once every handler (or forked child) has had its say.
        QTRY_COMPARE_WITH_TIMEOUT(withoutPorts(serverConsole(output), paneClients),
                                  withoutPorts(QString::fromUtf8(listing.console()), listingClients), kWaitMs);
        QCOMPARE(server.state(), PaneRunner::State::Running);  // serve_forever goes on
        server.stop();
    }

    void clientPaneSendsAsItsListing_data()
    {
        QTest::addColumn<QString>("labId");
        QTest::addColumn<QString>("paneId");
        QTest::addColumn<Params>("params");
        QTest::addColumn<bool>("udp");
        QTest::addColumn<int>("conversations");  // connections (or datagrams) the program makes for the lines

        // tsTclntSS: a connection per line, and one more, connected before the empty line ends it.
        QTest::newRow("socketserver") << QStringLiteral("socketserver") << QStringLiteral("client") << Params()
                                      << false << 4;
        // The docs' client reads the line first: a connection per line, none for the empty one.
        QTest::newRow("socketserver-echo") << QStringLiteral("socketserver-echo") << QStringLiteral("client")
                                           << Params() << false << 3;
        // tsUclnt: one socket, a datagram per line.
        QTest::newRow("udp-socketserver") << QStringLiteral("udp-socketserver") << QStringLiteral("client")
                                          << Params() << true << 3;
        // tsTclntSS binding its own address first, as verify_request will see it.
        QTest::newRow("socketserver-concurrency from 127.0.0.2")
            << QStringLiteral("socketserver-concurrency") << QStringLiteral("client2")
            << Params{{QStringLiteral("source"), QStringLiteral("127.0.0.2")}} << false << 4;
    }

    void clientPaneSendsAsItsListing()
    {
        QFETCH(QString, labId);
        QFETCH(QString, paneId);
        QFETCH(Params, params);
        QFETCH(bool, udp);
        QFETCH(int, conversations);
        const QStringList lines{QStringLiteral("hello"), QStringLiteral("héllo 世界"), QStringLiteral("  three words  ")};

        // Answers like the lab's server would, so each client goes on to its next line.
        raw::RecordingServer recorder(udp ? SOCK_DGRAM : SOCK_STREAM, [labId](const QByteArray &request) {
            return labId == QLatin1String("socketserver-echo") ? asciiUpper(request.trimmed()) : kFixedStamp + request;
        });
        QVERIFY(recorder.port() != 0);

        const PaneDefinition pane = paneOf(labId, paneId);
        PaneRunner client(pane, std::make_shared<TraceStream>(), std::make_shared<SocketRegistry>());
        params.insert(QStringLiteral("port"), QString::number(recorder.port()));
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            QCOMPARE(client.setParam(it.key(), it.value()), QString());
        // The console as python3 writes it to a pipe: each input() prompt, each print()ed line.
        client.setEchoInput(false);
        QByteArray console;
        connect(&client, &PaneRunner::inputRequested, this, [&](const QString &prompt) { console += prompt.toUtf8(); });
        connect(&client, &PaneRunner::output, this, [&](const QString &line) { console += line.toUtf8() + '\n'; });
        QSignalSpy finished(&client, &PaneRunner::finished);
        for (const QString &line : lines)
            client.sendInput(line);
        client.sendInput(QString());
        client.start();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(client.exitCode() == 0, qPrintable(client.lastError()));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.received().size(), qsizetype(conversations), kWaitMs);
        const QList<raw::Received> ours = recorder.received();
        recorder.clear();

        testsupport::PythonListing listing(pane, client.paramValues());
        QVERIFY2(listing.started(), qPrintable(listing.diagnostics()));
        listing.type(lines + QStringList{QString()});
        QVERIFY2(listing.finish(), qPrintable(listing.diagnostics()));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.received().size(), qsizetype(conversations), kWaitMs);
        const QList<raw::Received> theirs = recorder.received();

        for (qsizetype i = 0; i < conversations; ++i) {
            QCOMPARE(ours.at(i).bytes, theirs.at(i).bytes);
            QCOMPARE(ours.at(i).host, theirs.at(i).host);
        }
        if (udp) {  // one socket each: every datagram from the same port
            for (qsizetype i = 1; i < conversations; ++i) {
                QCOMPARE(ours.at(i).port, ours.at(0).port);
                QCOMPARE(theirs.at(i).port, theirs.at(0).port);
            }
        }
        QCOMPARE(QString::fromUtf8(console), QString::fromUtf8(listing.console()));
    }
};

int main(int argc, char **argv)
{
    socketlab::socketserver::ForkHelper::startFromMain();  // before Qt starts any thread
    QCoreApplication app(argc, argv);
    TestLabWire test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_labwire.moc"
