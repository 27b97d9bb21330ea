// The receive-buffer view: for each socket with bytes waiting in the kernel, a strip of
// those bytes split into the segments the peer's sends produced. The boundaries stay drawn
// while the bytes wait and dissolve when one recv takes them all - "three sends, one recv".
// The byte count is the kernel's; the boundaries are what SocketLab traced (the tooltip says
// so). The bookkeeping is ReceiveBufferModel; this widget draws it. A connection the server
// has not accepted yet has a receive buffer too: the client's bytes wait in the kernel
// before the program ever sees the connection, and are drawn (KernelOnlyRows).
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
    // Buffers of connections not accepted yet, as drawn (socketId 0; kernelBytes is the kernel's).
    const std::vector<ReceiveBufferModel::Buffer> &notAccepted() const { return m_notAccepted; }
    QString summary() const;  // in words: the accessible description

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int rowHeight() const;
    void paintBuffer(QPainter &p, const QRect &row, const ReceiveBufferModel::Buffer &b, std::int64_t nowNs,
                     bool notAccepted) const;
    std::size_t rowCount() const { return m_model.buffers().size() + m_notAccepted.size(); }

    ReceiveBufferModel m_model;
    std::vector<ReceiveBufferModel::Buffer> m_notAccepted;
    std::size_t m_rows = 0;
};
