// The SocketLab main window: the lessons, the lesson text, the open lab's panes side by
// side (server on the left, clients on the right), and under them the live views
// (LiveViews). Lab-wide Step, Run all, Pause all, Reset and speed; each pane has its own
// buttons. Presentation mode and zoom make it readable on a projector.
//
// MainWindow.cpp builds the window and opens labs; MainWindowActions.cpp has the menus,
// toolbar and the lab-wide commands; MainWindowAppearance.cpp zoom, presentation mode and
// the saved layout.
#pragma once

#include <LabLoader.h>

#include <QMainWindow>

class LabNavigator;
class LessonView;
class LiveViews;
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
class QTextBrowser;
class QTimer;
class SelfStudy;
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
    LiveViews *liveViews() const { return m_liveViews; }
    SocketTableModel *socketModel() const;
    QPlainTextEdit *traceLog() const;
    SequenceDiagramView *sequenceDiagram() const;
    QTextBrowser *lessonView() const;
    LabNavigator *navigator() const { return m_navigator; }
    // The sequence diagram to a file for slides: .svg as SVG, anything else as PNG.
    bool exportSequenceDiagram(const QString &file);
    LabProgress *progress() const { return m_progress; }
    QAction *runAllAction() const { return m_runAll; }
    QAction *pauseAllAction() const { return m_pauseAll; }
    QAction *stepAction() const { return m_step; }
    QAction *resetAction() const { return m_reset; }
    QAction *presentationAction() const { return m_presentation; }
    QMenu *labMenu() const { return m_labMenu; }
    SelfStudy *selfStudy() const { return m_selfStudy; }  // predictions, exercises, faults, progress (issue 15)

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
    void refreshViews();  // one tick: the panes' consoles and states, then every live view

signals:
    void labOpened(const QString &labId);
    void labClosing();  // the open lab's session is about to go: let go of it

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
    void saveLayout();
    void applyAppearance();
    void showLesson();
    bool commitParams();  // what is typed in every pane's parameter fields, before a start
    QWidget *titled(const QString &title, QWidget *content);

    LabCatalog m_catalog;
    QString m_language;
    LabSession *m_session = nullptr;
    LabProgress *m_progress;
    LabNavigator *m_navigator;
    QSplitter *m_left;
    QList<PaneView *> m_paneViews;
    LessonView *m_lesson;
    LiveViews *m_liveViews;
    QSplitter *m_horizontal;
    QSplitter *m_panes;
    QSplitter *m_vertical;
    QSlider *m_speed;
    QTimer *m_refreshTimer;
    QLabel *m_traceCount;
    QFont m_baseFont;
    QMenu *m_lessonsMenu = nullptr;
    QMenu *m_labMenu = nullptr;
    SelfStudy *m_selfStudy = nullptr;
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
