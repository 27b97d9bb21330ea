// The SocketLab main window: the lessons, the lesson text, the open lab's panes side by
// side (server on the left, clients on the right), the live socket table and the trace of
// every call. Lab-wide Step, Run all, Pause all, Reset and speed; each pane has its own
// buttons. Presentation mode and zoom make it readable on a projector.
#pragma once

#include <LabLoader.h>

#include <QMainWindow>

class LabNavigator;
class LiveViewsPanel;
class LabProgress;
class LabSession;
class PaneRunner;
class PaneView;
class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QSlider;
class QSplitter;
class QTableView;
class QTabWidget;
class QTextBrowser;
class QTimer;
class SequenceDiagramView;
class SocketTableModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Opens initialLab, or else the lab open last time, or else the first lab.
    MainWindow(LabCatalog catalog, const QString &language, const QString &initialLab = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Closes the open lab (stopping every pane, even in a blocked call) and opens another.
    // False, with nothing changed, when the catalog has no such lab.
    bool openLab(const QString &labId);
    QString labId() const;
    const LabCatalog &catalog() const { return m_catalog; }

    LabSession *session() const { return m_session; }
    const QList<PaneView *> &paneViews() const { return m_paneViews; }
    PaneView *paneView(const QString &id) const;
    PaneView *selectedPane() const;
    SocketTableModel *socketModel() const { return m_socketModel; }
    QPlainTextEdit *traceLog() const { return m_traceLog; }
    QTextBrowser *lessonView() const { return m_lesson; }
    LabNavigator *navigator() const { return m_navigator; }
    SequenceDiagramView *sequenceDiagram() const { return m_sequence; }
    LiveViewsPanel *liveViewsPanel() const { return m_queues; }
    // The sequence diagram to a file for slides: .svg as SVG, anything else as PNG.
    bool exportSequenceDiagram(const QString &file);
    LabProgress *progress() const { return m_progress; }
    QAction *runAllAction() const { return m_runAll; }
    QAction *pauseAllAction() const { return m_pauseAll; }
    QAction *stepAction() const { return m_step; }
    QAction *resetAction() const { return m_reset; }
    QAction *presentationAction() const { return m_presentation; }

    void runAll();
    bool addPane();  // "Add client": another copy of the lab's copyable pane, if it allows one
    QAction *addPaneAction() const { return m_addPane; }
    // One step of the lab: the selected pane if it can move, else the first pane that can
    // (LabSession::stepNext). False, with a note in the status bar, when none can.
    bool stepLab();
    void typeIntoClient(const QString &line);  // as if typed in the client pane's input
    int answeredLines() const;                 // lines the client has sent and printed answers for

    bool presentationMode() const { return m_presentationOn; }
    int zoomPercent() const { return m_zoomPercent; }
    void setPresentationMode(bool on);
    void setZoomPercent(int percent);  // clamped to 50 ... 300

public slots:
    void refreshViews();

signals:
    void labOpened(const QString &labId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void fillLessonsMenu();
    void restoreLayout();
    void closeLab();
    void addPaneView(PaneRunner *runner);
    void updateAddPane();
    void selectPane(PaneView *view);
    void applyAppearance();
    void showLesson();  // the open lab's lesson, headings scaled to the window's font
    bool commitParams();  // what is typed in every pane's parameter fields, before a start
    QWidget *titled(const QString &title, QWidget *content);

    LabCatalog m_catalog;
    QString m_language;
    LabSession *m_session = nullptr;
    LabProgress *m_progress;
    LabNavigator *m_navigator;
    QSplitter *m_left;
    SocketTableModel *m_socketModel;
    QList<PaneView *> m_paneViews;
    QTextBrowser *m_lesson;
    QPlainTextEdit *m_traceLog;
    QTableView *m_socketTable;
    QTabWidget *m_liveViews;
    SequenceDiagramView *m_sequence;
    LiveViewsPanel *m_queues;
    QSplitter *m_bottom;
    QSplitter *m_horizontal;
    QSplitter *m_panes;
    QSplitter *m_vertical;
    QSlider *m_speed;
    QTimer *m_refreshTimer;
    QLabel *m_traceCount;
    QFont m_baseFont;
    QMenu *m_lessonsMenu = nullptr;
    QActionGroup *m_lessonActions = nullptr;
    QAction *m_runAll = nullptr;
    QAction *m_pauseAll = nullptr;
    QAction *m_step = nullptr;
    QAction *m_reset = nullptr;
    QAction *m_addPane = nullptr;
    QAction *m_presentation = nullptr;
    bool m_presentationOn = false;
    int m_zoomPercent = 100;
};
