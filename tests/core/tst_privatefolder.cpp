// tst_privatefolder: the private folder Unix-socket lessons bind in (PrivateFolder.h). It is
// made with mode 0700 under $TMPDIR or /tmp; remove() takes the socket files in it and the
// folder, never what a link in it points to; the destructor removes it too; os.path.exists
// and os.unlink report as Python does.
#include <PrivateFolder.h>
#include <Socket.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace socketlab;

class TestPrivateFolder : public QObject {
    Q_OBJECT

private slots:
    void madePrivateUnderTmpdir()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        qputenv("TMPDIR", tmp.path().toLocal8Bit());
        auto folder = PrivateFolder::create("socketlab-");
        qunsetenv("TMPDIR");
        QVERIFY(folder);
        const QString path = QString::fromStdString(folder->path());
        QCOMPARE(QFileInfo(path).dir().path(), tmp.path());
        QVERIFY(QFileInfo(path).fileName().startsWith(QLatin1String("socketlab-")));
        struct stat st{};
        QVERIFY(::stat(folder->path().c_str(), &st) == 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        QVERIFY(pathExists(folder->path()));
    }

    void removeTakesSocketFilesButFollowsNoLink()
    {
        QTemporaryDir outside;
        QFile keep(outside.filePath(QStringLiteral("keep.txt")));
        QVERIFY(keep.open(QIODevice::WriteOnly) && keep.write("x") == 1);
        keep.close();
        std::string path;
        {
            auto folder = PrivateFolder::create("socketlab-test-");
            QVERIFY(folder);
            path = folder->path();
            auto s = Socket::create(AF_UNIX, SOCK_STREAM);
            QVERIFY(s && s->bind(*SocketAddress::unixPath(path + "/stream.sock")));
            QVERIFY(s->close());  // the file stays after close()
            QVERIFY(pathExists(path + "/stream.sock"));
            QVERIFY(QFile::link(outside.path(), QString::fromStdString(path + "/outside")));  // a link to a folder
            QVERIFY(QFile::link(keep.fileName(), QString::fromStdString(path + "/keep")));   // and to a file
            QVERIFY(folder->remove());
            QVERIFY(folder->path().empty());
            QVERIFY(folder->remove());  // twice is fine
        }
        QVERIFY(!pathExists(path));
        QVERIFY(QFileInfo::exists(keep.fileName()));  // what the links pointed to is untouched
        QVERIFY(QFileInfo::exists(outside.path()));
    }

    void destructorRemovesAndMoveKeepsOneOwner()
    {
        std::string path;
        {
            auto created = PrivateFolder::create("socketlab-test-");
            QVERIFY(created);
            PrivateFolder folder = std::move(created).value();
            path = folder.path();
            PrivateFolder moved = std::move(folder);
            QVERIFY(folder.path().empty());  // NOLINT(bugprone-use-after-move): the moved-from owns nothing
            QCOMPARE(moved.path(), path);
            QVERIFY(pathExists(path));
        }
        QVERIFY(!pathExists(path));
    }

    void unlinkReportsLikePython()
    {
        auto folder = PrivateFolder::create("socketlab-test-");
        QVERIFY(folder);
        const std::string missing = folder->path() + "/nothing.sock";
        const Status st = unlinkPath(missing);
        QVERIFY(!st);
        QCOMPARE(QString::fromStdString(st.error().pythonString()), QStringLiteral("FileNotFoundError: [Errno 2] No such file or directory"));
        QVERIFY(!pathExists(missing));
    }
};

QTEST_GUILESS_MAIN(TestPrivateFolder)
#include "tst_privatefolder.moc"
