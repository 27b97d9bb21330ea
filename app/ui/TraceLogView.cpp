#include "TraceLogView.h"

#include "SocketText.h"

#include <QEvent>
#include <QTextBlock>
#include <QTextCursor>

using namespace socketlab;

TraceLogView::TraceLogView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setMaximumBlockCount(kMaxLines);
    QFont mono;
    mono.setFamily(QStringLiteral("monospace"));  // only the family: the size follows zoom
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
}

bool TraceLogView::isHousekeeping(const TraceEvent &e)
{
    return e.call == TraceCall::ServiceActions && e.phase == TracePhase::Returned;
}

QString TraceLogView::textOf(const Line &line) const
{
    QString text = SocketText::eventLine(line.event, line.owner);
    if (line.repeats > 1)
        text += tr(" ×%1 (once per poll_interval while serve_forever() waits)").arg(line.repeats);
    return text;
}

void TraceLogView::rewriteLastLine()
{
    QTextCursor cursor(document()->lastBlock());
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.insertText(textOf(m_lines.back()));
}

void TraceLogView::feed(const LiveTick &tick)
{
    QStringList added;
    for (const TraceEvent &e : tick.events) {
        if (e.phase == TracePhase::Begin)
            continue;  // the end of each call says what it did
        if (isHousekeeping(e) && !m_lines.empty() && isHousekeeping(m_lines.back().event)
            && m_lines.back().event.socketId == e.socketId) {
            ++m_lines.back().repeats;
            m_lines.back().event.timeNs = e.timeNs;
            if (added.isEmpty())
                rewriteLastLine();
            else
                added.last() = textOf(m_lines.back());
            continue;
        }
        const SocketSample *socket = tick.sockets.find(e.socketId ? e.socketId : e.relatedSocketId);
        m_lines.push_back(Line{e, socket ? QString::fromStdString(socket->record->owner) : QString(), 1});
        if (m_lines.size() > std::size_t(kMaxLines))
            m_lines.pop_front();
        added << textOf(m_lines.back());
    }
    if (!added.isEmpty())
        appendPlainText(added.join(QLatin1Char('\n')));
}

void TraceLogView::forgetRun()
{
    m_lines.clear();
    clear();
}

void TraceLogView::renderAll()
{
    QStringList all;
    for (const Line &line : m_lines)
        all << textOf(line);
    setPlainText(all.join(QLatin1Char('\n')));
    moveCursor(QTextCursor::End);
}

void TraceLogView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        renderAll();
}
