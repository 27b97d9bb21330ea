#include "ReceiveBufferView.h"

#include "LiveViewStyle.h"

#include <Clock.h>

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <tuple>

using namespace socketlab;

namespace {
constexpr int kMinSegmentPx = 18;  // a 1-byte send stays visible next to a 60 KB one

// Widths for parts of a strip: proportional to bytes, but none thinner than kMinSegmentPx.
std::vector<int> partWidths(const std::vector<std::int64_t> &bytes, int width)
{
    std::vector<int> out(bytes.size(), 0);
    if (bytes.empty())
        return out;
    const int minimum = std::min(kMinSegmentPx, width / int(bytes.size()));
    const int spare = width - minimum * int(bytes.size());
    std::int64_t total = 0;
    for (std::int64_t b : bytes)
        total += b;
    int used = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        out[i] = minimum + (total > 0 ? int(double(spare) * double(bytes[i]) / double(total)) : spare / int(bytes.size()));
        used += out[i];
    }
    out.back() += width - used;  // rounding
    return out;
}
} // namespace

ReceiveBufferView::ReceiveBufferView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ReceiveBufferView::feed(const LiveTick &tick)
{
    const bool relevant = m_model.addEvents(tick.events, tick.sockets);
    bool changed = m_model.refresh(tick.sockets, tick.nowNs) || relevant;
    std::vector<ReceiveBufferModel::Buffer> pending;
    for (const KernelOnlyRows::Row &e : tick.kernelRows.rows()) {
        if (!e.notAccepted() || e.kernel.socket.receiveQueue == 0)
            continue;
        ReceiveBufferModel::Buffer b;
        b.owner = e.owner.toStdString();
        b.local = e.kernel.socket.local.toString();
        b.peer = e.kernel.socket.peer.toString();
        b.kernelBytes = e.kernel.socket.receiveQueue;
        if (const auto *segments = m_model.unclaimed(e.kernel.peerId))
            b.segments = *segments;
        pending.push_back(std::move(b));
    }
    const auto key = [](const ReceiveBufferModel::Buffer &b) { return std::tie(b.peer, b.kernelBytes); };
    changed = changed || pending.size() != m_notAccepted.size()
        || !std::equal(pending.begin(), pending.end(), m_notAccepted.begin(),
                       [&](const auto &a, const auto &b) { return key(a) == key(b) && a.segments.size() == b.segments.size(); });
    m_notAccepted = std::move(pending);
    if (rowCount() != m_rows) {
        m_rows = rowCount();
        updateGeometry();
    }
    if (changed) {
        setAccessibleDescription(summary());
        update();
    }
}

void ReceiveBufferView::forgetRun()
{
    m_model.clear();
    m_notAccepted.clear();
    m_rows = 0;
    setAccessibleDescription(summary());
    updateGeometry();
    update();
}

QString ReceiveBufferView::summary() const
{
    if (rowCount() == 0)
        return tr("No bytes waiting in any receive buffer: every recv() has taken what arrived.");
    QStringList parts;
    for (const auto &entry : m_model.buffers()) {
        const ReceiveBufferModel::Buffer &b = entry.second;
        parts << tr("%1 · %2: %n byte(s) waiting", nullptr, int(std::max<std::int64_t>(0, b.kernelBytes)))
                     .arg(QString::fromStdString(b.owner), QString::fromStdString(b.local));
    }
    for (const ReceiveBufferModel::Buffer &b : m_notAccepted)
        parts << tr("%1 · %2 ← %3, not accepted yet: %n byte(s) waiting", nullptr, int(b.kernelBytes))
                     .arg(QString::fromStdString(b.owner), QString::fromStdString(b.local), QString::fromStdString(b.peer));
    return parts.join(QLatin1Char('\n'));
}

void ReceiveBufferView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleDescription(summary());
        update();
    }
}

int ReceiveBufferView::rowHeight() const
{
    return fontMetrics().height() * 4 + 10;
}

QSize ReceiveBufferView::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 60, std::max<int>(1, int(m_rows)) * rowHeight() + 8};
}

QSize ReceiveBufferView::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 30, rowHeight()};
}

void ReceiveBufferView::paintBuffer(QPainter &p, const QRect &row, const ReceiveBufferModel::Buffer &b, std::int64_t nowNs,
                                    bool notAccepted) const
{
    const int lineH = fontMetrics().height();
    const QColor text = palette().color(QPalette::WindowText);
    const QString local = QString::fromStdString(b.local), peer = QString::fromStdString(b.peer);
    QString title = peer.isEmpty() ? tr("%1 · %2").arg(QString::fromStdString(b.owner), local)
                                   : tr("%1 · %2 ← %3").arg(QString::fromStdString(b.owner), local, peer);
    if (notAccepted)
        title = tr("%1 (not accepted yet)").arg(title);
    p.setPen(text);
    p.setFont(liveview::boldFont(font()));
    liveview::drawFitted(p, QRect(row.left(), row.top(), row.width(), lineH), title, Qt::AlignLeft);
    p.setFont(font());

    // What the trace says waits, trimmed at the front by bytes a recv took whose event has
    // not arrived yet (the kernel knows first), plus what the kernel holds that we never saw sent.
    std::vector<std::int64_t> parts;
    std::vector<bool> merged;
    std::int64_t skip = b.datagram ? 0 : std::max<std::int64_t>(0, b.tracedBytes() - std::max<std::int64_t>(0, b.kernelBytes));
    for (const ReceiveBufferModel::Segment &s : b.segments) {
        const std::int64_t cut = std::min(skip, s.bytes);
        skip -= cut;
        if (s.bytes - cut > 0) {
            parts.push_back(s.bytes - cut);
            merged.push_back(s.sends > 1);
        }
    }
    const std::int64_t untraced = b.untracedBytes();
    const std::size_t traced = parts.size();
    if (untraced > 0) {
        parts.push_back(untraced);
        merged.push_back(false);
    }

    const QRect strip(row.left(), row.top() + lineH + 4, row.width(), lineH + 12);
    p.setPen(Qt::NoPen);
    p.setBrush(liveview::idleColour());
    p.drawRect(strip);
    const double takeAge = double(nowNs - b.lastTake.atNs) / double(ReceiveBufferModel::kTakeShownNs);
    const bool takeShown = b.lastTake.atNs > 0 && takeAge < 1.0;
    if (parts.empty() && takeShown) {
        // The bytes are gone: drawn once more as one block, boundaries dissolved, fading.
        p.setBrush(liveview::blend(liveview::fillColour(), liveview::idleColour(), 1.0 - takeAge));
        p.drawRect(strip);
        p.setPen(text);
        liveview::drawFitted(p, strip, tr("%1() took %n byte(s) at once", nullptr, int(b.lastTake.bytes))
                                           .arg(QString::fromLatin1(traceCallName(b.lastTake.call))));
    } else {
        const std::vector<int> widths = partWidths(parts, strip.width());
        int x = strip.left();
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const QRect r(x, strip.top(), widths[i], strip.height());
            const bool known = i < traced;
            p.setPen(Qt::NoPen);
            p.setBrush(known ? (i % 2 ? liveview::fillColour().lighter(115) : liveview::fillColour())
                             : QBrush(liveview::fillColour(), Qt::BDiagPattern));
            p.drawRect(r);
            if (i > 0) {  // a send boundary: what TCP does not keep, drawn because we traced it
                p.setPen(QPen(liveview::frameColour(), 2, known ? Qt::SolidLine : Qt::DotLine));
                p.drawLine(r.topLeft(), r.bottomLeft());
            }
            p.setPen(text);
            const QString label = known ? (merged[i] ? tr("%1 B (merged)").arg(parts[i]) : tr("%1 B").arg(parts[i]))
                                        : tr("%1 B untraced").arg(parts[i]);
            if (fontMetrics().horizontalAdvance(label) + 4 <= r.width())
                p.drawText(r, Qt::AlignCenter, label);
            x += widths[i];
        }
    }
    p.setPen(liveview::frameColour());
    p.setBrush(Qt::NoBrush);
    p.drawRect(strip.adjusted(0, 0, -1, -1));

    // The numbers: the kernel's count first, then what the trace adds.
    QStringList notes;
    if (b.datagram)
        notes << (b.kernelBytes > 0 ? tr("next datagram: %n byte(s) (kernel)", nullptr, int(b.kernelBytes))
                                    : tr("no datagram waiting (kernel)"));
    else
        notes << tr("%n byte(s) waiting (kernel)", nullptr, int(std::max<std::int64_t>(0, b.kernelBytes)));
    if (traced > 0)
        notes << (b.datagram ? tr("%n datagram(s) traced", nullptr, int(traced))
                             : tr("from %n traced send(s)", nullptr, int(traced)));
    if (b.bufferSize > 0)
        notes << tr("buffer %1 B").arg(b.bufferSize);
    if (notAccepted)
        notes << tr("the connection waits in the accept queue; its bytes wait with it");
    p.setPen(text);
    liveview::drawFitted(p, QRect(row.left(), strip.bottom() + 2, row.width(), lineH), notes.join(QStringLiteral(" · ")),
                         Qt::AlignLeft);
    if (takeShown && b.lastTake.segments > 1) {
        p.setPen(liveview::warningColour().darker(150));
        liveview::drawFitted(p, QRect(row.left(), strip.bottom() + 2 + lineH, row.width(), lineH),
                             tr("one %1() returned %2 bytes that %3 sends had written: the boundaries are gone")
                                 .arg(QString::fromLatin1(traceCallName(b.lastTake.call)))
                                 .arg(b.lastTake.bytes)
                                 .arg(b.lastTake.segments),
                             Qt::AlignLeft);
    }
}

void ReceiveBufferView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect area = rect().adjusted(6, 4, -6, -4);
    if (rowCount() == 0) {
        p.setPen(liveview::goneColour());
        p.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, summary());
        return;
    }
    const std::int64_t now = steadyNowNs();
    int y = area.top();
    for (const auto &entry : m_model.buffers()) {
        paintBuffer(p, QRect(area.left(), y, area.width(), rowHeight() - 8), entry.second, now, false);
        y += rowHeight();
    }
    for (const ReceiveBufferModel::Buffer &b : m_notAccepted) {
        paintBuffer(p, QRect(area.left(), y, area.width(), rowHeight() - 8), b, now, true);
        y += rowHeight();
    }
}

bool ReceiveBufferView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        QToolTip::showText(help->globalPos(),
                           tr("Bytes that have arrived and wait in the kernel until recv() takes them. The kernel "
                              "reports only a byte count (for a datagram socket, the size of the next datagram). "
                              "The lines between segments are the peer's send calls as SocketLab traced them: "
                              "TCP itself keeps no boundaries, so one recv() can return several sends at once. "
                              "Hatched bytes arrived without a traced send (another program, or an event on its way)."),
                           this);
        return true;
    }
    return QWidget::event(e);
}
