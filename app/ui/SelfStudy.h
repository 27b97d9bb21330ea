// The self-study loop in the window (issue 15), attached to a MainWindow: the open lab's
// predictions asked at their panes (PredictionPresenter), its exercises in an "Exercises"
// panel checked with the panes' current values (ExercisePanel), a Faults control on every
// pane, and the learner's progress: reset for one lab or all (Lab menu and the navigator's
// context menu, with a confirmation) and exported as a report.
//
// Predictions are asked unless the learner turns them off (Lab ▸ Ask predictions, kept in
// the settings); a scripted run turns them off for itself unless it takes --steps. The
// Exercises panel is closed until opened (toolbar, Lab menu), then remembered; where docking
// would leave it a sliver beside wide panes, it floats at a readable width.
#pragma once

#include "ExerciseBox.h"

#include <QObject>
#include <QPointer>

class ExercisePanel;
class FaultControl;
class MainWindow;
class PaneRunner;
class PredictionPresenter;
class ProgressActions;
class QAction;
class QDockWidget;
class QMenu;

class SelfStudy : public QObject {
    Q_OBJECT
public:
    SelfStudy(MainWindow &window, const QString &language);
    ~SelfStudy() override;

    bool asksPredictions() const;
    void setAskPredictions(bool ask);  // kept in the settings; a lab open now follows at once
    PredictionPresenter *predictions() const { return m_presenter; }
    ExercisePanel *exercises() const { return m_exercises; }
    QDockWidget *exerciseDock() const { return m_dock; }
    ProgressActions *progressActions() const { return m_progressActions; }
    FaultControl *faultControl(const QString &paneId) const;
    QAction *askPredictionsAction() const { return m_ask; }
    QAction *resetLabAction() const { return m_resetLab; }
    QAction *resetAllAction() const { return m_resetAll; }
    QAction *exportAction() const { return m_export; }

    // What a Check runs with: the values the learner gave the panes' parameters (what is typed
    // and not yet applied is applied first), and the faults set on them. The server's own
    // port is left out: a check binds a free port, so it never collides with the lab running here.
    ExerciseAnswer currentAnswer() const;
    // The navigator's context menu for a lab ("" for a click beside every lab).
    QMenu *navigatorMenu(const QString &labId, QWidget *parent = nullptr);
    // The lab is closed and none opened (observing, a saved run): "Exercises" counts none.
    void labClosed() { retranslate(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void retranslate();
    void setLanguage(const QString &language);
    void keepPanelReadable();
    void attachLab();
    void showExercises(const LabDefinition &lab);
    void detachLab();
    void addFaultControl(PaneRunner *runner);
    void showNavigatorMenu(const QPoint &pos);

    MainWindow &m_window;
    QString m_language;
    PredictionPresenter *m_presenter = nullptr;  // while a lab is open and predictions are asked
    ExercisePanel *m_exercises;
    QDockWidget *m_dock;
    ProgressActions *m_progressActions;
    QHash<QString, QPointer<FaultControl>> m_faultControls;  // by pane id
    QAction *m_ask = nullptr;
    QAction *m_resetLab = nullptr;
    QAction *m_resetAll = nullptr;
    QAction *m_export = nullptr;
};
