// tst_appidentity: the window's icon and desktop identity. The icon carries every size
// rendered from the SVG at build time (16 px for title bars up to 256 px), and the
// application names the desktop entry the installed menu item uses, so a taskbar groups
// the window with it and shows the same icon.
#include <AppIdentity.h>

#include <QApplication>
#include <QtTest>

class TestAppIdentity : public QObject {
    Q_OBJECT
private slots:
    void iconHasEverySize()
    {
        const QIcon icon = AppIdentity::icon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
            QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(QStringLiteral("no %1 px icon").arg(size)));
    }

    void smallIconIsDrawnNotBlank()
    {
        // At 16 px the two sockets and the wave must still show: several colours, not one.
        const QImage image = AppIdentity::icon().pixmap(16, 16).toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() >= 8, qPrintable(QString::number(colours.size())));
    }

    void windowGetsTheIconAndDesktopEntry()
    {
        AppIdentity::apply();
        QCOMPARE(QGuiApplication::desktopFileName(), QStringLiteral(SOCKETLAB_APP_ID));
        QVERIFY(!QApplication::windowIcon().isNull());
        QVERIFY(QApplication::windowIcon().availableSizes().contains(QSize(16, 16)));
        QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("SocketLab"));
    }
};

QTEST_MAIN(TestAppIdentity)
#include "tst_appidentity.moc"
