#include "AcceptQueueGauge.h"

#include "LiveViewStyle.h"
#include "SocketText.h"

#include <LabDefinition.h>
#include <SocketSnapshot.h>

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

using namespace socketlab;

namespace {
constexpr std::size_t kMaxConnects = 4096;
constexpr std::uint32_t kMostCellsDrawn = 24;  // above this, one continuous bar instead of places

// A listing line without its comment: what the program does, not what the comment says
// ("# ... no listen()").
QString codeOf(const QString &line)
{
    const qsizetype hash = line.indexOf(QLatin1Char('#'));
    return hash < 0 ? line : line.left(hash);
}

// Whether every pane of the lab uses datagram sockets only: then no socket ever listens.
bool datagramOnly(const LabDefinition &lab)
{
    static const QStringList datagram{QStringLiteral("SOCK_DGRAM"), QStringLiteral("UDPServer"), QStringLiteral("DatagramRequestHandler")};
    static const QStringList stream{QStringLiteral("SOCK_STREAM"), QStringLiteral("TCPServer"), QStringLiteral("StreamRequestHandler"),
                                    QStringLiteral("listen("), QStringLiteral("connect(")};
    if (lab.panes.isEmpty())
        return false;
    for (const PaneDefinition &pane : lab.panes) {
        bool usesDatagram = false;
        for (const QString &line : pane.listing) {
            const QString code = codeOf(line);
            for (const QString &word : stream)
                if (code.contains(word))
                    return false;
            for (const QString &word : datagram)
                usesDatagram = usesDatagram || code.contains(word);
        }
        if (!usesDatagram)
            return false;
    }
    return true;
}
} // namespace

AcceptQueueGauge::AcceptQueueGauge(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void AcceptQueueGauge::forgetRun()
{
    m_gauges.clear();
    m_connecting.clear();
    m_runDatagramOnly = false;
    updateGeometry();
    updateAccessibleText();
    update();
}

void AcceptQueueGauge::labOpened(const LabDefinition &lab)
{
    m_labDatagramOnly = datagramOnly(lab);
}

bool AcceptQueueGauge::hasContent() const
{
    return !m_gauges.empty() || !(m_labDatagramOnly || m_runDatagramOnly);
}

const AcceptQueueGauge::Gauge *AcceptQueueGauge::gauge(std::uint32_t socketId) const
{
    for (const Gauge &g : m_gauges)
        if (g.socketId == socketId)
            return &g;
    return nullptr;
}

void AcceptQueueGauge::addEvents(const std::vector<TraceEvent> &events)
{
    // Only connect() matters here: the queue itself is the kernel's, in the tick's sample.
    for (const TraceEvent &e : events) {
        if (e.call != TraceCall::Connect && e.call != TraceCall::ConnectEx)
            continue;
        if (e.phase == TracePhase::Begin && e.address.isValid()) {
            if (m_connecting.size() >= kMaxConnects)
                m_connecting.clear();
            m_connecting[e.socketId] = e.address;
        } else if (e.phase == TracePhase::Returned || e.phase == TracePhase::Failed) {
            m_connecting.erase(e.socketId);
        }
    }
}

int AcceptQueueGauge::connectsWaitingFor(const SocketAddress &listener, const SocketSnapshot &sockets) const
{
    if (listener.port() == 0)
        return 0;
    int n = 0;
    for (const SocketSample &s : sockets.sockets()) {
        if (s.blockedIn != TraceCall::Connect && s.blockedIn != TraceCall::ConnectEx)
            continue;
        const auto it = m_connecting.find(s.id);
        if (it != m_connecting.end() && SocketAddress::sameEndpoint(it->second, listener))
            ++n;
    }
    return n;
}

void AcceptQueueGauge::feed(const LiveTick &tick)
{
    addEvents(tick.events);
    std::vector<Gauge> gauges;
    bool anySocket = false, onlyDatagrams = true;
    for (const SocketSample &s : tick.sockets.sockets()) {
        anySocket = true;
        onlyDatagrams = onlyDatagrams && s.isDatagram();
        if (s.state != SocketState::Listening || !s.kernel.available || !s.kernel.listening)
            continue;
        Gauge g;
        g.socketId = s.id;
        g.owner = QString::fromStdString(s.record->owner);
        g.local = SocketText::endpointText(s.local);
        g.port = s.local.port();
        g.waiting = s.kernel.acceptQueueLength;
        g.limit = s.kernel.acceptQueueLimit;
        g.inAccept = s.blockedIn == TraceCall::Accept;
        g.callsUnseen = s.record->callsUnseen();
        g.connectsWaiting = connectsWaitingFor(s.local, tick.sockets);
        g.queuedOfOurs = tick.kernelRows.notAccepted(s.id);
        g.queuedBytes = tick.kernelRows.bytesNotAccepted(s.id);
        gauges.push_back(g);
    }
    if (anySocket)
        m_runDatagramOnly = onlyDatagrams;
    const bool rowsChanged = gauges.size() != m_gauges.size();
    bool changed = rowsChanged;
    for (std::size_t i = 0; !changed && i < gauges.size(); ++i) {
        const Gauge &a = gauges[i], &b = m_gauges[i];
        changed = a.socketId != b.socketId || a.waiting != b.waiting || a.limit != b.limit || a.inAccept != b.inAccept
            || a.connectsWaiting != b.connectsWaiting || a.local != b.local || a.queuedBytes != b.queuedBytes
            || a.queuedOfOurs != b.queuedOfOurs;
    }
    m_gauges = std::move(gauges);
    if (rowsChanged)
        updateGeometry();
    if (changed) {
        updateAccessibleText();
        updateGeometry();
        update();
    }
}

QString AcceptQueueGauge::summary() const
{
    if (m_gauges.empty())
        return tr("No listening socket yet: a TCP server's listen() makes one. UDP sockets have no accept queue.");
    QStringList parts;
    for (const Gauge &g : m_gauges) {
        QString text = tr("%1 · listening on port %2: %3 / %4 waiting for accept()").arg(g.owner).arg(g.port).arg(g.waiting).arg(g.limit);
        if (g.full())
            text += QStringLiteral(" · ") + tr("queue full");
        if (g.queuedBytes > 0)
            text += QStringLiteral(" · ") + tr("%n byte(s) already sent into them", nullptr, int(g.queuedBytes));
        parts << text;
    }
    return parts.join(QStringLiteral("\n"));
}

void AcceptQueueGauge::updateAccessibleText()
{
    setAccessibleDescription(summary());
}

void AcceptQueueGauge::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        updateAccessibleText();
        update();
    }
}

QStringList AcceptQueueGauge::notesOf(const Gauge &g) const
{
    QStringList notes;
    if (g.callsUnseen)
        notes << tr("its program's calls are not seen from outside: the queue is what the kernel holds for it");
    else
        notes << (g.inAccept ? tr("the program is in accept(): it takes the next connection at once")
                             : tr("not in accept() now: new connections wait in the queue"));
    if (g.full())
        notes << tr("queue full");
    if (g.connectsWaiting > 0)
        notes << tr("%n connect() call(s) still waiting for room", nullptr, g.connectsWaiting);
    if (g.queuedBytes > 0)
        notes << tr("their clients already sent %n byte(s) into them", nullptr, int(g.queuedBytes));
    return notes;
}

// The notes wrap, never elide: at a projector's font size a long note takes two lines.
int AcceptQueueGauge::notesHeight(const QStringList &notes, int width) const
{
    const QRect room(0, 0, std::max(1, width), 10'000);
    return fontMetrics().boundingRect(room, Qt::TextWordWrap, notes.join(QStringLiteral(" · "))).height();
}

int AcceptQueueGauge::rowHeight(const Gauge &g, int width) const
{
    const int lineH = fontMetrics().height();
    return lineH + 4 + lineH + 8 + 2 + notesHeight(notesOf(g), std::max(1, width - 12)) + 14;
}

int AcceptQueueGauge::heightForWidth(int width) const
{
    int height = 8;
    for (const Gauge &g : m_gauges)
        height += rowHeight(g, width);
    if (m_gauges.empty())
        height += fontMetrics().boundingRect(QRect(0, 0, std::max(1, width - 12), 10'000), Qt::TextWordWrap, summary()).height();
    return height;
}

QSize AcceptQueueGauge::sizeHint() const
{
    const int width = fontMetrics().averageCharWidth() * 50;
    return {width, heightForWidth(width)};
}

QSize AcceptQueueGauge::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 30, fontMetrics().height() * 4};
}

void AcceptQueueGauge::paintGauge(QPainter &p, const QRect &row, const Gauge &g) const
{
    const int lineH = fontMetrics().height();
    QRect title(row.left(), row.top(), row.width(), lineH);
    p.setPen(palette().color(QPalette::WindowText));
    p.setFont(liveview::boldFont(font()));
    const QString who = g.port > 0 ? tr("%1 · listening on port %2").arg(g.owner).arg(g.port)
                                   : tr("%1 · listening on %2").arg(g.owner, g.local);
    liveview::drawFitted(p, title, who, Qt::AlignLeft);
    p.setFont(font());

    // The bar: one slot per place in the queue when the limit is small enough to count.
    const QRect bar(row.left(), title.bottom() + 4, row.width(), lineH + 8);
    const bool full = g.full();
    const QColor fill = full ? liveview::warningColour() : liveview::fillColour();
    p.setPen(Qt::NoPen);
    p.setBrush(liveview::idleColour());
    p.drawRect(bar);
    const std::uint32_t places = std::max(g.limit, g.waiting);
    if (places > 0 && places <= kMostCellsDrawn) {
        const double cell = double(bar.width()) / places;
        for (std::uint32_t i = 0; i < places; ++i) {
            const QRect c(bar.left() + int(i * cell) + 2, bar.top() + 2, int(cell) - 4, bar.height() - 4);
            // Places past the limit (Linux lets the queue hold backlog + 1) are drawn red and
            // cross-hatched: the colour is not the only sign.
            p.setBrush(i < g.waiting ? (i >= g.limit ? liveview::warningColour().darker(130) : fill) : Qt::white);
            p.drawRect(c);
            if (i < g.waiting && (full || i >= g.limit)) {
                p.setBrush(QBrush(Qt::black, i >= g.limit ? Qt::DiagCrossPattern : Qt::BDiagPattern));
                p.drawRect(c);
            }
        }
    } else if (places > 0) {
        const double fraction = std::min(1.0, double(g.waiting) / std::max<std::uint32_t>(1, g.limit));
        const QRect filled(bar.left(), bar.top(), int(bar.width() * fraction), bar.height());
        p.setBrush(fill);
        p.drawRect(filled);
        if (full) {
            p.setBrush(QBrush(Qt::black, Qt::BDiagPattern));
            p.drawRect(filled);
        }
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(full ? liveview::warningColour().darker(140) : liveview::frameColour(), full ? 2 : 1));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    p.setFont(liveview::boldFont(font()));
    liveview::drawFitted(p, bar, tr("%1 / %2 waiting for accept()").arg(g.waiting).arg(g.limit));
    p.setFont(font());

    // What the program and the clients are doing about it.
    const QStringList notes = notesOf(g);
    const QRect note(row.left(), bar.bottom() + 2, row.width(), notesHeight(notes, row.width()));
    p.setPen(full ? liveview::warningColour().darker(150) : palette().color(QPalette::WindowText));
    p.drawText(note, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, notes.join(QStringLiteral(" · ")));
}

void AcceptQueueGauge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRect area = rect().adjusted(6, 4, -6, -4);
    if (m_gauges.empty()) {
        p.setPen(liveview::goneColour());
        p.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, summary());
        return;
    }
    int y = area.top();
    for (const Gauge &g : m_gauges) {
        paintGauge(p, QRect(area.left(), y, area.width(), rowHeight(g, width()) - 10), g);
        y += rowHeight(g, width());
    }
}

bool AcceptQueueGauge::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        QToolTip::showText(help->globalPos(),
                           tr("Connections the kernel has already completed (the handshake is done) and queued "
                              "until the program calls accept(), against the limit listen(backlog) set. "
                              "The kernel reports both numbers (ss -ltn: Recv-Q / Send-Q). When the queue is "
                              "full, new clients' connection requests wait unanswered."),
                           this);
        return true;
    }
    return QWidget::event(e);
}
