#include "PaneView.h"

#include "ListingView.h"
#include "PaneToolRow.h"
#include "ParamEditor.h"
#include "PythonHighlighter.h"
#include "SafeColours.h"
#include "SocketText.h"

#include <Clock.h>
#include <PaneRunner.h>

#include <QAbstractSpinBox>
#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTextBrowser>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kConsoleLines = 2000;
constexpr int kFrameMs = 16;         // gathered reports are shown at most this late
constexpr int kExplanationLines = 5;           // the explanation's room before it scrolls
constexpr int kClassroomExplanationLines = 4;  // the listing needs the room in class
constexpr int kClassroomConsoleLines = 4;      // the console's newest lines in class; it scrolls
constexpr int kShortScreenLines = 2;           // both, on a short screen (1280×720) in class
constexpr int kMostThreadsListed = 3;          // in the state line; more are counted
constexpr int kParamLines = 9;                 // the parameters' room before they scroll

// Colours without a style sheet: a widget with one stops taking its font from its parent,
// and presentation mode's larger font would pass it by. Only the roles and the weight set
// here are the label's own; everything else still follows the window.
void paintLabel(QLabel *label, const QColor &background, const QColor &text, bool bold)
{
    QPalette palette;
    if (background.isValid())
        palette.setColor(QPalette::Window, background);
    if (text.isValid())
        palette.setColor(QPalette::WindowText, text);
    label->setPalette(palette);
    label->setAutoFillBackground(background.isValid());
    QFont weight;
    weight.setWeight(bold ? QFont::Bold : QFont::Normal);
    label->setFont(weight);
    label->setMargin(3);
}

// Only the family: the size follows the window's font, so zoom and presentation mode
// scale listings and consoles with everything else.
QFont monospace()
{
    QFont f;
    f.setFamily(QStringLiteral("monospace"));
    f.setStyleHint(QFont::Monospace);
    return f;
}

bool isEditingText(const QWidget *w)
{
    return qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w);
}
} // namespace

PaneView::PaneView(PaneRunner *runner, const QString &language, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_language(language), m_threads(runner->definition()), m_title(new QLabel),
      m_params(new ParamEditor(runner, language)), m_paramsArea(new QScrollArea), m_state(new QLabel), m_explanation(new QTextBrowser),
      m_listing(new ListingView), m_console(new QPlainTextEdit), m_queued(new QLabel),
      m_input(new QLineEdit), m_step(new QToolButton), m_run(new QToolButton), m_pause(new QToolButton),
      m_stop(new QToolButton), m_paramsButton(new QToolButton), m_programButton(new QToolButton), m_toolRow(new PaneToolRow), m_highlighter(new PythonHighlighter(m_listing->document()))
{
    const QFont mono = monospace();
    m_highlighter->setGutterWidth(kLineNumberWidth + 2);
    m_listing->setFont(mono);
    m_console->setReadOnly(true);
    m_console->setMaximumBlockCount(kConsoleLines);
    m_console->setFont(mono);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("paneTitle"));
    m_state->setWordWrap(true);
    m_explanation->setFrameShape(QFrame::NoFrame);
    m_explanation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_explanation->viewport()->setBackgroundRole(QPalette::Window);  // reads as text of the pane, not a field
    m_explanation->setFocusPolicy(Qt::NoFocus);
    m_paramsArea->setWidget(m_params);
    m_paramsArea->setWidgetResizable(true);
    m_paramsArea->setFrameShape(QFrame::NoFrame);
    m_paramsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queued->setWordWrap(true);
    m_queued->hide();
    // Always open for typing: a line typed before the program asks waits for it (queued),
    // and a click here puts the keyboard here, not in another pane's input.
    m_input->setEnabled(true);

    // Compact tool buttons; the row folds its tools away when the pane is narrow (PaneToolRow).
    for (QToolButton *b : {m_step, m_run, m_pause, m_stop}) {
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_toolRow->addControl(b);
    }
    // The parameters matter before a start; while the pane runs the listing needs the room.
    m_paramsButton->setCheckable(true);
    m_paramsButton->setChecked(true);
    m_paramsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_paramsButton->setArrowType(Qt::DownArrow);
    connect(m_paramsButton, &QToolButton::toggled, this, [this](bool shown) {
        m_paramsArea->setVisible(shown);
        m_paramsButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
    m_toolRow->addTool(m_paramsButton);
    // The learner's own program in this pane's place, and back to the lesson's.
    m_programButton->setPopupMode(QToolButton::InstantPopup);
    auto *programMenu = new QMenu(m_programButton);
    m_editProgram = programMenu->addAction(QString(), this, &PaneView::editListing);
    m_openProgram = programMenu->addAction(QString(), this, &PaneView::openProgram);
    m_restoreProgram = programMenu->addAction(QString(), this, &PaneView::restoreProgram);
    m_programButton->setMenu(programMenu);
    m_toolRow->addTool(m_programButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(3);
    layout->addWidget(m_title);
    layout->addWidget(m_toolRow);
    layout->addWidget(m_paramsArea);
    layout->addWidget(m_state);
    layout->addWidget(m_listing, 3);
    layout->addWidget(m_explanation);
    layout->addWidget(m_console, 2);
    layout->addWidget(m_queued);
    layout->addWidget(m_input);

    connect(m_step, &QToolButton::clicked, runner, [this, runner] {
        if (commitEdit())
            runner->step();
    });
    connect(m_run, &QToolButton::clicked, runner, [this, runner] {
        if (!commitEdit())
            return;
        // Run means run: whatever the gate was left at (a Step before Reset, Pause all), the
        // pane runs on at the lab's speed, from its first line too.
        runner->run(runner->gate().delayMs() > 0 ? StepGate::Mode::Slow : StepGate::Mode::Run);
        if (!runner->isActive())
            runner->start();
    });
    connect(m_pause, &QToolButton::clicked, runner, &PaneRunner::pause);
    connect(m_stop, &QToolButton::clicked, runner, &PaneRunner::stop);
    connect(m_input, &QLineEdit::returnPressed, this, &PaneView::typeLine);
    connect(runner, &PaneRunner::stepReached, this, &PaneView::showStep);
    connect(runner, &PaneRunner::paramsChanged, this, [this] {
        showListing();
        showMoments();
    });
    connect(runner, &PaneRunner::programChanged, this, [this] {
        showListing();
        setSelected(m_selected);  // the title says whose program it is
    });
    connect(runner, &PaneRunner::stateChanged, this, &PaneView::onStateChanged);
    connect(runner, &PaneRunner::output, this, [this](const QString &line) { appendConsole({line, {}, false}); });
    connect(runner, &PaneRunner::errorOutput, this, &PaneView::showError);
    connect(runner, &PaneRunner::inputRequested, this, [this] {
        ++m_inputRequests;
        // The keyboard comes here only if nobody is typing elsewhere: never take another
        // pane's half-typed line away from it.
        if (!isEditingText(QApplication::focusWidget()))
            m_input->setFocus();
        refresh();
    });
    retranslate();
    setSelected(false);
    setClassroom(false);
    showListing();
    refresh();
}

QPlainTextEdit *PaneView::listing() const
{
    return m_listing;
}

void PaneView::retranslate()
{
    m_input->setPlaceholderText(tr("Input for the program's input(); an empty line ends a client. Type ahead: it waits."));
    m_step->setText(tr("Step"));
    m_run->setText(tr("Run"));
    m_pause->setText(tr("Pause"));
    m_stop->setText(tr("Stop"));
    m_paramsButton->setText(tr("Parameters"));
    m_step->setToolTip(tr("Run one step of this pane, then pause"));
    m_run->setToolTip(tr("Let this pane run"));
    m_pause->setToolTip(tr("Pause this pane before its next step"));
    m_stop->setToolTip(tr("Stop this pane, even while a call is blocked"));
    m_paramsButton->setToolTip(tr("Show or hide this pane's parameters (editable before it starts)"));
    m_programButton->setText(tr("Program"));
    m_programButton->setToolTip(tr("Run your own Python program in this pane, or the lesson's again"));
    m_editProgram->setText(tr("Edit this listing"));
    m_editProgram->setToolTip(tr("Change the listing in place; Step or Run then runs your text as Python, and it is kept for this lab"));
    m_openProgram->setText(tr("Open your own .py file…"));
    m_restoreProgram->setText(tr("Restore the lesson's program"));
    const QString title = m_runner->definition().title.in(m_language);
    m_listing->setAccessibleName(tr("Listing of %1").arg(title));
    m_console->setAccessibleName(tr("Console of %1").arg(title));
    m_input->setAccessibleName(tr("Input for %1").arg(title));
    m_state->setAccessibleName(tr("What %1 is doing").arg(title));
    m_explanation->setAccessibleName(tr("Explanation of the marked line"));
    m_queued->setAccessibleName(tr("Lines waiting for %1's input()").arg(title));
    for (QToolButton *b : {m_step, m_run, m_pause, m_stop, m_paramsButton, m_programButton})
        b->setAccessibleName(QStringLiteral("%1: %2").arg(title, b->text()));
    m_toolRow->setPaneTitle(title);
    setSelected(m_selected);
    showQueued();
    renderConsole();
    refresh();
}

void PaneView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange)
        setClassroom(m_classroom);  // the explanation's room is counted in lines
}

void PaneView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitExplanation();  // the text wraps differently at another width
}

void PaneView::setLanguage(const QString &language)
{
    m_language = language;
    m_params->setLanguage(language);
    m_shownStep.clear();  // the explanation again, in this language
    retranslate();
}

void PaneView::setClassroom(bool on, bool shortScreen)
{
    m_classroom = on;
    m_listing->setWrapped(on);  // nothing runs off the pane's edge in class
    if (on)
        m_paramsButton->setChecked(false);  // the listing first; the parameters a click away
    // A learner's own program is for the desk, not the projector: in class neither the row
    // nor its fold menu offers it.
    m_toolRow->setToolWanted(m_programButton, !on);
    const int lines = !on ? kExplanationLines : shortScreen ? kShortScreenLines : kClassroomExplanationLines;
    m_explanationLines = lines;
    m_paramsArea->setMaximumHeight(fontMetrics().lineSpacing() * kParamLines + 10);
    // In class the listing is what the room reads: the console keeps a few lines, no more.
    const int consoleLines = shortScreen ? kShortScreenLines : kClassroomConsoleLines;
    const int consoleCap = on ? m_console->fontMetrics().lineSpacing() * consoleLines + 2 * m_console->frameWidth() + 8
                              : QWIDGETSIZE_MAX;
    m_console->setMaximumHeight(consoleCap);
    fitExplanation();
}

// As tall as its text, from two lines up to its cap (in class: the cap); a longer text scrolls.
void PaneView::fitExplanation()
{
    const int lineSpacing = m_explanation->fontMetrics().lineSpacing();
    m_explanation->document()->setTextWidth(m_explanation->viewport()->width());
    const int content = int(std::ceil(m_explanation->document()->size().height())) + 2 * m_explanation->frameWidth() + 2;
    const int most = lineSpacing * m_explanationLines + 10;
    // In class it keeps its height, so the listing above it does not jump at every step.
    const int height = m_classroom ? most : std::clamp(content, lineSpacing * 2 + 10, most);
    if (m_explanation->height() != height || m_explanation->minimumHeight() != height)
        m_explanation->setFixedHeight(height);
}

void PaneView::showError(const QString &text)
{
    appendConsole({text, m_runner->lastSocketError(), true});
}

// As Python prints it, then what it usually means, in the learner's language.
QString PaneView::consoleHtml(const ConsoleEntry &entry) const
{
    QString html = QStringLiteral("<span style=\"color:#b00000; font-weight:bold\">%1</span>").arg(entry.text.toHtmlEscaped());
    if (const QString why = SocketText::errorExplanation(entry.error); !why.isEmpty())
        html += QStringLiteral("<br><span style=\"color:#7a3000\">&rarr; %1</span>").arg(why.toHtmlEscaped());
    return html;
}

void PaneView::appendConsole(const ConsoleEntry &entry)
{
    m_pendingConsole.push_back(entry);
    m_consoleEntries.push_back(entry);
    if (m_consoleEntries.size() > std::size_t(kConsoleLines))
        m_consoleEntries.pop_front();
    scheduleFlush();
}

void PaneView::renderConsole()
{
    m_console->clear();
    m_pendingConsole.clear();
    writeConsole(m_consoleEntries.begin(), m_consoleEntries.end());
}

// Plain lines go in together, one append for a run of them; an error keeps its place among them.
template <typename Iterator>
void PaneView::writeConsole(Iterator begin, Iterator end)
{
    QStringList plain;
    const auto writePlain = [&] {
        if (!plain.isEmpty())
            m_console->appendPlainText(plain.join(QLatin1Char('\n')));
        plain.clear();
    };
    for (Iterator e = begin; e != end; ++e) {
        if (!e->isError) {
            plain << e->text;
            continue;
        }
        writePlain();
        m_console->appendHtml(consoleHtml(*e));
    }
    writePlain();
}

void PaneView::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(kFrameMs, this, &PaneView::flush);
}

void PaneView::flush()
{
    m_flushScheduled = false;
    writeConsole(m_pendingConsole.cbegin(), m_pendingConsole.cend());
    m_pendingConsole.clear();
    if (!m_pendingSteps.empty()) {
        for (const PendingStep &s : m_pendingSteps)
            m_threads.stepReached(s.thread, s.stepId, s.line);
        m_pendingSteps.clear();
        showMoments();
    }
}

void PaneView::showStep(const QString &stepId, int line, qint64 thread)
{
    const auto same = std::find_if(m_pendingSteps.begin(), m_pendingSteps.end(), [thread](const PendingStep &s) { return s.thread == thread; });
    if (same != m_pendingSteps.end())
        *same = PendingStep{stepId, line, thread};
    else
        m_pendingSteps.push_back({stepId, line, thread});
    scheduleFlush();
}

void PaneView::setHighContrast(bool on)
{
    m_highContrast = on;
    m_highlighter->setHighContrast(on);
}

void PaneView::setSelected(bool selected)
{
    m_selected = selected;
    QString title = m_runner->definition().title.in(m_language).toHtmlEscaped();
    const QString program = m_runner->learnerProgram();
    if (m_editing)
        title = tr("%1 — editing: Step or Run runs it as Python").arg(title);
    else if (!program.isEmpty() && program == editedFile())
        title = tr("%1 — your edited listing, run as Python").arg(title);
    else if (!program.isEmpty())
        title = tr("%1 — your program %2").arg(title, QFileInfo(program).fileName().toHtmlEscaped());
    m_title->setText(selected ? QStringLiteral("<b>&#9656; %1</b>").arg(title) : QStringLiteral("<b>%1</b>").arg(title));
    m_title->setToolTip(selected ? tr("%1: the pane the lab's Step moves first").arg(title) : title);
    paintLabel(m_title, selected ? QColor(0, 0x5f, 0x9e) : QColor(), selected ? QColor(Qt::white) : QColor(), true);
}

void PaneView::addTool(QToolButton *tool)
{
    m_toolRow->addTool(tool, m_paramsButton);
}

void PaneView::feed(const LiveTick &tick)
{
    flush();  // the steps reported before this tick's snapshot, so both describe one moment
    m_threads.feed(tick);
    refresh();
}

// The state line: one moment, or one line per thread when a server runs several.
QString PaneView::stateText(const std::vector<PaneThreads::Moment> &moments) const
{
    using State = PaneRunner::State;
    const State state = m_runner->state();
    switch (state) {
    case State::Idle: return tr("not started");
    case State::Finished: return tr("finished");
    case State::Failed: return tr("failed: %1").arg(m_runner->lastError());
    case State::Stopped: return tr("stopped");
    default: break;
    }
    const std::int64_t now = socketlab::steadyNowNs();
    if (moments.empty())
        return state == State::WaitingForInput ? tr("waiting for your input") : tr("running");
    if (moments.size() == 1)
        return PaneThreads::activityText(moments.front(), state, now);
    QStringList lines;
    for (const PaneThreads::Moment &m : moments) {
        if (lines.size() == kMostThreadsListed) {
            lines << tr("and %n more thread(s)", nullptr, int(moments.size()) - kMostThreadsListed);
            break;
        }
        lines << tr("%1: %2").arg(PaneThreads::threadName(m), PaneThreads::activityText(m, state, now));
    }
    return lines.join(QLatin1Char('\n'));
}

void PaneView::showMoments()
{
    showMoments(m_threads.moments(m_runner->state()));
}

void PaneView::showMoments(const std::vector<PaneThreads::Moment> &moments)
{
    QList<ListingView::Marker> markers;
    const PaneThreads::Moment *focus = nullptr;
    for (const PaneThreads::Moment &m : moments) {
        if (m.line <= 0)
            continue;
        const bool blocked = m.activity == PaneThreads::Activity::Blocked || m.activity == PaneThreads::Activity::WaitingForRequest;
        QString tag = PaneThreads::tagText(m);
        if (moments.size() > 1)
            tag = tr("%1: %2").arg(m.main ? tr("main") : m.request == 0 ? tr("new thread") : tr("request %1").arg(m.request), tag);
        markers << ListingView::Marker{m.line, m.focus, blocked, tag};
        if (m.focus)
            focus = &m;
    }
    const auto same = [](const QList<ListingView::Marker> &a, const QList<ListingView::Marker> &b) {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a[i].line != b[i].line || a[i].focus != b[i].focus || a[i].blocked != b[i].blocked || a[i].tag != b[i].tag)
                return false;
        return true;
    };
    if (!same(markers, m_listing->markers()))
        m_listing->setMarkers(markers);
    const QString step = focus ? focus->stepId : QString();
    if (step != m_shownStep) {
        m_shownStep = step;
        m_explanation->setPlainText(step.isEmpty() ? QString() : m_runner->definition().steps.value(step).explanation.in(m_language));
        fitExplanation();
    }
}

void PaneView::refresh()
{
    using State = PaneRunner::State;
    const State state = m_runner->state();
    const std::vector<PaneThreads::Moment> moments = m_threads.moments(state);
    const auto isBlocked = [](const PaneThreads::Moment &m) {
        return m.focus && (m.activity == PaneThreads::Activity::Blocked || m.activity == PaneThreads::Activity::WaitingForRequest);
    };
    const bool blocked = std::any_of(moments.begin(), moments.end(), isBlocked);
    QColor background, color;
    bool bold = false;
    if (blocked) {
        background = safecolour::blockedLine();
        bold = true;
    } else if (state == State::WaitingForInput) {
        background = QColor(216, 236, 255);
    } else if (state == State::Failed) {
        color = QColor(176, 0, 0);
        bold = true;
    }
    m_state->setText(stateText(moments));
    paintLabel(m_state, background, color, bold);
    const bool active = m_runner->isActive();
    if (active != m_wasActive) {
        m_wasActive = active;
        m_paramsButton->setChecked(!active);  // folded on start, unfolded when it ends
    }
    m_pause->setEnabled(active);
    m_programButton->setEnabled(!active);
    m_stop->setEnabled(active);
    showMoments(moments);  // the same moment the state line describes
}

void PaneView::typeLine()
{
    const QString line = m_input->text();
    m_input->clear();
    m_runner->sendInput(line);
    // Queued until the program's input() takes it; if it is waiting right now it takes it at once.
    m_queuedLines << line;
    showQueued();
}

void PaneView::onStateChanged(PaneRunner::State state)
{
    // An input() that was waiting has taken the oldest typed line.
    if (m_lastState == PaneRunner::State::WaitingForInput && state != PaneRunner::State::WaitingForInput
        && state != PaneRunner::State::Stopped && !m_queuedLines.isEmpty())
        m_queuedLines.removeFirst();
    if (state == PaneRunner::State::Stopped)
        m_queuedLines.clear();  // a stopped program's typed-ahead lines are dropped with it
    m_lastState = state;
    showQueued();
    refresh();
}

void PaneView::showQueued()
{
    // While the program waits at input() the first line goes to it at once: only the others queue.
    const qsizetype waiting = m_runner->state() == PaneRunner::State::WaitingForInput ? 1 : 0;
    QStringList shown;
    for (qsizetype i = waiting; i < m_queuedLines.size(); ++i)
        shown << (m_queuedLines.at(i).isEmpty() ? tr("(an empty line)") : QStringLiteral("'%1'").arg(m_queuedLines.at(i)));
    m_queued->setVisible(!shown.isEmpty());
    m_queued->setText(tr("Queued for this program's input(): %1").arg(shown.join(QStringLiteral(", "))));
}

void PaneView::clear()
{
    m_pendingConsole.clear();
    m_consoleEntries.clear();
    m_pendingSteps.clear();
    m_console->clear();
    m_explanation->clear();
    m_shownStep.clear();
    m_inputRequests = 0;
    m_queuedLines.clear();
    m_threads.reset();
    showQueued();
    showListing();
    m_listing->setMarkers({});
    refresh();
}
