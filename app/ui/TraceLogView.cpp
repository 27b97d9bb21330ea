#include "TraceLogView.h"

#include "SocketText.h"

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

void TraceLogView::feed(const LiveTick &tick)
{
    QStringList lines;
    for (const TraceEvent &e : tick.events) {
        if (e.phase == TracePhase::Begin)
            continue;  // the end of each call says what it did
        const SocketSample *socket = tick.sockets.find(e.socketId ? e.socketId : e.relatedSocketId);
        lines << SocketText::eventLine(e, socket ? QString::fromStdString(socket->record->owner) : QString());
    }
    if (!lines.isEmpty())
        appendPlainText(lines.join(QLatin1Char('\n')));
}

void TraceLogView::forgetRun()
{
    clear();
}
