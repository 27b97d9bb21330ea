#include "BufferGauge.h"

#include "LiveViewStyle.h"
#include "SocketText.h"

#include <QPainter>

#include <algorithm>

using namespace socketlab;

bool BufferGauge::Connection::operator==(const Connection &o) const
{
    return socketId == o.socketId && sendQueue == o.sendQueue && sendBuffer == o.sendBuffer
        && receiveQueue == o.receiveQueue && receiveBuffer == o.receiveBuffer && waitingForRoom == o.waitingForRoom
        && waitingForBytes == o.waitingForBytes && local == o.local && peer == o.peer;
}

BufferGauge::BufferGauge(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void BufferGauge::forgetRun()
{
    m_connections.clear();
    updateGeometry();
    update();
}

const BufferGauge::Connection *BufferGauge::connection(std::uint32_t socketId) const
{
    for (const Connection &c : m_connections)
        if (c.socketId == socketId)
            return &c;
    return nullptr;
}

void BufferGauge::feed(const LiveTick &tick)
{
    std::vector<Connection> connections;
    for (const SocketSample &s : tick.sockets.sockets()) {
        const KernelSample &k = s.kernel;
        // A TCP connection: not listening, with a peer, and probed this tick.
        if (!s.isOpen() || s.isDatagram() || !k.available || k.tcpState < 0 || k.listening || !s.peer.isValid())
            continue;
        Connection c;
        c.socketId = s.id;
        c.owner = QString::fromStdString(s.record->owner);
        c.local = SocketText::endpointText(s.local);
        c.peer = SocketText::endpointText(s.peer);
        c.sendQueue = std::max<std::int64_t>(0, k.sendQueue);
        c.sendBuffer = k.sendBuffer;
        c.receiveQueue = std::max<std::int64_t>(0, k.receiveQueue);
        c.receiveBuffer = k.receiveBuffer;
        c.waitingForRoom = s.blockedIn == TraceCall::Send || s.blockedIn == TraceCall::SendAll;
        c.waitingForBytes = s.blockedIn == TraceCall::Recv || s.blockedIn == TraceCall::RecvInto;
        connections.push_back(c);
    }
    if (connections == m_connections)
        return;
    const bool rowsChanged = connections.size() != m_connections.size();
    m_connections = std::move(connections);
    if (rowsChanged)
        updateGeometry();
    update();
}

int BufferGauge::rowHeight() const
{
    return fontMetrics().height() * 4 + 24;
}

QSize BufferGauge::sizeHint() const
{
    const int rows = std::max<int>(1, int(m_connections.size()));
    return {fontMetrics().averageCharWidth() * 50, rows * rowHeight() + 8};
}

QSize BufferGauge::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 30, rowHeight()};
}

void BufferGauge::paintBar(QPainter &p, const QRect &bar, std::int64_t bytes, int capacity, const QString &text) const
{
    p.setPen(Qt::NoPen);
    p.setBrush(liveview::idleColour());
    p.drawRect(bar);
    if (capacity > 0 && bytes > 0) {
        const double fraction = std::min(1.0, double(bytes) / capacity);
        p.setBrush(liveview::fillColour());
        p.drawRect(QRect(bar.left(), bar.top(), std::max(2, int(bar.width() * fraction)), bar.height()));
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(liveview::frameColour());
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    liveview::drawFitted(p, bar, text);
}

void BufferGauge::paintConnection(QPainter &p, const QRect &row, const Connection &c) const
{
    const int lineH = fontMetrics().height();
    const QRect title(row.left(), row.top(), row.width(), lineH);
    p.setPen(palette().color(QPalette::WindowText));
    p.setFont(liveview::boldFont(font()));
    liveview::drawFitted(p, title, tr("%1 · %2 → %3").arg(c.owner, c.local, c.peer), Qt::AlignLeft);
    p.setFont(font());

    const QRect send(row.left(), title.bottom() + 4, row.width(), lineH + 6);
    paintBar(p, send, c.sendQueue, c.sendBuffer,
             tr("send queue %1 B of SO_SNDBUF %2").arg(c.sendQueue).arg(c.sendBuffer));
    const QRect receive(row.left(), send.bottom() + 4, row.width(), lineH + 6);
    paintBar(p, receive, c.receiveQueue, c.receiveBuffer,
             tr("receive queue %1 B of SO_RCVBUF %2").arg(c.receiveQueue).arg(c.receiveBuffer));

    QString note;
    if (c.waitingForRoom)
        note = tr("the program waits in send() for room in its send buffer");
    else if (c.waitingForBytes)
        note = tr("the program waits in recv() for bytes");
    else if (c.receiveQueue > 0)
        note = tr("bytes wait for recv(): the program is not reading now");
    if (!note.isEmpty()) {
        p.setPen(c.waitingForRoom ? liveview::warningColour().darker(150) : palette().color(QPalette::WindowText));
        liveview::drawFitted(p, QRect(row.left(), receive.bottom() + 2, row.width(), lineH), note, Qt::AlignLeft);
    }
}

void BufferGauge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRect area = rect().adjusted(6, 4, -6, -4);
    if (m_connections.empty()) {
        p.setPen(liveview::goneColour());
        p.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   tr("No TCP connection yet: connect() and accept() make them."));
        return;
    }
    int y = area.top();
    for (const Connection &c : m_connections) {
        paintConnection(p, QRect(area.left(), y, area.width(), rowHeight() - 10), c);
        y += rowHeight();
    }
}
