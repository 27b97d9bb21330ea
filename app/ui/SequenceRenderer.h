// Draws a SequenceModel with a QPainter: lifeline headers, the time gutter, call boxes,
// activation and blocked bars, arrows with byte counts and the socketserver stage labels.
// One renderer serves the live view (a window onto part of the diagram) and the PNG / SVG
// export (all of it), so slides show exactly what the class saw. Colours are chosen to
// survive a projector: dark strokes, saturated hues, no meaning carried by pale tints alone.
#pragma once

#include "SequenceModel.h"

#include <QCoreApplication>
#include <QFont>
#include <QHash>
#include <QRect>
#include <QSize>

#include <cstdint>
#include <vector>

class QPainter;

class SequenceRenderer {
    Q_DECLARE_TR_FUNCTIONS(SequenceRenderer)
public:
    // Geometry is computed here, once per model revision. With fitWidth > 0 the columns
    // narrow (down to a readable minimum, labels elided) so every lifeline fits that width:
    // the live view shows all of them; an export takes the natural width.
    SequenceRenderer(const SequenceModel &model, const QFont &font, int fitWidth = 0);

    QSize contentSize() const;  // the whole diagram, header included
    int headerHeight() const { return m_headerHeight; }
    const QFont &smallFont() const { return m_small; }  // times and stage labels
    int rowTop(std::int64_t row) const;
    int rowBottom(std::int64_t row) const;  // without its stage band
    std::int64_t rowAt(int y) const;        // the row at diagram height y (clamped to the first)
    int lifelineX(int column) const;
    // The hatched bar of a call's wait, in diagram coordinates; empty when it is not drawn
    // (it never waited, or too briefly to matter: SequenceModel::kShortestWaitShownNs).
    QRectF blockedBar(const SequenceModel::Call &c) const;
    const std::vector<SequenceModel::PendingConnect> &pendingConnects() const { return m_pending; }

    // Paints the diagram's rows that meet area (diagram coordinates), under the header.
    void paintBody(QPainter &p, const QRect &area, std::int64_t nowNs) const;
    // Paints the lifeline headers in a band starting at y = top, x from 0 (the caller translates).
    void paintHeader(QPainter &p, int top, int width) const;

private:
    QColor ownerColour(const QString &owner) const;
    int halfWidthAt(const SequenceModel::Call &c, std::int64_t row) const;
    void paintLifelines(QPainter &p, const QRect &area) const;
    void paintCall(QPainter &p, const SequenceModel::Call &c, std::int64_t nowNs) const;
    void paintArrow(QPainter &p, const SequenceModel::Arrow &a, const QRect &area) const;
    void paintStages(QPainter &p, const QRect &area) const;
    void paintPendingConnect(QPainter &p, const SequenceModel::PendingConnect &pending, const QRect &area) const;
    int gapAfter(std::int64_t row) const;
    void paintGutter(QPainter &p, const QRect &area) const;

    const SequenceModel &m_model;
    QFont m_font, m_bold, m_small;
    int m_rowHeight, m_stageBand, m_columnWidth, m_boxWidth, m_gutterWidth, m_headerHeight, m_barWidth;
    int m_rightRoom;  // past the last lifeline: its "blocked 12.3 ms …" label
    std::vector<int> m_rowY;  // top of each row below the header; one extra entry: the end
    std::vector<SequenceModel::PendingConnect> m_pending;
    QHash<QString, int> m_owners;  // owner -> palette index, in column order
    QHash<std::uint64_t, int> m_arrowsInto, m_arrowsOutOf;  // arrows per receiving / sending call
};
