#include "ObserveWindow.h"

#include "MainWindow.h"
#include "WindowPicture.h"

#include <observe/ObserveSession.h>
#include <observe/ObserveTarget.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <cstdio>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ObserveList)
};

} // namespace

int showObserveWindow(const LabCatalog &catalog, const CommandLineRequest &request, const QString &language)
{
    QString problem;
    const std::optional<ObserveTarget> target = ObserveTarget::parse(request.observe, &problem);
    if (!target) {
        std::fprintf(stderr, "%s\n", Tr::tr("socketlab: --observe: %1").arg(problem).toLocal8Bit().constData());
        return 2;
    }
    MainWindow window(catalog, language);
    window.observe(*target);
    if (!request.screenshot.isEmpty()) {
        // The picture shows the rows: the observer's first refresh (its own thread) is awaited.
        const QDeadlineTimer deadline(5000);
        while (window.observing()->observer().timings().refreshes == 0 && !deadline.hasExpired())
            QThread::msleep(5);
    }
    return showOrPicture(window, request);
}
