#include "SelfStudy.h"

#include "ExercisePanel.h"
#include "FaultControl.h"
#include "LabNavigator.h"
#include "MainWindow.h"
#include "PaneView.h"
#include "ParamEditor.h"
#include "PredictionPresenter.h"
#include "ProgressActions.h"

#include <LabProgress.h>
#include <LabSession.h>

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QTimer>
#include <QToolBar>

namespace {
const QString kAskKey = QStringLiteral("selfStudy/askPredictions");
const QString kPanelKey = QStringLiteral("selfStudy/exercisesShown");
constexpr int kReadableChars = 40;  // the panel's width, in characters, below which it floats
} // namespace

SelfStudy::SelfStudy(MainWindow &window, const QString &language)
    : QObject(&window), m_window(window), m_language(language), m_exercises(new ExercisePanel),
      m_dock(new QDockWidget(tr("Exercises"), &window)),
      m_progressActions(new ProgressActions(&window, window.progress(), window.catalog().labs(), language, this))
{
    m_dock->setObjectName(QStringLiteral("exercisesDock"));
    m_dock->setWidget(m_exercises);
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    window.addDockWidget(Qt::RightDockWidgetArea, m_dock);
    // Closed until the learner opens it (the toolbar's Exercises button): at 1280 px the panes
    // need the width to show their listings. Then it stays as they leave it.
    m_dock->setVisible(QSettings().value(kPanelKey, false).toBool());
    m_dock->installEventFilter(this);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool shown) {
        if (shown)
            QTimer::singleShot(0, this, &SelfStudy::keepPanelReadable);  // once the layout has made room, or not
    });
    createActions();

    QListWidget *list = window.navigator()->list();
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list, &QListWidget::customContextMenuRequested, this, &SelfStudy::showNavigatorMenu);
    connect(&window, &MainWindow::labOpened, this, &SelfStudy::attachLab);
    connect(&window, &MainWindow::labClosing, this, &SelfStudy::detachLab);
    connect(&window, &MainWindow::languageChanged, this, &SelfStudy::setLanguage);
    connect(window.presentationAction(), &QAction::toggled, this, [this](bool on) {
        if (m_presenter)
            m_presenter->setClassroom(on);
    });
    if (window.session())
        attachLab();  // the window opened its first lab before this was attached
}

SelfStudy::~SelfStudy() = default;

void SelfStudy::createActions()
{
    m_ask = new QAction(this);
    m_ask->setCheckable(true);
    m_ask->setChecked(QSettings().value(kAskKey, true).toBool());
    connect(m_ask, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(kAskKey, on);
        delete std::exchange(m_presenter, nullptr);  // releases a pane waiting for an answer
        if (on && m_window.session())
            attachLab();
    });
    m_resetLab = new QAction(this);
    connect(m_resetLab, &QAction::triggered, this, [this] {
        if (!m_window.labId().isEmpty())
            m_progressActions->resetLab(m_window.labId());
    });
    m_resetAll = new QAction(this);
    connect(m_resetAll, &QAction::triggered, m_progressActions, &ProgressActions::resetAll);
    m_export = new QAction(this);
    connect(m_export, &QAction::triggered, m_progressActions, &ProgressActions::exportWithDialog);
    // Its text follows the dock's title, "Exercises (2)"; on the toolbar, where it is seen.
    QAction *panel = m_dock->toggleViewAction();
    connect(panel, &QAction::triggered, this, [](bool shown) { QSettings().setValue(kPanelKey, shown); });
    if (auto *toolbar = m_window.findChild<QToolBar *>(QStringLiteral("labToolbar")))
        toolbar->addAction(panel);

    // Before Quit, the Lab menu's last entry.
    QMenu *menu = m_window.labMenu();
    QAction *quit = menu->actions().isEmpty() ? nullptr : menu->actions().last();
    for (QAction *a : {panel, m_ask, m_resetLab, m_resetAll, m_export})
        menu->insertAction(quit, a);
    menu->insertSeparator(quit);
    retranslate();
}

// Every word of its own, again after a language switch (the window's are said by the window).
void SelfStudy::retranslate()
{
    m_ask->setText(tr("Ask &predictions before key steps"));
    m_ask->setToolTip(tr("Before a key step runs, the pane stops and asks what you expect; then it shows what happened"));
    m_resetLab->setText(tr("Reset progress of this lab…"));
    m_resetAll->setText(tr("Reset all progress…"));
    m_export->setText(tr("E&xport progress…"));
    m_export->setToolTip(tr("Save a report of your progress in every lab, for your teacher (HTML, Markdown or JSON)"));
    m_dock->toggleViewAction()->setToolTip(tr("Show or hide the lab's exercises: tasks checked on real sockets, with hints"));
    const LabSession *session = m_window.session();
    const qsizetype exercises = session ? session->lab().exercises.size() : 0;
    m_dock->setWindowTitle(exercises == 0 ? tr("Exercises") : tr("Exercises (%1)").arg(exercises));
}

void SelfStudy::setLanguage(const QString &language)
{
    m_language = language;
    m_progressActions->setLanguage(language);
    retranslate();
    // The lab's own texts in the new language: the exercises panel is made again (what the
    // learner did stays in their progress; a check that is running keeps its panel, in the
    // language it started in); the next prediction card asks in it (one on screen stays).
    if (m_presenter)
        m_presenter->setLanguage(language);
    LabSession *session = m_window.session();
    if (session && !m_exercises->isChecking())
        showExercises(session->lab());
}

bool SelfStudy::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_dock && event->type() == QEvent::Close)
        QSettings().setValue(kPanelKey, false);  // its own close button
    return QObject::eventFilter(watched, event);
}

void SelfStudy::keepPanelReadable()
{
    // The panes' listings need most of a 1280 px window: when docking leaves the panel a
    // sliver, it floats beside the panes instead, at a width its text can be read in.
    const int readable = m_dock->fontMetrics().averageCharWidth() * kReadableChars;
    if (!m_dock->isVisible() || m_dock->isFloating() || m_dock->width() >= readable)
        return;
    m_dock->setFloating(true);
    const QRect window = m_window.geometry();
    m_dock->setGeometry(window.right() - readable, window.top() + window.height() / 8, readable, window.height() * 3 / 4);
}

bool SelfStudy::asksPredictions() const
{
    return m_ask->isChecked();
}

void SelfStudy::setAskPredictions(bool ask)
{
    m_ask->setChecked(ask);
}

void SelfStudy::attachLab()
{
    detachLab();
    LabSession *session = m_window.session();
    if (!session)
        return;
    const LabDefinition &lab = session->lab();
    showExercises(lab);
    retranslate();
    for (PaneView *view : m_window.paneViews())
        addFaultControl(view->runner());
    connect(session, &LabSession::paneAdded, this, &SelfStudy::addFaultControl);  // after the window made its view
    if (asksPredictions() && !lab.predictions.isEmpty()) {
        m_presenter = new PredictionPresenter(m_window, *session, m_window.progress(), m_language, this);
        m_presenter->setClassroom(m_window.presentationMode());
    }
}

// The lab's exercises in the panel, in the current language, checked with the learner's answer.
void SelfStudy::showExercises(const LabDefinition &lab)
{
    m_exercises->setLab(lab, m_window.progress(), m_language, [this] { return currentAnswer(); });
}

void SelfStudy::detachLab()
{
    delete std::exchange(m_presenter, nullptr);  // before the session it follows goes
    m_exercises->clear();
    m_faultControls.clear();   // they go with their panes
}

void SelfStudy::addFaultControl(PaneRunner *runner)
{
    PaneView *view = m_window.paneView(runner->paneId());
    if (!view)
        return;
    auto *control = new FaultControl(runner);
    view->addTool(control);
    m_faultControls.insert(runner->paneId(), control);
}

FaultControl *SelfStudy::faultControl(const QString &paneId) const
{
    return m_faultControls.value(paneId);
}

ExerciseAnswer SelfStudy::currentAnswer() const
{
    ExerciseAnswer answer;
    for (PaneView *view : m_window.paneViews()) {
        PaneRunner *runner = view->runner();
        const PaneDefinition &pane = runner->definition();
        if (!pane.copyOf.isEmpty())
            continue;  // a check runs the lab's own panes
        if (!runner->isActive())
            view->paramEditor()->commit();
        const QHash<QString, QString> values = runner->paramValues();
        for (const ParamDefinition &param : pane.params) {
            const bool serverPort = param.name == QLatin1String("port") && param.follows.isEmpty();
            if (runner->hasOwnValue(param.name) && !serverPort)
                answer.params.insert(pane.id + QLatin1Char('.') + param.name, values.value(param.name));
        }
        const socketlab::FaultSettings faults = runner->faults().settings();
        if (!(faults == pane.faults))
            answer.faults.insert(pane.id, faults);
    }
    return answer;
}

QMenu *SelfStudy::navigatorMenu(const QString &labId, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    if (const LabDefinition *lab = m_window.catalog().find(labId)) {
        menu->addAction(tr("Reset progress of \"%1\"…").arg(lab->title.in(m_language)), this,
                        [this, labId] { m_progressActions->resetLab(labId); });
    }
    menu->addAction(m_resetAll);
    menu->addAction(m_export);
    return menu;
}

void SelfStudy::showNavigatorMenu(const QPoint &pos)
{
    QListWidget *list = m_window.navigator()->list();
    const QListWidgetItem *item = list->itemAt(pos);
    QMenu *menu = navigatorMenu(item ? item->data(LabNavigator::LabIdRole).toString() : QString(), list);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(list->viewport()->mapToGlobal(pos));
}
