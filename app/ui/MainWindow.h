// The SocketLab main window. For now it runs the tutorials' TCP timestamp server and
// client side by side on the socket core, with a live socket table and the trace of
// every call; the lesson navigator and stepped labs grow into it.
#pragma once

#include <QMainWindow>

class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTimer;
class QAction;
class SocketTableModel;
class TimestampDemo;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    TimestampDemo *demo() const { return m_demo; }
    SocketTableModel *socketModel() const { return m_socketModel; }
    QLineEdit *clientInput() const { return m_clientInput; }
    QPlainTextEdit *clientConsole() const { return m_clientConsole; }
    QPlainTextEdit *serverConsole() const { return m_serverConsole; }
    QPlainTextEdit *traceLog() const { return m_traceLog; }
    QAction *startAction() const { return m_startAction; }
    QAction *stopAction() const { return m_stopAction; }

protected:
    void closeEvent(QCloseEvent *event) override;

private slots:
    void refreshViews();
    void submitClientLine();
    void setRunning(bool running);

private:
    QWidget *makePane(const QString &title, QPlainTextEdit *console, QWidget *extra);
    void createActions();
    void restoreLayout();

    TimestampDemo *m_demo;
    SocketTableModel *m_socketModel;
    QPlainTextEdit *m_serverConsole;
    QPlainTextEdit *m_clientConsole;
    QPlainTextEdit *m_traceLog;
    QLineEdit *m_clientInput;
    QTableView *m_socketTable;
    QSplitter *m_panes;
    QSplitter *m_vertical;
    QTimer *m_refreshTimer;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
};
