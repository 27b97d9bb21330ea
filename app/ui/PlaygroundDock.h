// Shows the playground panel in a dock of the main window while a lab with a playground pane
// (the socket-object lesson) is open, with the engine that runs its calls; gone with the lab.
#pragma once

#include <QObject>
#include <QPointer>

class MainWindow;
class PlaygroundEngine;
class PlaygroundPanel;
class QDockWidget;

class PlaygroundDock : public QObject {
    Q_OBJECT
public:
    explicit PlaygroundDock(MainWindow &window);
    PlaygroundPanel *panel() const;

private:
    void attach();
    void detach();

    MainWindow &m_window;
    QPointer<QDockWidget> m_dock;
    QPointer<PlaygroundEngine> m_engine;
};
