// tst_accessibility: colour is never the only signal, and the custom views speak to screen
// readers (issue #17, item 17). The marked listing line carries a word and a pattern (solid
// edge: about to run; hatched: blocked), the table and gauges say their states in words, the
// colours that carry meaning stay apart under simulated red-green colour blindness, and every
// live view and pane part has an accessible name, the painted views a description of what
// they show.
#include "UiTestSupport.h"

#include <AcceptQueueGauge.h>
#include <LiveViews.h>
#include <ReceiveBufferView.h>
#include <SafeColours.h>
#include <SequenceDiagramView.h>
#include <SocketServerFlowView.h>
#include <SocketTableModel.h>
#include <TraceEvent.h>

#include <QAccessible>
#include <QAction>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QtTest>

#include <cmath>

using namespace socketlab;
using State = PaneRunner::State;
using uitest::kWaitMs;

namespace {

// sRGB to linear light, and back.
double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double gamma(double c) { return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055; }

// A colour as a protanope or deuteranope sees it (Viénot, Brettel & Mollon 1999, in linear RGB).
QColor simulate(const QColor &c, bool protan)
{
    const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
    double rr, gg, bb;
    if (protan) {
        rr = 0.11238 * r + 0.88762 * g;
        gg = 0.11238 * r + 0.88762 * g;
        bb = 0.00401 * r - 0.00401 * g + b;
    } else {
        rr = 0.29275 * r + 0.70725 * g;
        gg = 0.29275 * r + 0.70725 * g;
        bb = -0.02234 * r + 0.02234 * g + b;
    }
    const auto clamp = [](double v) { return std::clamp(gamma(std::clamp(v, 0.0, 1.0)), 0.0, 1.0); };
    return QColor::fromRgbF(float(clamp(rr)), float(clamp(gg)), float(clamp(bb)));
}

// CIE76 colour difference in L*a*b* (D65).
double deltaE(const QColor &x, const QColor &y)
{
    const auto lab = [](const QColor &c) {
        const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
        const double X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, Y = 0.2126 * r + 0.7152 * g + 0.0722 * b,
                     Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
        return std::array<double, 3>{116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))};
    };
    const auto a = lab(x), b = lab(y);
    return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

QString accessible(QWidget *w, QAccessible::Text what)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(what) : QString();
}

// The edge the marker draws in the listing's left margin: how many of its pixels have the
// marker's strong colour, and how many are white (the hatching's gaps).
std::pair<int, int> edgePixels(PaneView *pane, int line, const QColor &strong)
{
    const QImage image = pane->listing()->viewport()->grab().toImage();
    const QTextBlock block = pane->listing()->document()->findBlockByNumber(line - 1);
    const QRect r = pane->listingView()->cursorRect(QTextCursor(block));
    int coloured = 0, white = 0;
    for (int y = r.top() + 2; y < r.bottom() - 1; ++y) {
        for (int x = 1; x < 6; ++x) {
            const QColor c = image.pixelColor(x, y);
            coloured += deltaE(c, strong) < 12 ? 1 : 0;
            white += c.lightness() > 240 ? 1 : 0;
        }
    }
    return {coloured, white};
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        uitest::keepSettingsApart("tst_accessibility");
        m_catalog = uitest::builtInCatalog();
    }

    // The meanings colour carries stay apart for protanopes and deuteranopes.
    void coloursStayApartForRedGreenBlindness()
    {
        const QList<std::pair<QColor, QColor>> pairs{
            {safecolour::nextLine(), safecolour::blockedLine()},         // marked line: about to run, blocked
            {safecolour::nextLineStrong(), safecolour::blockedLineStrong()},
            {safecolour::blocked(), safecolour::stream()},                // diagram: wait bars, data arrows
            {safecolour::blocked(), safecolour::connect()},
            {safecolour::stream(), safecolour::datagram()},
            {safecolour::completed(), safecolour::inProgress()},           // a lesson's progress
        };
        for (const auto &[a, b] : pairs) {
            for (bool protan : {true, false}) {
                const double d = deltaE(simulate(a, protan), simulate(b, protan));
                QVERIFY2(d >= 15, qPrintable(QStringLiteral("%1 vs %2 (%3): ΔE %4").arg(a.name(), b.name(), protan ? QStringLiteral("protan") : QStringLiteral("deutan")).arg(d)));
            }
        }
    }

    // A running lab: the marked lines carry words and patterns, the table's states are words,
    // every view has a name and the painted ones describe what they show.
    void wordsPatternsAndNames()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        window->resize(1280, 800);
        PaneView *server = window->paneView(QStringLiteral("server"));
        PaneView *client = window->paneView(QStringLiteral("client"));
        window->runAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(client->runner()->state() == State::WaitingForInput && server->runner()->blockedIn() == TraceCall::Recv,
                                 kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT((window->refreshViews(), !server->listingView()->markers().isEmpty()), kWaitMs);

        // The server's line: blocked - a word, and the hatched edge (white gaps in it).
        const ListingView::Marker blocked = server->listingView()->markers().front();
        QVERIFY(blocked.blocked);
        QCOMPARE(blocked.tag, QStringLiteral("blocked"));
        const auto [hatchColour, hatchWhite] = edgePixels(server, blocked.line, safecolour::blockedLineStrong());
        QVERIFY2(hatchColour > 5 && hatchWhite > 5, qPrintable(QStringLiteral("%1 %2").arg(hatchColour).arg(hatchWhite)));
        QVERIFY(accessible(server->listing(), QAccessible::Description).contains(QStringLiteral("blocked")));
        // The client's line, waiting for input: a solid edge, no gaps.
        const ListingView::Marker waiting = client->listingView()->markers().front();
        QVERIFY(!waiting.blocked);
        QCOMPARE(waiting.tag, QStringLiteral("waiting for input"));
        const auto [solidColour, solidWhite] = edgePixels(client, waiting.line, safecolour::nextLineStrong());
        QVERIFY2(solidColour > 10 && solidWhite == 0, qPrintable(QStringLiteral("%1 %2").arg(solidColour).arg(solidWhite)));

        // The table says what its colours say.
        const SocketTableModel &table = *window->socketModel();
        int blockedRows = 0;
        for (int row = 0; row < table.rowCount(); ++row) {
            if (table.index(row, 0).data(Qt::BackgroundRole).isValid()) {
                ++blockedRows;
                QVERIFY(table.index(row, SocketTableModel::State).data().toString().startsWith(QStringLiteral("blocked in")));
            }
        }
        QCOMPARE(blockedRows, 1);

        // Names and descriptions.
        LiveViews *views = window->liveViews();
        for (int i = 0; i < views->count(); ++i)
            QVERIFY2(!accessible(views->widget(i), QAccessible::Name).isEmpty(), qPrintable(views->title(i)));
        QVERIFY(accessible(views->view<AcceptQueueGauge>(), QAccessible::Description).contains(QStringLiteral("0 / 5 waiting for accept()")));
        QVERIFY(accessible(views->view<SequenceDiagramView>(), QAccessible::Description).contains(QStringLiteral("lifeline")));
        QVERIFY(!accessible(views->view<ReceiveBufferView>(), QAccessible::Description).isEmpty());
        QVERIFY(!accessible(views->view<SocketServerFlowView>(), QAccessible::Description).isEmpty());
        for (PaneView *pane : window->paneViews()) {
            QVERIFY(accessible(pane->listing(), QAccessible::Name).startsWith(QStringLiteral("Listing of ")));
            QVERIFY(accessible(pane->console(), QAccessible::Name).startsWith(QStringLiteral("Console of ")));
            QVERIFY(accessible(pane->input(), QAccessible::Name).startsWith(QStringLiteral("Input for ")));
            QVERIFY(accessible(pane->stepButton(), QAccessible::Name).endsWith(QStringLiteral(": Step")));
        }
        window->resetAction()->trigger();
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
