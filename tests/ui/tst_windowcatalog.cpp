// tst_windowcatalog: the window and the labs it lists, as a teacher writing a lab meets them
// (issue #17 items 5, 13 and 16, issue #20 items 5 and 6): a lab folder that fails to load is
// listed greyed with its file, place and problem; a teacher's lab that replaces a built-in one
// says so; Lab → Reload labs shows a new or changed lab without a restart; Lab → Open my labs
// folder opens (and first makes) the user's folder; Help → About names the version and where
// labs come from; a right click on a lesson does not move the selection. And the window keeps
// the size the user left it at, taking a default only when none was kept.
#include "UiTestSupport.h"

#include <LabNavigator.h>

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace {

// A built-in lab's files copied to a folder of a teacher's (lab.json's id and title changed).
bool copyLab(const QString &builtIn, const QString &to, const QString &id, const QString &title)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator files(QStringLiteral(":/labs/") + builtIn, QDir::Files);
    while (files.hasNext()) {
        const QString file = files.next();
        if (!QFile::copy(file, to + QLatin1Char('/') + files.fileName()))
            return false;
        QFile::setPermissions(to + QLatin1Char('/') + files.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QFile json(to + QStringLiteral("/lab.json"));
    if (!json.open(QIODevice::ReadOnly))
        return false;
    QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    json.close();
    root.insert(QStringLiteral("id"), id);
    QJsonObject titles = root.value(QStringLiteral("title")).toObject();
    titles.insert(QStringLiteral("en"), title);
    root.insert(QStringLiteral("title"), titles);
    return json.open(QIODevice::WriteOnly | QIODevice::Truncate) && json.write(QJsonDocument(root).toJson()) > 0;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return QDir().mkpath(QFileInfo(path).path()) && f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Records the URLs the window asks the desktop to open.
class UrlRecorder : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

} // namespace

class TestWindowCatalog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid() && m_labs.isValid());
        qputenv("XDG_DATA_HOME", m_home.path().toLocal8Bit());  // the user's labs folder goes here
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
        uitest::keepSettingsApart("tst_windowcatalog");
        // A teacher's folder: a copy replacing the built-in tcp-timestamp, and a broken lab.
        QVERIFY(copyLab(QStringLiteral("tcp-timestamp"), m_labs.filePath(QStringLiteral("tcp-timestamp")),
                        QStringLiteral("tcp-timestamp"), QStringLiteral("My TCP timestamp lab")));
        QVERIFY(writeFile(m_labs.filePath(QStringLiteral("broken/lab.json")),
                          R"({ "id": "broken", "order": 99, "title": { "en": "A lab in the making", "zh_CN": "写了一半的实验" },
                               "lesson": { "en": "lesson.en.md" },
                               "panes": [ { "id": "p", "title": { "en": "P" }, "program": "no-such-program", "listing": "p.py", "steps": {} } ] })"));
        QVERIFY(writeFile(m_labs.filePath(QStringLiteral("broken/lesson.en.md")), "# A lab\n"));
        QVERIFY(writeFile(m_labs.filePath(QStringLiteral("broken/p.py")), "print('hi')\n"));
    }

    void init() { QSettings().clear(); }

    // The broken lab is listed, greyed and not selectable, with file, place and problem; the
    // teacher's tcp-timestamp says it replaces the built-in one.
    void failedAndReplacedLabsAreListed()
    {
        auto window = openWithTeachersLabs();
        LabNavigator *nav = window->navigator();
        QListWidgetItem *broken = nav->failedItem(QStringLiteral("broken"));
        QVERIFY(broken);
        QVERIFY(broken->text().contains(QStringLiteral("A lab in the making")));
        QVERIFY(!(broken->flags() & Qt::ItemIsSelectable));
        const QString line = broken->data(Qt::StatusTipRole).toString();
        QVERIFY2(line.contains(QStringLiteral("lab.json")) && line.contains(QStringLiteral("panes[0].program"))
                     && line.contains(QStringLiteral("no program is called \"no-such-program\"")),
                 qPrintable(line));
        QVERIFY(broken->toolTip().contains(QDir::toNativeSeparators(m_labs.filePath(QStringLiteral("broken")))));
        // A click on it opens nothing.
        const QString before = window->labId();
        QTest::mouseClick(nav->list()->viewport(), Qt::LeftButton, {}, nav->list()->visualItemRect(broken).center());
        QCOMPARE(window->labId(), before);

        QVERIFY2(nav->progressText(QStringLiteral("tcp-timestamp")).contains(QStringLiteral("in place of the built-in one")),
                 qPrintable(nav->progressText(QStringLiteral("tcp-timestamp"))));
        QVERIFY(!nav->progressText(QStringLiteral("udp-timestamp")).contains(QStringLiteral("in place of")));
    }

    // A right click on another lesson leaves the open one selected, and offers to open it.
    void rightClickDoesNotMoveTheSelection()
    {
        auto window = openWithTeachersLabs();
        QListWidget *list = window->navigator()->list();
        const int row = int(window->navigator()->labIds().indexOf(QStringLiteral("udp-timestamp")));
        QTest::mouseClick(list->viewport(), Qt::RightButton, {}, list->visualItemRect(list->item(row)).center());
        QCOMPARE(window->labId(), QStringLiteral("tcp-timestamp"));
        QCOMPARE(list->currentItem()->data(LabNavigator::LabIdRole).toString(), QStringLiteral("tcp-timestamp"));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 1);
        menu->actions().first()->trigger();  // "Open this lesson"
        QCOMPARE(window->labId(), QStringLiteral("udp-timestamp"));
        menu->close();
    }

    // A lab added while the window is open appears after Reload labs; the open lab reopens
    // from its changed definition.
    void reloadShowsNewAndChangedLabs()
    {
        auto window = openWithTeachersLabs();
        const QString added = m_labs.filePath(QStringLiteral("my-new-lab"));
        QVERIFY(copyLab(QStringLiteral("udp-timestamp"), added, QStringLiteral("my-new-lab"), QStringLiteral("My new lab")));
        QVERIFY(!window->navigator()->labIds().contains(QStringLiteral("my-new-lab")));
        QVERIFY(copyLabTitle(QStringLiteral("tcp-timestamp"), QStringLiteral("My TCP lab, changed")));
        window->reloadLabsAction()->trigger();
        QVERIFY(window->navigator()->labIds().contains(QStringLiteral("my-new-lab")));
        QCOMPARE(window->labId(), QStringLiteral("tcp-timestamp"));
        QVERIFY2(window->windowTitle().contains(QStringLiteral("My TCP lab, changed")), qPrintable(window->windowTitle()));
        QVERIFY(window->navigator()->failedItem(QStringLiteral("broken")));
        QVERIFY(QDir(added).removeRecursively());
        QVERIFY(copyLabTitle(QStringLiteral("tcp-timestamp"), QStringLiteral("My TCP timestamp lab")));
    }

    // Lab → Open my labs folder: made if missing, handed to the desktop.
    void openMyLabsFolder()
    {
        auto window = openWithTeachersLabs();
        UrlRecorder recorder;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &recorder, "open");
        QDir(LabCatalog::userRoot()).removeRecursively();
        window->openLabsFolderAction()->trigger();
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(recorder.opened, QList<QUrl>{QUrl::fromLocalFile(LabCatalog::userRoot())});
        QVERIFY(QFileInfo(LabCatalog::userRoot()).isDir());
        QVERIFY(LabCatalog::userRoot().startsWith(m_home.path()));
    }

    // Help → About: what SocketLab is, its version, and every place labs come from.
    void aboutSaysWhatWhichAndWhere()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        auto window = openWithTeachersLabs();
        QString shown;
        QTimer::singleShot(0, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box) {
                shown = box->text();
                box->accept();
            }
        });
        window->aboutAction()->trigger();
        QVERIFY(shown.contains(QStringLiteral("SocketLab 9.8.7")));
        QVERIFY(shown.contains(QStringLiteral("teaches socket programming")));
        QVERIFY(shown.contains(QStringLiteral("built into SocketLab")));
        QVERIFY(shown.contains(QDir::toNativeSeparators(m_labs.path()).toHtmlEscaped()));
        QVERIFY(shown.contains(QDir::toNativeSeparators(LabCatalog::userRoot()).toHtmlEscaped()));
        QVERIFY(shown.contains(QStringLiteral("1 could not be")));
    }

    // The first start gets a default size; the size the user gives it is kept for the next.
    void windowSizeIsKept()
    {
        {
            MainWindow window(m_catalog, QStringLiteral("en"), QStringLiteral("udp-timestamp"));
            QCOMPARE(window.size(), QSize(1280, 800));
            window.show();
            window.resize(1100, 720);
            QCoreApplication::processEvents();
            window.close();
        }
        MainWindow again(m_catalog, QStringLiteral("en"), QStringLiteral("udp-timestamp"));
        QCOMPARE(again.size(), QSize(1100, 720));
    }

private:
    std::unique_ptr<MainWindow> openWithTeachersLabs()
    {
        LabCatalog catalog;
        const QStringList roots{LabCatalog::builtInRoot(), m_labs.path()};
        for (const QString &root : roots)
            catalog.loadFrom(root);
        auto window = std::make_unique<MainWindow>(catalog, QStringLiteral("en"), QStringLiteral("tcp-timestamp"));
        window->setLabRoots(roots);
        window->show();
        return window;
    }

    bool copyLabTitle(const QString &id, const QString &title)
    {
        const QString dir = m_labs.filePath(id);
        QDir(dir).removeRecursively();
        return copyLab(id, dir, id, title);
    }

    QTemporaryDir m_home;
    QTemporaryDir m_labs;
    LabCatalog m_catalog = uitest::builtInCatalog();
};

QTEST_MAIN(TestWindowCatalog)
#include "tst_windowcatalog.moc"
