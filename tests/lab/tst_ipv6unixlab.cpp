// tst_ipv6unixlab: the ipv6-unix lab run headless on real sockets. The client tries
// getaddrinfo()'s addresses in order and prints each outcome exactly as python3 running the
// same listing does (::1 refused, then 127.0.0.1 accepted, when the server listens on IPv4's
// loopback through its IPv6 socket), and the server sees the IPv4 client as ::ffff:127.0.0.1;
// IPV6_V6ONLY=1 makes that bind fail as it fails in Python. The Unix pane's sockets have the
// paths it printed, are paired by inode as ss -x pairs them, leave their files behind (Errno
// 98 until unlinked) and the folder is gone at the end. Both languages are complete.
#include "LabTestSupport.h"
#include "ListingPython.h"
#include "SsWitness.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <SocketSnapshot.h>

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::samplesOf;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 20000;


// Ephemeral ports (and only they) differ between two runs: "('127.0.0.1', 41384)" -> "('127.0.0.1', P)".
QStringList withoutClientPorts(QStringList lines, int serverPort)
{
    static const QRegularExpression port(QStringLiteral("(?<=', )(\\d+)(?=[,)])"));
    for (QString &line : lines) {
        QRegularExpressionMatchIterator it = port.globalMatch(line);
        QString out;
        qsizetype last = 0;
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += line.mid(last, m.capturedStart() - last);
            out += m.captured(1).toInt() == serverPort ? m.captured(1) : QStringLiteral("P");
            last = m.capturedEnd();
        }
        line = out + line.mid(last);
    }
    return lines;
}

} // namespace

class TestIpv6UnixLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;
    const LabDefinition *lab() const { return m_catalog.find(QStringLiteral("ipv6-unix")); }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(lab());
    }

    void placedAfterNameResolutionAndTranslated()
    {
        const LabDefinition *names = m_catalog.find(QStringLiteral("name-resolution"));
        QVERIFY(names);
        QVERIFY(lab()->order > names->order);
        QVERIFY2(lab()->untranslated.isEmpty(), qPrintable(lab()->untranslated.join(QLatin1String(", "))));
        for (const PaneDefinition &pane : lab()->panes) {  // the servers bind loopback unless the learner chooses
            if (const ParamDefinition *host = pane.param(QStringLiteral("host")); host && pane.id == QStringLiteral("server"))
                QVERIFY(host->defaultValue == QStringLiteral("::ffff:127.0.0.1") || host->defaultValue == QStringLiteral("::1"));
        }
    }

    void eachAddressIsTriedInTurn_data()
    {
        QTest::addColumn<QString>("serverHost");
        QTest::addColumn<QString>("clientHost");
        QTest::addColumn<QStringList>("attempts");  // what the client prints, with P for its own port
        QTest::addColumn<QString>("seenAs");        // the host the server prints for it
        QTest::newRow("IPv4 loopback through IPv6, HOST None")
            << QStringLiteral("::ffff:127.0.0.1") << QStringLiteral("None")
            << QStringList{QStringLiteral("('::1', %1, 0, 0) -> ConnectionRefusedError: [Errno 111] Connection refused"),
                           QStringLiteral("('127.0.0.1', %1) -> connected from ('127.0.0.1', P)"),
                           QStringLiteral("b'hello, ::ffff:127.0.0.1'")}
            << QStringLiteral("::ffff:127.0.0.1");
        QTest::newRow("IPv6 loopback, HOST None")
            << QStringLiteral("::1") << QStringLiteral("None")
            << QStringList{QStringLiteral("('::1', %1, 0, 0) -> connected from ('::1', P, 0, 0)"), QStringLiteral("b'hello, ::1'")}
            << QStringLiteral("::1");
        QTest::newRow("IPv6 loopback, HOST '127.0.0.1'")
            << QStringLiteral("::1") << QStringLiteral("'127.0.0.1'")
            << QStringList{QStringLiteral("('127.0.0.1', %1) -> ConnectionRefusedError: [Errno 111] Connection refused")}
            << QString();
        QTest::newRow("IPv4 loopback through IPv6, HOST 'localhost'")  // what this machine's /etc/hosts says
            << QStringLiteral("::ffff:127.0.0.1") << QStringLiteral("'localhost'") << QStringList() << QStringLiteral("::ffff:127.0.0.1");
    }

    void eachAddressIsTriedInTurn()
    {
        QFETCH(QString, serverHost);
        QFETCH(QString, clientHost);
        QFETCH(QStringList, attempts);
        QFETCH(QString, seenAs);
        LabSession session(*lab());
        PaneRunner *server = session.pane(QStringLiteral("server"));
        PaneRunner *client = session.pane(QStringLiteral("client"));
        QCOMPARE(server->setParam(QStringLiteral("host"), serverHost), QString());
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QCOMPARE(client->setParam(QStringLiteral("host"), clientHost), QString());
        QSignalSpy serverOutput(server, &PaneRunner::output);
        QSignalSpy clientOutput(client, &PaneRunner::output);
        QSignalSpy published(server, &PaneRunner::published);
        QSignalSpy clientFinished(client, &PaneRunner::finished);
        server->start();
        QVERIFY(published.wait(kWaitMs));
        const int port = published.at(0).at(1).toInt();
        QCOMPARE(client->paramValues().value(QStringLiteral("port")).toInt(), port);  // it follows the server
        client->start();
        QVERIFY(clientFinished.wait(kWaitMs));
        QCOMPARE(client->exitCode(), 0);
        const QStringList printed = texts(clientOutput);
        if (!attempts.isEmpty()) {
            QStringList expected;
            for (const QString &a : attempts)
                expected << (a.contains(QLatin1String("%1")) ? a.arg(port) : a);
            QCOMPARE(withoutClientPorts(printed, port), expected);
        }
        if (!seenAs.isEmpty()) {
            // The server saw the client's own port, under its IPv6 name.
            static const QRegularExpression from(QStringLiteral(R"(connected from \('[^']+', (\d+))"));
            const QString clientPort = from.match(printed.filter(QStringLiteral("-> connected from")).value(0)).captured(1);
            QVERIFY(!clientPort.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(texts(serverOutput).contains(
                                         QStringLiteral("...connected from: ('%1', %2, 0, 0)").arg(seenAs, clientPort)),
                                     kWaitMs);
        }
        QCOMPARE(texts(serverOutput).value(0), QStringLiteral("listening on ('%1', %2, 0, 0)").arg(serverHost).arg(port));

        // python3 running the same client listing against the same server prints the same attempts.
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed: the client cannot be compared with Python's run");
        const testsupport::ListingRun python = testsupport::runListingInPython(client->listing());
        QVERIFY2(python.ok, qPrintable(python.diagnostics));
        QCOMPARE(withoutClientPorts(printed, port), withoutClientPorts(python.lines, port));
        session.stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(session.registry()->openCount(), std::size_t(0), 10000);  // a stopped program may take a moment to wind down
    }

    void v6onlyRefusesTheMappedAddress()
    {
        LabSession session(*lab());
        PaneRunner *server = session.pane(QStringLiteral("server"));
        QCOMPARE(server->setParam(QStringLiteral("port"), QStringLiteral("0")), QString());
        QCOMPARE(server->setParam(QStringLiteral("v6only"), QStringLiteral("1")), QString());
        QSignalSpy errors(server, &PaneRunner::errorOutput);
        QSignalSpy finished(server, &PaneRunner::finished);
        server->start();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(server->currentStep(), QStringLiteral("bind"));
        QCOMPARE(server->lastSocketError().code(), EINVAL);
        QVERIFY2(texts(errors).join(QLatin1Char('\n')).contains(QStringLiteral("OSError: [Errno 22] Invalid argument")),
                 qPrintable(texts(errors).join(QLatin1Char('\n'))));
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed: the error cannot be compared with Python's");
        const QByteArray script = server->listing().join(QLatin1Char('\n')).toUtf8();
        testsupport::PythonProcess python(script.constData());
        QVERIFY(python.started());
        QVERIFY(!python.finish());  // it raises
        QCOMPARE(python.err().trimmed().split('\n').last(), QByteArray("OSError: [Errno 22] Invalid argument"));
    }

    void unixSocketsAreFilesAndPairsByInode()
    {
        LabSession session(*lab());
        PaneRunner *pane = session.pane(QStringLiteral("unix"));
        pane->setEchoInput(false);  // only what the program prints
        QSignalSpy output(pane, &PaneRunner::output);
        QSignalSpy finished(pane, &PaneRunner::finished);
        pane->start();
        QTRY_COMPARE_WITH_TIMEOUT(pane->state(), State::WaitingForInput, kWaitMs);
        QCOMPARE(texts(output), (QStringList{QStringLiteral("accepted from ''"), QStringLiteral("b'over a file'")}));

        // The stream server on its path, the unnamed client connected to it, the accepted socket.
        SocketSnapshot snapshot = SocketSnapshot::take(*session.registry());
        std::vector<SocketSample> made = samplesOf(snapshot, "unix");
        QCOMPARE(made.size(), std::size_t(3));
        const SocketSample &listener = made[0], &client = made[1], &conn = made[2];
        const QString path = QString::fromStdString(listener.local.path());
        const QString folder = QFileInfo(path).path();
        QVERIFY(path.endsWith(QLatin1String("/stream.sock")));
        QCOMPARE(QFileInfo(folder).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(listener.state, SocketState::Listening);
        QCOMPARE(client.local.path(), std::string());  // unnamed
        QCOMPARE(QString::fromStdString(client.peer.path()), path);
        QCOMPARE(QString::fromStdString(conn.local.path()), path);
        QCOMPARE(snapshot.peerOf(client.id), conn.id);  // paired by the kernel's inodes
        QCOMPARE(snapshot.peerOf(conn.id), client.id);
        QCOMPARE(conn.peerInode, client.inode);  // the accepted end names the client (the client's was read before accept())
        if (!testsupport::ssPath().isEmpty()) {
            const auto rows = testsupport::ssUnix();
            QCOMPARE(rows.value(listener.inode).local, path);
            QCOMPARE(rows.value(listener.inode).state, QStringLiteral("LISTEN"));
            QCOMPARE(rows.value(client.inode).peerInode, conn.inode);
            QCOMPARE(rows.value(conn.inode).peerInode, client.inode);
        }

        pane->sendInput(QString());
        QTRY_VERIFY2_WITH_TIMEOUT(pane->state() == State::WaitingForInput && output.size() == 8,
                                  qPrintable(texts(output).join(QLatin1Char('\n')) + pane->lastError()), kWaitMs);
        const QStringList printed = texts(output);
        QCOMPARE(printed.mid(2), (QStringList{QStringLiteral("True"), QStringLiteral("OSError: [Errno 98] Address already in use"),
                                              QStringLiteral("bound ") + path,
                                              QStringLiteral("b'ping' from %1/client.sock").arg(folder),
                                              QStringLiteral("(b'pong', '%1/dgram.sock')").arg(folder),
                                              QStringLiteral("b'no name needed'")}));
        // The files close() left behind, and the pair from socketpair(), named by nothing but each other.
        QCOMPARE(QDir(folder).entryList(QDir::System | QDir::Files, QDir::Name),
                 (QStringList{QStringLiteral("client.sock"), QStringLiteral("dgram.sock"), QStringLiteral("stream.sock")}));
        snapshot = SocketSnapshot::take(*session.registry());
        std::vector<SocketSample> open;
        for (const SocketSample &s : samplesOf(snapshot, "unix")) {
            if (s.isOpen())
                open.push_back(s);
        }
        QCOMPARE(open.size(), std::size_t(2));
        QCOMPARE(snapshot.peerOf(open[0].id), open[1].id);
        QCOMPARE(snapshot.peerOf(open[1].id), open[0].id);
        QVERIFY(!open[0].local.isNamed() && !open[1].local.isNamed());

        pane->sendInput(QString());
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(pane->exitCode(), 0);
        QVERIFY2(!QFileInfo::exists(folder), qPrintable(folder));
        QCOMPARE(session.registry()->openCount(), std::size_t(0));

        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed: the listing cannot be compared with Python's run");
        const testsupport::ListingRun python = testsupport::runListingInPython(
            pane->listing(), {QString(), QString()},
            {QStringLiteral("Enter closes the stream sockets> "), QStringLiteral("Enter closes the pair> ")});
        QVERIFY2(python.ok, qPrintable(python.diagnostics));
        static const QRegularExpression tempFolder(QStringLiteral("/[^ ']*socketlab-[A-Za-z0-9_]+"));
        QStringList ours = texts(output), theirs = python.lines;
        ours.replaceInStrings(tempFolder, QStringLiteral("FOLDER"));
        theirs.replaceInStrings(tempFolder, QStringLiteral("FOLDER"));
        QCOMPARE(ours, theirs);
    }
};

QTEST_GUILESS_MAIN(TestIpv6UnixLab)
#include "tst_ipv6unixlab.moc"
