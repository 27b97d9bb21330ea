// tst_lessonview: a lesson's links and images, and its missing Chinese (issue #17, issue #20
// item 7). Images load from the lab's own folder and from nowhere else; a click on a web link
// goes to the browser, a click on any other link is refused and the view stays on the lesson;
// a lesson not yet in Chinese is shown in English with a note saying so.
#include "UiTestSupport.h"

#include <LessonView.h>

#include <QDesktopServices>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QtTest>

namespace {

class UrlRecorder : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return QDir().mkpath(QFileInfo(path).path()) && f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Clicks the middle of the first appearance of text in the view.
void clickOn(QTextBrowser *view, const QString &text)
{
    const QTextCursor found = view->document()->find(text);
    QVERIFY(!found.isNull());
    QTextCursor middle(view->document());
    middle.setPosition((found.selectionStart() + found.selectionEnd()) / 2);
    const QPoint at = view->cursorRect(middle).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
}

} // namespace

class TestLessonView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_outside.isValid());
        uitest::keepSettingsApart("tst_lessonview");
        QImage red(4, 3, QImage::Format_RGB32);
        red.fill(Qt::red);
        QVERIFY(red.save(m_dir.filePath(QStringLiteral("lab/pic.png"))) || (QDir().mkpath(m_dir.filePath(QStringLiteral("lab"))) && red.save(m_dir.filePath(QStringLiteral("lab/pic.png")))));
        QVERIFY(red.save(m_outside.filePath(QStringLiteral("secret.png"))));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("lab/notes.txt")), "notes\n"));
    }

    void imagesOnlyFromTheLab()
    {
        LessonView view;
        view.setLesson(QStringLiteral("# Lesson\n\n![a picture](pic.png)\n"), m_dir.filePath(QStringLiteral("lab")));
        QVERIFY(!view.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("pic.png"))).value<QImage>().isNull());
        const QString outside = QDir(m_dir.filePath(QStringLiteral("lab"))).relativeFilePath(m_outside.filePath(QStringLiteral("secret.png")));
        QVERIFY(outside.startsWith(QLatin1String("..")));
        for (const QUrl &refused : {QUrl(outside), QUrl::fromLocalFile(m_outside.filePath(QStringLiteral("secret.png"))),
                                    QUrl(QStringLiteral("https://example.org/a.png"))})
            QVERIFY2(view.loadResource(QTextDocument::ImageResource, refused).isNull(), qPrintable(refused.toString()));
        // Not an image: not loaded either, even from the lab.
        QVERIFY(view.loadResource(QTextDocument::HtmlResource, QUrl(QStringLiteral("notes.txt"))).isNull());
    }

    void onlyWebLinksOpen()
    {
        LessonView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setLesson(QStringLiteral("# Lesson\n\nRead [the socket docs](https://docs.python.org/3/library/socket.html) "
                                      "and [my notes](notes.txt) and [a file](file:///etc/hostname).\n"),
                       m_dir.filePath(QStringLiteral("lab")));
        const QString before = view.toPlainText();
        UrlRecorder recorder;
        for (const char *scheme : {"https", "http", "file"})
            QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &recorder, "open");
        QSignalSpy refused(&view, &LessonView::linkRefused);
        clickOn(&view, QStringLiteral("the socket docs"));
        clickOn(&view, QStringLiteral("my notes"));
        clickOn(&view, QStringLiteral("a file"));
        for (const char *scheme : {"https", "http", "file"})
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
        QCOMPARE(recorder.opened, QList<QUrl>{QUrl(QStringLiteral("https://docs.python.org/3/library/socket.html"))});
        QCOMPARE(refused.count(), 2);
        QCOMPARE(view.toPlainText(), before);  // still the lesson: nothing navigated
        QVERIFY(view.source().isEmpty());
    }

    // A lab whose lesson has no Chinese yet: in Chinese, the English lesson with a note.
    void missingChineseIsSaid()
    {
        const QString labs = m_dir.filePath(QStringLiteral("labs"));
        QVERIFY(QDir().mkpath(labs + QStringLiteral("/only-english")));
        for (const QString &file : QDir(QStringLiteral(":/labs/udp-timestamp")).entryList(QDir::Files)) {
            QVERIFY(QFile::copy(QStringLiteral(":/labs/udp-timestamp/") + file, labs + QStringLiteral("/only-english/") + file));
            QFile::setPermissions(labs + QStringLiteral("/only-english/") + file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        QFile json(labs + QStringLiteral("/only-english/lab.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QByteArray text = json.readAll();
        json.close();
        text.replace("\"udp-timestamp\"", "\"only-english\"");
        text.replace(", \"zh_CN\": \"lesson.zh_CN.md\"", "");  // the lesson in English only
        QVERIFY(writeFile(labs + QStringLiteral("/only-english/lab.json"), text));
        LabCatalog catalog = uitest::builtInCatalog();
        catalog.loadFrom(labs);
        const LabDefinition *lab = catalog.find(QStringLiteral("only-english"));
        QVERIFY2(lab, catalog.errors().isEmpty() ? "" : qPrintable(catalog.errors().first().toString()));
        QVERIFY(!lab->lesson.has(QStringLiteral("zh_CN")));

        MainWindow window(catalog, QStringLiteral("zh_CN"), QStringLiteral("only-english"));
        QVERIFY(!window.lesson()->note().isEmpty());
        QVERIFY(window.lessonView()->toPlainText().startsWith(QStringLiteral("⚠")));
        QVERIFY(window.lessonView()->toPlainText().contains(lab->title.en.left(10)) || window.lessonView()->toPlainText().contains(QStringLiteral("UDP")));
        QVERIFY(window.openLab(QStringLiteral("tcp-timestamp")));
        QVERIFY(window.lesson()->note().isEmpty());  // translated: no note
    }

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_outside;
};

QTEST_MAIN(TestLessonView)
#include "tst_lessonview.moc"
