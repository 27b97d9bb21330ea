#include "PaneView.h"

#include "ParamEditor.h"
#include "PythonHighlighter.h"
#include "SocketText.h"

#include <PaneRunner.h>

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
constexpr int kConsoleLines = 2000;
constexpr int kLineNumberWidth = 2;
constexpr int kFrameMs = 16;  // gathered reports are shown at most this late  // "12  code": the number, then two spaces

// Only the family: the size follows the window's font, so zoom and presentation mode
// scale listings and consoles with everything else.
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

QFont monospace()
{
    QFont f;
    f.setFamily(QStringLiteral("monospace"));
    f.setStyleHint(QFont::Monospace);
    return f;
}
}

PaneView::PaneView(PaneRunner *runner, const QString &language, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_language(language), m_title(new QLabel), m_params(new ParamEditor(runner, language)), m_state(new QLabel), m_explanation(new QLabel),
      m_listing(new QPlainTextEdit), m_console(new QPlainTextEdit), m_input(new QLineEdit),
      m_step(new QToolButton), m_run(new QToolButton), m_pause(new QToolButton), m_stop(new QToolButton),
      m_paramsButton(new QToolButton), m_programButton(new QToolButton), m_highlighter(new PythonHighlighter(m_listing->document()))
{
    const QFont mono = monospace();
    m_highlighter->setGutterWidth(kLineNumberWidth + 2);
    m_listing->setReadOnly(true);
    m_listing->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_listing->setFont(mono);
    m_console->setReadOnly(true);
    m_console->setMaximumBlockCount(kConsoleLines);
    m_console->setFont(mono);
    m_explanation->setWordWrap(true);
    m_explanation->setMinimumHeight(m_explanation->fontMetrics().lineSpacing() * 3);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_input->setPlaceholderText(tr("Input for the program's input(); an empty line ends a client"));
    m_input->setEnabled(false);
    m_step->setToolTip(tr("Run one step of this pane, then pause"));
    m_run->setToolTip(tr("Let this pane run"));
    m_pause->setToolTip(tr("Pause this pane before its next step"));
    m_stop->setToolTip(tr("Stop this pane, even while a call is blocked"));

    m_title->setText(QStringLiteral("<b>%1</b>").arg(runner->definition().title.in(language).toHtmlEscaped()));
    auto *buttons = new QHBoxLayout;
    // Tool buttons: compact, so three panes side by side still fit a projector's width.
    m_step->setText(tr("Step"));
    m_run->setText(tr("Run"));
    m_pause->setText(tr("Pause"));
    m_stop->setText(tr("Stop"));
    for (QToolButton *b : {m_step, m_run, m_pause, m_stop}) {
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(b);
    }
    buttons->addStretch();
    // The parameters matter before a start; while the pane runs the listing needs the room.
    m_paramsButton->setText(tr("Parameters"));
    m_paramsButton->setCheckable(true);
    m_paramsButton->setChecked(true);
    m_paramsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_paramsButton->setArrowType(Qt::DownArrow);
    m_paramsButton->setToolTip(tr("Show or hide this pane's parameters (editable before it starts)"));
    connect(m_paramsButton, &QToolButton::toggled, this, [this](bool shown) {
        m_params->setVisible(shown);
        m_paramsButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
    buttons->addWidget(m_paramsButton);
    // The learner's own program in this pane's place, and back to the lesson's.
    m_programButton->setText(tr("Program"));
    m_programButton->setToolTip(tr("Run your own Python program in this pane, or the lesson's again"));
    m_programButton->setPopupMode(QToolButton::InstantPopup);
    auto *programMenu = new QMenu(m_programButton);
    programMenu->addAction(tr("Open your own .py file…"), this, &PaneView::openProgram);
    programMenu->addAction(tr("Restore the lesson's program"), this, [this] { m_runner->setLearnerProgram(QString()); });
    m_programButton->setMenu(programMenu);
    buttons->addWidget(m_programButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addLayout(buttons);
    layout->addWidget(m_params);
    layout->addWidget(m_state);
    layout->addWidget(m_listing, 3);
    layout->addWidget(m_explanation);
    layout->addWidget(m_console, 2);
    layout->addWidget(m_input);

    connect(m_step, &QToolButton::clicked, runner, &PaneRunner::step);
    connect(m_run, &QToolButton::clicked, runner, [runner] {
        if (runner->isActive())
            runner->run();
        else
            runner->start();
    });
    connect(m_pause, &QToolButton::clicked, runner, &PaneRunner::pause);
    connect(m_stop, &QToolButton::clicked, runner, &PaneRunner::stop);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        m_runner->sendInput(m_input->text());
        m_input->clear();
    });
    connect(runner, &PaneRunner::stepReached, this, &PaneView::showStep);
    connect(runner, &PaneRunner::paramsChanged, this, [this] {
        showListing();
        if (m_runner->currentLine() > 0)
            markLine(m_runner->currentLine());
    });
    connect(runner, &PaneRunner::programChanged, this, [this] {
        showListing();
        setSelected(m_selected);  // the title says whose program it is
    });
    connect(runner, &PaneRunner::stateChanged, this, &PaneView::refresh);
    connect(runner, &PaneRunner::output, this, [this](const QString &line) { appendConsole(line, false); });
    connect(runner, &PaneRunner::errorOutput, this, &PaneView::showError);
    connect(runner, &PaneRunner::inputRequested, this, [this] {
        ++m_inputRequests;
        m_input->setEnabled(true);
        m_input->setFocus();
    });
    setSelected(false);
    showListing();
    refresh();
}

void PaneView::showListing()
{
    QStringList lines = m_runner->listing();
    for (int i = 0; i < lines.size(); ++i)
        lines[i] = QStringLiteral("%1  %2").arg(i + 1, kLineNumberWidth).arg(lines[i]);
    m_listing->setPlainText(lines.join(QLatin1Char('\n')));
}

void PaneView::openProgram()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Your own program for this pane"), QString(),
                                                      tr("Python programs (*.py);;All files (*)"));
    if (file.isEmpty())
        return;
    if (const QString problem = m_runner->setLearnerProgram(file); !problem.isEmpty())
        QMessageBox::warning(this, tr("Your own program"), problem);
}

void PaneView::markLine(int line)
{
    QList<QTextEdit::ExtraSelection> marks;
    const QTextBlock block = m_listing->document()->findBlockByNumber(line - 1);
    if (block.isValid()) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        m_markedBlocked = m_runner->blockedIn() != socketlab::TraceCall::None;
        if (m_highContrast)
            mark.format.setBackground(m_markedBlocked ? QColor(255, 150, 40) : QColor(120, 180, 255));
        else
            mark.format.setBackground(m_markedBlocked ? QColor(255, 196, 120) : QColor(170, 210, 255));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks << mark;
        m_listing->setTextCursor(QTextCursor(block));
        m_listing->ensureCursorVisible();
    }
    m_listing->setExtraSelections(marks);
}

void PaneView::showError(const QString &text)
{
    // As Python prints it, then what it usually means, in the learner's language.
    QString html = QStringLiteral("<span style=\"color:#c00000; font-weight:bold\">%1</span>").arg(text.toHtmlEscaped());
    if (const QString why = SocketText::errorExplanation(m_runner->lastSocketError()); !why.isEmpty())
        html += QStringLiteral("<br><span style=\"color:#7a3000\">&rarr; %1</span>").arg(why.toHtmlEscaped());
    appendConsole(html, true);
}

void PaneView::appendConsole(const QString &text, bool html)
{
    if (m_pendingHtml || html)
        flush();  // an error's HTML keeps its place among the plain lines
    m_pendingConsole << text;
    m_pendingHtml = html;
    scheduleFlush();
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
    if (!m_pendingConsole.isEmpty()) {
        if (m_pendingHtml)
            m_console->appendHtml(m_pendingConsole.join(QStringLiteral("<br>")));
        else
            m_console->appendPlainText(m_pendingConsole.join(QLatin1Char('\n')));
        m_pendingConsole.clear();
        m_pendingHtml = false;
    }
    if (m_pendingLine > 0 || !m_pendingStep.isEmpty()) {
        markLine(m_pendingLine);
        m_explanation->setText(m_runner->definition().steps.value(m_pendingStep).explanation.in(m_language));
        m_pendingStep.clear();
        m_pendingLine = 0;
    }
}

void PaneView::setHighContrast(bool on)
{
    m_highContrast = on;
    m_highlighter->setHighContrast(on);
    if (m_runner->currentLine() > 0)
        markLine(m_runner->currentLine());
}

void PaneView::setSelected(bool selected)
{
    m_selected = selected;
    QString title = m_runner->definition().title.in(m_language).toHtmlEscaped();
    if (!m_runner->learnerProgram().isEmpty())
        title = tr("%1 — your program %2").arg(title, QFileInfo(m_runner->learnerProgram()).fileName().toHtmlEscaped());
    m_title->setText(selected ? QStringLiteral("<b>&#9656; %1</b>").arg(title) : QStringLiteral("<b>%1</b>").arg(title));
    paintLabel(m_title, selected ? QColor(42, 98, 201) : QColor(), selected ? QColor(Qt::white) : QColor(), true);
}

void PaneView::addTool(QWidget *tool)
{
    for (int i = 0; i < layout()->count(); ++i) {
        auto *row = qobject_cast<QBoxLayout *>(layout()->itemAt(i)->layout());
        if (row && row->indexOf(m_paramsButton) >= 0) {
            row->insertWidget(row->indexOf(m_paramsButton), tool);
            return;
        }
    }
}

void PaneView::showStep(const QString &stepId, int line)
{
    m_pendingStep = stepId;
    m_pendingLine = line;
    scheduleFlush();
}

void PaneView::refresh()
{
    using State = PaneRunner::State;
    qint64 blockedMs = 0;
    const socketlab::TraceCall blocked = m_runner->blockedIn(&blockedMs);
    QString text;
    QColor background, color;
    bool bold = false;
    if (blocked != socketlab::TraceCall::None && m_runner->state() == State::Running) {
        text = tr("blocked in %1() — %2")
                   .arg(QString::fromLatin1(socketlab::traceCallName(blocked)), SocketText::durationText(blockedMs * 1'000'000));
        background = QColor(255, 196, 120);
        bold = true;
    } else {
        switch (m_runner->state()) {
        case State::Idle: text = tr("not started"); break;
        case State::Running: text = tr("running"); break;
        case State::Paused: text = tr("paused before line %1").arg(m_runner->currentLine()); break;
        case State::WaitingForInput: text = tr("waiting for your input"); background = QColor(216, 236, 255); break;
        case State::Finished: text = tr("finished"); break;
        case State::Failed:
            text = tr("failed: %1").arg(m_runner->lastError());
            color = QColor(192, 0, 0);
            bold = true;
            break;
        case State::Stopped: text = tr("stopped"); break;
        }
    }
    m_state->setText(text);
    paintLabel(m_state, background, color, bold);
    const bool active = m_runner->isActive();
    if (active != m_wasActive) {
        m_wasActive = active;
        m_paramsButton->setChecked(!active);  // folded on start, unfolded when it ends
    }
    m_input->setEnabled(active && m_runner->state() == State::WaitingForInput);
    m_pause->setEnabled(active);
    m_programButton->setEnabled(!active);
    m_stop->setEnabled(active);
    const bool isBlocked = blocked != socketlab::TraceCall::None;
    if (active && m_runner->currentLine() > 0 && isBlocked != m_markedBlocked)
        markLine(m_runner->currentLine());  // the marked line turns orange while its call blocks
}

void PaneView::clear()
{
    m_pendingConsole.clear();
    m_pendingHtml = false;
    m_pendingStep.clear();
    m_pendingLine = 0;
    m_console->clear();
    m_explanation->clear();
    m_inputRequests = 0;
    showListing();
    m_listing->setExtraSelections({});
    refresh();
}
