#include "PlaygroundDock.h"

#include "MainWindow.h"
#include "PlaygroundPanel.h"

#include <LabSession.h>
#include <playground/PlaygroundEngine.h>

#include <QDockWidget>

PlaygroundDock::PlaygroundDock(MainWindow &window) : QObject(&window), m_window(window)
{
    connect(&window, &MainWindow::labOpened, this, &PlaygroundDock::attach);
    connect(&window, &MainWindow::labClosing, this, &PlaygroundDock::detach);
    connect(&window, &MainWindow::languageChanged, this, [this] {
        if (m_dock)
            m_dock->setWindowTitle(tr("Playground"));
    });
    attach();  // the lab the window opened with
}

PlaygroundPanel *PlaygroundDock::panel() const
{
    return m_dock ? qobject_cast<PlaygroundPanel *>(m_dock->widget()) : nullptr;
}

void PlaygroundDock::attach()
{
    detach();
    LabSession *session = m_window.session();
    if (!session || !PlaygroundEngine::playgroundPane(*session))
        return;
    m_engine = new PlaygroundEngine(session, this);
    m_dock = new QDockWidget(tr("Playground"), &m_window);
    m_dock->setObjectName(QStringLiteral("playgroundDock"));
    m_dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_dock->setWidget(new PlaygroundPanel(m_engine, m_dock));
    m_window.addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    // A quarter of the window: its two rows and a few lines of history; the three panes'
    // listings above keep the rest (at 1280x800 a third left them three lines each).
    m_window.resizeDocks({m_dock}, {m_window.height() / 4}, Qt::Vertical);
}

void PlaygroundDock::detach()
{
    delete m_dock;
    delete m_engine;
}
