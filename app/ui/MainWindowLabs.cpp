// The window and its catalog of labs: reading the lab folders again (a teacher writing a lab
// sees it without a restart), opening the teacher's own labs folder, and Help → About, which
// says where the labs come from. Labs that failed to load stay in the navigator, greyed, with
// their file, place and problem.
#include "MainWindow.h"

#include "LabNavigator.h"

#include <LabProgress.h>
#include <LabSession.h>

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QStatusBar>
#include <QUrl>

void MainWindow::setLabRoots(const QStringList &roots)
{
    m_labRoots = roots;
}

int MainWindow::reloadLabs()
{
    LabCatalog catalog;
    for (const QString &root : m_labRoots)
        catalog.loadFrom(root);
    const QString open = labId();
    m_catalog = std::move(catalog);
    m_progress->setLabs(m_catalog.labs());
    m_navigator->setLabs(m_catalog.labs(), m_catalog.failures());
    fillLessonsMenu();
    // The open lab from its new definition: what the teacher just changed is what runs.
    if (!openLab(open) && !m_catalog.labs().isEmpty())
        openLab(m_catalog.labs().first().id);
    statusBar()->showMessage(m_catalog.failures().isEmpty()
                                 ? tr("Labs read again: %n lab(s)", nullptr, int(m_catalog.labs().size()))
                                 : tr("Labs read again: %n lab(s); %1 could not be loaded (greyed in the list of lessons)",
                                      nullptr, int(m_catalog.labs().size()))
                                       .arg(m_catalog.failures().size()));
    return int(m_catalog.labs().size());
}

void MainWindow::showCatalogProblems()
{
    m_navigator->setLabs(m_catalog.labs(), m_catalog.failures());
}

void MainWindow::openLabsFolder()
{
    const QString folder = LabCatalog::userRoot();
    QDir().mkpath(folder);  // it does not exist until the first lab goes there
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        statusBar()->showMessage(tr("No file manager could open %1: put your lab folders there").arg(QDir::toNativeSeparators(folder)));
}

QString MainWindow::aboutText() const
{
    QStringList where;
    for (const QString &root : m_labRoots) {
        if (root == LabCatalog::builtInRoot())
            where << tr("the labs built into SocketLab");
        else
            where << QDir::toNativeSeparators(root).toHtmlEscaped();
    }
    QString text = QStringLiteral("<h3>SocketLab %1</h3>").arg(QCoreApplication::applicationVersion().toHtmlEscaped());
    text += QStringLiteral("<p>%1</p>").arg(tr("SocketLab teaches socket programming on real sockets: the lessons of "
                                               "Python's socket and socketserver modules run side by side, and you "
                                               "watch what accept(), recv(), listen() and socketserver do, in the "
                                               "kernel too.").toHtmlEscaped());
    text += QStringLiteral("<p>%1</p><ul>").arg(tr("Labs are loaded from, in this order (a later lab with the same id "
                                                   "replaces an earlier one):").toHtmlEscaped());
    for (const QString &w : where)
        text += QStringLiteral("<li>%1</li>").arg(w);
    text += QStringLiteral("</ul><p>%1</p>").arg(tr("%n lab(s) loaded, %1 could not be.", nullptr, int(m_catalog.labs().size()))
                                                      .arg(m_catalog.failures().size())
                                                      .toHtmlEscaped());
    text += QStringLiteral("<p>%1</p>").arg(tr("Your own labs go in %1 (Lab → Open my labs folder); Lab → Reload labs "
                                               "reads them again.")
                                                .arg(QDir::toNativeSeparators(LabCatalog::userRoot()))
                                                .toHtmlEscaped());
    return text;
}
