#include "ReplayPaneView.h"

#include "ListingView.h"
#include "PaneThreads.h"
#include "PythonHighlighter.h"
#include "SocketText.h"

#include <LabDefinition.h>

#include <QCoreApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kNumberWidth = 2;       // "12  code", as the live pane numbers its lines
constexpr int kConsoleLines = 2000;   // as many as the live console keeps

// The live pane's words (PaneView's, and PaneThreads' for what a thread does), so a moment
// looked back at reads as it read then, in the window's language.
QString paneText(const char *text)
{
    return QCoreApplication::translate("PaneView", text);
}

QString activity(PaneThreads::Activity what, const PaneMoment &m)
{
    PaneThreads::Moment moment;
    moment.activity = what;
    moment.line = m.line;
    moment.call = m.blockedIn;
    return PaneThreads::activityText(moment, m.state, m.blockedNs);  // blocked since 0, seen at blockedNs
}

struct StateLine {
    StateLine(QString t = {}, QColor b = {}, QColor c = {}, bool strong = false)
        : text(std::move(t)), background(b), color(c), bold(strong) {}
    QString text;
    QColor background;
    QColor color;
    bool bold;
};

StateLine stateLine(const PaneMoment &m)
{
    using State = PaneRunner::State;
    using Activity = PaneThreads::Activity;
    if (m.blockedIn != socketlab::TraceCall::None && m.state == State::Running)
        return {activity(Activity::Blocked, m), QColor(255, 196, 120), QColor(), true};
    switch (m.state) {
    case State::Idle: return {paneText("not started")};
    case State::Running: return {activity(Activity::Running, m)};
    case State::Paused: return {activity(Activity::Next, m)};
    case State::WaitingForInput: return {activity(Activity::WaitingForInput, m), QColor(216, 236, 255)};
    case State::Finished: return {paneText("finished")};
    case State::Failed: return {paneText("failed: %1").arg(m.lastError), QColor(), QColor(192, 0, 0), true};
    case State::Stopped: return {paneText("stopped")};
    }
    return {};
}

} // namespace

ReplayPaneView::ReplayPaneView(const LabDefinition &lab, const QString &paneId, const QString &language, QWidget *parent)
    : QWidget(parent), m_lab(lab), m_paneId(paneId), m_language(language), m_title(new QLabel), m_state(new QLabel),
      m_listing(new ListingView), m_explanation(new QLabel), m_console(new QPlainTextEdit),
      m_highlighter(new PythonHighlighter(m_listing->document()))
{
    QFont mono;
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_highlighter->setGutterWidth(kNumberWidth + 2);
    for (QPlainTextEdit *text : {static_cast<QPlainTextEdit *>(m_listing), m_console}) {
        text->setReadOnly(true);
        text->setFont(mono);
    }
    m_console->setMaximumBlockCount(kConsoleLines);
    m_listing->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_state->setMargin(3);
    m_explanation->setWordWrap(true);
    m_explanation->setMinimumHeight(m_explanation->fontMetrics().lineSpacing() * 3);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addWidget(m_listing, 3);
    layout->addWidget(m_explanation);
    layout->addWidget(m_console, 2);
}

void ReplayPaneView::setClassroom(bool on)
{
    m_listing->setWrapped(on);
}

void ReplayPaneView::showMoment(const PaneMoment &moment)
{
    m_title->setText(QStringLiteral("<b>%1</b>").arg(moment.title.in(m_language).toHtmlEscaped()));
    showState(moment);
    showListing(moment.listing);
    markLine(moment);
    const PaneDefinition *def = m_lab.pane(m_paneId);
    if (!def) {  // an added copy explains its steps as its original does
        const int dash = m_paneId.lastIndexOf(QLatin1Char('-'));
        def = dash > 0 ? m_lab.pane(m_paneId.left(dash)) : nullptr;
    }
    m_explanation->setText(def && !moment.step.isEmpty() ? def->steps.value(moment.step).explanation.in(m_language) : QString());
    showConsole(moment.console);
}

void ReplayPaneView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Shown before it had a size (a saved run opens before the window appears): the
    // marked line is brought into sight once the listing is laid out in its new room.
    QTimer::singleShot(0, m_listing, &QPlainTextEdit::ensureCursorVisible);
}

void ReplayPaneView::showState(const PaneMoment &moment)
{
    const StateLine line = stateLine(moment);
    m_state->setText(line.text);
    QPalette palette;
    if (line.background.isValid())
        palette.setColor(QPalette::Window, line.background);
    if (line.color.isValid())
        palette.setColor(QPalette::WindowText, line.color);
    m_state->setPalette(palette);
    m_state->setAutoFillBackground(line.background.isValid());
    QFont weight;
    weight.setWeight(line.bold ? QFont::Bold : QFont::Normal);
    m_state->setFont(weight);
}

void ReplayPaneView::showListing(const QStringList &lines)
{
    if (lines == m_shownListing)
        return;
    m_shownListing = lines;
    QStringList numbered = lines;
    for (int i = 0; i < numbered.size(); ++i)
        numbered[i] = QStringLiteral("%1  %2").arg(i + 1, kNumberWidth).arg(numbered[i]);
    m_listing->setPlainText(numbered.join(QLatin1Char('\n')));
    m_markedLine = -1;  // the marks went with the text
}

// As the live pane marks it (ListingView): a fill, an edge solid for "next" or hatched for a
// blocked call, and the word.
void ReplayPaneView::markLine(const PaneMoment &moment)
{
    const bool blocked = moment.blockedIn != socketlab::TraceCall::None;
    m_markedLine = moment.line;
    QList<ListingView::Marker> markers;
    if (moment.line > 0) {
        PaneThreads::Moment thread;
        thread.line = moment.line;
        thread.activity = blocked ? PaneThreads::Activity::Blocked
                          : moment.state == PaneRunner::State::WaitingForInput ? PaneThreads::Activity::WaitingForInput
                          : moment.state == PaneRunner::State::Running ? PaneThreads::Activity::Running
                                                                          : PaneThreads::Activity::Next;
        markers << ListingView::Marker{moment.line, true, blocked, PaneThreads::tagText(thread)};
    }
    m_listing->setMarkers(markers);
}

void ReplayPaneView::showConsole(const QList<ConsoleLine> &lines)
{
    if (lines.size() == m_shownConsoleLines)
        return;
    m_shownConsoleLines = int(lines.size());
    m_console->clear();
    // Plain lines go in together: one by one, a long run's console took a tenth of a second.
    QStringList plain;
    const auto flushPlain = [&] {
        if (!plain.isEmpty())
            m_console->appendPlainText(plain.join(QLatin1Char('\n')));
        plain.clear();
    };
    for (qsizetype i = std::max<qsizetype>(0, lines.size() - kConsoleLines); i < lines.size(); ++i) {
        const ConsoleLine &l = lines[i];
        if (!l.error) {
            plain << l.text;
            continue;
        }
        flushPlain();
        // As the live pane prints an error: Python's text, then what it usually means.
        QString html = QStringLiteral("<span style=\"color:#c00000; font-weight:bold\">%1</span>").arg(l.text.toHtmlEscaped());
        if (const QString why = SocketText::errorExplanation(l.cause); !why.isEmpty())
            html += QStringLiteral("<br><span style=\"color:#7a3000\">&rarr; %1</span>").arg(why.toHtmlEscaped());
        m_console->appendHtml(html);
    }
    flushPlain();
}
