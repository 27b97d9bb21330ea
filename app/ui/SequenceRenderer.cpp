#include "SequenceRenderer.h"

#include "SafeColours.h"
#include "SocketText.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

using namespace socketlab;
using Call = SequenceModel::Call;
using Arrow = SequenceModel::Arrow;
using ArrowKind = SequenceModel::ArrowKind;

namespace {

// Dark, saturated colours: they stay apart on a washed-out projector and for red-green
// colour blindness (SafeColours.h); arrows differ by dashes too, blocked bars by hatching.
const QColor kText(0x11, 0x11, 0x11);
const QColor kMuted(0x55, 0x55, 0x55);
const QColor kZebra(0xf1, 0xf3, 0xf6);
const QColor kBlocked = safecolour::blocked();
const QColor kConnect = safecolour::connect();
const QColor kStream = safecolour::stream();
const QColor kDatagram = safecolour::datagram();
// Owners are named in every header too; the colours only group a pane's lifelines.
const std::array<QColor, 6> kOwners = {QColor(0x00, 0x5f, 0x9e), QColor(0xa8, 0x50, 0x00), QColor(0x00, 0x6b, 0x52),
                                       QColor(0x7d, 0x3c, 0x6e), QColor(0x3d, 0x3d, 0x3d), QColor(0x5d, 0x40, 0x37)};
constexpr int kPad = 4;
constexpr std::int64_t kGapShownNs = 10'000'000;  // a pause between rows from this long on adds room
constexpr int kMinBoxChars = 11;                   // a fitted column still shows "recv(1024) …"

struct BoxColours {
    QColor fill, border;
};

BoxColours coloursOf(const Call &c)
{
    if (c.failed)
        return {QColor(0xfb, 0xdd, 0xcc), safecolour::failed()};
    switch (c.call) {
    case TraceCall::Socket:
    case TraceCall::SocketPair:
    case TraceCall::Bind:
    case TraceCall::Listen:
    case TraceCall::Accept:
    case TraceCall::Connect:
    case TraceCall::ConnectEx: return {QColor(0xd6, 0xe4, 0xfa), kConnect};
    case TraceCall::Send:
    case TraceCall::SendAll:
    case TraceCall::SendTo:
    case TraceCall::Recv:
    case TraceCall::RecvInto:
    case TraceCall::RecvFrom: return {QColor(0xd9, 0xf0, 0xd9), kStream};
    case TraceCall::Shutdown:
    case TraceCall::Close: return {QColor(0xe4, 0xe4, 0xe4), QColor(0x33, 0x33, 0x33)};
    default: return {QColor(0xf6, 0xf6, 0xf6), QColor(0x66, 0x66, 0x66)};
    }
}

QColor arrowColour(ArrowKind kind)
{
    switch (kind) {
    case ArrowKind::Connect: return kConnect;
    case ArrowKind::Stream: return kStream;
    case ArrowKind::Datagram: return kDatagram;
    }
    return kText;
}

void drawArrowHead(QPainter &p, QPointF tip, QPointF from, double size)
{
    const double angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(tip - QPointF(std::cos(angle - 0.45) * size, std::sin(angle - 0.45) * size));
    head.lineTo(tip - QPointF(std::cos(angle + 0.45) * size, std::sin(angle + 0.45) * size));
    head.closeSubpath();
    p.fillPath(head, p.pen().color());
}

} // namespace

SequenceRenderer::SequenceRenderer(const SequenceModel &model, const QFont &font, int fitWidth)
    : m_model(model), m_font(font), m_bold(font), m_small(font), m_pending(model.pendingConnects())
{
    m_bold.setBold(true);
    if (font.pixelSize() > 0)
        // Never below 20 px when the font is that large: the classroom layout's smallest text.
        m_small.setPixelSize(std::max({9, font.pixelSize() * 4 / 5, std::min(font.pixelSize(), 20)}));
    else
        m_small.setPointSizeF(std::max({7.0, font.pointSizeF() * 0.8, std::min(font.pointSizeF(), 15.0)}));
    const QFontMetrics fm(m_font), bold(m_bold), small(m_small);
    m_rowHeight = fm.height() + 2 * kPad + 8;
    m_stageBand = small.height() + 2;
    m_boxWidth = fm.horizontalAdvance(QStringLiteral("recvfrom(4096) → ") + SequenceModel::bytesText(1024)) + 16;
    m_columnWidth = m_boxWidth + fm.averageCharWidth() * 6;
    m_gutterWidth = small.horizontalAdvance(QStringLiteral("00000.000 s")) + 14;
    m_headerHeight = bold.height() + small.height() + 22;
    m_barWidth = std::max(10, fm.height() * 3 / 4);
    m_rightRoom = std::max(8, bold.horizontalAdvance(tr("blocked %1 …").arg(QStringLiteral("000.0 ms"))) - m_columnWidth / 2 + m_barWidth * 2);
    const int columns = std::max<int>(1, int(model.lifelines().size()));
    if (fitWidth > 0 && m_gutterWidth + columns * m_columnWidth + m_rightRoom > fitWidth) {
        // Narrower columns, down to a readable minimum: every lifeline in view beats wide boxes.
        const int minimum = fm.averageCharWidth() * (kMinBoxChars + 3);
        const int room = std::max(8, bold.horizontalAdvance(tr("blocked %1 …").arg(QStringLiteral("000.0 ms"))) / 2);
        m_columnWidth = std::max(minimum, (fitWidth - m_gutterWidth - room) / columns);
        m_boxWidth = m_columnWidth - fm.averageCharWidth() * 2;
        m_rightRoom = std::max(8, fitWidth - m_gutterWidth - columns * m_columnWidth);
    }

    for (const Arrow &a : model.arrows()) {
        ++m_arrowsInto[a.to];
        ++m_arrowsOutOf[a.from];
    }
    for (const SequenceModel::Lifeline &l : model.lifelines()) {
        if (!m_owners.contains(l.owner))
            m_owners.insert(l.owner, int(m_owners.size()));
    }
    // Rows with socketserver stages get a thin band under them for the label.
    const auto &stages = model.stageMarks();
    auto stage = stages.begin();
    m_rowY.reserve(static_cast<std::size_t>(model.rowCount()) + 1);
    int y = 0;
    for (std::int64_t row = model.firstRow(); row < model.endRow(); ++row) {
        m_rowY.push_back(y);
        y += m_rowHeight + gapAfter(row);
        bool marked = false;
        while (stage != stages.end() && stage->row <= row) {
            marked = marked || stage->row == row;
            ++stage;
        }
        if (marked)
            y += m_stageBand;
    }
    m_rowY.push_back(y);
}

// Rows, not the clock, lay the diagram out; but a pause of a second must not look like one of
// a microsecond: from 10 ms on, the time to the next row adds room, growing with its
// logarithm (0.1 s: 0.6 rows, 1 s: 1.2, 10 s and more: 1.8).
int SequenceRenderer::gapAfter(std::int64_t row) const
{
    if (row + 1 >= m_model.endRow())
        return 0;
    const std::int64_t gap = m_model.rowTimeNs(row + 1) - m_model.rowTimeNs(row);
    if (gap < kGapShownNs)
        return 0;
    const double decades = std::min(3.0, std::log10(double(gap) / double(kGapShownNs)));
    return int(m_rowHeight * 0.6 * decades);
}

QSize SequenceRenderer::contentSize() const
{
    const int columns = std::max<int>(1, int(m_model.lifelines().size()));
    return {m_gutterWidth + columns * m_columnWidth + m_rightRoom, m_headerHeight + m_rowY.back() + m_rowHeight};
}

int SequenceRenderer::rowTop(std::int64_t row) const
{
    const std::int64_t i = row - m_model.firstRow();
    if (i < 0)
        return m_headerHeight;
    if (i >= std::int64_t(m_rowY.size()) - 1)
        return m_headerHeight + m_rowY.back() + int(i - std::int64_t(m_rowY.size()) + 1) * m_rowHeight;
    return m_headerHeight + m_rowY[static_cast<std::size_t>(i)];
}

std::int64_t SequenceRenderer::rowAt(int y) const
{
    const auto after = std::upper_bound(m_rowY.begin(), m_rowY.end() - 1, y - m_headerHeight);
    return m_model.firstRow() + std::max<std::int64_t>(0, std::distance(m_rowY.begin(), after) - 1);
}

int SequenceRenderer::rowBottom(std::int64_t row) const
{
    return rowTop(row) + m_rowHeight;
}

int SequenceRenderer::lifelineX(int column) const
{
    return m_gutterWidth + column * m_columnWidth + m_columnWidth / 2;
}

QColor SequenceRenderer::ownerColour(const QString &owner) const
{
    return kOwners[static_cast<std::size_t>(m_owners.value(owner, 0)) % kOwners.size()];
}

void SequenceRenderer::paintBody(QPainter &p, const QRect &area, std::int64_t nowNs) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(area, Qt::white);
    paintGutter(p, area);
    paintLifelines(p, area);
    paintStages(p, area);
    const int top = area.top() - m_rowHeight, bottom = area.bottom() + m_rowHeight;
    for (const Call &c : m_model.calls()) {
        const std::int64_t last = c.open() ? m_model.endRow() - 1 : c.endRow;
        if (rowBottom(last) < top || rowTop(c.startRow) > bottom)
            continue;
        paintCall(p, c, nowNs);
    }
    for (const Arrow &a : m_model.arrows())
        paintArrow(p, a, area);
    for (const SequenceModel::PendingConnect &pending : m_pending)
        paintPendingConnect(p, pending, area);
    p.restore();
}

void SequenceRenderer::paintGutter(QPainter &p, const QRect &area) const
{
    p.setFont(m_small);
    const QFontMetrics fm(m_small);
    QString previous;
    const std::int64_t origin = m_model.originNs();
    for (std::int64_t row = std::max(m_model.firstRow(), rowAt(area.top()) - 1); row < m_model.endRow(); ++row) {
        const int y = rowTop(row);
        if (y > area.bottom())
            break;
        // Seconds since the first event; a label repeats only when the time moved on.
        const QString text = tr("%1 s").arg(double(m_model.rowTimeNs(row) - origin) / 1e9, 0, 'f', 3);
        if (y + m_rowHeight < area.top()) {
            previous = text;
            continue;
        }
        if (row % 2 == 1)
            p.fillRect(QRect(area.left(), y, area.width(), m_rowHeight), kZebra);
        if (text != previous) {
            p.setPen(kMuted);
            p.drawText(QRect(0, y, m_gutterWidth - 8, m_rowHeight), Qt::AlignRight | Qt::AlignVCenter, text);
        }
        previous = text;
    }
}

void SequenceRenderer::paintLifelines(QPainter &p, const QRect &area) const
{
    const int bottom = rowTop(m_model.endRow());
    const auto &lifelines = m_model.lifelines();
    for (std::size_t i = 0; i < lifelines.size(); ++i) {
        const SequenceModel::Lifeline &l = lifelines[i];
        const int x = lifelineX(int(i));
        const int y0 = l.firstRow >= m_model.firstRow() ? rowTop(l.firstRow) + m_rowHeight / 2 : m_headerHeight;
        const int y1 = l.endRow >= 0 ? rowTop(l.endRow) + m_rowHeight / 2 : bottom;
        if (y1 < area.top() || y0 > area.bottom())
            continue;
        QPen pen(ownerColour(l.owner), 2, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(x, y0, x, y1);
        if (l.endRow >= 0) {  // closed: the lifeline ends in a cross
            p.setPen(QPen(ownerColour(l.owner), 3));
            const int s = m_barWidth / 2 + 2;
            p.drawLine(x - s, y1 + m_rowHeight / 2 - s, x + s, y1 + m_rowHeight / 2 + s);
            p.drawLine(x - s, y1 + m_rowHeight / 2 + s, x + s, y1 + m_rowHeight / 2 - s);
        }
    }
}

int SequenceRenderer::halfWidthAt(const Call &c, std::int64_t row) const
{
    if (row == c.startRow)
        return m_boxWidth / 2;
    return m_barWidth / 2 + (c.blocked() && row >= c.blockedRow ? 3 : 0);
}

QRectF SequenceRenderer::blockedBar(const Call &c) const
{
    const int column = m_model.column(c.socketId);
    if (column < 0 || !c.waitShown())
        return {};
    const int x = lifelineX(column) + c.depth * m_barWidth;
    const bool clipped = c.startRow < m_model.firstRow();
    const std::int64_t last = c.open() ? m_model.endRow() - 1 : c.endRow;
    const int boxBottom = rowBottom(c.startRow) - kPad;
    const int barBottom = rowBottom(last) - kPad;
    const int top = c.blockedRow == c.startRow && !clipped ? boxBottom : std::max(m_headerHeight, rowTop(c.blockedRow) + kPad);
    const int bottom = std::max(barBottom, top + m_rowHeight / 2);
    return QRectF(x - m_barWidth / 2.0 - 3, top, m_barWidth + 6, bottom - top);
}

void SequenceRenderer::paintCall(QPainter &p, const Call &c, std::int64_t nowNs) const
{
    const int column = m_model.column(c.socketId);
    if (column < 0)
        return;
    const int x = lifelineX(column) + c.depth * m_barWidth;
    const BoxColours colours = coloursOf(c);
    const bool clipped = c.startRow < m_model.firstRow();
    const std::int64_t last = c.open() ? m_model.endRow() - 1 : c.endRow;
    const int boxTop = rowTop(c.startRow) + kPad, boxBottom = rowBottom(c.startRow) - kPad;
    const int barBottom = rowBottom(last) - kPad;

    // The activation bar: the call runs from its box down to the row where it ended.
    if (last > c.startRow || (c.open() && c.waitShown())) {
        const int top = clipped ? m_headerHeight : boxBottom;
        p.setPen(QPen(colours.border, 1.5));
        p.setBrush(colours.fill);
        p.drawRect(QRectF(x - m_barWidth / 2.0, top, m_barWidth, barBottom - top));
    }
    // Blocked: a hatched bar along the lifeline, and how long it waited.
    if (const QRectF bar = blockedBar(c); !bar.isEmpty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawRect(bar);
        // Hatched by hand, each stroke cut to the bar: SVG viewers and slide tools disagree on
        // pattern brushes and clip paths.
        p.setPen(QPen(kBlocked, 1.5));
        for (double k = 6; k < bar.width() + bar.height(); k += 6) {  // the line x + y = left + top + k
            const double xa = std::max(bar.left(), bar.left() + k - bar.height()), xb = std::min(bar.right(), bar.left() + k);
            p.drawLine(QPointF(xa, bar.top() + k - (xa - bar.left())), QPointF(xb, bar.top() + k - (xb - bar.left())));
        }
        p.setPen(QPen(kBlocked, 2.5));
        p.setBrush(Qt::NoBrush);
        p.drawRect(bar);
        const QString label = c.open() ? tr("blocked %1 …").arg(SocketText::durationText(nowNs - c.blockedAtNs))
                                       : tr("blocked %1").arg(SocketText::durationText(c.blockedNs));
        p.setFont(m_bold);
        const QFontMetrics fm(m_bold);
        const QRect text(int(bar.right()) + 6, int(bar.center().y()) - fm.height() / 2, fm.horizontalAdvance(label) + 8, fm.height());
        p.fillRect(text.adjusted(-2, 0, 2, 0), QColor(255, 255, 255, 230));
        p.setPen(kBlocked);
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    if (clipped)
        return;
    const QRectF box(x - m_boxWidth / 2.0, boxTop, m_boxWidth, boxBottom - boxTop);
    p.setPen(QPen(colours.border, c.failed ? 2.5 : 1.5));
    p.setBrush(colours.fill);
    p.drawRoundedRect(box, 5, 5);
    p.setFont(m_font);
    p.setPen(c.failed ? colours.border : kText);
    const QFontMetrics fm(m_font);
    p.drawText(box.adjusted(6, 0, -6, 0), Qt::AlignCenter, fm.elidedText(m_model.callLabel(c), Qt::ElideRight, m_boxWidth - 12));
}

void SequenceRenderer::paintArrow(QPainter &p, const Arrow &a, const QRect &area) const
{
    const Call *from = m_model.call(a.from);
    const Call *to = m_model.call(a.to);
    if (!from || !to)
        return;
    const int cf = m_model.column(from->socketId), ct = m_model.column(to->socketId);
    if (cf < 0 || ct < 0 || cf == ct)
        return;
    const std::int64_t toRow = to->open() ? to->startRow : to->endRow;
    // A connect leaves when it starts; bytes leave when the send returns - unless the
    // receiver's event overtook the sender's in the trace: then from where the send began.
    const std::int64_t fromEnd = a.kind == ArrowKind::Connect || from->open() ? from->startRow : from->endRow;
    const std::int64_t fromRow = std::max(from->startRow, std::min(fromEnd, toRow));
    const double y0 = rowTop(fromRow) + m_rowHeight / 2.0, y1 = rowTop(toRow) + m_rowHeight / 2.0;
    if (std::max(y0, y1) < area.top() - m_rowHeight || std::min(y0, y1) > area.bottom() + m_rowHeight)
        return;
    const int direction = ct > cf ? 1 : -1;
    const double x0 = lifelineX(cf) + from->depth * m_barWidth + direction * halfWidthAt(*from, fromRow);
    const double x1 = lifelineX(ct) + to->depth * m_barWidth - direction * (halfWidthAt(*to, toRow) + 1);
    const QColor colour = arrowColour(a.kind);
    QPen pen(colour, 3);
    if (a.kind == ArrowKind::Connect)
        pen.setStyle(Qt::DashLine);
    else if (a.kind == ArrowKind::Datagram)
        pen.setStyle(Qt::DotLine);  // a datagram differs from a stream by more than its colour
    p.setPen(pen);
    p.drawLine(QPointF(x0, y0), QPointF(x1, y1));
    p.setPen(QPen(colour, 1));
    drawArrowHead(p, QPointF(x1, y1), QPointF(x0, y0), m_barWidth * 1.1);
    if (a.kind == ArrowKind::Connect)
        return;

    QString label = SequenceModel::bytesText(a.bytes);
    if (a.truncated)
        label = tr("%1, truncated").arg(label);
    p.setFont(m_bold);
    const QFontMetrics fm(m_bold);
    // Several arrows into one recv (coalesced sends) carry their counts next to their senders,
    // several out of one send (a split read) next to their receivers; a lone arrow mid-way.
    const double near = std::clamp((fm.horizontalAdvance(label) / 2.0 + 12) / std::max(1.0, std::abs(x1 - x0)), 0.0, 0.5);
    const double t = m_arrowsInto.value(a.to) > 1 ? near : m_arrowsOutOf.value(a.from) > 1 ? 1 - near : 0.5;
    const QPointF at(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
    const QRectF pill(at.x() - fm.horizontalAdvance(label) / 2.0 - 5, at.y() - fm.height() / 2.0 - 1,
                      fm.horizontalAdvance(label) + 10, fm.height() + 2);
    p.setPen(QPen(colour, 1.5));
    p.setBrush(Qt::white);
    p.drawRoundedRect(pill, 4, 4);
    p.setPen(colour);
    p.drawText(pill, Qt::AlignCenter, label);
}

// A connection the kernel made (or is trying to) that no accept() has taken: a dashed arrow
// from the connect to the listener, ending in an open circle - it waits in the queue there.
void SequenceRenderer::paintPendingConnect(QPainter &p, const SequenceModel::PendingConnect &pending, const QRect &area) const
{
    const Call *from = m_model.call(pending.connect);
    const int cf = from ? m_model.column(from->socketId) : -1, ct = m_model.column(pending.listenerId);
    if (cf < 0 || ct < 0 || cf == ct)
        return;
    const double y = rowTop(from->startRow) + m_rowHeight / 2.0;
    if (y < area.top() - m_rowHeight || y > area.bottom() + m_rowHeight)
        return;
    const int direction = ct > cf ? 1 : -1;
    const double x0 = lifelineX(cf) + from->depth * m_barWidth + direction * halfWidthAt(*from, from->startRow);
    const double radius = m_barWidth / 2.0;
    const double x1 = lifelineX(ct) - direction * radius;
    QPen pen(kConnect, 3, Qt::DashLine);
    p.setPen(pen);
    p.drawLine(QPointF(x0, y), QPointF(x1 - direction * radius, y));
    p.setPen(QPen(kConnect, 2.5));
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(x1, y), radius, radius);
    const QString label = pending.completed ? tr("in the accept queue") : tr("waiting for room in the accept queue");
    p.setFont(m_bold);
    const QFontMetrics fm(m_bold);
    const double width = std::min<double>(fm.horizontalAdvance(label) + 10, std::abs(x1 - x0) - 2 * radius);
    if (width < fm.averageCharWidth() * 4)
        return;
    const QRectF pill((x0 + x1) / 2 - width / 2, y - fm.height() / 2.0 - 1, width, fm.height() + 2);
    p.setPen(QPen(kConnect, 1.5));
    p.setBrush(Qt::white);
    p.drawRoundedRect(pill, 4, 4);
    p.setPen(kConnect);
    p.drawText(pill, Qt::AlignCenter, fm.elidedText(label, Qt::ElideRight, int(width) - 8));
}

void SequenceRenderer::paintStages(QPainter &p, const QRect &area) const
{
    p.setFont(m_small);
    const QFontMetrics fm(m_small);
    for (const SequenceModel::StageMark &s : m_model.stageMarks()) {
        const int column = m_model.column(s.socketId);
        const int y = rowBottom(s.row);
        if (column < 0 || y > area.bottom() || y + m_stageBand < area.top())
            continue;
        const int x = lifelineX(column) - m_boxWidth / 2;
        p.setPen(kMuted);
        QFont italic = m_small;
        italic.setItalic(true);
        p.setFont(italic);
        p.drawText(QRect(x, y, m_columnWidth - 8, m_stageBand), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(s.text, Qt::ElideRight, m_columnWidth - 8));
    }
}

void SequenceRenderer::paintHeader(QPainter &p, int top, int width) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(QRect(0, top, width, m_headerHeight), Qt::white);
    p.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 1));
    p.drawLine(0, top + m_headerHeight - 1, width, top + m_headerHeight - 1);
    p.setFont(m_small);
    p.setPen(kMuted);
    p.drawText(QRect(0, top, m_gutterWidth - 8, m_headerHeight), Qt::AlignRight | Qt::AlignBottom, tr("time"));
    const QFontMetrics bold(m_bold), small(m_small);
    const auto &lifelines = m_model.lifelines();
    for (std::size_t i = 0; i < lifelines.size(); ++i) {
        const SequenceModel::Lifeline &l = lifelines[i];
        const int x = lifelineX(int(i));
        const QRect box(x - m_columnWidth / 2 + 6, top + 5, m_columnWidth - 12, m_headerHeight - 10);
        const QColor colour = ownerColour(l.owner);
        p.setPen(QPen(colour.darker(130), 1.5));
        const bool closed = l.endRow >= 0;  // a closed socket's header fades, still readable
        p.setBrush(closed ? colour.lighter(175) : colour);
        p.drawRoundedRect(box, 6, 6);
        p.setPen(closed ? colour.darker(160) : QColor(Qt::white));
        p.setFont(m_bold);
        const QRect line1(box.left() + 4, box.top() + 4, box.width() - 8, bold.height());
        p.drawText(line1, Qt::AlignCenter, bold.elidedText(l.header(), Qt::ElideRight, line1.width()));
        p.setFont(m_small);
        const QRect line2(box.left() + 4, line1.bottom() + 3, box.width() - 8, small.height());
        p.drawText(line2, Qt::AlignCenter, small.elidedText(l.local, Qt::ElideMiddle, line2.width()));
    }
    p.restore();
}
