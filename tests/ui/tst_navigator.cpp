// tst_navigator: the lesson list on the built-in catalog, with progress kept under a
// temporary settings path. Labs appear in their order with titles in the learner's
// language; each shows its steps reached (bar, tooltip) and, in a lab with exercises, how
// many passed, refreshed as they are recorded, and "completed" once the exercises passed; setCurrentLab marks a lab without choosing it;
// a click or Enter on another lab chooses it once, a double click too.
#include "UiTestSupport.h"

#include <LabLoader.h>
#include <LabNavigator.h>
#include <LabProgress.h>

#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestNavigator : public QObject {
    Q_OBJECT

private:
    QListWidgetItem *itemOf(const LabNavigator &nav, const QString &id) const
    {
        return nav.list()->item(int(nav.labIds().indexOf(id)));
    }
    void click(LabNavigator &nav, const QString &id, bool twice = false) const
    {
        const QPoint at = nav.list()->visualItemRect(itemOf(nav, id)).center();
        QTest::mouseClick(nav.list()->viewport(), Qt::LeftButton, {}, at);
        if (twice) {  // as the window system delivers one: press, release, double click, release
            QTest::mouseDClick(nav.list()->viewport(), Qt::LeftButton, {}, at);
            QTest::mouseRelease(nav.list()->viewport(), Qt::LeftButton, {}, at);
        }
    }
    // Every step of a lab reached once, as running it through would.
    void reachAll(LabProgress &progress, const LabDefinition &lab) const
    {
        for (const PaneDefinition &pane : lab.panes) {
            for (auto it = pane.steps.cbegin(); it != pane.steps.cend(); ++it)
                progress.recordStep(lab.id, pane.id, it.key());
        }
    }

    QTemporaryDir m_settingsDir;
    LabCatalog m_catalog;

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_navigator"));
        m_catalog.loadFrom(LabCatalog::builtInRoot());
        QVERIFY(m_catalog.labs().size() >= 3);
    }

    void init() { QSettings().clear(); }

    void labsInOrderAndLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("zh_CN") << "zh_CN";
    }

    // Labs handed over in neither their order nor their ids' order: the list shows them by
    // "order", numbered, titled in the learner's language. The expectation is written out,
    // not computed the way the navigator computes it.
    void labsInOrderAndLanguage()
    {
        QFETCH(QString, language);
        const auto lab = [](const char *id, int order, const char *en, const char *zh) {
            LabDefinition d;
            d.id = QString::fromLatin1(id);
            d.order = order;
            d.title = {QString::fromUtf8(en), QString::fromUtf8(zh)};
            return d;
        };
        const QList<LabDefinition> handedOver = {lab("charlie", 20, "Charlie", "丙"), lab("alpha", 30, "Alpha", "甲"),
                                                 lab("bravo", 10, "Bravo", "乙"), lab("delta", 20, "Delta", "丁")};
        LabProgress progress;
        progress.setLabs(handedOver);
        LabNavigator nav(handedOver, &progress, language);
        QCOMPARE(nav.labIds(), (QStringList{"bravo", "charlie", "delta", "alpha"}));
        const QStringList shown = language == QLatin1String("en")
                                      ? QStringList{"1  Bravo", "2  Charlie", "3  Delta", "4  Alpha"}
                                      : QStringList{"1  乙", "2  丙", "3  丁", "4  甲"};
        for (int row = 0; row < shown.size(); ++row)
            QCOMPARE(nav.list()->item(row)->text(), shown.at(row));

        // Another language: other titles, the same order.
        nav.setLanguage(language == QLatin1String("en") ? QStringLiteral("zh_CN") : QStringLiteral("en"));
        QCOMPARE(nav.labIds(), (QStringList{"bravo", "charlie", "delta", "alpha"}));
        QCOMPARE(nav.list()->item(0)->text(), language == QLatin1String("en") ? QStringLiteral("1  乙") : QStringLiteral("1  Bravo"));
    }

    // The built-in labs in the order of the lessons they belong to (DESIGN.md's lesson map:
    // the TCP server, then UDP, then socketserver and its variants), each listed once.
    void builtInLabsInLessonOrder()
    {
        LabProgress progress;
        progress.setLabs(m_catalog.labs());
        QList<LabDefinition> reversed(m_catalog.labs().crbegin(), m_catalog.labs().crend());
        LabNavigator nav(reversed, &progress, QStringLiteral("en"));
        const QStringList syllabus{"tcp-timestamp", "udp-timestamp", "socketserver", "socketserver-echo",
                                   "socketserver-concurrency", "udp-socketserver"};
        QStringList known = nav.labIds();
        known.removeIf([&](const QString &id) { return !syllabus.contains(id); });
        QCOMPARE(known, syllabus);
        QStringList all = nav.labIds();
        all.removeDuplicates();
        QCOMPARE(all.size(), m_catalog.labs().size());
    }

    void progressShownAndRefreshed()
    {
        const LabDefinition &tcp = *m_catalog.find(QStringLiteral("tcp-timestamp"));
        LabProgress progress;
        progress.setLabs(m_catalog.labs());
        progress.recordStep(tcp.id, QStringLiteral("server"), QStringLiteral("socket"));  // from an earlier run
        LabNavigator nav(m_catalog.labs(), &progress, QStringLiteral("en"));
        const int total = progress.stepCount(tcp.id);
        QVERIFY(total > 2);
        // The lab has exercises: the line counts them (what "completed" means there), the bar
        // and the tooltip the steps.
        QVERIFY(!tcp.exercises.isEmpty());
        const QString noneYet = QStringLiteral("0 / %1 exercises").arg(tcp.exercises.size());
        QCOMPARE(nav.progressText(tcp.id), noneYet);
        QVERIFY(itemOf(nav, tcp.id)->toolTip().contains(QStringLiteral("Steps reached: 1 of %1").arg(total)));

        // Recorded while the navigator shows it: it follows without being told.
        progress.recordStep(tcp.id, QStringLiteral("server"), QStringLiteral("bind"));
        progress.recordStep(tcp.id, QStringLiteral("server"), QStringLiteral("bind"));
        QListWidgetItem *item = itemOf(nav, tcp.id);
        QVERIFY(item->toolTip().contains(QStringLiteral("Steps reached: 2 of %1").arg(total)));
        QCOMPARE(item->data(LabNavigator::ReachedRole).toInt(), 2);
        QCOMPARE(item->data(LabNavigator::TotalRole).toInt(), total);
        QVERIFY(!item->data(LabNavigator::CompletedRole).toBool());

        // Every step reached is not "completed" in a lab with exercises: passing them is.
        reachAll(progress, tcp);
        QVERIFY(!item->data(LabNavigator::CompletedRole).toBool());
        for (const ExerciseDefinition &exercise : tcp.exercises)
            progress.recordExercise(tcp.id, exercise.id, true);
        QVERIFY(item->data(LabNavigator::CompletedRole).toBool());
        QVERIFY(nav.progressText(tcp.id).contains(QStringLiteral("completed")));
        for (const QString &other : nav.labIds()) {
            if (other != tcp.id)
                QCOMPARE(itemOf(nav, other)->data(LabNavigator::ReachedRole).toInt(), 0);
        }

        // Forgotten: back to nothing; refresh() reads everything again.
        progress.forget(tcp.id);
        QCOMPARE(nav.progressText(tcp.id), noneYet);
        QCOMPARE(item->data(LabNavigator::ReachedRole).toInt(), 0);
        nav.refresh();
        QCOMPARE(nav.progressText(tcp.id), noneYet);
    }

    void clickAndEnterChoose()
    {
        LabProgress progress;
        progress.setLabs(m_catalog.labs());
        LabNavigator nav(m_catalog.labs(), &progress, QStringLiteral("en"));
        nav.resize(300, 400);
        nav.show();
        QVERIFY(QTest::qWaitForWindowExposed(&nav));
        QSignalSpy chosen(&nav, &LabNavigator::labChosen);
        const QStringList ids = nav.labIds();

        nav.setCurrentLab(ids.at(1));
        QCOMPARE(chosen.count(), 0);  // marking is not choosing
        QCOMPARE(nav.currentLab(), ids.at(1));
        QCOMPARE(nav.list()->currentItem(), itemOf(nav, ids.at(1)));
        for (const QString &id : ids)
            QCOMPARE(itemOf(nav, id)->data(LabNavigator::CurrentRole).toBool(), id == ids.at(1));

        click(nav, ids.at(0));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.last().at(0).toString(), ids.at(0));
        QCOMPARE(nav.currentLab(), ids.at(0));
        QVERIFY(itemOf(nav, ids.at(0))->data(LabNavigator::CurrentRole).toBool());
        click(nav, ids.at(0));  // the open lab again: nothing to do
        QCOMPARE(chosen.count(), 1);

        click(nav, ids.at(2), true);  // a double click chooses once
        QCOMPARE(chosen.count(), 2);
        QCOMPARE(chosen.last().at(0).toString(), ids.at(2));

        // The keyboard: Up moves the selection without choosing; Enter chooses.
        nav.list()->setFocus();
        QTest::keyClick(nav.list(), Qt::Key_Up);
        QCOMPARE(chosen.count(), 2);
        QCOMPARE(nav.list()->currentItem(), itemOf(nav, ids.at(1)));
        QTest::keyClick(nav.list(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 3);
        QCOMPARE(chosen.last().at(0).toString(), ids.at(1));

        // An id the catalog does not have marks none.
        nav.setCurrentLab(QStringLiteral("no-such-lab"));
        for (const QString &id : ids)
            QVERIFY(!itemOf(nav, id)->data(LabNavigator::CurrentRole).toBool());
    }

    void rendered_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("zh_CN") << "zh_CN";
    }

    void rendered()
    {
        // The look, with one lab completed and one under way (saved when SOCKETLAB_SHOTS is set).
        QFETCH(QString, language);
        LabProgress progress;
        progress.setLabs(m_catalog.labs());
        const QStringList ids = [&] { LabNavigator n(m_catalog.labs(), &progress, language); return n.labIds(); }();
        reachAll(progress, *m_catalog.find(ids.at(0)));
        const LabDefinition &second = *m_catalog.find(ids.at(1));
        progress.recordStep(second.id, second.panes.first().id, second.panes.first().steps.cbegin().key());
        progress.recordStep(second.id, second.panes.last().id, second.panes.last().steps.cbegin().key());
        LabNavigator nav(m_catalog.labs(), &progress, language);
        nav.setCurrentLab(ids.at(1));
        nav.resize(260, 220);
        nav.show();
        QVERIFY(QTest::qWaitForWindowExposed(&nav));
        const QImage image = nav.grab().toImage();
        QVERIFY(!image.isNull());
        // The rows are as tall as their two lines of text: none is clipped.
        const QRect row = nav.list()->visualItemRect(nav.list()->item(0));
        QVERIFY(row.height() >= 2 * nav.list()->fontMetrics().height());
        uitest::shoot(nav, QStringLiteral("navigator-") + language);
    }
};

QTEST_MAIN(TestNavigator)
#include "tst_navigator.moc"
