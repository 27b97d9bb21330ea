#include "SocketServerFlowView.h"

#include "LiveViewStyle.h"

#include <Clock.h>

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

using namespace socketlab;

namespace {
constexpr int kGap = 22;  // room for the arrow between two boxes

QString callText(TraceCall call)
{
    return QString::fromLatin1(traceCallName(call)) + QStringLiteral("()");
}
} // namespace

SocketServerFlowView::SocketServerFlowView(QWidget *parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void SocketServerFlowView::feed(const LiveTick &tick)
{
    bool changed = m_model.addEvents(tick.events, &tick.requests);
    changed = m_model.prune(tick.nowNs) || changed;
    for (int i = 0; i < SocketServerFlowModel::BoxCount && !changed; ++i) {
        const double v = m_model.intensity(i, tick.nowNs);
        changed = v > 0 && v < 1;  // still fading
    }
    if (m_model.workers().size() != m_workerRows) {
        m_workerRows = m_model.workers().size();
        updateGeometry();
    }
    if (changed) {
        setAccessibleDescription(summary());
        update();
    }
}

void SocketServerFlowView::forgetRun()
{
    m_model.clear();
    m_workerRows = 0;
    setAccessibleDescription(summary());
    updateGeometry();
    update();
}

QString SocketServerFlowView::summary() const
{
    if (!m_model.seenServer())
        return tr("No socketserver in this lab: its stages appear here when a server runs.");
    const int current = m_model.currentBox();
    QStringList parts;
    parts << (current < 0 ? tr("No stage running now")
                          : tr("Running now: %1").arg(callText(m_model.boxes()[std::size_t(current)].call)));
    for (const SocketServerFlowModel::Worker &w : m_model.workers())
        parts << workerText(w);
    return parts.join(QLatin1Char('\n'));
}

void SocketServerFlowView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleDescription(summary());
        update();
    }
}

QSize SocketServerFlowView::boxSize() const
{
    int w = 0;
    for (int i = 0; i < SocketServerFlowModel::BoxCount; ++i)
        w = std::max(w, fontMetrics().horizontalAdvance(callText(m_model.boxes()[std::size_t(i)].call)));
    w = std::max(w, fontMetrics().horizontalAdvance(callText(TraceCall::HandleRequest)));
    return {w + 16, fontMetrics().height() * 2 + 12};
}

int SocketServerFlowView::boxesPerRow(int width) const
{
    return std::max(1, (width - 12 + kGap) / (boxSize().width() + kGap));
}

int SocketServerFlowView::boxesHeight(int width) const
{
    const int rows = (SocketServerFlowModel::BoxCount + boxesPerRow(width) - 1) / boxesPerRow(width);
    return rows * (boxSize().height() + 14);
}

int SocketServerFlowView::heightForWidth(int width) const
{
    const int lineH = fontMetrics().height();
    return 8 + boxesHeight(width) + lineH + 8 + std::max<int>(1, int(m_workerRows)) * (lineH + 4) + 8;
}

QSize SocketServerFlowView::sizeHint() const
{
    const int width = 5 * (boxSize().width() + kGap) + 12;
    return {width, heightForWidth(width)};
}

QString SocketServerFlowView::workerText(const SocketServerFlowModel::Worker &w) const
{
    QString who = w.process ? tr("child process %1").arg(w.id) : tr("thread %1").arg(w.id);
    QString text = w.client.empty() ? tr("%1 · request %2").arg(who).arg(w.number)
                                    : tr("%1 · request %2 from %3").arg(who).arg(w.number).arg(QString::fromStdString(w.client));
    if (w.ended) {
        if (w.process)
            return text + QStringLiteral(" · ")
                + (w.exitCode < 0 ? tr("killed by signal %1").arg(-w.exitCode) : tr("exited with code %1").arg(w.exitCode));
        return text + QStringLiteral(" · ") + tr("ended");
    }
    const TraceCall stage = m_model.stageOf(w.requestId);
    return stage == TraceCall::None ? text : text + QStringLiteral(" · ") + tr("in %1").arg(callText(stage));
}

void SocketServerFlowView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QRect area = rect().adjusted(6, 4, -6, -4);
    const QColor text = palette().color(QPalette::WindowText);
    if (!m_model.seenServer()) {
        p.setPen(liveview::goneColour());
        p.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, summary());
        return;
    }
    const std::int64_t now = steadyNowNs();
    const QSize box = boxSize();
    const int perRow = boxesPerRow(area.width() + 12);
    const int current = m_model.currentBox();
    for (int i = 0; i < SocketServerFlowModel::BoxCount; ++i) {
        const SocketServerFlowModel::StageBox &b = m_model.boxes()[std::size_t(i)];
        const int col = i % perRow, row = i / perRow;
        const QRect r(area.left() + col * (box.width() + kGap), area.top() + 4 + row * (box.height() + 14), box.width(),
                      box.height());
        const double lit = m_model.intensity(i, now);
        QColor fill = i == current ? liveview::activeColour()
                                   : liveview::blend(b.active > 0 ? liveview::busyColour() : liveview::busyColour().lighter(105),
                                                     liveview::idleColour(), lit);
        if (b.lastFailed && b.active == 0)
            fill = liveview::blend(liveview::warningColour().lighter(150), liveview::idleColour(), lit);
        p.setBrush(fill);
        p.setPen(QPen(i == current ? liveview::activeColour().darker(160) : liveview::frameColour(), i == current ? 3 : 1));
        p.drawRoundedRect(r, 6, 6);
        p.setPen(b.entered > 0 ? text : liveview::goneColour());
        p.setFont(i == current ? liveview::boldFont(font()) : font());
        const int lineH = fontMetrics().height();
        liveview::drawFitted(p, QRect(r.left() + 4, r.top() + 4, r.width() - 8, lineH), callText(b.call));
        p.setFont(font());
        QString count = b.active > 1 ? tr("×%1 · %2 running").arg(b.entered).arg(b.active) : tr("×%1").arg(b.entered);
        if (b.lastFailed && b.active == 0)
            count = tr("%1 · raised").arg(count);  // in words too, not only the red
        liveview::drawFitted(p, QRect(r.left() + 4, r.top() + 6 + lineH, r.width() - 8, lineH), count);

        // An arrow to the next box: along the row, or down-and-back to the next row's start.
        if (i + 1 < SocketServerFlowModel::BoxCount && col + 1 == perRow) {
            const int midY = r.bottom() + 7, startX = area.left() + box.width() / 2;
            p.setPen(QPen(liveview::frameColour(), 2));
            const QPoint route[] = {QPoint(r.center().x(), r.bottom() + 2), QPoint(r.center().x(), midY),
                                    QPoint(startX, midY), QPoint(startX, midY + 5)};
            p.drawPolyline(route, 4);
            QPainterPath head;
            head.moveTo(startX, midY + 9);
            head.lineTo(startX - 4, midY + 3);
            head.lineTo(startX + 4, midY + 3);
            head.closeSubpath();
            p.fillPath(head, liveview::frameColour());
        }
        if (i + 1 < SocketServerFlowModel::BoxCount && col + 1 < perRow) {
            const int y = r.center().y();
            p.setPen(QPen(liveview::frameColour(), 2));
            p.drawLine(r.right() + 3, y, r.right() + kGap - 4, y);
            QPainterPath head;
            head.moveTo(r.right() + kGap - 3, y);
            head.lineTo(r.right() + kGap - 10, y - 4);
            head.lineTo(r.right() + kGap - 10, y + 4);
            head.closeSubpath();
            p.fillPath(head, liveview::frameColour());
        }
    }

    // The workers: request threads (ThreadingMixIn) or child processes (ForkingMixIn).
    const int lineH = fontMetrics().height();
    int y = area.top() + boxesHeight(area.width() + 12) + 4;
    p.setPen(text);
    p.setFont(liveview::boldFont(font()));
    const int alive = int(std::count_if(m_model.workers().begin(), m_model.workers().end(),
                                        [](const SocketServerFlowModel::Worker &w) { return !w.ended; }));
    liveview::drawFitted(p, QRect(area.left(), y, area.width(), lineH),
                         tr("Request threads and child processes: %1 running").arg(alive), Qt::AlignLeft);
    p.setFont(font());
    y += lineH + 6;
    if (m_model.workers().empty()) {
        p.setPen(liveview::goneColour());
        liveview::drawFitted(p, QRect(area.left() + 12, y, area.width() - 12, lineH),
                             tr("none: each request is handled on the server's own thread"), Qt::AlignLeft);
    }
    for (const SocketServerFlowModel::Worker &w : m_model.workers()) {
        const QRect r(area.left() + 12, y, area.width() - 12, lineH + 2);
        if (!w.ended)
            p.fillRect(r, liveview::busyColour());
        p.setPen(w.ended ? liveview::goneColour() : text);
        liveview::drawFitted(p, r.adjusted(4, 0, -4, 0), workerText(w), Qt::AlignLeft);
        y += lineH + 4;
    }
    if (m_model.workersDropped() > 0) {
        p.setPen(liveview::goneColour());
        liveview::drawFitted(p, QRect(area.left() + 12, y, area.width() - 12, lineH),
                             tr("(%1 earlier ones not listed)").arg(m_model.workersDropped()), Qt::AlignLeft);
    }
}

bool SocketServerFlowView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        QToolTip::showText(help->globalPos(),
                           tr("The methods socketserver calls for each request, lit as they run: the stage running "
                              "now is outlined, stages just passed fade out, and the count says how often each "
                              "ran. With ThreadingMixIn or ForkingMixIn, finish_request onwards runs in the thread "
                              "or child process listed below."),
                           this);
        return true;
    }
    return QWidget::event(e);
}
