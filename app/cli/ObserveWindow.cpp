#include "ObserveWindow.h"

#include "MainWindow.h"
#include "WindowPicture.h"

#include <observe/ObserveTarget.h>

#include <QCoreApplication>

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
    return showOrPicture(window, request);
}
