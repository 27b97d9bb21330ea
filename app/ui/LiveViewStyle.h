// Colours and small drawing helpers shared by the live views (accept-queue gauge, receive
// buffers, SocketServer flow), so the three read as one panel on a projector: amber for
// "happening now", orange-red for "full / failed", grey for "gone".
#pragma once

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QRect>
#include <QString>

namespace liveview {

inline QColor activeColour() { return QColor(255, 190, 60); }     // the stage running now
inline QColor busyColour() { return QColor(255, 226, 160); }      // the socket table's "blocked" amber
inline QColor fillColour() { return QColor(110, 160, 225); }      // bytes or connections waiting
inline QColor warningColour() { return QColor(232, 96, 40); }     // a full queue, a failed stage
inline QColor idleColour() { return QColor(236, 236, 236); }
inline QColor goneColour() { return QColor(150, 150, 150); }
inline QColor frameColour() { return QColor(90, 90, 90); }

// a at t = 1, b at t = 0: for fading a highlight out over time.
inline QColor blend(const QColor &a, const QColor &b, double t)
{
    const double u = t < 0 ? 0 : (t > 1 ? 1 : t);
    return QColor::fromRgbF(float(a.redF() * u + b.redF() * (1 - u)), float(a.greenF() * u + b.greenF() * (1 - u)),
                            float(a.blueF() * u + b.blueF() * (1 - u)));
}

inline QFont boldFont(QFont f)
{
    f.setBold(true);
    return f;
}

// Text centred in a rectangle, elided when it does not fit.
inline void drawFitted(QPainter &p, const QRect &r, const QString &text, Qt::Alignment align = Qt::AlignCenter)
{
    p.drawText(r, int(align | Qt::AlignVCenter), p.fontMetrics().elidedText(text, Qt::ElideRight, r.width()));
}

} // namespace liveview
