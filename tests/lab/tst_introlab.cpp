// tst_introlab: the intro lab ("what a socket is") run headless on real sockets. The six
// sockets of every family and type are the ones the pane printed (descriptor, family, type,
// address), the kernel lists them too (ss, or a bind that finds the port taken), their ports
// come from the kernel's ephemeral range, a port below 1024 gives what python3 gets as the
// same user; the TCP pair shows LISTEN and two ESTABLISHED ends paired with each other, the
// UDP pair no connection at all. Both languages are complete.
#include "LabTestSupport.h"
#include "ListingPython.h"
#include "SsWitness.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>
#include <SocketSnapshot.h>
#include <kit/PythonText.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace socketlab;
using testsupport::samplesOf;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 10000;

QStringList kernelSetting(const char *name)
{
    QFile f(QStringLiteral("/proc/sys/net/ipv4/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).simplified().split(QLatin1Char(' '));
}

// A port below 1024 nobody uses now, for a privileged run (root may bind it); 0 if none.
int freeWellKnownPort()
{
    for (int port = 1023; port > 512; --port) {
        auto s = Socket::create(AF_INET, SOCK_STREAM);
        if (s && s->bind(*SocketAddress::ipv4("127.0.0.1", static_cast<std::uint16_t>(port))))
            return port;
    }
    return 0;
}


// What differs between two runs of the same listing: descriptor numbers, ports, the folder.
QStringList masked(QStringList lines, const QString &folder)
{
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    static const QRegularExpression tempFolder(QStringLiteral("/[^ ]*socketlab-[A-Za-z0-9_]+"));
    for (QString &line : lines) {
        if (!folder.isEmpty())
            line.replace(folder, QStringLiteral("FOLDER"));
        line.replace(tempFolder, QStringLiteral("FOLDER"));
        line.replace(digits, QStringLiteral("N"));
    }
    return lines;
}

} // namespace

class TestIntroLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;
    const LabDefinition *lab() const { return m_catalog.find(QStringLiteral("intro")); }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(lab());
    }

    void comesFirstAndIsTranslated()
    {
        int lowest = lab()->order;
        for (const LabDefinition &other : m_catalog.labs())
            lowest = std::min(lowest, other.order);
        QCOMPARE(lab()->order, lowest);
        QVERIFY2(lab()->untranslated.isEmpty(), qPrintable(lab()->untranslated.join(QLatin1String(", "))));
        QVERIFY(lab()->lesson.has(QStringLiteral("en")) && lab()->lesson.has(QStringLiteral("zh_CN")));
        QVERIFY(lab()->lesson.in(QStringLiteral("zh_CN")).contains(QStringLiteral("套接字")));
    }

    void sixSocketsOfEveryFamilyAndType()
    {
        LabSession session(*lab());
        PaneRunner *pane = session.pane(QStringLiteral("sockets"));
        const bool privileged = ::geteuid() == 0;
        const int wellKnown = privileged ? freeWellKnownPort() : 80;
        QVERIFY(wellKnown > 0);
        QCOMPARE(pane->setParam(QStringLiteral("wellknown"), QString::number(wellKnown)), QString());
        QSignalSpy output(pane, &PaneRunner::output);
        QSignalSpy finished(pane, &PaneRunner::finished);
        pane->start();
        QTRY_COMPARE_WITH_TIMEOUT(pane->state(), State::WaitingForInput, kWaitMs);
        const QStringList printed = texts(output);
        QCOMPARE(printed.size(), 9);

        // "17 AF_INET SOCK_STREAM ('127.0.0.1', 41267)": one line per socket, in listing order.
        static const QRegularExpression line(QStringLiteral(R"(^(\d+) (AF_\w+) (SOCK_\w+) (.+)$)"));
        const SocketSnapshot snapshot = SocketSnapshot::take(*session.registry());
        const std::vector<SocketSample> made = samplesOf(snapshot, "sockets");
        QCOMPARE(made.size(), std::size_t(7));  // the six, and the one for the well-known port
        const QStringList kinds{QStringLiteral("AF_INET SOCK_STREAM"), QStringLiteral("AF_INET SOCK_DGRAM"),
                                QStringLiteral("AF_INET6 SOCK_STREAM"), QStringLiteral("AF_INET6 SOCK_DGRAM"),
                                QStringLiteral("AF_UNIX SOCK_STREAM"), QStringLiteral("AF_UNIX SOCK_DGRAM")};
        const QStringList range = kernelSetting("ip_local_port_range");
        QCOMPARE(range.size(), 2);
        const QHash<quint64, testsupport::SsRow> udp = testsupport::ssInet(QStringLiteral("-u"));
        const QHash<quint64, testsupport::SsRow> unixRows = testsupport::ssUnix();
        const bool haveSs = !testsupport::ssPath().isEmpty();
        QString folder;
        for (int i = 0; i < 6; ++i) {
            const QRegularExpressionMatch m = line.match(printed.at(i));
            QVERIFY2(m.hasMatch(), qPrintable(printed.at(i)));
            QCOMPARE(m.captured(2) + QLatin1Char(' ') + m.captured(3), kinds.at(i));
            const SocketSample &s = made.at(std::size_t(i));
            QCOMPARE(m.captured(1).toInt(), s.fd);  // the number the table's fd column shows
            QCOMPARE(QString::fromStdString(python::str(s.local)), m.captured(4));
            QCOMPARE(s.state, SocketState::Bound);
            if (s.record->family == AF_UNIX) {
                folder = QFileInfo(QString::fromStdString(s.local.path())).path();
                struct stat st{};
                QVERIFY(::stat(s.local.path().c_str(), &st) == 0 && S_ISSOCK(st.st_mode));  // bind() made a socket file
                QVERIFY2(haveSs ? unixRows.value(s.inode).local == QString::fromStdString(s.local.path()) : true,
                         qPrintable(QStringLiteral("ss -xa has no row for %1").arg(m.captured(4))));
                continue;
            }
            QVERIFY(s.local.port() >= range.at(0).toInt() && s.local.port() <= range.at(1).toInt());
            if (s.record->type == SOCK_DGRAM && haveSs) {
                QCOMPARE(udp.value(s.inode).state, QStringLiteral("UNCONN"));
                QCOMPARE(udp.value(s.inode).local, QString::fromStdString(s.local.toString()));
            } else {
                // A bound TCP socket that does not listen is in no list ss prints; the kernel
                // shows it holds the port by refusing it to anyone else.
                auto other = Socket::create(s.record->family, SOCK_STREAM);
                QVERIFY(other);
                QCOMPARE(other->bind(s.local).error().code(), EADDRINUSE);
            }
        }
        struct stat folderStat{};
        QVERIFY(::stat(folder.toLocal8Bit().constData(), &folderStat) == 0);
        QCOMPARE(folderStat.st_mode & 0777, 0700u);  // private: only its owner may reach the sockets
        QCOMPARE(printed.at(6), QStringLiteral("ephemeral ports: %1 %2").arg(range.at(0), range.at(1)));
        QCOMPARE(printed.at(7), QStringLiteral("ports below %1 need privilege").arg(kernelSetting("ip_unprivileged_port_start").value(0)));
        QCOMPARE(printed.at(8), privileged ? QStringLiteral("bound ('127.0.0.1', %1) as uid 0").arg(wellKnown)
                                           : QStringLiteral("PermissionError: [Errno 13] Permission denied"));

        pane->sendInput(QString());
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(pane->exitCode(), 0);
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
        QVERIFY2(!QFileInfo::exists(folder), qPrintable(folder));  // rmtree: files and folder gone

        // python3 running the same listing as the same user prints the same lines, but for
        // descriptor numbers, ports and the folder's name.
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed: the listing cannot be compared with Python's run");
        const testsupport::ListingRun python = testsupport::runListingInPython(
            pane->listing(), {QString()}, {QStringLiteral("Enter closes them all> ")});
        QVERIFY2(python.ok, qPrintable(python.diagnostics));
        QCOMPARE(masked(printed, folder), masked(python.lines, QString()));
        QCOMPARE(printed.at(8), python.lines.value(8));  // the bind below 1024: word for word
    }

    void connectionOrientedBesideConnectionless()
    {
        LabSession session(*lab());
        PaneRunner *tcp = session.pane(QStringLiteral("tcp"));
        PaneRunner *udp = session.pane(QStringLiteral("udp"));
        QSignalSpy tcpOutput(tcp, &PaneRunner::output);
        QSignalSpy udpOutput(udp, &PaneRunner::output);
        tcp->start();
        udp->start();
        QTRY_COMPARE_WITH_TIMEOUT(tcp->state(), State::WaitingForInput, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(udp->state(), State::WaitingForInput, kWaitMs);
        const QStringList range = kernelSetting("ip_local_port_range");
        const auto ephemeral = [&](int port) { return port >= range.value(0).toInt() && port <= range.value(1).toInt(); };
        const SocketSnapshot snapshot = SocketSnapshot::take(*session.registry());

        // TCP: listener, client, accepted socket; the client got its port at connect().
        const std::vector<SocketSample> t = samplesOf(snapshot, "tcp");
        QCOMPARE(t.size(), std::size_t(3));
        const SocketSample &listener = t[0], &client = t[1], &conn = t[2];
        const QStringList tcpLines = texts(tcpOutput);
        QCOMPARE(tcpLines.value(0), QStringLiteral("client before connect(): ('0.0.0.0', 0)"));
        QCOMPARE(tcpLines.value(1), QStringLiteral("client after connect():  ('127.0.0.1', %1)").arg(client.local.port()));
        QVERIFY(ephemeral(client.local.port()));
        QCOMPARE(tcpLines.value(2), QStringLiteral("accepted ('127.0.0.1', %1) on ('127.0.0.1', %2)")
                                        .arg(client.local.port()).arg(listener.local.port()));
        QCOMPARE(tcpLines.value(3), QStringLiteral("b'hello'"));
        QCOMPARE(QString::fromLatin1(tcpStateName(listener.kernel.tcpState)), QStringLiteral("LISTEN"));
        QCOMPARE(QString::fromLatin1(tcpStateName(client.kernel.tcpState)), QStringLiteral("ESTABLISHED"));
        QCOMPARE(QString::fromLatin1(tcpStateName(conn.kernel.tcpState)), QStringLiteral("ESTABLISHED"));
        QCOMPARE(conn.local.port(), listener.local.port());  // the accepted socket shares the listener's port
        QCOMPARE(snapshot.peerOf(client.id), conn.id);
        QCOMPARE(snapshot.peerOf(conn.id), client.id);
        QCOMPARE(snapshot.peerOf(listener.id), 0u);

        // UDP: two sockets and no connection; the sender got a port (on 0.0.0.0) at sendto().
        const std::vector<SocketSample> u = samplesOf(snapshot, "udp");
        QCOMPARE(u.size(), std::size_t(2));
        const SocketSample &receiver = u[0], &sender = u[1];
        const QStringList udpLines = texts(udpOutput);
        QCOMPARE(udpLines.value(0), QStringLiteral("sender before sendto(): ('0.0.0.0', 0)"));
        QCOMPARE(udpLines.value(1), QStringLiteral("sender after sendto():  ('0.0.0.0', %1)").arg(sender.local.port()));
        QVERIFY(ephemeral(sender.local.port()));
        QCOMPARE(udpLines.value(2), QStringLiteral("b'hello' from ('127.0.0.1', %1)").arg(sender.local.port()));
        for (const SocketSample *s : {&receiver, &sender}) {
            QVERIFY(s->isDatagram());
            QVERIFY(!s->peer.isValid());  // no connection: no peer address
            QCOMPARE(snapshot.peerOf(s->id), 0u);
            QCOMPARE(s->kernel.tcpState, -1);
        }

        if (!testsupport::ssPath().isEmpty()) {  // the kernel's own table agrees
            const auto tcpRows = testsupport::ssInet(QStringLiteral("-t"));
            QCOMPARE(tcpRows.value(listener.inode).state, QStringLiteral("LISTEN"));
            QCOMPARE(tcpRows.value(client.inode).state, QStringLiteral("ESTAB"));
            QCOMPARE(tcpRows.value(client.inode).peer, QString::fromStdString(listener.local.toString()));
            QCOMPARE(tcpRows.value(conn.inode).state, QStringLiteral("ESTAB"));
            QCOMPARE(tcpRows.value(conn.inode).peer, QString::fromStdString(client.local.toString()));
            const auto udpRows = testsupport::ssInet(QStringLiteral("-u"));
            QCOMPARE(udpRows.value(receiver.inode).state, QStringLiteral("UNCONN"));
            QCOMPARE(udpRows.value(sender.inode).state, QStringLiteral("UNCONN"));
            QCOMPARE(udpRows.value(sender.inode).local, QStringLiteral("0.0.0.0:%1").arg(sender.local.port()));
        }

        tcp->sendInput(QString());
        udp->sendInput(QString());
        QTRY_COMPARE_WITH_TIMEOUT(tcp->state(), State::Finished, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(udp->state(), State::Finished, kWaitMs);
        QCOMPARE(session.registry()->openCount(), std::size_t(0));

        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed: the listings cannot be compared with Python's runs");
        for (PaneRunner *pane : {tcp, udp}) {
            const testsupport::ListingRun python = testsupport::runListingInPython(
                pane->listing(), {QString()}, {QStringLiteral("Enter closes the connection> "), QStringLiteral("Enter closes both> ")});
            QVERIFY2(python.ok, qPrintable(python.diagnostics));
            QCOMPARE(masked(pane == tcp ? tcpLines : udpLines, {}), masked(python.lines, {}));
        }
    }
};

QTEST_GUILESS_MAIN(TestIntroLab)
#include "tst_introlab.moc"
