#include "ListingView.h"

#include "SafeColours.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QTextBlock>

#include <vector>

namespace {
constexpr int kEdge = 7;  // the marker's edge in the gutter, px
} // namespace

ListingView::ListingView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    document()->setDocumentMargin(kEdge + 4);  // the marker's edge has the left margin to itself
}

void ListingView::setWrapped(bool wrapped)
{
    setLineWrapMode(wrapped ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
}

int ListingView::visibleLines() const
{
    return viewport()->height() / std::max(1, fontMetrics().lineSpacing());
}

int ListingView::wrappedLines() const
{
    int lines = 0;
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next())
        lines += std::max(1, b.lineCount());
    return lines;
}

void ListingView::setMarkers(const QList<Marker> &markers)
{
    m_markers = markers;
    // One fill a line: the fills are opaque and cover the whole line, so a line's last marker's
    // fill is the one seen (a load pane's hundreds of threads share a few lines, and Qt lays
    // out and paints every selection of a line).
    QList<QTextEdit::ExtraSelection> marks;
    QHash<int, qsizetype> markOfLine;
    QTextBlock focusBlock;
    for (const Marker &m : markers) {
        const QTextBlock block = document()->findBlockByNumber(m.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);  // every wrapped line of it
        mark.format.setBackground(m.blocked ? safecolour::blockedLine() : m.focus ? safecolour::nextLine() : safecolour::otherThreadLine());
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        if (const auto seen = markOfLine.constFind(m.line); seen != markOfLine.cend()) {
            marks[*seen] = mark;
        } else {
            markOfLine.insert(m.line, marks.size());
            marks << mark;
        }
        if (m.focus)
            focusBlock = block;
    }
    setExtraSelections(marks);
    showFocus();
    describe();
    viewport()->update();
}

// The focus thread's line in view, all of it (also after the listing was resized).
void ListingView::showFocus()
{
    for (const Marker &m : m_markers) {
        const QTextBlock block = document()->findBlockByNumber(m.line - 1);
        if (!m.focus || !block.isValid())
            continue;
        QTextCursor end(block);
        end.movePosition(QTextCursor::EndOfBlock);
        setTextCursor(end);  // a wrapped line's last part in view too
        ensureCursorVisible();
        setTextCursor(QTextCursor(block));
        ensureCursorVisible();
        return;
    }
}

void ListingView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    showFocus();
}

// For a screen reader: which lines are marked and why, as the tags say it.
void ListingView::describe()
{
    QStringList parts;
    for (const Marker &m : m_markers) {
        const QTextBlock block = document()->findBlockByNumber(m.line - 1);
        if (block.isValid())
            parts << tr("line %1, %2: %3").arg(m.line).arg(m.tag, block.text().trimmed());
    }
    setAccessibleDescription(parts.join(QLatin1Char('\n')));
}

QRectF ListingView::blockRect(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid() || !block.isVisible())
        return {};
    return blockBoundingGeometry(block).translated(contentOffset());
}

// A marker drawn again later (same line, kind and tag) would be painted over exactly: only
// its last copy is drawn.
std::vector<bool> ListingView::drawnMarkers() const
{
    std::vector<bool> drawn(std::size_t(m_markers.size()), true);
    QSet<QString> later;
    for (qsizetype i = m_markers.size() - 1; i >= 0; --i) {
        const Marker &m = m_markers[i];
        const QString key = QStringLiteral("%1 %2 %3 %4").arg(m.line).arg(int(m.focus)).arg(int(m.blocked)).arg(m.tag);
        if (later.contains(key))
            drawn[std::size_t(i)] = false;
        else
            later.insert(key);
    }
    return drawn;
}

void ListingView::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics bm(bold);
    // A load pane's hundreds of threads share a few lines and tags: each is measured once a paint.
    QHash<int, int> textEnds;
    QHash<QString, int> tagWidths;
    const std::vector<bool> drawn = drawnMarkers();
    for (qsizetype i = 0; i < m_markers.size(); ++i) {
        if (!drawn[std::size_t(i)])
            continue;
        const Marker &m = m_markers[i];
        const QRectF r = blockRect(m.line);
        if (r.isEmpty() || r.bottom() < 0 || r.top() > viewport()->height())
            continue;
        const QColor strong = m.blocked ? safecolour::blockedLineStrong() : m.focus ? safecolour::nextLineStrong() : QColor(90, 90, 90);
        const QRectF edge(0, r.top(), kEdge, r.height());
        if (m.blocked) {  // hatched: waiting
            p.fillRect(edge, Qt::white);
            p.fillRect(edge, QBrush(strong, Qt::BDiagPattern));
            p.setPen(QPen(strong, 1));
            p.drawRect(edge.adjusted(0.5, 0.5, -0.5, -0.5));
        } else {  // solid: about to run
            p.fillRect(edge, strong);
        }
        if (m.tag.isEmpty())
            continue;
        // The word goes at the line's end only where it covers no code.
        auto textEnd = textEnds.find(m.line);
        if (textEnd == textEnds.end()) {
            const QTextBlock block = document()->findBlockByNumber(m.line - 1);
            const QString firstLine = block.layout() && block.layout()->lineCount() > 0 ? block.text().left(block.layout()->lineAt(0).textLength()) : block.text();
            textEnd = textEnds.insert(m.line, int(r.left()) + document()->documentMargin() + fm.horizontalAdvance(firstLine));
        }
        const QString text = QStringLiteral("◀ ") + m.tag;
        auto tagWidth = tagWidths.find(text);
        if (tagWidth == tagWidths.end())
            tagWidth = tagWidths.insert(text, bm.horizontalAdvance(text) + 10);
        const int width = *tagWidth;
        const int right = viewport()->width() - 4;
        if (right - width < *textEnd + fm.averageCharWidth() * 2)
            continue;
        const QRectF pill(right - width, r.top() + 1, width, std::min<qreal>(r.height(), fm.lineSpacing()) - 2);
        p.setPen(QPen(strong, 1.5));
        p.setBrush(Qt::white);
        p.drawRoundedRect(pill, 4, 4);
        p.setFont(bold);
        p.setPen(strong);
        p.drawText(pill, Qt::AlignCenter, text);
    }
}
