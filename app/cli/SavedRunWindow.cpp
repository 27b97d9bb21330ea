#include "SavedRunWindow.h"

#include "MainWindow.h"
#include "ReplayController.h"
#include "SelfStudy.h"
#include "WindowPicture.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SavedRunWindow)
};

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

} // namespace

int showSavedRun(const LabCatalog &catalog, const CommandLineRequest &request, const QString &language)
{
    MainWindow window(catalog, language);
    if (!request.screenshot.isEmpty())
        window.selfStudy()->setAskPredictions(false);  // a picture of any moment, as asked (this run's own settings)
    QString error;
    if (!window.openRun(request.replay, &error)) {
        printErr(Tr::tr("socketlab: %1 was not opened: %2").arg(request.replay, error));
        return 2;
    }
    ReplayController *replay = window.replay();
    const std::int64_t origin = replay->originNs();
    const std::int64_t length = replay->recording()->endNs() - origin;
    if (request.at >= 0) {
        // Compared as seconds first: --at 1e300 would overflow the cast to nanoseconds.
        if (request.at > double(length) / 1e9) {
            printErr(Tr::tr("socketlab: --at %1: the run lasts %2 s").arg(request.at).arg(double(length) / 1e9, 0, 'f', 2));
            return 2;
        }
        replay->showMoment(origin + std::min(length, std::int64_t(request.at * 1e9)));
    }
    // As a live lab's window: --size and --classroom for a picture of the classroom layout.
    return showOrPicture(window, request);
}
