// tst_lineecho: the stream-vs-datagram lab's code exercise `line-echo` through the real
// binary, as a learner runs it: `socketlab --lab stream-vs-datagram --check line-echo
// --program receiver=FILE.py`, with two solutions kept as .py files beside this test and run
// by python3. The server that takes one recv() for one line passes on loopback and fails
// once the check splits the client's sends or shortens its recv(), with the "one send is
// one recv" message and the answers it really gave; the server that frames its lines
// passes every variant, split, short and coalesced alike.
#include "Witness.h"

#include <QProcess>
#include <QtTest>

namespace {

constexpr int kCheckMs = 90000;

struct CheckOutcome {
    int exitCode = -1;
    QStringList lines;
};

CheckOutcome checkLineEcho(const QString &solution)
{
    QProcess app;
    app.start(QStringLiteral(SOCKETLAB_BINARY),
              {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--lab"), QStringLiteral("stream-vs-datagram"),
               QStringLiteral("--check"), QStringLiteral("line-echo"), QStringLiteral("--program"),
               QStringLiteral("receiver=%1/line-echo/%2").arg(QStringLiteral(LINE_ECHO_DIR), solution)});
    if (!app.waitForFinished(kCheckMs) || app.exitStatus() != QProcess::NormalExit) {
        app.kill();
        app.waitForFinished();
        return {};
    }
    return {app.exitCode(), QString::fromUtf8(app.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)};
}

} // namespace

class TestLineEcho : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { REQUIRE_WITNESS(!testsupport::python3().isEmpty(), "python3 runs the learner's program"); }

    void naiveServerFailsWhenTheBytesAreSplit()
    {
        const CheckOutcome outcome = checkLineEcho(QStringLiteral("naive.py"));
        const QString report = outcome.lines.join(QLatin1Char('\n'));
        QVERIFY2(outcome.exitCode == 1, qPrintable(report));
        QVERIFY2(outcome.lines.contains(QStringLiteral("PASS every-line [loopback]")), qPrintable(report));
        for (const char *variant : {"split", "short-recv"}) {
            const QString failed = QStringLiteral("FAIL every-line [%1]: ").arg(QLatin1String(variant));
            const auto line = std::find_if(outcome.lines.begin(), outcome.lines.end(), [&](const QString &l) { return l.startsWith(failed); });
            QVERIFY2(line != outcome.lines.end(), qPrintable(report));
            QVERIFY2(line->contains(QLatin1String("as if one send is one recv")), qPrintable(*line));
            // What happened, not only what should have: the answers the server really gave.
            QVERIFY2(line->contains(QLatin1String("probe printed \"answers: ['")), qPrintable(*line));
            QVERIFY2(!line->contains(QLatin1String("'HELLO WORLD', 'SECOND LINE'")), qPrintable(*line));
        }
    }

    void framedServerPassesEveryVariant()
    {
        const CheckOutcome outcome = checkLineEcho(QStringLiteral("framed.py"));
        QCOMPARE(outcome.lines,
                 QStringList({QStringLiteral("PASS every-line [loopback]"), QStringLiteral("PASS every-line [split]"),
                              QStringLiteral("PASS every-line [short-recv]"), QStringLiteral("PASS every-line [coalesced]")}));
        QCOMPARE(outcome.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestLineEcho)
#include "tst_lineecho.moc"
