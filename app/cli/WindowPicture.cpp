#include "WindowPicture.h"

#include "MainWindow.h"

#include <QApplication>

#include <cstdio>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SavedRunWindow)
};

} // namespace

int showOrPicture(MainWindow &window, const CommandLineRequest &request)
{
    window.resize(request.windowSize.isValid() ? request.windowSize : QSize(1280, 800));
    if (request.classroom)
        window.setPresentationMode(true);
    window.show();
    if (request.screenshot.isEmpty())
        return QCoreApplication::exec();
    QCoreApplication::processEvents();  // the layout of what was just shown
    window.refreshViews();              // the views fed once, as the first tick would
    QCoreApplication::processEvents();
    if (!window.grab().save(request.screenshot)) {
        std::fprintf(stderr, "%s\n", Tr::tr("socketlab: could not write %1").arg(request.screenshot).toLocal8Bit().constData());
        return 1;
    }
    return 0;
}
