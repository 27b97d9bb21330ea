#include "RunTimeline.h"

#include "ReplayController.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace {
constexpr int kMargin = 6;         // room for the moment's handle at either end
constexpr int kDroppedMinPx = 8;   // dropped history is always visible, however short
} // namespace

RunTimeline::RunTimeline(ReplayController *controller, QWidget *parent) : QWidget(parent), m_controller(controller)
{
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslate();
    connect(controller, &ReplayController::momentChanged, this, qOverload<>(&QWidget::update));
    connect(controller, &ReplayController::sourceChanged, this, qOverload<>(&QWidget::update));
}

void RunTimeline::retranslate()
{
    setToolTip(tr("The run so far. Click or drag to see any earlier moment: nothing runs again and no socket is touched.\n"
                  "Blue: socket calls · green: console lines · red: errors · hatched: history dropped to stay within memory"));
    setAccessibleName(tr("Run timeline"));
}

void RunTimeline::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

QSize RunTimeline::sizeHint() const
{
    return {400, fontMetrics().height() + 10};
}

QSize RunTimeline::minimumSizeHint() const
{
    return {120, fontMetrics().height() + 10};
}

QRect RunTimeline::track() const
{
    return rect().adjusted(kMargin, 2, -kMargin, -2);
}

std::int64_t RunTimeline::endNs() const
{
    const RunRecording *r = m_controller->recording();
    return r ? std::max(r->endNs(), m_controller->originNs()) : 0;
}

int RunTimeline::xOf(std::int64_t timeNs) const
{
    const QRect t = track();
    const std::int64_t origin = m_controller->originNs();
    const std::int64_t span = endNs() - origin;
    if (span <= 0)
        return t.right();
    const double f = double(std::clamp(timeNs, origin, endNs()) - origin) / double(span);
    return t.left() + int(f * t.width());
}

std::int64_t RunTimeline::timeAt(int x) const
{
    const QRect t = track();
    const std::int64_t origin = m_controller->originNs();
    const double f = std::clamp(double(x - t.left()) / std::max(1, t.width()), 0.0, 1.0);
    return origin + std::int64_t(f * double(endNs() - origin));
}

// The marks are gathered as the recording grows, not on every paint: a long run has
// thousands of ticks and the strip repaints with each.
void RunTimeline::updateMarks()
{
    const RunRecording *r = m_controller->recording();
    const std::int64_t first = r ? r->startNs() : 0;
    if (r != m_markedRecording || first != m_markedFirstNs) {
        m_marks.clear();
        m_markedRecording = r;
        m_markedFirstNs = first;
        m_lastFrameNs = std::numeric_limits<std::int64_t>::min();
        m_lastReportNs = std::numeric_limits<std::int64_t>::min();
    }
    if (!r)
        return;
    auto frame = std::upper_bound(r->frames().begin(), r->frames().end(), m_lastFrameNs,
                                  [](std::int64_t t, const RecordedFrame &f) { return t < f.timeNs; });
    for (; frame != r->frames().end(); ++frame) {
        if (!frame->events.empty())
            m_marks.push_back({frame->timeNs, Mark::Call});
        m_lastFrameNs = frame->timeNs;
    }
    auto report = std::upper_bound(r->reports().begin(), r->reports().end(), m_lastReportNs,
                                   [](std::int64_t t, const PaneReport &p) { return t < p.timeNs; });
    for (; report != r->reports().end(); ++report) {
        if (report->kind == PaneReport::Kind::Output)
            m_marks.push_back({report->timeNs, Mark::Line});
        else if (report->kind == PaneReport::Kind::Error)
            m_marks.push_back({report->timeNs, Mark::Error});
        m_lastReportNs = report->timeNs;
    }
}

void RunTimeline::paintEvent(QPaintEvent *)
{
    updateMarks();
    QPainter p(this);
    const QRect t = track();
    const bool back = m_controller->isLookingBack();
    p.fillRect(t, palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(t.adjusted(0, 0, -1, -1));
    const RunRecording *r = m_controller->recording();
    if (!r || r->isEmpty())
        return;

    // History dropped to stay within memory: hatched up to where the run is whole.
    if (r->droppedBeforeNs() > 0) {
        const int right = std::max(xOf(r->droppedBeforeNs()), t.left() + kDroppedMinPx);
        const QRect dropped(QPoint(t.left(), t.top()), QPoint(right, t.bottom()));
        p.fillRect(dropped, QBrush(QColor(120, 120, 120), Qt::BDiagPattern));
        p.setPen(QPen(QColor(160, 0, 0), 2));
        p.drawLine(right, t.top(), right, t.bottom());
    }

    // One tick per mark, calls above the middle, console lines below; a long run has many
    // marks to a pixel, so each column is drawn once per kind.
    const int middle = t.center().y();
    std::vector<std::uint8_t> columns(std::size_t(std::max(1, width())), 0);
    for (const Marked &m : m_marks) {
        const int x = std::clamp(xOf(m.timeNs), 0, int(columns.size()) - 1);
        columns[std::size_t(x)] |= std::uint8_t(1u << unsigned(m.mark));
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int x = int(i);
        if (columns[i] & (1u << unsigned(Mark::Call))) {
            p.setPen(QColor(40, 90, 200));
            p.drawLine(x, t.top() + 2, x, middle - 1);
        }
        if (columns[i] & (1u << unsigned(Mark::Error))) {
            p.setPen(QPen(QColor(200, 0, 0), 2));
            p.drawLine(x, middle + 1, x, t.bottom() - 2);
        } else if (columns[i] & (1u << unsigned(Mark::Line))) {
            p.setPen(QColor(20, 140, 60));
            p.drawLine(x, middle + 1, x, t.bottom() - 2);
        }
    }

    // What a pending prediction would give away stays covered.
    if (m_controller->revealLimit() < endNs()) {
        const int x = xOf(m_controller->revealLimit());
        p.fillRect(QRect(QPoint(x, t.top()), QPoint(t.right(), t.bottom())), QColor(200, 200, 200, 200));
    }

    // The moment shown: a bar with a handle, orange while looking back.
    const int x = back ? xOf(m_controller->moment()) : t.right();
    const QColor cursor = back ? QColor(230, 120, 0) : QColor(20, 140, 60);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(cursor, 3));
    p.drawLine(x, t.top(), x, t.bottom());
    p.setBrush(cursor);
    p.setPen(Qt::NoPen);
    const QPolygon handle({QPoint(x - 5, 0), QPoint(x + 5, 0), QPoint(x, 6)});
    p.drawPolygon(handle);
}

void RunTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_controller->hasRecording())
        emit momentPicked(timeAt(event->position().toPoint().x()));
}

void RunTimeline::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_controller->hasRecording())
        emit momentPicked(timeAt(event->position().toPoint().x()));
}
