// tst_listingedit: a pane's listing edited in place (issue #16, its first item). "Edit this
// listing" makes the listing editable; Run runs the edited text as the learner's program, as
// real Python under the tracer (its output reaches the pane's console, the title says so);
// the edit is kept per lab and pane, in the app's data folder, and a window opened again
// with the same settings runs it still; "Restore the lesson's program" discards it.
#include "UiTestSupport.h"

#include <EditedListing.h>

#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using State = PaneRunner::State;

namespace {

constexpr int kWaitMs = 20000;  // python3 starts in well under a second; sanitizers are slow

// A tiny server on a free port: says where it listens, then ends.
const char *const kEditedServer = "import socket\n"
                                  "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                                  "s.bind(('127.0.0.1', 0))\n"
                                  "s.listen(1)\n"
                                  "print('edited server listens on', s.getsockname()[1])\n"
                                  "s.close()\n";

QString title(PaneView *pane)
{
    return pane->findChild<QLabel *>(QStringLiteral("paneTitle"))->text();
}

} // namespace

class TestListingEdit : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.path().toLocal8Bit());  // the kept edits go here
        uitest::keepSettingsApart("tst_listingedit");
        m_catalog = uitest::builtInCatalog();
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QFAIL("python3 runs the edited listing");
    }

    void editRunKeepRestore()
    {
        const QString kept = EditedListing::file(QStringLiteral("tcp-timestamp"), QStringLiteral("server"));
        QVERIFY(kept.startsWith(m_home.path()));
        QVERIFY(!QFileInfo::exists(kept));
        QString original;
        {
            auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
            PaneView *server = window->paneView(QStringLiteral("server"));
            original = server->listing()->toPlainText();
            QVERIFY(server->listing()->isReadOnly());
            QVERIFY(server->editAction()->isEnabled());

            server->editAction()->trigger();
            QVERIFY(server->isEditing());
            QVERIFY(!server->listing()->isReadOnly());
            // The text to edit is the program's, without the line numbers.
            QVERIFY(server->listing()->toPlainText().startsWith(server->runner()->listing().first()));
            QVERIFY(title(server).contains(QStringLiteral("editing")));
            server->listing()->setPlainText(QString::fromLatin1(kEditedServer));
            uitest::shoot(*window, QStringLiteral("listing-editing"));

            server->runButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(server->console()->toPlainText().contains(QStringLiteral("edited server listens on")), kWaitMs);
            QTRY_COMPARE_WITH_TIMEOUT(server->runner()->state(), State::Finished, kWaitMs);
            QCOMPARE(server->runner()->learnerProgram(), kept);
            QVERIFY(!server->isEditing());
            QVERIFY(server->listing()->isReadOnly());
            QVERIFY(server->listing()->toPlainText().contains(QStringLiteral("print('edited server listens on'")));
            QVERIFY2(title(server).contains(QStringLiteral("Python")), qPrintable(title(server)));
            uitest::shoot(*window, QStringLiteral("listing-edited-run"));
            // The other pane is untouched.
            QVERIFY(window->paneView(QStringLiteral("client"))->runner()->learnerProgram().isEmpty());
        }
        QVERIFY(QFileInfo(kept).isFile());

        // The app again, with the same settings: the edit is there and runs again.
        auto again = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        PaneView *server = again->paneView(QStringLiteral("server"));
        QCOMPARE(server->runner()->learnerProgram(), kept);
        QVERIFY(server->listing()->toPlainText().contains(QStringLiteral("edited server listens on")));
        server->runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(server->console()->toPlainText().contains(QStringLiteral("edited server listens on")), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(server->runner()->state(), State::Finished, kWaitMs);

        // Editing again starts from the edit, not from the lesson's program.
        server->editAction()->trigger();
        QVERIFY(server->listing()->toPlainText().startsWith(QStringLiteral("import socket")));

        server->restoreAction()->trigger();
        QVERIFY(!server->isEditing());
        QVERIFY(server->runner()->learnerProgram().isEmpty());
        QCOMPARE(server->listing()->toPlainText(), original);
        QVERIFY(!QFileInfo::exists(kept));
        auto third = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        QVERIFY(third->paneView(QStringLiteral("server"))->runner()->learnerProgram().isEmpty());
    }

    // An edit that cannot be kept (its folder is a file) says why in the pane, and the text
    // typed stays in the listing to be saved elsewhere: nothing is lost.
    void editThatCannotBeSavedIsNotLost()
    {
        const QString kept = EditedListing::file(QStringLiteral("tcp-timestamp"), QStringLiteral("client"));
        const QString folder = QFileInfo(kept).path();
        QDir(folder).removeRecursively();
        QVERIFY(QDir().mkpath(QFileInfo(folder).path()));
        QFile blocker(folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();

        auto window = uitest::openWindow(m_catalog, QStringLiteral("tcp-timestamp"));
        PaneView *client = window->paneView(QStringLiteral("client"));
        client->editAction()->trigger();
        client->listing()->setPlainText(QStringLiteral("print('never run')\n"));
        client->stepButton()->click();
        QTRY_VERIFY(client->console()->toPlainText().contains(folder));
        QVERIFY(client->isEditing());
        QCOMPARE(client->listing()->toPlainText(), QStringLiteral("print('never run')\n"));
        QCOMPARE(client->runner()->state(), State::Idle);
        QVERIFY(client->runner()->learnerProgram().isEmpty());
        QFile::remove(folder);
    }

    // A .py file opened for a pane is the pane's program at the next start too; an edit made
    // after it takes its place; a file gone meanwhile is said once and the lesson's program shown.
    void openedFileIsRememberedAcrossStarts()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString mine = folder.filePath(QStringLiteral("my_server.py"));
        {
            QFile f(mine);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kEditedServer);
        }
        const QString lab = QStringLiteral("udp-timestamp");
        {
            auto window = uitest::openWindow(m_catalog, lab);
            PaneView *server = window->paneView(QStringLiteral("server"));
            QVERIFY(server->runner()->learnerProgram().isEmpty());
            QVERIFY(server->useOpenedProgram(folder.filePath(QStringLiteral("missing.py"))).contains(QStringLiteral("missing.py")));
            QVERIFY(server->runner()->learnerProgram().isEmpty());
            QCOMPARE(server->useOpenedProgram(mine), QString());
            QCOMPARE(server->runner()->learnerProgram(), mine);
        }
        {
            auto again = uitest::openWindow(m_catalog, lab);
            PaneView *server = again->paneView(QStringLiteral("server"));
            QCOMPARE(server->runner()->learnerProgram(), mine);
            QVERIFY(server->listing()->toPlainText().contains(QStringLiteral("edited server listens on")));
            QVERIFY(again->paneView(QStringLiteral("client"))->runner()->learnerProgram().isEmpty());
            // An edit of it becomes the program, kept as edits are; the opened file is no longer named.
            server->editAction()->trigger();
            server->listing()->setPlainText(QStringLiteral("print('edited after opening')\n"));
            QVERIFY(server->commitEdit());
            QCOMPARE(server->runner()->learnerProgram(), EditedListing::file(lab, QStringLiteral("server")));
        }
        {
            auto third = uitest::openWindow(m_catalog, lab);
            PaneView *server = third->paneView(QStringLiteral("server"));
            QCOMPARE(server->runner()->learnerProgram(), EditedListing::file(lab, QStringLiteral("server")));
            QCOMPARE(server->useOpenedProgram(mine), QString());
            server->restoreAction()->trigger();  // back to the lesson: neither is remembered
            QVERIFY(server->runner()->learnerProgram().isEmpty());
        }
        {
            auto fourth = uitest::openWindow(m_catalog, lab);
            PaneView *server = fourth->paneView(QStringLiteral("server"));
            QVERIFY(server->runner()->learnerProgram().isEmpty());
            QCOMPARE(server->useOpenedProgram(mine), QString());
        }
        QVERIFY(QFile::remove(mine));
        auto fifth = uitest::openWindow(m_catalog, lab);
        PaneView *server = fifth->paneView(QStringLiteral("server"));
        QVERIFY(server->runner()->learnerProgram().isEmpty());
        QTRY_VERIFY(server->console()->toPlainText().contains(mine));
        QVERIFY(EditedListing::openedFile(lab, QStringLiteral("server")).isEmpty());  // said once: forgotten after
    }

private:
    LabCatalog m_catalog;
};

QTEST_MAIN(TestListingEdit)
#include "tst_listingedit.moc"
