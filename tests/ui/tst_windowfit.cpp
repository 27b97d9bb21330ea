// tst_windowfit: every built-in lab fits the screen it is opened on. At 1280×800 (in English
// and Chinese) and in the classroom layout at 1280×720 and 1920×1080 the window keeps the
// screen's width, its least width fits, and every pane's action is still within reach: a
// button in the pane's row, inside the pane, or an entry of the row's "Tools" menu. Three
// panes side by side once made the window 1455 px wide, past a 1280 px screen.
#include "UiTestSupport.h"

#include <FaultControl.h>
#include <PaneToolRow.h>
#include <SelfStudy.h>

#include <QMenu>
#include <QScrollArea>
#include <QToolButton>
#include <QtTest>

namespace {

// The button shown whole inside its pane (not pushed past the pane's right edge).
bool shownInside(const QWidget *button, const PaneView *pane)
{
    if (!button->isVisible())
        return false;
    const QRect inPane(button->mapTo(pane, QPoint(0, 0)), button->size());
    return pane->rect().contains(inPane);
}

// The fold menu's entries, as the learner sees them when it opens.
QList<QAction *> foldEntries(PaneToolRow *row)
{
    emit row->foldMenu()->aboutToShow();
    return row->foldMenu()->actions();
}

QString reachProblem(PaneView *pane)
{
    const QString name = pane->runner()->paneId();
    for (QToolButton *control : {pane->stepButton(), pane->runButton(), pane->pauseButton(), pane->stopButton()}) {
        if (!shownInside(control, pane))
            return QStringLiteral("%1: %2 not shown whole").arg(name, control->text());
    }
    PaneToolRow *row = pane->toolRow();
    if (row->isFolded() && !shownInside(row->foldButton(), pane))
        return QStringLiteral("%1: the Tools button not shown whole").arg(name);
    const QList<QAction *> entries = row->isFolded() ? foldEntries(row) : QList<QAction *>();
    for (QToolButton *tool : row->tools()) {
        const bool inMenu = std::any_of(entries.begin(), entries.end(), [tool](const QAction *a) { return a->text() == tool->text(); });
        if (!(row->isFolded() ? inMenu : shownInside(tool, pane)))
            return QStringLiteral("%1: %2 neither in the row nor in the Tools menu").arg(name, tool->text());
    }
    return {};
}

} // namespace

class TestWindowFit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        uitest::keepSettingsApart("tst_windowfit");
        m_catalog = uitest::builtInCatalog();
        QVERIFY(m_catalog.labs().size() >= 10);
    }

    void everyLabFits_data()
    {
        QTest::addColumn<QString>("lab");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("classroom");
        struct Screen {
            QSize size;
            const char *language;
            bool classroom;
        };
        const Screen screens[] = {{{1280, 800}, "en", false},
                                  {{1280, 800}, "zh_CN", false},
                                  {{1280, 720}, "en", true},
                                  {{1920, 1080}, "zh_CN", true}};
        for (const LabDefinition &lab : m_catalog.labs()) {
            for (const Screen &s : screens) {
                const QString tag = QStringLiteral("%1 %2x%3 %4%5").arg(lab.id).arg(s.size.width()).arg(s.size.height())
                                        .arg(QLatin1String(s.language), s.classroom ? QStringLiteral(" classroom") : QString());
                QTest::newRow(qPrintable(tag)) << lab.id << s.size << QString::fromLatin1(s.language) << s.classroom;
            }
        }
    }

    void everyLabFits()
    {
        QFETCH(QString, lab);
        QFETCH(QSize, size);
        QFETCH(QString, language);
        QFETCH(bool, classroom);
        auto window = uitest::openWindow(m_catalog, lab, language);
        // As on that screen: the layout chosen (and laid out), then the window made the screen's size.
        window->setPresentationMode(classroom);
        QCoreApplication::processEvents();
        window->resize(size);
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();  // the panes' rows fold or unfold at their new widths
        QVERIFY(!window->paneViews().isEmpty());
        QVERIFY2(window->minimumSizeHint().width() <= size.width(), qPrintable(QString::number(window->minimumSizeHint().width())));
        QVERIFY2(window->minimumSize().width() <= size.width(), qPrintable(QString::number(window->minimumSize().width())));
        QCOMPARE(window->size(), size);  // nothing pushed the window past the screen
        for (PaneView *pane : window->paneViews()) {
            QVERIFY2(pane->minimumSizeHint().width() * window->paneViews().size() < size.width(),
                     qPrintable(QStringLiteral("%1: %2 px").arg(pane->runner()->paneId()).arg(pane->minimumSizeHint().width())));
            // Faults (self-study) and Parameters are there on every screen; the learner's own
            // program only at the desk.
            const QList<QToolButton *> tools = pane->toolRow()->tools();
            QVERIFY(tools.contains(pane->paramsButton()));
            QCOMPARE(tools.contains(pane->programButton()), !classroom);
            QVERIFY(tools.contains(window->selfStudy()->faultControl(pane->runner()->paneId())));
            const QString problem = reachProblem(pane);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    // Three panes at 1280 px fold their tools; the Tools button is a keyboard stop with a name,
    // and its entries do what the buttons do.
    void foldedToolsWork()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("socket-object"));
        window->resize(1280, 800);
        QCoreApplication::processEvents();
        QCOMPARE(window->paneViews().size(), 3);
        PaneView *pane = window->paneViews().first();
        PaneToolRow *row = pane->toolRow();
        QTRY_VERIFY(row->isFolded());
        QVERIFY(row->foldButton()->focusPolicy() & Qt::TabFocus);
        QVERIFY(row->foldButton()->accessibleName().contains(pane->runner()->definition().title.in(QStringLiteral("en"))));
        QVERIFY(!pane->paramsButton()->isVisible());

        const QList<QAction *> entries = foldEntries(row);
        const auto entry = [&entries](const QString &text) {
            const auto it = std::find_if(entries.begin(), entries.end(), [&text](const QAction *a) { return a->text() == text; });
            return it == entries.end() ? nullptr : *it;
        };
        QAction *params = entry(pane->paramsButton()->text());
        QVERIFY(params && params->isCheckable());
        const bool shown = pane->paramsButton()->isChecked();
        QCOMPARE(params->isChecked(), shown);
        params->trigger();
        QCOMPARE(pane->paramsButton()->isChecked(), !shown);
        QCOMPARE(pane->paramsArea()->isVisibleTo(pane), !shown);
        // A tool with its own menu is its submenu: the same entries, not a copy.
        QAction *program = entry(pane->programButton()->text());
        QVERIFY(program && program->menu() == pane->programButton()->menu());
        QAction *faults = entry(window->selfStudy()->faultControl(pane->runner()->paneId())->text());
        QVERIFY(faults && faults->menu());

        // Widened, the row unfolds; narrowed again, it folds again.
        window->resize(2560, 1440);
        QTRY_VERIFY(!row->isFolded());
        QVERIFY(shownInside(pane->paramsButton(), pane));
        window->resize(1280, 800);
        QTRY_VERIFY(row->isFolded());
    }

    // A pane wide enough for the whole row shows its tools in the row, no Tools button.
    void wideRowUnfolds()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        window->resize(1920, 1080);
        QCoreApplication::processEvents();
        for (PaneView *pane : window->paneViews()) {
            QTRY_VERIFY(!pane->toolRow()->isFolded());
            QVERIFY(!pane->toolRow()->foldButton()->isVisible());
            QVERIFY(shownInside(pane->paramsButton(), pane));
            QVERIFY(shownInside(pane->programButton(), pane));
        }
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
