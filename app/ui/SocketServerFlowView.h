// The SocketServer flow: serve_forever -> get_request -> verify_request -> process_request
// -> finish_request -> setup -> handle -> finish -> shutdown_request as a row of boxes lit
// as the stage events arrive (the stage running now highlighted, those just passed fading),
// and below them the request threads or child processes alive, each with its request's
// client and current stage. It has no content until a lab traces a socketserver stage, so
// its tab shows only then. The bookkeeping is SocketServerFlowModel.
#pragma once

#include "LiveView.h"
#include "SocketServerFlowModel.h"

#include <QWidget>

class SocketServerFlowView : public QWidget, public LiveView {
    Q_OBJECT
public:
    explicit SocketServerFlowView(QWidget *parent = nullptr);

    void feed(const LiveTick &tick) override;
    void forgetRun() override;
    bool hasContent() const override { return hasServer(); }

    const SocketServerFlowModel &model() const { return m_model; }  // for tests
    bool hasServer() const { return m_model.seenServer(); }
    QString summary() const;  // the stage running and the workers, in words (accessible description)

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QSize boxSize() const;
    int boxesPerRow(int width) const;
    int boxesHeight(int width) const;
    QString workerText(const SocketServerFlowModel::Worker &w) const;

    SocketServerFlowModel m_model;
    std::size_t m_workerRows = 0;
};
