// tst_nameresolutionlab: the name-resolution lab run headless. The names pane prints line for
// line what python3 prints running the same listing on this machine (host names, getaddrinfo's
// list, the services of the tutorial's protocol table, packed addresses, the default timeout,
// and the exact gaierror and inet_pton errors); the byteorder pane's bytes and numbers are
// python3's for several values, and its two bytes really cross a UDP socket; the Qt pane
// agrees with the socket module on every fact both can tell. Both languages are complete.
#include "LabTestSupport.h"
#include "ListingPython.h"
#include "TestSupport.h"

#include <LabLoader.h>
#include <LabSession.h>
#include <PaneRunner.h>

#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using namespace socketlab;
using testsupport::texts;
using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 20000;

// Runs one pane of the lab to its end; its printed lines (empty, and a failure, if it failed).
QStringList runToEnd(LabSession &session, const QString &paneId)
{
    PaneRunner *pane = session.pane(paneId);
    QSignalSpy output(pane, &PaneRunner::output);
    QSignalSpy finished(pane, &PaneRunner::finished);
    pane->start();
    if (!finished.wait(kWaitMs) || pane->exitCode() != 0) {
        qWarning("%s: %s", qPrintable(paneId), qPrintable(pane->lastError()));
        return {};
    }
    return texts(output);
}

} // namespace

class TestNameResolutionLab : public QObject {
    Q_OBJECT

private:
    LabCatalog m_catalog;
    const LabDefinition *lab() const { return m_catalog.find(QStringLiteral("name-resolution")); }
    void requirePython()
    {
        if (testsupport::python3().isEmpty())
            QSKIP("python3 is not installed: the panes cannot be compared with Python's runs");
    }

private slots:
    void initTestCase()
    {
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY2(m_catalog.errors().isEmpty(), qPrintable(m_catalog.errors().value(0).toString()));
        QVERIFY(lab());
    }

    void placedAfterTheSocketServerLessonsAndTranslated()
    {
        const LabDefinition *udpServer = m_catalog.find(QStringLiteral("udp-socketserver"));
        QVERIFY(udpServer);
        QVERIFY(lab()->order > udpServer->order);  // the lesson map's place
        QVERIFY2(lab()->untranslated.isEmpty(), qPrintable(lab()->untranslated.join(QLatin1String(", "))));
    }

    void namesAreWhatPythonSays()
    {
        requirePython();
        LabSession session(*lab());
        const QStringList printed = runToEnd(session, QStringLiteral("names"));
        QVERIFY(!printed.isEmpty());
        const testsupport::ListingRun python = testsupport::runListingInPython(session.pane(QStringLiteral("names"))->listing());
        QVERIFY2(python.ok, qPrintable(python.diagnostics));
        QCOMPARE(printed, python.lines);

        // The facts the lesson points at, word for word.
        QVERIFY(printed.contains(QStringLiteral("socket.gaierror: [Errno -2] Name or service not known")));
        QVERIFY(printed.contains(QStringLiteral("OSError: illegal IP address string passed to inet_pton")));
        QVERIFY(printed.contains(QStringLiteral("b'\\x7f\\x00\\x00\\x01'")));
        QVERIFY(printed.contains(QStringLiteral("6 17")));
        // Every protocol of the tutorial's table is looked up: its port, or why not.
        for (const char *name : {"http", "nntp", "ftp-data", "ftp", "smtp", "pop3", "imap", "telnet", "gopher"})
            QCOMPARE(printed.filter(QRegularExpression(QStringLiteral("^%1 (\\d+|service/proto not found)$").arg(QLatin1String(name)))).size(), 1);
        // The default timeout reached the socket made after setdefaulttimeout(), and only it.
        const qsizetype none = printed.indexOf(QStringLiteral("None"));
        QVERIFY(none > 0);
        QCOMPARE(printed.value(none + 1), QStringLiteral("2.5"));
        QCOMPARE(session.registry()->openCount(), std::size_t(0));
    }

    void byteOrderIsWhatPythonSays_data()
    {
        QTest::addColumn<int>("value");
        for (int v : {5, 80, 256, 0, 65535, 4660})
            QTest::newRow(qPrintable(QString::number(v))) << v;
    }

    void byteOrderIsWhatPythonSays()
    {
        QFETCH(int, value);
        requirePython();
        LabSession session(*lab());
        QCOMPARE(session.pane(QStringLiteral("byteorder"))->setParam(QStringLiteral("value"), QString::number(value)), QString());
        const QStringList printed = runToEnd(session, QStringLiteral("byteorder"));
        QVERIFY(!printed.isEmpty());
        const testsupport::ListingRun python = testsupport::runListingInPython(session.pane(QStringLiteral("byteorder"))->listing());
        QVERIFY2(python.ok, qPrintable(python.diagnostics));
        QCOMPARE(printed, python.lines);

        // The two bytes are the value's, most significant first, and really crossed a socket.
        const QString big = QStringLiteral("%1 %2").arg(value >> 8, 2, 16, QLatin1Char('0')).arg(value & 0xff, 2, 16, QLatin1Char('0'));
        const QString little = QStringLiteral("%1 %2").arg(value & 0xff, 2, 16, QLatin1Char('0')).arg(value >> 8, 2, 16, QLatin1Char('0'));
        QCOMPARE(printed.value(3), big + QStringLiteral(" | ") + little);
        QCOMPARE(printed.value(5), big);  // what recvfrom() returned
        QCOMPARE(printed.value(6), QString::number(value));
        QCOMPARE(printed.value(7), QString::number(((value & 0xff) << 8) | (value >> 8)));  // read the wrong way
        std::uint64_t sent = 0, received = 0;
        for (const auto &record : session.registry()->snapshot()) {
            sent += record->bytesSent;
            received += record->bytesReceived;
        }
        QCOMPARE(sent, std::uint64_t(2));
        QCOMPARE(received, std::uint64_t(2));
    }

    void fiveArrivesAs1280WhenReadLittleEndian()
    {
        LabSession session(*lab());
        const QStringList printed = runToEnd(session, QStringLiteral("byteorder"));
        QCOMPARE(printed.value(3), QStringLiteral("00 05 | 05 00"));
        QCOMPARE(printed.value(6), QStringLiteral("5"));
        QCOMPARE(printed.value(7), QStringLiteral("1280"));
        const std::uint16_t one = 1;
        if (*reinterpret_cast<const unsigned char *>(&one) == 1) {  // a little-endian machine
            QCOMPARE(printed.value(0), QStringLiteral("little"));
            QCOMPARE(printed.value(1), QStringLiteral("1280 5"));  // htons(5)
            QCOMPARE(printed.value(2), QStringLiteral("83886080 5"));
        }
    }

    void qtAgreesWithTheSocketModule()
    {
        LabSession session(*lab());
        const QStringList names = runToEnd(session, QStringLiteral("names"));
        const QStringList qt = runToEnd(session, QStringLiteral("qt"));
        QVERIFY(!names.isEmpty() && !qt.isEmpty());

        QCOMPARE(qt.value(0), QLatin1Char('"') + names.value(0) + QLatin1Char('"'));  // localHostName() == gethostname()
        // fromName("localhost"): the addresses getaddrinfo('localhost', 80, type=SOCK_STREAM) gave.
        QSet<QString> fromQt, fromPython;
        for (const QString &line : qt.filter(QRegularExpression(QStringLiteral("^QAbstractSocket::IPv[46]Protocol "))))
            fromQt.insert(line.section(QLatin1Char('"'), 1, 1));
        static const QRegularExpression addrinfo(QStringLiteral(R"(^AF_INET6? SOCK_STREAM \('([^']+)')"));
        for (const QString &line : names) {
            if (const QRegularExpressionMatch m = addrinfo.match(line); m.hasMatch())
                fromPython.insert(m.captured(1));
        }
        QVERIFY(!fromPython.isEmpty());
        QCOMPARE(fromQt, fromPython);
        const qsizetype reverse = qt.indexOf(QRegularExpression(QStringLiteral("^7f000001$"))) - 1;
        QVERIFY(reverse > 0);
        // The reverse lookup of 127.0.0.1 names what gethostbyaddr('127.0.0.1') names.
        QVERIFY2(names.value(4).startsWith(QStringLiteral("(") + qt.value(reverse).replace(QLatin1Char('"'), QLatin1Char('\''))),
                 qPrintable(names.value(4) + QStringLiteral(" / ") + qt.value(reverse)));
        QVERIFY(qt.contains(QStringLiteral("\"127.0.0.1\"")));
        QVERIFY(qt.contains(QStringLiteral("\"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01\"")));
        QVERIFY(qt.contains(QStringLiteral("1 \"Invalid hostname\"")));  // an error without DNS, as a value
        QVERIFY(qt.contains(QStringLiteral("true")));                    // QHostAddress("300.1.2.3").isNull()
        QVERIFY(qt.contains(QStringLiteral("\"00 05\"")));
        QCOMPARE(qt.last(), QStringLiteral("5 1280"));
    }
};

QTEST_GUILESS_MAIN(TestNameResolutionLab)
#include "tst_nameresolutionlab.moc"
