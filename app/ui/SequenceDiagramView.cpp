#include "SequenceDiagramView.h"

#include "SequenceRenderer.h"

#include <Clock.h>

#include <QEvent>
#include <QFile>
#include <QPainter>
#include <QScrollBar>
#include <QSvgGenerator>

#include <algorithm>

SequenceDiagramView::SequenceDiagramView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAutoFillBackground(false);
    // Scrolling back stops following the run; scrolling to the bottom resumes it.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_settingScroll)
            m_follow = value >= verticalScrollBar()->maximum();
        viewport()->update();
    });
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

SequenceDiagramView::~SequenceDiagramView() = default;

void SequenceDiagramView::feed(const LiveTick &tick)
{
    m_model.addEvents(tick.events, tick.sockets);
    m_model.refresh(tick.sockets);
    if (m_model.revision() != m_laidOutRevision) {
        relayout();
        setAccessibleDescription(summary());
        viewport()->update();
    } else if (hasRunningWait()) {
        viewport()->update();  // the blocked bar's clock is running
    }
}

void SequenceDiagramView::forgetRun()
{
    m_model.clear();
    m_follow = true;
    relayout();
    setAccessibleDescription(summary());
    viewport()->update();
}

QString SequenceDiagramView::summary() const
{
    if (m_model.lifelines().empty())
        return emptyText();
    QStringList lifelines;
    for (const SequenceModel::Lifeline &l : m_model.lifelines())
        lifelines << l.header();
    QString text = tr("%n lifeline(s): %1.", nullptr, int(lifelines.size())).arg(lifelines.join(QStringLiteral("; ")));
    // The newest few calls, as a screen reader would want them: the diagram's bottom rows.
    QStringList recent;
    const auto &calls = m_model.calls();
    for (auto it = calls.rbegin(); it != calls.rend() && recent.size() < 4; ++it) {
        const SequenceModel::Lifeline *l = m_model.lifeline(it->socketId);
        recent.prepend(QStringLiteral("%1: %2").arg(l ? l->owner : QString(), m_model.callLabel(*it)));
    }
    if (!recent.isEmpty())
        text += QLatin1Char(' ') + tr("Latest calls: %1.").arg(recent.join(QStringLiteral("; ")));
    return text;
}

QString SequenceDiagramView::emptyText()
{
    return tr("The sequence diagram fills in as the lab runs: a lifeline for each socket, time flowing "
              "down, an arrow for every connection and every message.");
}

bool SequenceDiagramView::hasRunningWait() const
{
    const auto &calls = m_model.calls();
    return std::any_of(calls.rbegin(), calls.rend(), [](const SequenceModel::Call &c) { return c.open() && c.blocked(); });
}

const SequenceRenderer &SequenceDiagramView::renderer() const
{
    // Fitted to the view's width, so every lifeline is in sight without scrolling sideways.
    const int width = viewport()->width();
    if (!m_renderer || m_rendererRevision != m_model.revision() || m_rendererWidth != width) {
        m_renderer = std::make_unique<SequenceRenderer>(m_model, font(), width);
        m_rendererRevision = m_model.revision();
        m_rendererWidth = width;
    }
    return *m_renderer;
}

void SequenceDiagramView::relayout()
{
    m_laidOutRevision = m_model.revision();
    const SequenceRenderer &r = renderer();
    const QSize content = r.contentSize();
    const QSize view = viewport()->size();
    m_settingScroll = true;
    QScrollBar *v = verticalScrollBar();
    v->setRange(0, std::max(0, content.height() - view.height()));
    v->setPageStep(std::max(1, view.height() - r.headerHeight()));
    v->setSingleStep(std::max(1, r.rowBottom(0) - r.rowTop(0)));
    if (m_follow)
        v->setValue(v->maximum());
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, std::max(0, content.width() - view.width()));
    h->setPageStep(view.width());
    h->setSingleStep(20);
    m_settingScroll = false;
}

void SequenceDiagramView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void SequenceDiagramView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_renderer.reset();
        relayout();
    }
    if (event->type() == QEvent::LanguageChange) {
        m_renderer.reset();  // its labels are in the old language
        setAccessibleDescription(summary());
        viewport()->update();
    }
}

void SequenceDiagramView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), Qt::white);
    if (m_model.lifelines().empty()) {
        p.setPen(QColor(0x55, 0x55, 0x55));
        p.drawText(viewport()->rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, emptyText());
        return;
    }
    const SequenceRenderer &r = renderer();
    const int dx = horizontalScrollBar()->value(), dy = verticalScrollBar()->value();
    p.translate(-dx, -dy);
    r.paintBody(p, QRect(dx, dy + r.headerHeight(), viewport()->width(), viewport()->height() - r.headerHeight()),
                socketlab::steadyNowNs());
    p.translate(0, dy);  // the header stays on top while the rows scroll under it
    r.paintHeader(p, 0, std::max(r.contentSize().width(), dx + viewport()->width()));
}

QFont SequenceDiagramView::exportFont() const
{
    QFont f = font();
    f.setPixelSize(16);  // projected slides: large, whatever the screen's DPI
    return f;
}

QImage SequenceDiagramView::renderImage() const
{
    const SequenceRenderer r(m_model, exportFont());
    const QSize content = r.contentSize();
    const qint64 pixels = qint64(content.width()) * content.height();
    const int scale = pixels * 4 <= kMaxExportPixels ? 2 : 1;  // crisp on a projector when it fits
    // A diagram too tall for one image keeps its newest rows: that is what a slide shows.
    const int maxHeight = int(std::max<qint64>(r.headerHeight() * 2, kMaxExportPixels / (qint64(scale) * scale * content.width())));
    const int height = std::min(content.height(), maxHeight);
    QImage image(content.width() * scale, height * scale, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.fill(Qt::white);
    QPainter p(&image);
    p.scale(scale, scale);
    const int skip = content.height() - height;
    p.translate(0, -skip);
    r.paintBody(p, QRect(0, skip + r.headerHeight(), content.width(), height - r.headerHeight()), socketlab::steadyNowNs());
    p.translate(0, skip);
    r.paintHeader(p, 0, content.width());
    return image;
}

bool SequenceDiagramView::exportPng(const QString &file)
{
    const QImage image = renderImage();
    return !image.isNull() && image.save(file, "PNG");
}

bool SequenceDiagramView::exportSvg(const QString &file)
{
    const SequenceRenderer r(m_model, exportFont());
    const QSize content = r.contentSize();
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QSvgGenerator svg;
    svg.setOutputDevice(&out);
    svg.setSize(content);
    svg.setViewBox(QRect(QPoint(0, 0), content));
    svg.setTitle(tr("SocketLab sequence diagram"));
    svg.setDescription(tr("Socket calls of a SocketLab run: lifelines, calls, blocked time and the bytes each message carried."));
    QPainter p;
    if (!p.begin(&svg))
        return false;
    p.fillRect(QRect(QPoint(0, 0), content), Qt::white);
    r.paintBody(p, QRect(0, r.headerHeight(), content.width(), content.height() - r.headerHeight()), socketlab::steadyNowNs());
    r.paintHeader(p, 0, content.width());
    return p.end() && out.flush() && out.size() > 0;
}
