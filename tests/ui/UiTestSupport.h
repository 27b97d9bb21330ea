// What the window suites share: the built-in catalog, a window opened on a lab with its server
// on a free port, the marked listing lines, and waits on the window's own ticks.
#pragma once

#include <LabLoader.h>
#include <ListingView.h>
#include <MainWindow.h>
#include <PaneRunner.h>
#include <PaneView.h>
#include <TraceEvent.h>
#include <UiLanguage.h>

#include <QCoreApplication>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTextBlock>
#include <QToolButton>
#include <QtTest>

#include <memory>

namespace uitest {

constexpr int kWaitMs = 10000;

inline LabCatalog builtInCatalog()
{
    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    return catalog;
}

// Settings of the test binaries stay apart from the user's (and from each other's). These
// suites are about the window, not the self-study loop: no prediction card holds a pane
// before its key step (tst_selfstudy asks them).
inline void keepSettingsApart(const char *suite)
{
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTests"));
    QCoreApplication::setApplicationName(QString::fromLatin1(suite));
    QSettings().setValue(QStringLiteral("selfStudy/askPredictions"), false);
}

// The window on a lab, shown, with the server (when it has a port) on a free port.
inline std::unique_ptr<MainWindow> openWindow(const LabCatalog &catalog, const QString &lab, const QString &language = QStringLiteral("en"))
{
    UiLanguage::install(language);  // as main() does before it opens the window: "%n byte(s)" reads "8 bytes"
    auto window = std::make_unique<MainWindow>(catalog, language, lab);
    window->show();
    if (PaneView *server = window->paneView(QStringLiteral("server"))) {
        if (server->runner()->definition().param(QStringLiteral("port")))
            server->runner()->setParam(QStringLiteral("port"), QStringLiteral("0"));
    }
    return window;
}

// tcp-timestamp with its server serving the first client (blocked in recv()), then a second
// client, added and run, connected and at its prompt: the kernel has queued its connection.
// The order is made, not hoped for: run together, either client may be the one accepted.
inline PaneView *secondClientQueued(MainWindow &window)
{
    PaneView *server = window.paneView(QStringLiteral("server"));
    window.runAllAction()->trigger();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(server->runner()->blockedIn() == socketlab::TraceCall::Recv, kWaitMs); }();
    window.addPaneAction()->trigger();
    PaneView *second = window.paneView(QStringLiteral("client-2"));
    if (QTest::currentTestFailed() || !second)
        return nullptr;
    second->runButton()->click();
    [&] { QTRY_COMPARE_WITH_TIMEOUT(second->runner()->state(), PaneRunner::State::WaitingForInput, kWaitMs); }();
    return QTest::currentTestFailed() ? nullptr : second;
}

// The text of each marked listing line, the focus first.
inline QStringList markedLines(PaneView *view)
{
    QStringList out;
    const QList<ListingView::Marker> markers = view->listingView()->markers();
    for (bool focus : {true, false}) {
        for (const ListingView::Marker &m : markers) {
            if (m.focus == focus)
                out << view->listing()->document()->findBlockByNumber(m.line - 1).text();
        }
    }
    return out;
}

inline QString focusLine(PaneView *view)
{
    const QStringList lines = markedLines(view);
    return lines.isEmpty() ? QString() : lines.first();
}

} // namespace uitest
