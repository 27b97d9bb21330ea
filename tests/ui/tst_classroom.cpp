// tst_classroom: the classroom layout read from the back of a room (issue #17, item 14), at
// 1920×1080 and 1280×720, in English and Chinese, with a wide live view under the listings
// (the socket table) and a tall one beside them (the sequence diagram): the lesson text folded
// away; every text at least 20 px; at 1920×1080 each pane shows at least 15 listing lines;
// the console shows lines; no label is cut; at 1920×1080 no column of the table, no
// lifeline of the diagram; the window stays the size of the screen.
#include "UiTestSupport.h"

#include <LiveViews.h>
#include <SequenceDiagramView.h>
#include <SequenceRenderer.h>
#include <SocketTableView.h>
#include <TraceEvent.h>

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QFontInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

using namespace socketlab;
using State = PaneRunner::State;
using uitest::kWaitMs;

namespace {

bool isVisibleText(const QWidget *w)
{
    return w->isVisible()
        && (qobject_cast<const QLabel *>(w) || qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w)
            || qobject_cast<const QAbstractScrollArea *>(w) || qobject_cast<const QTabBar *>(w) || qobject_cast<const QComboBox *>(w));
}

} // namespace

class TestClassroom : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        uitest::keepSettingsApart("tst_classroom");
        m_catalog = uitest::builtInCatalog();
    }

    void readableFromTheBack_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("view");  // LiveViews' index: 0 the socket table (under), 1 the diagram (beside)
        for (const QSize size : {QSize(1920, 1080), QSize(1280, 720)}) {
            for (const char *language : {"en", "zh_CN"}) {
                for (int view : {0, 1}) {
                    const QString name = QStringLiteral("%1x%2 %3 %4").arg(size.width()).arg(size.height()).arg(QLatin1String(language)).arg(view == 0 ? QStringLiteral("table") : QStringLiteral("diagram"));
                    QTest::newRow(qPrintable(name)) << size << QString::fromLatin1(language) << view;
                }
            }
        }
    }

    void readableFromTheBack()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        QFETCH(int, view);
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"), language);
        window->resize(size);
        window->setPresentationMode(true);
        window->setClassroomView(view);
        PaneView *server = window->paneView(QStringLiteral("server"));
        PaneView *client = window->paneView(QStringLiteral("client"));
        window->runAllAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(client->runner()->state() == State::WaitingForInput && server->runner()->blockedIn() == TraceCall::Recv,
                                 kWaitMs);
        QTest::keyClicks(client->input(), QStringLiteral("hello"));
        QTest::keyClick(client->input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(client->console()->toPlainText().contains(QStringLiteral("] hello")), kWaitMs);
        window->refreshViews();
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();  // the layout's second pass (the split fitted to the listings)
        window->refreshViews();
        uitest::shoot(*window, QStringLiteral("classroom-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));

        QCOMPARE(window->size(), size);  // nothing pushed the window past the screen
        QVERIFY(!window->lessonColumn()->isVisible());

        // Every text of the window at least 20 px.
        const QList<QWidget *> widgets = window->findChildren<QWidget *>();
        for (const QWidget *w : widgets) {
            if (isVisibleText(w))
                QVERIFY2(QFontInfo(w->font()).pixelSize() >= MainWindow::kClassroomMinPixels,
                         qPrintable(QStringLiteral("%1 %2: %3 px").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName()).arg(QFontInfo(w->font()).pixelSize())));
        }
        // No label cut: a wrapping one is as tall as its lines, another as wide as its text.
        for (const QLabel *label : window->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            if (label->wordWrap())
                QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
            else
                QVERIFY2(label->width() >= label->sizeHint().width() - 2, qPrintable(label->text()));
        }
        // The toolbars show all their controls (none behind an overflow button).
        for (const char *name : {"labToolbar", "classroomToolbar"}) {
            const QToolBar *toolbar = window->findChild<QToolBar *>(QString::fromLatin1(name));
            QVERIFY(toolbar && toolbar->isVisible());
            const QToolButton *overflow = toolbar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
            QVERIFY2(!overflow || !overflow->isVisible(), name);
        }

        for (PaneView *pane : window->paneViews()) {
            const int lines = pane->listingView()->visibleLines();
            QVERIFY2(lines >= (size.height() >= 1080 ? MainWindow::kClassroomListingLines : 8), qPrintable(QString::number(lines)));
            const int consoleLines = pane->console()->viewport()->height() / pane->console()->fontMetrics().lineSpacing();
            QVERIFY2(consoleLines >= 2, qPrintable(QString::number(consoleLines)));
            QVERIFY(pane->input()->isVisible());
        }

        // The chosen view is the one shown, with room, and none of it cut off.
        QWidget *shown = window->liveViews()->widget(view);
        QVERIFY(shown->isVisible());
        // At 1280×720 with 20 px text the table's twelve columns and the diagram's three
        // lifelines are wider than their room: they scroll sideways there (the listings first).
        const bool fullHd = size.width() >= 1920;
        if (view == 0) {
            auto *table = qobject_cast<SocketTableView *>(shown);
            QVERIFY(table->height() >= table->horizontalHeader()->height() + 4 * table->verticalHeader()->defaultSectionSize());
            const QHeaderView *header = table->horizontalHeader();
            for (int column = 0; fullHd && column < header->count(); ++column)
                QVERIFY2(header->sectionViewportPosition(column) + header->sectionSize(column) <= table->viewport()->width() + 1,
                         qPrintable(table->model()->headerData(column, Qt::Horizontal).toString()));
        } else {
            auto *diagram = qobject_cast<SequenceDiagramView *>(shown);
            if (fullHd)
                QCOMPARE(diagram->horizontalScrollBar()->maximum(), 0);
            QVERIFY(diagram->model().lifelines().size() >= 3);
            QVERIFY(diagram->height() >= size.height() / 2);
            // The diagram's small text (times, stages) at least 20 px too.
            QVERIFY(QFontInfo(diagram->renderer().smallFont()).pixelSize() >= MainWindow::kClassroomMinPixels);
        }
        window->resetAction()->trigger();
        window->setPresentationMode(false);
        QVERIFY(window->lessonColumn()->isVisible());
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestClassroom)
#include "tst_classroom.moc"
