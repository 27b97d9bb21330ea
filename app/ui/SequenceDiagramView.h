// The live sequence diagram of a lab run: a lifeline per socket headed "pane · fd N · TCP",
// time flowing down, each call a box, connect -> accept and send -> recv arrows with byte
// counts, blocked time as a hatched red bar. It follows the newest event until the user
// scrolls back (and again once they scroll to the bottom), and exports the whole diagram to
// PNG or SVG for slides.
//
// A LiveView: fed once per tick from the GUI thread, never blocking.
#pragma once

#include "LiveView.h"
#include "SequenceModel.h"

#include <QAbstractScrollArea>
#include <QImage>

#include <memory>

class SequenceRenderer;

class SequenceDiagramView : public QAbstractScrollArea, public LiveView {
    Q_OBJECT
public:
    explicit SequenceDiagramView(QWidget *parent = nullptr);
    ~SequenceDiagramView() override;

    void feed(const LiveTick &tick) override;
    void forgetRun() override;

    // The whole diagram (for PNG: the newest part if it would exceed kMaxExportPixels), in a
    // font large enough to read from the back of a classroom. False if the file cannot be written.
    bool exportPng(const QString &file);
    bool exportSvg(const QString &file);
    QImage renderImage() const;  // what exportPng writes

    const SequenceModel &model() const { return m_model; }
    const SequenceRenderer &renderer() const;  // as the view draws it now (fitted to its width)
    QString summary() const;  // the lifelines and the latest calls in words (accessible description)
    bool followsNewest() const { return m_follow; }

    static constexpr qint64 kMaxExportPixels = 24'000'000;  // about 96 MB of image at most

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    static QString emptyText();
    QFont exportFont() const;
    void relayout();
    bool hasRunningWait() const;

    SequenceModel m_model;
    mutable std::unique_ptr<SequenceRenderer> m_renderer;
    mutable std::uint64_t m_rendererRevision = 0;
    mutable int m_rendererWidth = -1;
    std::uint64_t m_laidOutRevision = ~std::uint64_t{0};
    bool m_follow = true;
    bool m_settingScroll = false;
};
