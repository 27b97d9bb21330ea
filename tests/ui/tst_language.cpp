// tst_language: View → Language switches the window live (issue #17, item 15): every word of
// the window - menus, tool bar, pane buttons, state lines, tabs, table headers, the lessons
// list - and the lab's own texts - the lesson, the pane titles and the explanation of the
// marked line - say themselves again in the other language, without a restart, and back; the
// choice is kept for the next start.
#include "UiTestSupport.h"

#include <LabNavigator.h>
#include <LabSession.h>
#include <LiveViews.h>
#include <SocketTableModel.h>
#include <UiLanguage.h>

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

using State = PaneRunner::State;
using uitest::kWaitMs;

namespace {

// Every word the window shows, by where it is shown: a widget's or action's place in the
// window and its text.
QMap<QString, QString> wordsOf(MainWindow &window)
{
    for (PaneView *pane : window.paneViews())
        pane->flush();  // the newest step, as the next frame shows it
    QMap<QString, QString> words;
    int n = 0;
    const auto add = [&](const QString &where, const QString &text) {
        if (!text.trimmed().isEmpty())
            words.insert(QStringLiteral("%1#%2").arg(where).arg(n++), text);
    };
    for (QAction *menu : window.menuBar()->actions()) {
        add(QStringLiteral("menu"), menu->text());
        if (menu->menu()) {
            for (QAction *a : menu->menu()->actions())
                if (a->menu() == nullptr && a->data().toString() != QLatin1String("en") && a->data().toString() != QLatin1String("zh_CN"))
                    add(QStringLiteral("action"), a->text());
        }
    }
    for (QAbstractButton *b : window.findChildren<QAbstractButton *>())
        if (b->isVisible())
            add(QStringLiteral("button"), b->text());
    for (QLabel *l : window.findChildren<QLabel *>())
        if (l->isVisible())
            add(QStringLiteral("label"), l->text());
    for (QTabWidget *t : window.findChildren<QTabWidget *>())
        for (int i = 0; i < t->count(); ++i)
            add(QStringLiteral("tab"), t->tabText(i));
    const SocketTableModel *table = window.socketModel();
    for (int c = 0; c < table->columnCount(); ++c)
        add(QStringLiteral("header"), table->headerData(c, Qt::Horizontal).toString());
    for (int i = 0; i < window.liveViewChooser()->count(); ++i)
        add(QStringLiteral("chooser"), window.liveViewChooser()->itemText(i));
    QListWidget *lessons = window.navigator()->list();
    for (int i = 0; i < lessons->count(); ++i) {
        add(QStringLiteral("lesson title"), lessons->item(i)->text());
        add(QStringLiteral("lesson progress"), lessons->item(i)->data(Qt::StatusTipRole).toString());
    }
    add(QStringLiteral("window title"), window.windowTitle());
    add(QStringLiteral("lesson"), window.lessonView()->toPlainText());
    for (PaneView *pane : window.paneViews())
        add(QStringLiteral("explanation"), pane->explanation()->toPlainText());
    return words;
}

// Words in a language: at least one Latin word of four letters that is not code or a name.
bool hasEnglishWord(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\b[A-Za-z]{4,}\\b"));
    static const QStringList names{QStringLiteral("SocketLab"), QStringLiteral("English"), QStringLiteral("BUFSIZ"),
                                   QStringLiteral("tsTserv"), QStringLiteral("tsTclnt"), QStringLiteral("SOURCE"),
                                   QStringLiteral("ALLOWED"), QStringLiteral("SocketServer"), QStringLiteral("socketserver"),
                                   QStringLiteral("recv"), QStringLiteral("accept"), QStringLiteral("Recv"), QStringLiteral("Send")};
    QRegularExpressionMatchIterator it = word.globalMatch(text);
    while (it.hasNext()) {
        const QString w = it.next().captured();
        if (!names.contains(w))
            return true;
    }
    return false;
}

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        uitest::keepSettingsApart("tst_language");
        m_catalog = uitest::builtInCatalog();
        UiLanguage::install(QStringLiteral("en"));
    }

    void everyWordSwitchesAndBack()
    {
        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        PaneView *server = window->paneView(QStringLiteral("server"));
        QSignalSpy steps(server->runner(), &PaneRunner::stepReached);
        for (int i = 1; i <= 3; ++i) {  // a marked line with its explanation: each Step reaches the next
            QTest::mouseClick(server->stepButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(steps.count() == i && server->runner()->state() == State::Paused, kWaitMs);
        }
        const PaneDefinition &serverPane = *m_catalog.find(QStringLiteral("tcp-timestamp"))->pane(QStringLiteral("server"));
        const auto explained = [&] { return serverPane.steps.value(server->runner()->currentStep()).explanation.en; };
        QTRY_VERIFY_WITH_TIMEOUT(!explained().isEmpty() && (server->flush(), server->explanation()->toPlainText() == explained()), kWaitMs);
        window->refreshViews();
        const QMap<QString, QString> english = wordsOf(*window);

        window->languageAction(QStringLiteral("zh_CN"))->trigger();
        window->refreshViews();
        const QMap<QString, QString> chinese = wordsOf(*window);
        QCOMPARE(chinese.keys(), english.keys());  // the same places, each with its words
        int switched = 0;
        for (auto it = english.cbegin(); it != english.cend(); ++it) {
            if (!hasEnglishWord(it.value()))
                continue;
            QVERIFY2(chinese.value(it.key()) != it.value(), qPrintable(it.key() + QStringLiteral(": ") + it.value()));
            ++switched;
        }
        QVERIFY(switched > 50);
        // The lab's own texts in Chinese, from the lab.
        const LabDefinition &lab = *m_catalog.find(QStringLiteral("tcp-timestamp"));
        QVERIFY(window->windowTitle().contains(lab.title.zhCN));
        QVERIFY(window->lessonView()->toPlainText().contains(lab.title.zhCN));
        const QString step = server->moments().front().stepId;
        QCOMPARE(server->explanation()->toPlainText(), lab.pane(QStringLiteral("server"))->steps.value(step).explanation.zhCN);
        QCOMPARE(UiLanguage::installed(), QStringLiteral("zh_CN"));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));  // the next start's
        QVERIFY(window->languageAction(QStringLiteral("zh_CN"))->isChecked());

        window->languageAction(QStringLiteral("en"))->trigger();
        window->refreshViews();
        const QMap<QString, QString> back = wordsOf(*window);
        for (auto it = english.cbegin(); it != english.cend(); ++it) {
            if (it.key().startsWith(QLatin1String("label")) && it.value().contains(QStringLiteral("traced")))
                continue;  // the trace counter moves on
            QCOMPARE(back.value(it.key()), it.value());
        }
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en"));
        window->resetAction()->trigger();
    }

private:
    QTemporaryDir m_settings;
    LabCatalog m_catalog;
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
