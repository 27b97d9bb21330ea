// The SocketLab main window: the lessons, the lesson text, the open lab's panes side by
// side (server on the left, clients on the right), and under them the live views
// (LiveViews). Lab-wide Step, Run all, Pause all, Reset and speed; each pane has its own
// buttons. The classroom layout (presentation mode) makes it readable from the back of a
// room; the language switches live.
//
// MainWindow.cpp builds the window and opens labs; MainWindowActions.cpp has the menus,
// toolbar and the lab-wide commands; MainWindowAppearance.cpp zoom, the classroom layout,
// the language and the saved layout; MainWindowLabs.cpp the catalog: reloading it, the
// teacher's labs folder, About; MainWindowObserve.cpp observe mode (any process's sockets).
#pragma once

#include <LabLoader.h>

#include <QMainWindow>

class LabNavigator;
class LessonView;
class LiveViews;
class LabProgress;
class ObserveBanner;
class ObserveSession;
struct ObserveTarget;
class LabSession;
class PaneRunner;
class PaneView;
class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QSlider;
class QSplitter;
class QTextBrowser;
class QTimer;
class QToolBar;
class ReplayBar;
class ReplayController;
class ReplayPredictions;
class RunRecorder;
class SelfStudy;
class SequenceDiagramView;
class SocketTableModel;
struct LiveTick;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    static constexpr int kSpeedSteps = 20;        // the speed control's notches, slow motion to full speed
    static constexpr int kMsPerSpeedStep = 100;   // each notch to the left adds this pause per step
    static constexpr int kClassroomMinPixels = 20;  // the smallest text in the classroom layout
    static constexpr int kClassroomListingLines = 15;  // each pane's listing shows at least this many at 1920×1080

    // Opens initialLab, or else the lab open last time, or else the first lab.
    MainWindow(LabCatalog catalog, const QString &language, const QString &initialLab = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Where labs are loaded from, in order (a later lab with the same id replaces an earlier
    // one): Reload labs reads them again, About names them. Default: the built-in labs, then
    // the user's folder (LabCatalog::userRoot()).
    void setLabRoots(const QStringList &roots);
    QStringList labRoots() const { return m_labRoots; }

    // Closes the open lab (stopping every pane, even in a blocked call) and opens another.
    // False, with nothing changed, when the catalog has no such lab.
    bool openLab(const QString &labId);
    QString labId() const;
    const LabCatalog &catalog() const { return m_catalog; }
    // Reads every lab root again: new and changed labs appear, the open lab reopens (from
    // its new definition) if it is still there. Returns the number of labs loaded.
    int reloadLabs();

    LabSession *session() const { return m_session; }
    const QList<PaneView *> &paneViews() const { return m_paneViews; }
    PaneView *paneView(const QString &id) const;
    PaneView *selectedPane() const;
    LiveViews *liveViews() const { return m_liveViews; }
    SocketTableModel *socketModel() const;
    QPlainTextEdit *traceLog() const;
    SequenceDiagramView *sequenceDiagram() const;
    QTextBrowser *lessonView() const;
    LessonView *lesson() const { return m_lesson; }
    LabNavigator *navigator() const { return m_navigator; }
    QWidget *lessonColumn() const;  // the navigator and the lesson text
    QSlider *speedControl() const { return m_speed; }
    QComboBox *liveViewChooser() const { return m_liveChooser; }
    // The sequence diagram to a file for slides: .svg as SVG, anything else as PNG.
    bool exportSequenceDiagram(const QString &file);
    LabProgress *progress() const { return m_progress; }
    QAction *runAllAction() const { return m_runAll; }
    QAction *pauseAllAction() const { return m_pauseAll; }
    QAction *stepAction() const { return m_step; }
    QAction *resetAction() const { return m_reset; }
    QAction *presentationAction() const { return m_presentation; }
    QAction *lessonTextAction() const { return m_lessonText; }
    QAction *reloadLabsAction() const { return m_reloadLabs; }
    QAction *openLabsFolderAction() const { return m_openLabsFolder; }
    QAction *aboutAction() const { return m_about; }
    QAction *languageAction(const QString &language) const;  // View → Language → English / 中文
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

    // Looking back at the run, saved runs (MainWindowReplay.cpp). openRun shows a saved run
    // read-only in place of the lab; when the file is refused it returns false with why,
    // and the window is as it was.
    ReplayController *replay() const { return m_replay; }
    ReplayBar *replayBar() const { return m_replayBar; }
    ReplayPredictions *replayPredictions() const { return m_replayPredictions; }  // a saved run's questions
    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }
    QAction *nowAction() const { return m_now; }
    bool openRun(const QString &file, QString *error);
    bool saveRun(const QString &file, QString *error) const;

    // Observe mode (MainWindowObserve.cpp): the open lab closes and the live views show every
    // socket on a port or of a process, read-only, under a banner whose Stop observing
    // reopens the lab. Opening a lesson or a saved run ends it too.
    void observe(const ObserveTarget &target);
    void stopObserving();
    bool isObserving() const { return m_observing != nullptr; }
    ObserveSession *observing() const { return m_observing; }
    ObserveBanner *observeBanner() const { return m_observeBanner; }
    QAction *observeAction() const { return m_observeAction; }

    bool presentationMode() const { return m_presentationOn; }
    int zoomPercent() const { return m_zoomPercent; }
    void setPresentationMode(bool on);  // the classroom layout
    void setZoomPercent(int percent);   // clamped to 50 ... 300
    // The live view the classroom layout shows (an index of LiveViews).
    void setClassroomView(int index);
    QString language() const { return m_language; }
    // Switches every window text, lesson and explanation to another language, now; kept for
    // the next start. False for a language SocketLab does not have.
    bool setLanguage(const QString &language);
    QString aboutText() const;  // what Help → About says

public slots:
    void refreshViews();  // one tick: the panes' consoles and states, then every live view

signals:
    void labOpened(const QString &labId);
    void labClosing();  // the open lab's session is about to go: let go of it
    void languageChanged(const QString &language);  // after the window said its own words in it
    void viewsRefreshed();  // after each tick of the live views (bench_window counts them)

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createActions();
    void retranslateUi();
    void fillLessonsMenu();
    void fillLiveViewChooser();
    void restoreLayout();
    void closeLab();
    void addPaneView(PaneRunner *runner);
    void updateAddPane();
    void showTraceCount();  // the status bar's count of traced calls
    void selectPane(PaneView *view);
    void saveLayout();
    void applyAppearance();
    // The kind of screen the classroom layout is fitted to (kNarrowScreen, kShortScreen).
    struct ClassroomScreen {
        bool isNarrow = false, isShort = false;
        bool operator!=(const ClassroomScreen &o) const { return isNarrow != o.isNarrow || isShort != o.isShort; }
    };
    ClassroomScreen classroomScreen() const;
    void arrangeClassroom();
    void fitClassroomSplit();
    void showLesson();
    void showCatalogProblems();
    void openLabsFolder();
    bool commitParams();  // what is typed in every pane's parameter fields, before a start
    void feedPanes(const LiveTick &tick);
    void setSpeedFromControl(int notch);
    QWidget *titled(QLabel *title, QWidget *content);
    void createReplay();
    void retranslateReplay();
    void showTimelineBar();
    void followAskPredictions();  // once SelfStudy is there
    void recordLab();      // a recorder for the session just opened
    void stopRecording();  // before the session closes
    void showLookingBack(bool back);
    void updateReplayActions();
    void replacePaneRow(QWidget *from, QWidget *to);  // in the panes' place in the splitter, at its size
    void createObserve();
    void retranslateObserve();
    void endObserving();  // back to no lab open; the caller opens what comes next
    int observedClassroomView() const;  // the teacher's view, unless it is one observe mode leaves empty

    LabCatalog m_catalog;
    QStringList m_labRoots;
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
    QComboBox *m_liveChooser;
    QTimer *m_refreshTimer;
    QLabel *m_traceCount;
    QLabel *m_lessonsTitle;
    QLabel *m_lessonTitle;
    QLabel *m_speedLabel;
    QLabel *m_speedFast;
    QLabel *m_liveLabel;
    QToolBar *m_toolbar = nullptr;           // the lab's commands and the speed (objectName labToolbar)
    QToolBar *m_classroomToolbar = nullptr;  // the classroom layout's switch and its live view
    QFont m_baseFont;
    QMenu *m_labMenu = nullptr;
    QMenu *m_lessonsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    SelfStudy *m_selfStudy = nullptr;
    QActionGroup *m_lessonActions = nullptr;
    QActionGroup *m_languageActions = nullptr;
    QAction *m_runAll = nullptr;
    QAction *m_pauseAll = nullptr;
    QAction *m_step = nullptr;
    QAction *m_reset = nullptr;
    QAction *m_addPane = nullptr;
    QAction *m_export = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_openLabsFolder = nullptr;
    QAction *m_reloadLabs = nullptr;
    QAction *m_presentation = nullptr;
    QAction *m_lessonText = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_actualSize = nullptr;
    QAction *m_about = nullptr;
    QString m_noStepMessage;  // shown by stepLab() while no pane can step; cleared once one can
    QByteArray m_normalVertical;  // the panes / live views split outside the classroom layout
    ReplayController *m_replay = nullptr;
    ReplayBar *m_replayBar = nullptr;
    ReplayPredictions *m_replayPredictions = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_timelineMenu = nullptr;
    QToolBar *m_timelineToolbar = nullptr;
    QString m_savedRunName;  // the file a saved run shown came from
    RunRecorder *m_recorder = nullptr;
    QAction *m_backToStart = nullptr;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_now = nullptr;
    QAction *m_saveRun = nullptr;
    QAction *m_openRun = nullptr;
    QAction *m_observeAction = nullptr;
    ObserveSession *m_observing = nullptr;
    ObserveBanner *m_observeBanner = nullptr;
    QString m_labBeforeObserving;
    bool m_presentationOn = false;
    int m_zoomPercent = 100;
    int m_classroomView = 1;  // the sequence diagram
    ClassroomScreen m_classroomScreen;
};
