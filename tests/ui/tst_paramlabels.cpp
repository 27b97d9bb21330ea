// tst_paramlabels: the parameter labels lose no text (issue #17, item 4): in Chinese, in the
// concurrency lab's three narrow panes at 1280×800, every label shows all its lines (it wraps,
// the form scrolls) and the window stays 800 high; and a parameter's tooltip names it as the
// listing does (BUFSIZ, not bufsize: item 13).
#include "UiTestSupport.h"

#include <ParamEditor.h>

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QtTest>

class TestParamLabels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        uitest::keepSettingsApart("tst_paramlabels");
        m_catalog = uitest::builtInCatalog();
    }

    void labelsKeepEveryWord_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void labelsKeepEveryWord()
    {
        QFETCH(QString, language);
        MainWindow window(m_catalog, language, QStringLiteral("socketserver-concurrency"));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents();
        QCOMPARE(window.height(), 800);  // nothing pushed the window past the screen
        int labels = 0;
        for (PaneView *pane : window.paneViews()) {
            for (const ParamDefinition &p : pane->runner()->definition().params) {
                QLabel *label = pane->paramEditor()->label(p.name);
                QVERIFY(label);
                QCOMPARE(label->text(), p.label.in(language));
                // All its lines fit the label's own height: wrapped, none cut off.
                QVERIFY2(label->wordWrap(), qPrintable(label->text()));
                QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                         qPrintable(QStringLiteral("%1: %2 < %3").arg(label->text()).arg(label->height()).arg(label->heightForWidth(label->width()))));
                // And the form can show it: inside the scrolled area's content, reachable by scrolling.
                QScrollArea *area = pane->paramsArea();
                const QRect inForm(label->mapTo(area->widget(), QPoint(0, 0)), label->size());
                QVERIFY(area->widget()->rect().contains(inForm));
                QVERIFY(inForm.bottom() <= area->viewport()->height() + area->verticalScrollBar()->maximum());
                ++labels;
            }
        }
        QVERIFY(labels >= 8);
    }

    // The listing says BUFSIZ: so does the tooltip, with the line its value goes into.
    void tooltipNamesTheValueAsTheListingDoes()
    {
        MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
        QLabel *label = window.paneView(QStringLiteral("client"))->paramEditor()->label(QStringLiteral("bufsize"));
        QVERIFY(label);
        QVERIFY2(label->toolTip().contains(QStringLiteral("BUFSIZ = 1024")), qPrintable(label->toolTip()));
        QVERIFY(!label->toolTip().contains(QStringLiteral("bufsize")));
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestParamLabels)
#include "tst_paramlabels.moc"
