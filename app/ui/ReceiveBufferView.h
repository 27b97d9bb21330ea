// The receive-buffer view: for each socket with bytes waiting in the kernel, a strip of
// those bytes split into the segments the peer's sends produced. The boundaries stay drawn
// while the bytes wait and dissolve when one recv takes them all - "three sends, one recv".
// The byte count is the kernel's; the boundaries are what SocketLab traced (the tooltip says
// so). The bookkeeping is ReceiveBufferModel; this widget draws it.
#pragma once

#include "LiveView.h"
#include "ReceiveBufferModel.h"

#include <QWidget>

class ReceiveBufferView : public QWidget, public LiveView {
    Q_OBJECT
public:
    explicit ReceiveBufferView(QWidget *parent = nullptr);

    void feed(const LiveTick &tick) override;
    void forgetRun() override;

    const ReceiveBufferModel &model() const { return m_model; }  // for tests

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int rowHeight() const;
    void paintBuffer(QPainter &p, const QRect &row, const ReceiveBufferModel::Buffer &b, std::int64_t nowNs) const;

    ReceiveBufferModel m_model;
    std::size_t m_rows = 0;
};
