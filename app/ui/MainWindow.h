// The SocketLab main window: the lesson text, the lab's panes side by side (server on
// the left, clients on the right), the live socket table and the trace of every call.
// Lab-wide Run all, Pause all, Reset and speed; each pane has its own buttons.
#pragma once

#include <LabDefinition.h>

#include <QMainWindow>

class LabSession;
class PaneView;
class QAction;
class QPlainTextEdit;
class QSlider;
class QSplitter;
class QTableView;
class QTextBrowser;
class QTimer;
class SocketTableModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(const LabDefinition &lab, const QString &language, QWidget *parent = nullptr);
    ~MainWindow() override;

    LabSession *session() const { return m_session; }
    const QList<PaneView *> &paneViews() const { return m_paneViews; }
    PaneView *paneView(const QString &id) const;
    SocketTableModel *socketModel() const { return m_socketModel; }
    QPlainTextEdit *traceLog() const { return m_traceLog; }
    QAction *runAllAction() const { return m_runAll; }
    QAction *pauseAllAction() const { return m_pauseAll; }
    QAction *resetAction() const { return m_reset; }

    void runAll();
    void typeIntoClient(const QString &line);  // as if typed in the client pane's input
    int answeredLines() const;                 // lines the client has sent and printed answers for

public slots:
    void refreshViews();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreLayout();
    QWidget *titled(const QString &title, QWidget *content);

    QString m_language;
    LabSession *m_session;
    SocketTableModel *m_socketModel;
    QList<PaneView *> m_paneViews;
    QTextBrowser *m_lesson;
    QPlainTextEdit *m_traceLog;
    QTableView *m_socketTable;
    QSplitter *m_horizontal;
    QSplitter *m_panes;
    QSplitter *m_vertical;
    QSlider *m_speed;
    QTimer *m_refreshTimer;
    QAction *m_runAll = nullptr;
    QAction *m_pauseAll = nullptr;
    QAction *m_reset = nullptr;
};
