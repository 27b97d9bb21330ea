// A pane's listing with the lines its threads are at marked: a light fill across the line,
// a strong edge in the gutter - solid for the line about to run, hatched for a line blocked
// in a call, so the difference is not the colour alone - and, where the line leaves room, a
// word at its right end ("next", "blocked", "request 2: next"). The focus thread's line is
// scrolled into view. In the classroom layout long lines wrap instead of running off the
// pane's edge.
#pragma once

#include <QPlainTextEdit>

#include <vector>

class ListingView : public QPlainTextEdit {
    Q_OBJECT
public:
    struct Marker {
        int line = 0;         // 1-based
        bool focus = false;   // the moment the pane's state line and explanation describe
        bool blocked = false; // waiting in a call (or for a request)
        QString tag;          // the word shown at the line's end
    };

    explicit ListingView(QWidget *parent = nullptr);

    void setMarkers(const QList<Marker> &markers);
    const QList<Marker> &markers() const { return m_markers; }
    void setWrapped(bool wrapped);
    int visibleLines() const;  // whole lines of text the viewport shows
    int wrappedLines() const;  // lines the listing takes as laid out now (more than blocks when wrapped)

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QRectF blockRect(int line) const;
    std::vector<bool> drawnMarkers() const;  // per marker: false when a later one paints over it
    void showFocus();
    void describe();

    QList<Marker> m_markers;
};
